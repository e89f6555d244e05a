import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an Office Open XML workbook (.xlsx, as Excel, LibreOffice, Google Sheets and
/// Numbers write it).
///
/// Opening reads the workbook (sheet names and order, the 1900/1904 date system),
/// the styles (which cell styles are dates) and the shared strings. `readRows` streams a
/// worksheet with XMLParser (SAX), one row in memory at a time; a worksheet larger
/// than `inMemorySheetBytes` unpacked is first unpacked to a temporary file.
///
/// Cells: shared and inline strings (rich-text runs joined) -> `.text`; numbers ->
/// `.number` with exact decimal text (15 significant digits, as Excel shows them);
/// numbers in a date format -> `.date` (time of day dropped; times and durations stay
/// numbers); `t="b"` -> `.bool`; `t="e"` (`#N/A`) -> `.error`; formulas -> their cached
/// value, or `.uncalculatedFormula` when the file stores none (written by a script, never
/// calculated). Missing cells and rows are empty.
///
/// Damage is an error, never a guess: a part cut off or not well-formed, a row number
/// outside 1...1,048,576 or out of order, a cell reference that is not strict A1 form
/// (`CellReference`) or does not increase along its row, and any part that unpacks to more
/// than `XLSXPackage.maxPartBytes` (512 MiB; counted while unpacking, as a ZIP's own size
/// fields can lie). Work follows the cells in the file: a row of a few cells far apart is
/// kept sparse.
public final class XLSXReader: WorkbookReader {
    public static let inMemorySheetBytes: UInt64 = 32 << 20
    /// `inMemorySheetBytes`, lowered by tests to exercise the temporary-file path.
    var inMemorySheetLimit = XLSXReader.inMemorySheetBytes

    public let url: URL
    public let fileName: String
    public let sheets: [SheetInfo]
    /// The workbook uses the 1904 date system (old Mac Excel): serial 0 = 1904-01-01.
    public let uses1904DateSystem: Bool
    public var detectedDialect: String? {
        "XLSX, \(sheets.count) sheet\(sheets.count == 1 ? "" : "s")" + (uses1904DateSystem ? ", 1904 date system" : "")
    }

    private let package: XLSXPackage
    private let sheetPaths: [String]
    private let sharedStrings: [String]
    private let dateStyles: [Bool]

    public convenience init(url: URL) throws {
        try self.init(url: url, partLimit: XLSXPackage.maxPartBytes)
    }

    /// `partLimit`: at most this many bytes unpacked per part (`XLSXPackage.maxPartBytes`).
    init(url: URL, partLimit: UInt64) throws {
        self.url = url
        let fileName = url.lastPathComponent
        self.fileName = fileName
        let package = try XLSXPackage(url: url, fileName: fileName, partLimit: partLimit)
        self.package = package

        // The workbook part: named by the package relationships, normally xl/workbook.xml.
        var workbookPath = "xl/workbook.xml"
        if let data = try package.read("_rels/.rels") {
            let rels = RelationshipsDelegate()
            try XLSXParts.parse(data, with: rels, part: "_rels/.rels", fileName: fileName)
            if let office = rels.first(ofType: "officeDocument"), package.entry(XLSXPackage.resolve(office.target, from: "")) != nil {
                workbookPath = XLSXPackage.resolve(office.target, from: "")
            }
        }
        guard let workbookData = try package.read(workbookPath) else {
            throw SpreadsheetError(.unsupportedFormat, file: fileName, package.describeNonWorkbook())
        }
        let workbook = WorkbookDelegate()
        try XLSXParts.parse(workbookData, with: workbook, part: workbookPath, fileName: fileName)
        uses1904DateSystem = workbook.date1904

        let relsPath = XLSXPackage.relsPath(of: workbookPath)
        let folder = XLSXPackage.folder(of: workbookPath)
        let rels = RelationshipsDelegate()
        if let data = try package.read(relsPath) {
            try XLSXParts.parse(data, with: rels, part: relsPath, fileName: fileName)
        }

        var infos: [SheetInfo] = []
        var paths: [String] = []
        for sheet in workbook.sheets {
            let path: String
            if let rel = sheet.relationshipId.isEmpty ? nil : rels.relationships[sheet.relationshipId] {
                guard rel.type.hasSuffix("/worksheet") || rel.type.isEmpty else { continue } // chart/dialog sheets
                path = XLSXPackage.resolve(rel.target, from: folder)
            } else {
                path = "\(folder)/worksheets/sheet\(infos.count + 1).xml"
            }
            infos.append(SheetInfo(name: sheet.name, index: infos.count, isHidden: sheet.hidden))
            paths.append(path)
        }
        guard !infos.isEmpty else {
            throw SpreadsheetError(.empty, file: fileName, "the workbook has no worksheets")
        }
        sheets = infos
        sheetPaths = paths

        let stylesPath = rels.first(ofType: "styles").map { XLSXPackage.resolve($0.target, from: folder) } ?? "\(folder)/styles.xml"
        if let data = try package.read(stylesPath) {
            let styles = StylesDelegate()
            try XLSXParts.parse(data, with: styles, part: stylesPath, fileName: fileName)
            dateStyles = styles.dateStyles
        } else {
            dateStyles = []
        }

        let stringsPath = rels.first(ofType: "sharedStrings").map { XLSXPackage.resolve($0.target, from: folder) }
            ?? "\(folder)/sharedStrings.xml"
        if let data = try package.read(stringsPath) {
            let strings = SharedStringsDelegate()
            try XLSXParts.parse(data, with: strings, part: stringsPath, fileName: fileName)
            sharedStrings = strings.strings
        } else {
            sharedStrings = []
        }
    }

    public func readRows(sheet: Int, _ body: (SheetRow) throws -> Void) throws {
        guard sheets.indices.contains(sheet) else {
            throw SpreadsheetError(.malformed, file: fileName,
                                   "the workbook has \(sheets.count) sheet\(sheets.count == 1 ? "" : "s"); there is no sheet \(sheet)")
        }
        let path = sheetPaths[sheet]
        let name = sheets[sheet].name
        guard let entry = package.entry(path) else { throw package.missing(path) }
        try withoutActuallyEscaping(body) { body in
            let delegate = WorksheetDelegate(sharedStrings: sharedStrings, dateStyles: dateStyles,
                                             date1904: uses1904DateSystem, fileName: fileName, sheetName: name,
                                             body: body)
            if entry.uncompressedSize <= inMemorySheetLimit {
                guard let data = try package.read(path) else { throw package.missing(path) }
                try XLSXParts.parse(data, with: delegate, part: path, fileName: fileName)
            } else {
                let temp = FileManager.default.temporaryDirectory
                    .appendingPathComponent("spreadsheet-\(UUID().uuidString).xml")
                defer { try? FileManager.default.removeItem(at: temp) }
                try package.extract(path, to: temp)
                guard let handle = try? FileHandle(forReadingFrom: temp) else { throw package.damaged(path) }
                let size = (try? handle.seekToEnd()) ?? 0
                try? handle.seek(toOffset: size > 512 ? size - 512 : 0)
                let tail = (try? handle.readToEnd()) ?? Data()
                try? handle.close()
                try XLSXParts.checkEnd(tail, part: path, fileName: fileName)
                guard let stream = InputStream(url: temp) else { throw package.damaged(path) }
                try XLSXParts.run(XMLParser(stream: stream), delegate: delegate, part: path, fileName: fileName)
            }
        }
    }

    // MARK: - Dates

    /// The cell for a number shown with a date format.
    static func dateCell(serialText: String, date1904: Bool) -> Cell {
        guard let value = Double(serialText), value.isFinite, value > -1e9, value < 1e9 else {
            return .error("#DATE! \(serialText) is not a date")
        }
        switch CalendarDate.fromExcelSerial(Int(value.rounded(.down)), date1904: date1904) {
        case .date(let d): return .date(d)
        case .nonexistentLeapDay: return .error("#DATE! 1900-02-29 does not exist (Excel's 1900 leap-year bug, serial 60)")
        case .outOfRange: return .error("#DATE! \(serialText) is not a date")
        }
    }

    /// `yyyy-mm-dd` at the start of an ISO 8601 date or date-time (`t="d"` cells).
    static func isoDate(_ s: String) -> CalendarDate? {
        let u = Array(s.utf8)
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? { Int(String(decoding: u[r], as: UTF8.self)) }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}
