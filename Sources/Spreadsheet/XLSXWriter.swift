import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a minimal, valid .xlsx workbook that Excel and LibreOffice open: several
/// sheets, each with a bold, frozen header row, column widths, real number, date and
/// boolean cells, and text in a shared-string table.
///
/// ```swift
/// var writer = XLSXWriter()
/// try writer.addSheet(name: "Tilbud", columns: [
///     .init("Tilbud"), .init("Pladser", numberFormat: "#,##0"),
///     .init("Døgntakst", numberFormat: "#,##0.00"), .init("Åbner", numberFormat: "dd-mm-yyyy"),
/// ], rows: [[.text("Engen"), .number("12"), .number("2150.5"), .date(d)]])
/// try writer.write(to: url)
/// ```
///
/// `.number` cells take exact decimal text (`"2150.50"`, `"-3"`); `.date` cells become
/// serial numbers shown with the column's date format (or `defaultDateFormat`); dates
/// before 1900 are written as text. Number formats are format codes with `,` for
/// thousands and `.` for decimals: Excel shows them with the reader's own separators.
public struct XLSXWriter: Sendable {
    public struct Column: Sendable, Hashable {
        /// The header text (row 1, bold).
        public var header: String
        /// Width in characters; nil fits the header and content (8 to 60).
        public var width: Double?
        /// Format code for the column's numbers and dates, e.g. `#,##0`, `#,##0.00`,
        /// `0.0`, `dd-mm-yyyy`, `yyyy-mm-dd`. Nil: numbers as General, dates in
        /// `XLSXWriter.defaultDateFormat`.
        public var numberFormat: String?

        public init(_ header: String, width: Double? = nil, numberFormat: String? = nil) {
            self.header = header
            self.width = width
            self.numberFormat = numberFormat
        }
    }

    /// Excel's limits.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    public static let maxCellCharacters = 32_767

    /// The date format of date cells in columns without a date `numberFormat`
    /// (`dd-mm-yyyy` suits Danish readers).
    public var defaultDateFormat: String

    private struct Sheet: Sendable {
        let name: String
        let xml: [UInt8]
    }

    private var sheets: [Sheet] = []
    private var sharedStrings: [String] = []
    private var sharedIndex: [String: Int] = [:]
    private var formats: [String] = []          // custom formats, numFmtId 164 + index
    private var styleFormats: [Int] = [0, 0]    // cellXfs: numFmtId per style; 0 = normal, 1 = bold header
    private var styleIndex: [Int: Int] = [:]    // numFmtId -> cellXfs index (non-bold)

    public init(defaultDateFormat: String = "yyyy-mm-dd") {
        self.defaultDateFormat = defaultDateFormat
    }

    /// The names of the sheets added so far (after making them valid).
    public var sheetNames: [String] { sheets.map(\.name) }

    /// Adds a sheet and returns its name as written: Excel's rules applied (at most 31
    /// characters, none of `[]:*?/\`, unique ignoring case).
    @discardableResult
    public mutating func addSheet<Rows: Sequence>(name: String, columns: [Column], rows: Rows) throws -> String
    where Rows.Element == [Cell] {
        let sheetName = uniqueSheetName(name)
        guard columns.count <= XLSXWriter.maxColumns else {
            throw SpreadsheetError(.tooLarge, file: "", sheet: sheetName, "more than \(XLSXWriter.maxColumns) columns")
        }
        var widths = columns.map { Double($0.header.count) * 1.2 + 3 }
        var columnStyles: [Int] = []
        var dateStyles: [Int] = []
        for column in columns {
            if let f = column.numberFormat { columnStyles.append(style(forFormat: f)) } else { columnStyles.append(0) }
            if let f = column.numberFormat, NumberFormat.isDate(code: f) {
                dateStyles.append(style(forFormat: f))
            } else {
                dateStyles.append(style(forFormat: defaultDateFormat))
            }
        }
        let defaultDateStyle = style(forFormat: defaultDateFormat)

        var data: [UInt8] = []
        data.reserveCapacity(1 << 16)
        func put(_ s: String) { data.append(contentsOf: s.utf8) }
        let letters = (0..<max(columns.count, 1)).map { ColumnName.letters($0) }
        var columnLetters = letters
        func ref(_ column: Int, _ row: Int) -> String {
            while column >= columnLetters.count { columnLetters.append(ColumnName.letters(columnLetters.count)) }
            return columnLetters[column] + String(row)
        }

        // Header row.
        put("<row r=\"1\">")
        for (c, column) in columns.enumerated() where !column.header.isEmpty {
            try checkLength(column.header, sheet: sheetName, row: 1, column: c)
            put("<c r=\"\(ref(c, 1))\" s=\"1\" t=\"s\"><v>\(shared(column.header))</v></c>")
        }
        put("</row>")

        var rowNumber = 1
        var maxColumn = columns.count - 1
        for cells in rows {
            rowNumber += 1
            guard rowNumber <= XLSXWriter.maxRows else {
                throw SpreadsheetError(.tooLarge, file: "", sheet: sheetName, "more than \(XLSXWriter.maxRows) rows")
            }
            guard cells.count <= XLSXWriter.maxColumns else {
                throw SpreadsheetError(.tooLarge, file: "", sheet: sheetName, row: rowNumber,
                                       "more than \(XLSXWriter.maxColumns) columns")
            }
            put("<row r=\"\(rowNumber)\">")
            for (c, cell) in cells.enumerated() {
                let r = ref(c, rowNumber)
                var shown = 0
                switch cell {
                case .empty:
                    continue
                case .text(let s):
                    try checkLength(s, sheet: sheetName, row: rowNumber, column: c)
                    put("<c r=\"\(r)\" t=\"s\"><v>\(shared(s))</v></c>")
                    shown = s.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
                case .number(let n):
                    guard let plain = DecimalText.normalize(n, significantDigits: 30), !n.contains("e"), !n.contains("E") else {
                        throw SpreadsheetError(.invalidValue, file: "", sheet: sheetName, row: rowNumber, column: c,
                                               "\"\(n)\" is not a decimal number (write digits, an optional '-' and '.')")
                    }
                    let s = c < columnStyles.count ? columnStyles[c] : 0
                    put("<c r=\"\(r)\"\(s == 0 ? "" : " s=\"\(s)\"")><v>\(plain)</v></c>")
                    shown = plain.count + plain.count / 3
                case .date(let d):
                    if let serial = d.excelSerial() {
                        let s = c < dateStyles.count ? dateStyles[c] : defaultDateStyle
                        put("<c r=\"\(r)\" s=\"\(s)\"><v>\(serial)</v></c>")
                    } else {
                        put("<c r=\"\(r)\" t=\"s\"><v>\(shared(d.description))</v></c>")
                    }
                    shown = 10
                case .bool(let b):
                    put("<c r=\"\(r)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>")
                    shown = 5
                case .error(let e):
                    if XLSXWriter.excelErrors.contains(e) {
                        put("<c r=\"\(r)\" t=\"e\"><v>\(XMLText.escape(e))</v></c>")
                    } else {
                        try checkLength(e, sheet: sheetName, row: rowNumber, column: c)
                        put("<c r=\"\(r)\" t=\"s\"><v>\(shared(e))</v></c>")
                    }
                    shown = e.count
                case .uncalculatedFormula(let f):
                    // A formula without its value, as a script writes one: what the reader
                    // must recognise (tests make such files with this).
                    try checkLength(f, sheet: sheetName, row: rowNumber, column: c)
                    put("<c r=\"\(r)\"><f>\(XMLText.escape(f))</f></c>")
                    shown = f.count + 1
                }
                maxColumn = max(maxColumn, c)
                while widths.count <= c { widths.append(8) }
                widths[c] = max(widths[c], Double(shown) + 2)
            }
            put("</row>")
        }

        // Assemble: the parts before sheetData depend on what the rows held.
        var xml: [UInt8] = []
        xml.reserveCapacity(data.count + 1024)
        func add(_ s: String) { xml.append(contentsOf: s.utf8) }
        add("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        add("<worksheet xmlns=\"\(XLSXWriter.mainNS)\" xmlns:r=\"\(XLSXWriter.relNS)\">")
        let lastColumn = ColumnName.letters(max(maxColumn, 0))
        add("<dimension ref=\"A1:\(lastColumn)\(rowNumber)\"/>")
        add("<sheetViews><sheetView \(sheets.isEmpty ? "tabSelected=\"1\" " : "")workbookViewId=\"0\">")
        add("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
        add("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
        add("<sheetFormatPr defaultRowHeight=\"15\"/>")
        if !widths.isEmpty {
            add("<cols>")
            for (c, fitted) in widths.enumerated() {
                let w = (c < columns.count ? columns[c].width : nil) ?? min(max(fitted, 8), 60)
                add("<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(XLSXWriter.format(w))\" customWidth=\"1\"/>")
            }
            add("</cols>")
        }
        add("<sheetData>")
        xml.append(contentsOf: data)
        add("</sheetData>")
        add("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        add("</worksheet>")
        sheets.append(Sheet(name: sheetName, xml: xml))
        return sheetName
    }

    /// Writes the workbook to `url` (through a temporary file next to it, so a failed
    /// write leaves no half file). Throws when there is no sheet.
    public func write(to url: URL) throws {
        let fileName = url.lastPathComponent
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(fileName).\(UUID().uuidString).tmp")
        do {
            let archive = try Archive(url: temp, accessMode: .create)
            try fill(archive, fileName: fileName)
            // rename(2) replaces an existing file atomically (FileManager.replaceItemAt
            // fails on Linux when the target exists).
            guard rename(temp.path, url.path) == 0 else {
                throw SpreadsheetError(.writeFailed, file: fileName,
                                       "the workbook cannot be saved here (\(String(cString: strerror(errno))))")
            }
        } catch let error as SpreadsheetError {
            try? FileManager.default.removeItem(at: temp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw SpreadsheetError(.writeFailed, file: fileName, "writing the workbook failed: \(error)")
        }
    }

    /// The workbook as bytes (for sending without a file).
    public func data() throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            try fill(archive, fileName: "")
            guard let data = archive.data else { throw SpreadsheetError(.writeFailed, file: "", "no data") }
            return data
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(.writeFailed, file: "", "writing the workbook failed: \(error)")
        }
    }

    // MARK: - Parts

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let excelErrors: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private func fill(_ archive: Archive, fileName: String) throws {
        guard !sheets.isEmpty else {
            throw SpreadsheetError(.invalidValue, file: fileName, "a workbook needs at least one sheet")
        }
        let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var types = XLSXWriter.header
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ct).sheet.main+xml\"/>"
        for i in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"\(ct).worksheet+xml\"/>"
        }
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ct).styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ct).sharedStrings+xml\"/>"
            + "</Types>"

        let rootRels = XLSXWriter.header + "<Relationships xmlns=\"\(XLSXWriter.pkgRelNS)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(XLSXWriter.relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"

        var workbook = XLSXWriter.header + "<workbook xmlns=\"\(XLSXWriter.mainNS)\" xmlns:r=\"\(XLSXWriter.relNS)\">"
            + "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        var workbookRels = XLSXWriter.header + "<Relationships xmlns=\"\(XLSXWriter.pkgRelNS)\">"
        for (i, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            workbookRels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(XLSXWriter.relNS)/worksheet\" "
                + "Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        workbook += "</sheets></workbook>"
        workbookRels += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(XLSXWriter.relNS)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(XLSXWriter.relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"

        try add(archive, "[Content_Types].xml", Array(types.utf8))
        try add(archive, "_rels/.rels", Array(rootRels.utf8))
        try add(archive, "xl/workbook.xml", Array(workbook.utf8))
        try add(archive, "xl/_rels/workbook.xml.rels", Array(workbookRels.utf8))
        try add(archive, "xl/styles.xml", Array(stylesXML().utf8))
        try add(archive, "xl/sharedStrings.xml", sharedStringsXML())
        for (i, sheet) in sheets.enumerated() {
            try add(archive, "xl/worksheets/sheet\(i + 1).xml", sheet.xml)
        }
    }

    private func add(_ archive: Archive, _ path: String, _ bytes: [UInt8]) throws {
        let data = Data(bytes)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             modificationDate: XLSXWriter.fixedDate, compressionMethod: .deflate,
                             bufferSize: 1 << 16) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Entries carry a fixed time stamp, so the same content gives the same bytes.
    private static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800) // 2020-01-01

    private func stylesXML() -> String {
        var s = XLSXWriter.header + "<styleSheet xmlns=\"\(XLSXWriter.mainNS)\">"
        if !formats.isEmpty {
            s += "<numFmts count=\"\(formats.count)\">"
            for (i, code) in formats.enumerated() {
                s += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(XMLText.escape(code))\"/>"
            }
            s += "</numFmts>"
        }
        s += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(styleFormats.count)\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        for id in styleFormats.dropFirst(2) {
            s += "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        s += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
        return s
    }

    private func sharedStringsXML() -> [UInt8] {
        var out: [UInt8] = []
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        put(XLSXWriter.header)
        put("<sst xmlns=\"\(XLSXWriter.mainNS)\" count=\"\(sharedStrings.count)\" uniqueCount=\"\(sharedStrings.count)\">")
        for s in sharedStrings {
            put("<si><t xml:space=\"preserve\">")
            put(XMLText.escape(s))
            put("</t></si>")
        }
        put("</sst>")
        return out
    }

    // MARK: - Helpers

    private mutating func shared(_ s: String) -> Int {
        if let i = sharedIndex[s] { return i }
        sharedStrings.append(s)
        sharedIndex[s] = sharedStrings.count - 1
        return sharedStrings.count - 1
    }

    /// The cellXfs index for a format code.
    private mutating func style(forFormat code: String) -> Int {
        let id: Int
        if code == "General" || code.isEmpty {
            return 0
        } else if let i = formats.firstIndex(of: code) {
            id = 164 + i
        } else {
            formats.append(code)
            id = 164 + formats.count - 1
        }
        if let s = styleIndex[id] { return s }
        styleFormats.append(id)
        styleIndex[id] = styleFormats.count - 1
        return styleFormats.count - 1
    }

    private func checkLength(_ s: String, sheet: String, row: Int, column: Int) throws {
        if s.utf16.count > XLSXWriter.maxCellCharacters {
            throw SpreadsheetError(.tooLarge, file: "", sheet: sheet, row: row, column: column,
                                   "a cell holds more than \(XLSXWriter.maxCellCharacters) characters, Excel's limit")
        }
    }

    private func uniqueSheetName(_ wanted: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var name = String(wanted.map { forbidden.contains($0) || $0.isNewline ? "_" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        name = String(name.prefix(31))
        if name.trimmingCharacters(in: .whitespaces).isEmpty { name = "Sheet\(sheets.count + 1)" }
        if name.lowercased() == "history" { name += "_" }
        let taken = Set(sheets.map { $0.name.lowercased() })
        var candidate = name
        var n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(name.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }

    private static func format(_ w: Double) -> String {
        let hundredths = Int((w * 100).rounded())
        let frac = hundredths % 100
        return frac == 0 ? "\(hundredths / 100)" : "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
