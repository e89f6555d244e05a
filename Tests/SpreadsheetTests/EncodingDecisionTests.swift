import Foundation
import Testing
@testable import Spreadsheet

/// One encoding for the whole file (issue 12): a damaged byte in a UTF-8 file is an error at
/// its row and column, not a reason to read the file as Windows-1252.
@Suite("A CSV file's encoding is decided once, for the file")
struct EncodingDecisionTests {
    static let header = "residence_id;name;places\r\n"

    @Test("one invalid byte in a UTF-8 file is reported by row and column; æøå elsewhere stay right")
    func damagedByteInUTF8() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        // The reproducer: 0x80 in place of the second byte of "ø" in "Spurvehøj".
        let bytes = Array((Self.header + "615-001;Boligerne Skovgården;8\r\n").utf8)
            + Array("615-002;Boligerne Spurveh".utf8) + [0x80] + Array("j;15\r\n".utf8)
            + Array("615-003;Æblehaven;4\r\n".utf8)
        let url = try temporaryFile("tilbud.csv", bytes, in: folder)
        let reader = try CSVReader(url: url)
        #expect(reader.dialect.encoding == .utf8)
        #expect(reader.detectedDialect == "CSV, semicolon, UTF-8, CRLF")
        var names: [String] = []
        let error = spreadsheetError { try reader.readRows(sheet: 0) { names.append($0.text(1)) } }
        #expect(names == ["name", "Boligerne Skovgården"])
        #expect(error?.kind == .malformed)
        #expect(error?.row == 3 && error?.column == 1)
        #expect(error?.value == "Boligerne Spurveh\u{FFFD}j")
        #expect(error?.description == "tilbud.csv, row 3, column B: \"Boligerne Spurveh\u{FFFD}j\" holds a byte that is not UTF-8 "
                + "(0x80 at byte 18 of the cell), though the file is UTF-8; one character is damaged. Correct it and save "
                + "the file again as CSV UTF-8")
    }

    @Test("a Windows-1252 file is still read as Windows-1252, and says so")
    func windows1252File() throws {
        let reader = try CSVReader(url: try fixture("venteliste-cp1252.csv"))
        #expect(reader.detectedDialect == "CSV, semicolon, Windows-1252, CRLF")
        #expect(try readAll(reader)[1].1[1] == "Søren Ærløsen")
    }

    @Test("the census: valid sequences against invalid bytes", arguments: [
        (Array("Skovgården Spurvehøj".utf8), TextEncoding.UTF8Census(sequences: 2, invalid: 0), true),
        (Array("Skovgården Spurveh".utf8) + [0x80, 0x6A], TextEncoding.UTF8Census(sequences: 1, invalid: 1), true),
        (Array("Skovgården Spurveh".utf8) + [0x80, 0x80, 0x6A], TextEncoding.UTF8Census(sequences: 1, invalid: 2), false),
        ([0x53, 0xF8, 0x72, 0x65, 0x6E, 0x20, 0xC6, 0x72], TextEncoding.UTF8Census(sequences: 0, invalid: 2), false),
        (Array("plain".utf8), TextEncoding.UTF8Census(sequences: 0, invalid: 0), true),
    ] as [([UInt8], TextEncoding.UTF8Census, Bool)])
    func census(bytes: [UInt8], census: TextEncoding.UTF8Census, isUTF8: Bool) {
        let c = bytes.withUnsafeBufferPointer { TextEncoding.census($0) }
        #expect(c == census)
        #expect(c.isUTF8 == isUTF8)
    }

    /// A file whose first MiB is ASCII, then `tail`.
    func asciiThen(_ tail: [UInt8], in folder: URL) throws -> URL {
        var bytes = Array("id;text\n".utf8)
        let line = Array("1;plain ascii text here\n".utf8)
        while bytes.count < (1 << 20) + 100 { bytes += line }
        return try temporaryFile("late.csv", bytes + tail, in: folder)
    }

    @Test("an ASCII start leaves the encoding to the first record that is not ASCII: Windows-1252")
    func lateWindows1252() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let reader = try CSVReader(url: try asciiThen(Array("2;".utf8) + [0x53, 0xF8, 0x72, 0x65, 0x6E] + [10], in: folder))
        #expect(reader.detectedDialect == "CSV, semicolon, UTF-8, LF")
        let rows = try readAll(reader)
        #expect(rows.last?.1 == ["2", "Søren"])
        #expect(reader.detectedDialect == "CSV, semicolon, Windows-1252, LF")
    }

    @Test("an ASCII start leaves the encoding to the first record that is not ASCII: UTF-8, then a damaged byte")
    func lateUTF8() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let tail = Array("2;Søren\n3;Spurveh".utf8) + [0x80] + Array("j\n".utf8)
        let reader = try CSVReader(url: try asciiThen(tail, in: folder))
        var last: [String] = []
        let error = spreadsheetError { try reader.readRows(sheet: 0) { last = $0.texts } }
        #expect(last == ["2", "Søren"])
        #expect(reader.detectedDialect == "CSV, semicolon, UTF-8, LF")
        #expect(error?.column == 1 && error?.value == "Spurveh\u{FFFD}j")
    }
}
