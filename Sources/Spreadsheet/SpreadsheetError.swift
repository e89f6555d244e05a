/// Every failure of this module: where it happened (file, sheet, row, column) and a
/// message a planner can act on. `description` reads like
/// `venteliste.csv, row 12: a quote (") opened in this row is never closed`.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file does not exist or cannot be opened or read.
        case unreadable
        /// The file has no bytes, or no rows.
        case empty
        /// Not a spreadsheet or text at all (binary data, PDF, image, ...).
        case notASpreadsheet
        /// A spreadsheet format this module does not read (legacy .xls, .ods, HTML, UTF-32).
        case unsupportedFormat
        /// Broken structure: an unclosed quote, a truncated ZIP, invalid XML, a bad cell.
        case malformed
        /// A field, row or column count over the documented limits.
        case tooLarge
        /// A value that cannot be written (e.g. `.number` that is not decimal text).
        case invalidValue
        /// Writing the output file failed.
        case writeFailed
    }

    public let kind: Kind
    /// The file name (last path component) the error is about.
    public let fileName: String
    /// The sheet name, for XLSX files.
    public let sheet: String?
    /// The row as the spreadsheet shows it (header = 1).
    public let row: Int?
    /// The 0-based column index.
    public let column: Int?
    /// The offending cell's text, when one cell is at fault (for a damaged byte: as read,
    /// with U+FFFD in its place).
    public let value: String?
    /// What is wrong and, where possible, what to do; follows the value when there is one.
    public let message: String

    public init(_ kind: Kind, file: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil,
                value: String? = nil, _ message: String) {
        self.kind = kind
        self.fileName = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.message = message
    }

    /// `file, sheet "S", row 12, column C: message`.
    public var description: String {
        var location: [String] = fileName.isEmpty ? [] : [fileName]
        if let sheet { location.append("sheet \"\(sheet)\"") }
        if let row { location.append("row \(row)") }
        if let column { location.append("column \(ColumnName.letters(column))") }
        let text = value.map { "\"\($0)\" \(message)" } ?? message
        return location.isEmpty ? text : "\(location.joined(separator: ", ")): \(text)"
    }
}

/// Spreadsheet column letters: 0 = A, 25 = Z, 26 = AA, 16383 = XFD.
public enum ColumnName {
    /// The letters of a 0-based column index.
    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// The 0-based index of column letters (`"A"` = 0, `"xfd"` = 16383), or nil.
    public static func index<S: StringProtocol>(_ letters: S) -> Int? {
        var n = 0
        var count = 0
        for b in letters.utf8 {
            let u: UInt8
            switch b {
            case 65...90: u = b - 64
            case 97...122: u = b - 96
            default: return nil
            }
            n = n * 26 + Int(u)
            count += 1
            if count > 3 { return nil }
        }
        return count == 0 ? nil : n - 1
    }
}
