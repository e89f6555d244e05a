import Foundation

/// One sheet of a workbook. A CSV file has one, named after the file.
public struct SheetInfo: Sendable, Hashable {
    /// The tab name; for CSV the file name without its extension.
    public let name: String
    /// 0-based position in `WorkbookReader.sheets`, the value `readRows(sheet:)` takes.
    public let index: Int
    /// Hidden in the spreadsheet program (XLSX `state="hidden"` or `"veryHidden"`).
    public let isHidden: Bool

    public init(name: String, index: Int, isHidden: Bool = false) {
        self.name = name
        self.index = index
        self.isHidden = isHidden
    }
}

/// What `Workbook.open` returns: a CSV file or an XLSX workbook, read the same way.
public protocol WorkbookReader: AnyObject {
    /// The file's name (last path component), for messages.
    var fileName: String { get }
    /// The sheets, in workbook order (worksheets only; chart sheets are left out).
    var sheets: [SheetInfo] { get }
    /// For messages, e.g. `CSV, semicolon, Windows-1252, CRLF` or `XLSX, 2 sheets`.
    var detectedDialect: String? { get }
    /// Streams the rows of one sheet to `body`, in order. Stops early when `body`
    /// throws (its error is rethrown). Throws `SpreadsheetError` for a broken file.
    /// Trailing empty rows are not handed out; empty rows between data rows are, with
    /// `count == 0`.
    func readRows(sheet: Int, _ body: (SheetRow) throws -> Void) throws
}

extension WorkbookReader {
    /// The sheet with this name (case-insensitive), if any.
    public func sheet(named name: String) -> SheetInfo? {
        sheets.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// Opens spreadsheet files of any supported kind.
public enum Workbook {
    /// Opens an XLSX workbook (a file starting with the ZIP signature `PK\3\4`) or a
    /// CSV/text file (anything else that is text). Other files, such as a legacy .xls
    /// (OLE2 `D0 CF 11 E0`), a PDF or an HTML table, get a `SpreadsheetError` saying what
    /// the file is and to save it as .xlsx or .csv.
    public static func open(_ url: URL) throws -> any WorkbookReader {
        let head = try FileInput(url: url, fileName: url.lastPathComponent).readHead(4)
        if case .zip = FileSniffer.sniff(head) {
            return try XLSXReader(url: url)
        }
        return try CSVReader(url: url)  // which rejects what is not text, saying what it is
    }
}
