import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Spreadsheet

@Suite("Malformed input gives clear, located errors")
struct MalformedInputTests {
    @Test("an unclosed quote names the row where it opened")
    func unclosedQuote() throws {
        let url = try fixture("unclosed-quote.csv")
        let reader = try Workbook.open(url)
        var rows: [Int] = []
        let error = spreadsheetError { try reader.readRows(sheet: 0) { rows.append($0.number) } }
        #expect(rows == [1, 2])
        #expect(error?.kind == .malformed)
        #expect(error?.row == 3)
        #expect(error?.fileName == "unclosed-quote.csv")
        #expect(error?.description.hasPrefix("unclosed-quote.csv, row 3: a quote (\") opened in this row is never closed") == true)
    }

    @Test("files that are not text or not readable say what they are", arguments: [
        ("legacy.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504), SpreadsheetError.Kind.unsupportedFormat, "Excel 97-2003"),
        ("report.pdf", Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), .notASpreadsheet, "PDF"),
        ("garbage.bin", [0x01, 0x02, 0x00, 0xFF, 0x10, 0x00, 0x00, 0x7F, 0x80, 0x00, 0x33, 0x44], .notASpreadsheet, "not a text file"),
        ("nul.csv", Array("a;b\r\n1;2\u{0}3\r\n".utf8), .notASpreadsheet, "NUL"),
        ("empty.csv", [], .empty, "empty"),
        ("blank.csv", Array("\u{FEFF}\r\n;;\r\n\r\n".utf8), .empty, "no rows"),
        ("export.xls", Array("<html><body><table><tr><td>1</td></tr></table></body></html>".utf8), .unsupportedFormat, "HTML"),
        ("utf32.txt", [0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00], .unsupportedFormat, "UTF-32"),
        ("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], .notASpreadsheet, "PNG"),
    ] as [(String, [UInt8], SpreadsheetError.Kind, String)])
    func rejected(name: String, bytes: [UInt8], kind: SpreadsheetError.Kind, mentions: String) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try temporaryFile(name, bytes, in: folder)
        let error = spreadsheetError {
            let reader = try Workbook.open(url)
            try reader.readRows(sheet: 0) { _ in }
        }
        #expect(error?.kind == kind)
        #expect(error?.fileName == name)
        #expect(error?.message.contains(mentions) == true, "\(String(describing: error))")
    }

    @Test("a missing file and a folder")
    func missing() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let e1 = spreadsheetError { _ = try Workbook.open(folder.appendingPathComponent("nope.csv")) }
        #expect(e1?.kind == .unreadable)
        #expect(e1?.message.contains("does not exist") == true)
        let e2 = spreadsheetError { _ = try Workbook.open(folder) }
        #expect(e2?.kind == .unreadable)
    }

    @Test("a truncated .xlsx is reported as damaged, not crashed on", arguments: [0.3, 0.6, 0.9, 0.99])
    func truncatedZip(fraction: Double) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let whole = try [UInt8](Data(contentsOf: try fixture("libreoffice-two-sheets.xlsx")))
        let url = try temporaryFile("cut.xlsx", Array(whole.prefix(Int(Double(whole.count) * fraction))), in: folder)
        let error = spreadsheetError {
            let reader = try Workbook.open(url)
            for sheet in reader.sheets { try reader.readRows(sheet: sheet.index) { _ in } }
        }
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("damaged") == true)
    }

    @Test("a ZIP that is not a workbook, and an .ods")
    func zipNotXLSX() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let zip = folder.appendingPathComponent("photos.xlsx")
        let archive = try Archive(url: zip, accessMode: .create)
        let text = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(text.count)) { p, n in
            text.subdata(in: Int(p)..<Int(p) + n)
        }
        let e1 = spreadsheetError { _ = try Workbook.open(zip) }
        #expect(e1?.kind == .unsupportedFormat)
        #expect(e1?.message.contains("not an Excel workbook") == true)

        let ods = folder.appendingPathComponent("budget.ods")
        let odsArchive = try Archive(url: ods, accessMode: .create)
        let mime = Data("application/vnd.oasis.opendocument.spreadsheet".utf8)
        try odsArchive.addEntry(with: "mimetype", type: .file, uncompressedSize: Int64(mime.count)) { p, n in
            mime.subdata(in: Int(p)..<Int(p) + n)
        }
        let e2 = spreadsheetError { _ = try Workbook.open(ods) }
        #expect(e2?.message.contains(".ods") == true)
    }

    @Test("a 20 MB single line fails with a size error at the 1 MiB field limit")
    func hugeLine() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = folder.appendingPathComponent("oneline.csv")
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        for _ in 0..<20 { handle.write(chunk) }
        try handle.close()
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in } }
        #expect(error?.kind == .tooLarge)
        #expect(error?.row == 1)
        #expect(error?.message.contains("longer than 1 MiB") == true)
    }

    @Test("a 20 MB line of 4 KB fields hits the row limit (16 MiB)")
    func hugeRecord() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = folder.appendingPathComponent("wide.csv")
        var chunk = Data()
        for _ in 0..<256 {
            chunk.append(Data(repeating: UInt8(ascii: "x"), count: 4095))
            chunk.append(UInt8(ascii: ";"))
        }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        handle.write(Data("a;b\n".utf8))
        for _ in 0..<20 { handle.write(chunk) }
        try handle.close()
        var rows = 0
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in rows += 1 } }
        #expect(rows == 1)
        #expect(error?.kind == .tooLarge)
        #expect(error?.row == 2)
        #expect(error?.message.contains("longer than 16 MiB") == true)
    }

    @Test("more than 16,384 columns (Excel's limit) in a row is refused")
    func tooManyColumns() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try temporaryFile("wide.csv", Array("a;b\n".utf8) + Array(repeating: Array("x;".utf8), count: 17_000).flatMap { $0 },
                                    in: folder)
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in } }
        #expect(error?.kind == .tooLarge)
        #expect(error?.row == 2)
        #expect(error?.message.contains("16384 columns") == true)
    }

    @Test("an unclosed quote in a big file stops at the field limit, naming the row")
    func unclosedQuoteInBigFile() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        var bytes = Array("id;note\n1;ok\n2;\"oops\n".utf8)
        for i in 0..<60_000 { bytes += Array("\(i);some text here\n".utf8) }
        let url = try temporaryFile("big.csv", bytes, in: folder)
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in } }
        #expect(error?.row == 3)
        #expect(error?.message.contains("never closed") == true)
    }

    @Test("asking a CSV for sheet 1, or a workbook for sheet 9, is an error")
    func badSheetIndex() throws {
        let e1 = spreadsheetError { try Workbook.open(try fixture("comma-lf.csv")).readRows(sheet: 1) { _ in } }
        #expect(e1 != nil)
        let e2 = spreadsheetError { try Workbook.open(try fixture("libreoffice-two-sheets.xlsx")).readRows(sheet: 9) { _ in } }
        #expect(e2?.message.contains("no sheet 9") == true)
    }

    @Test("mutated fixtures never crash and only ever throw SpreadsheetError")
    func mutations() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let sources = try ["libreoffice-two-sheets.xlsx", "handmade-inline-1904.xlsx", "quotes-multiline.csv",
                           "venteliste-cp1252.csv", "utf16le-bom-tab.txt"].map { try [UInt8](Data(contentsOf: try fixture($0))) }
        var random = SplitMix64(seed: 20_261_123)
        var failures: [String] = []
        for i in 0..<300 {
            var bytes = sources[i % sources.count]
            for _ in 0..<(1 + Int(random.next() % 4)) where !bytes.isEmpty {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 64)))
                default: bytes.insert(contentsOf: [34, 59, 13, 10, 0xC3], at: at)
                }
            }
            let url = try temporaryFile("m\(i % 5).bin", bytes, in: folder)
            do {
                let reader = try Workbook.open(url)
                for sheet in reader.sheets { try reader.readRows(sheet: sheet.index) { _ = $0.texts } }
            } catch is SpreadsheetError {
            } catch {
                failures.append("\(i): \(error)")
            }
        }
        #expect(failures.isEmpty)
    }
}

/// A small seeded generator, so the mutations are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Found by the xlsx-parts fuzzer (Fuzz/): a worksheet whose attribute name is not UTF-8 made
/// Foundation's XMLParser trap; now it is a located error.
@Suite struct InvalidUTF8PartTests {
    @Test func aPartThatIsNotUTF8IsDamagedNotATrap() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let good = try makeXLSX(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>", in: folder)
        // The same workbook with the worksheet's cell given an attribute named by bytes C4 C4.
        let source = try Archive(url: good, accessMode: .read)
        let url = folder.appendingPathComponent("bad.xlsx")
        let target = try Archive(url: url, accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<c r=", with: "<c \u{1}=\"1\" r=").utf8)
                if let i = data.firstIndex(of: 1) { data.replaceSubrange(i...i, with: [0xC4, 0xC4]) }
            }
            try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, n in
                data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        let error = spreadsheetError {
            let book = try Workbook.open(url)
            try book.readRows(sheet: 0) { _ in }
        }
        #expect(error?.description == "bad.xlsx: the workbook is damaged: its part xl/worksheets/sheet1.xml is not valid UTF-8 text")
    }
}

/// Files the fuzzer (Fuzz/) found, kept so that they stay answered.
@Suite struct FuzzFindingTests {
    /// A worksheet with a processing instruction that has no data (`<?x?>`) made XMLParser
    /// read through a NULL pointer; the XML declaration itself still reads.
    @Test func aProcessingInstructionOtherThanTheDeclarationIsDamage() throws {
        let sheet = Data("<?xClosed?><worksheet><sheetData/></worksheet>".utf8)
        let error = #expect(throws: SpreadsheetError.self) {
            try XLSXParts.parse(sheet, with: XMLParserDelegateStub(), part: "xl/worksheets/sheet1.xml", fileName: "pi.xlsx")
        }
        #expect(error?.description == "pi.xlsx: the workbook is damaged: its part xl/worksheets/sheet1.xml holds a processing instruction (<?…?>) other than the XML declaration")
        #expect(XLSXParts.onlyTheXMLDeclaration(Data("\u{FEFF}<?xml version=\"1.0\"?><worksheet/>".utf8)))
        #expect(!XLSXParts.onlyTheXMLDeclaration(Data("<?xml version=\"1.0\"?><a><?x?></a>".utf8)))
    }

    /// A damaged ZIP on which reading a part once looped without end in ZIPFoundation: opening
    /// it and reading every sheet must end, with rows or with an error.
    @Test(.timeLimit(.minutes(1))) func aDamagedZIPIsReadToAnEnd() throws {
        var outcomes: [String] = []
        do {
            let book = try Workbook.open(try fixture("fuzz-zip-read-loop.xlsx"))
            for sheet in book.sheets {
                do { try book.readRows(sheet: sheet.index) { _ in }; outcomes.append("read") } catch { outcomes.append("\(error)") }
            }
        } catch {
            outcomes.append("open: \(error)")
        }
        // The part's deflate stream ends after 25 of the 708 bytes its directory declares.
        #expect(outcomes == ["open: fuzz-zip-read-loop.xlsx: the workbook is damaged: its part xl/_rels/workbook.xml.rels cannot be unpacked (it unpacks to 25 bytes, not the 708 its ZIP directory declares). Save or export it again."])
    }

    /// A sheet whose directory entry claims more compressed bytes than the whole file holds:
    /// refused as damage before ZIPFoundation reads past the end of the file.
    @Test(.timeLimit(.minutes(1))) func aPartClaimingMoreBytesThanTheFileIsDamage() throws {
        var bytes = [UInt8](try Data(contentsOf: try fixture("libreoffice-from-csv.xlsx")))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        // The central directory header (PK 1 2) that names the sheet: its compressed size is at +20.
        func namesTheSheet(_ i: Int) -> Bool {
            guard bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 else { return false }
            let start = i + 46, end = min(bytes.count, start + name.count)
            return Array(bytes[start..<end]) == name
        }
        let found: Int? = (0..<(bytes.count - 46)).first(where: namesTheSheet)
        let header = try #require(found)
        let claimed = UInt32(bytes.count + 1)
        for k in 0..<4 { bytes[header + 20 + k] = UInt8(truncatingIfNeeded: claimed >> (8 * UInt32(k))) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claims-too-much-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try Workbook.open(url)
        let error = #expect(throws: SpreadsheetError.self) { try book.readRows(sheet: 0) { _ in } }
        #expect(error?.description.hasSuffix("the workbook is damaged: its part xl/worksheets/sheet1.xml cannot be unpacked (its data runs past the end of the file). Save or export it again.") == true)
    }

    /// A ZIP whose headers agree but whose sheet's deflate stream does not end within the
    /// compressed bytes its directory declares: ZIPFoundation read on at the end of the file
    /// for ever. Each sheet is refused at once, naming the part and why.
    @Test(.timeLimit(.minutes(1))) func aDeflateStreamRunningPastItsBytesIsDamage() throws {
        let book = try Workbook.open(try fixture("fuzz-zip-stream-past-end.xlsx"))
        var outcomes: [String] = []
        for sheet in book.sheets {
            do { try book.readRows(sheet: sheet.index) { _ in }; outcomes.append("read") } catch { outcomes.append("\(error)") }
        }
        #expect(outcomes == [
            "fuzz-zip-stream-past-end.xlsx: the workbook is damaged: its part xl/worksheets/sheet1.xml cannot be unpacked "
                + "(it unpacks to more than the 1124 bytes its ZIP directory declares). Save or export it again.",
            "fuzz-zip-stream-past-end.xlsx: the workbook is damaged: its part xl/worksheets/sheet2.xml cannot be unpacked "
                + "(its compressed data is not valid). Save or export it again.",
        ])
    }

    /// A part whose checksum does not match what it unpacks to is damage, as ZIPFoundation
    /// had it; a stored (not deflated) part is read as it stands.
    @Test func aWrongChecksumIsDamageAndAStoredPartReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try fixture("libreoffice-from-csv.xlsx")
        let stored = folder.appendingPathComponent("stored.xlsx")
        let input = try Archive(url: source, accessMode: .read)
        let output = try Archive(url: stored, accessMode: .create)
        for entry in input {
            var data = Data()
            _ = try input.extract(entry) { data.append($0) }
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { p, n in
                data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        var fromStored = 0, fromDeflated = 0
        try Workbook.open(stored).readRows(sheet: 0) { _ in fromStored += 1 }
        try Workbook.open(source).readRows(sheet: 0) { _ in fromDeflated += 1 }
        #expect(fromStored == fromDeflated && fromStored > 0)
        // Flip one byte of the stored sheet's text: same size, another checksum.
        var bytes = [UInt8](try Data(contentsOf: stored))
        let marker = Array("<sheetData>".utf8)
        let at = try #require((0..<(bytes.count - marker.count)).first { Array(bytes[$0..<$0 + marker.count]) == marker })
        bytes[at + 1] = UInt8(ascii: "S")
        let flipped = folder.appendingPathComponent("flipped.xlsx")
        try Data(bytes).write(to: flipped)
        let error = #expect(throws: SpreadsheetError.self) { try Workbook.open(flipped).readRows(sheet: 0) { _ in } }
        #expect(error?.description == "flipped.xlsx: the workbook is damaged: its part xl/worksheets/sheet1.xml cannot be unpacked "
            + "(its checksum does not match its contents). Save or export it again.")
    }
}

/// A delegate that takes nothing, for parsing a part only to see it refused.
final class XMLParserDelegateStub: NSObject, XMLParserDelegate {}
