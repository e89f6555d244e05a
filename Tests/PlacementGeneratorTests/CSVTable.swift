import Foundation

/// A small RFC 4180 reader for the generator's own files, independent of the generator's
/// writer: a header row and rows of fields, with quoted fields and doubled quotes.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(text: String) {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let ch = chars.popFirst() {
            if quoted {
                if ch == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                record.append(field)
                field = ""
            } else if ch == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(ch)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    init(url: URL) throws {
        self.init(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// The rows as dictionaries from column name to field (fine at test sizes).
    var records: [[String: String]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: zip(header, row)) }
    }
}
