import Foundation
import Testing
@testable import Spreadsheet

@Suite("CSV dialects")
struct CSVDialectTests {
    @Test("fixtures: delimiter, encoding and line end are detected", arguments: [
        ("semicolon-crlf-bom.csv", "CSV, semicolon, UTF-8 with BOM, CRLF"),
        ("venteliste-cp1252.csv", "CSV, semicolon, Windows-1252, CRLF"),
        ("comma-lf.csv", "CSV, comma, UTF-8, LF"),
        ("tab-separated.txt", "CSV, tab, UTF-8, LF"),
        ("lone-cr.csv", "CSV, comma, UTF-8, CR"),
        ("utf16le-bom-tab.txt", "CSV, tab, UTF-16LE, CRLF"),
        ("comma-decimal-semicolon.csv", "CSV, semicolon, UTF-8, CRLF"),
        ("sep-line.csv", "CSV, comma, UTF-8, CRLF"),
    ])
    func detects(file: String, expected: String) throws {
        let reader = try Workbook.open(try fixture(file))
        #expect(reader.detectedDialect == expected)
        #expect(reader.sheets.map(\.name) == [URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent])
    }

    @Test("the delimiter is the one counted consistently outside quotes", arguments: [
        ("a;b;c\n1;2,5;3\n4;5,5;6\n", ";"),             // decimal commas in the data
        ("a,b,c\n\"x;y\",2,3\n4,5,6\n", ","),           // semicolons only inside quotes
        ("name\tnote\nAnna\tx, y; z\n", "\t"),
        ("a,b;c\n1,2;3\n4,5;6\n", ";"),                 // a full tie: ; before tab before ,
        ("only one column\nvalue, with comma\n", ";"),  // no delimiter in the header
        ("one;col\nvalue\n", ";"),
        ("Venteliste 23-11-2026\na;b;c\n1;2,5;3\n4;5;6\n", ";"),  // a title line above the table
        ("Report\n\na,b\n1,2\n3,4\n", ","),
    ])
    func delimiter(text: String, expected: String) {
        let layout = Array(text.utf8).withUnsafeBufferPointer { CSVDialect.detectLayout($0, isWholeFile: true) }
        #expect(layout.delimiter == UInt8(ascii: Unicode.Scalar(expected)!))
    }

    @Test("a forced dialect wins over detection")
    func forced() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try temporaryFile("x.csv", Array("a;b,c\n1;2,3\n".utf8), in: folder)
        let reader = try CSVReader(url: url, dialect: CSVDialect(delimiter: UInt8(ascii: ","), lineEnding: .lf))
        #expect(try readAll(reader).map(\.1) == [["a;b", "c"], ["1;2", "3"]])
    }

    @Test("invalid UTF-8 in the first MiB means Windows-1252; all of 0x80-0x9F map")
    func windows1252() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let bytes: [UInt8] = Array("x\r\n".utf8) + Array(0x80...0x9F) + [0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5] + [13, 10]
        let reader = try CSVReader(url: try temporaryFile("w.csv", bytes, in: folder))
        #expect(reader.dialect.encoding == .windows1252)
        let text = try readAll(reader)[1].1[0]
        #expect(text == "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸæøåÆØÅ")
    }

    @Test("UTF-8 across the 1 MiB chunk boundary stays intact")
    func utf8AcrossChunks() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        // Place "æ" (C3 A6) so that its two bytes straddle the first chunk boundary.
        var bytes = Array("h\n".utf8)
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 99) + [10]
        while bytes.count + line.count < (1 << 20) - 50 { bytes += line }
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) - 1 - bytes.count)
        bytes += Array("æøå\n".utf8)
        let reader = try CSVReader(url: try temporaryFile("u.csv", bytes, in: folder))
        #expect(reader.dialect.encoding == .utf8)
        let rows = try readAll(reader)
        #expect(rows.last?.1[0].hasSuffix("aæøå") == true)
        #expect(rows.dropFirst().dropLast().allSatisfy { $0.1 == [String(repeating: "a", count: 99)] })
    }
}
