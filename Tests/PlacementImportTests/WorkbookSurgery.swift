import Foundation
import Spreadsheet
import ZIPFoundation

/// Damaged workbooks made from valid ones in the test itself, so no broken file is committed.
enum WorkbookSurgery {
    /// Writes `sheets` (name, header, rows of text) as an .xlsx.
    static func workbook(_ sheets: [(String, [String], [[String]])], to url: URL) throws {
        var writer = XLSXWriter()
        for (name, header, rows) in sheets {
            try writer.addSheet(name: name, columns: header.map { XLSXWriter.Column($0) },
                                rows: rows.map { $0.map { $0.isEmpty ? Cell.empty : Cell.text($0) } })
        }
        try writer.write(to: url)
    }

    /// A copy of `source` at `target` with one part changed.
    static func rewrite(_ source: URL, part: String, to target: URL, _ change: (Data) -> Data) throws {
        let input = try Archive(url: source, accessMode: .read)
        let output = try Archive(url: target, accessMode: .create)
        for entry in input {
            var data = Data()
            _ = try input.extract(entry) { data.append($0) }
            if entry.path == part { data = change(data) }
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, n in
                data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
    }

    /// The same, replacing text in the part.
    static func rewrite(_ source: URL, part: String, to target: URL, replacing old: String, with new: String) throws {
        try rewrite(source, part: part, to: target) { data in
            Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
        }
    }
}
