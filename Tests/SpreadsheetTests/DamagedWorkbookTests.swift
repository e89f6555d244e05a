import Foundation
import Testing
import ZIPFoundation
@testable import Spreadsheet

/// Workbooks damaged in ways that used to be read as if nothing were wrong (issue 12):
/// each is refused with an error that names the file, sheet and what is wrong.
@Suite("Damaged workbooks are refused, not half read")
struct DamagedWorkbookTests {
    /// A header and `count` data rows, as an `<sheetData>` body.
    static func rows(_ count: Int) -> String {
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>citizen_id</t></is></c></row>"
            + (2...(count + 1)).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>B\($0)</t></is></c><c r=\"B\($0)\"><v>\($0)</v></c></row>" }.joined()
    }

    @Test("a worksheet cut off at 60 % is an error, after rows that looked fine", arguments: [0.6, 0.3, 0.99])
    func truncatedSheetXML(fraction: Double) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let whole = try makeXLSX(sheetData: Self.rows(1500), in: folder, name: "whole.xlsx")
        let cut = try rewritePart(of: whole, "xl/worksheets/sheet1.xml", as: "cut.xlsx", in: folder) { data in
            data.prefix(Int(Double(data.count) * fraction))
        }
        var rows = 0
        let error = spreadsheetError { try Workbook.open(cut).readRows(sheet: 0) { _ in rows += 1 } }
        #expect(rows == 0)  // cut inside a tag or a value: refused before any row is handed out
        #expect(error?.kind == .malformed)
        #expect(error?.description == "cut.xlsx: the workbook is damaged: its part xl/worksheets/sheet1.xml stops before its end "
                + "(cut off, perhaps while copying or saving); nothing of it is used. Save or export the workbook again.")
        // The same workbook whole reads every row.
        var all = 0
        try Workbook.open(whole).readRows(sheet: 0) { _ in all += 1 }
        #expect(all == 1501)
    }

    @Test("a worksheet cut off just after a row's closing tag is an error too, once its end is reached")
    func truncatedAfterARow() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let whole = try makeXLSX(sheetData: Self.rows(1500), in: folder, name: "whole.xlsx")
        let cut = try rewritePart(of: whole, "xl/worksheets/sheet1.xml", as: "cut.xlsx", in: folder) { data in
            let xml = String(decoding: data, as: UTF8.self)
            let end = xml.range(of: "</row>", range: xml.index(xml.startIndex, offsetBy: xml.count * 6 / 10)..<xml.endIndex)!.upperBound
            return Data(xml[..<end].utf8)
        }
        var rows = 0
        let error = spreadsheetError { try Workbook.open(cut).readRows(sheet: 0) { _ in rows += 1 } }
        #expect(rows > 800 && rows < 1000)  // the rows before the cut arrive; the end says they are not all
        #expect(error?.description == "cut.xlsx: the workbook is damaged: its part xl/worksheets/sheet1.xml stops before its end "
                + "(cut off, perhaps while copying or saving); nothing of it is used. Save or export the workbook again.")
    }

    @Test("the shared strings cut off are an error when the workbook is opened")
    func truncatedSharedStrings() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let whole = try makeXLSX(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                                 sharedStrings: (0..<200).map { "tekst \($0)" }, in: folder, name: "whole.xlsx")
        let cut = try rewritePart(of: whole, "xl/sharedStrings.xml", as: "cut.xlsx", in: folder) { $0.prefix($0.count / 2) }
        let error = spreadsheetError { _ = try Workbook.open(cut) }
        #expect(error?.message.hasPrefix("the workbook is damaged: its part xl/sharedStrings.xml stops before its end") == true)
    }

    @Test("cell references are read strictly: the sheet and the reference are named", arguments: [
        ("A-1", "row 2: the cell reference r=\"A-1\" is not a cell reference (capital column letters A to XFD, then the row number, like B7)"),
        ("A0", "row 2: the cell reference r=\"A0\" is not a cell reference (capital column letters A to XFD, then the row number, like B7)"),
        ("a2", "row 2: the cell reference r=\"a2\" is not a cell reference (capital column letters A to XFD, then the row number, like B7)"),
        ("A02", "row 2: the cell reference r=\"A02\" is not a cell reference (capital column letters A to XFD, then the row number, like B7)"),
        ("XFE2", "row 2: the cell reference r=\"XFE2\" is not a cell reference (capital column letters A to XFD, then the row number, like B7)"),
        ("B3", "row 2: the cell reference r=\"B3\" names row 3, but the cell stands in row 2"),
    ])
    func strictCellReferences(reference: String, message: String) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        // The reproducer: a birth year in a cell whose reference lost its column went to column A (the id).
        let url = try makeXLSX(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>citizen_id</t></is></c>"
                               + "<c r=\"B1\" t=\"inlineStr\"><is><t>birth_year</t></is></c></row>"
                               + "<row r=\"2\"><c r=\"\(reference)\"><v>1963</v></c></row>", in: folder)
        var rows: [[String]] = []
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { rows.append($0.texts) } }
        #expect(rows == [["citizen_id", "birth_year"]])
        #expect(error?.kind == .malformed)
        #expect(error?.description == "made.xlsx, sheet \"Ark1\", \(message)")
    }

    @Test("cells out of order or repeated are an error, not a silent overwrite")
    func cellsOutOfOrder() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try makeXLSX(sheetData: "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>", in: folder)
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in } }
        #expect(error?.description == "made.xlsx, sheet \"Ark1\", row 1: the cell reference r=\"A1\" repeats or goes back from column B; the cells are out of order")
    }

    @Test("a row number beyond Excel's last row is refused at once, whatever its size", arguments: [
        "99999999999999", "1048577", "-1", "0", "1e3", "",
    ])
    func absurdRowNumbers(number: String) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try makeXLSX(sheetData: Self.rows(100) + "<row r=\"\(number)\"><c><v>1</v></c></row>", in: folder)
        var rows = 0
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in rows += 1 } }
        // Only the rows before it were handed out: no empty rows up to the number claimed.
        #expect(rows == 101)
        #expect(error?.description == "made.xlsx, sheet \"Ark1\", row 101: the row number r=\"\(number)\" is not a row of a worksheet (1 to 1048576)")
    }

    @Test("rows out of order are an error")
    func rowsOutOfOrder() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try makeXLSX(sheetData: "<row r=\"5\"><c r=\"A5\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\"><v>2</v></c></row>", in: folder)
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in } }
        #expect(error?.description == "made.xlsx, sheet \"Ark1\", row 5: the row number r=\"3\" comes after row 5; the rows are out of order")
    }

    @Test("Excel's last row is still read, with the rows between handed out empty")
    func lastRow() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try makeXLSX(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>2</v></c></row>", in: folder)
        var last: SheetRow?
        var count = 0
        try Workbook.open(url).readRows(sheet: 0) { count += 1; last = $0 }
        #expect(count == 1_048_576)
        #expect(last?.number == 1_048_576 && last?.count == 16_384 && last?.cell(16_383) == .number("2"))
    }

    @Test("a worksheet that unpacks beyond the part limit is refused, naming the limit")
    func zipBomb() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        // 3 MiB of rows that deflate to a few KB; the limit lowered to 1 MiB stands for 512 MiB.
        let row = "<row><c><v>1</v></c></row>"
        let url = try makeXLSX(sheetData: String(repeating: row, count: (3 << 20) / row.utf8.count), in: folder)
        #expect(try Data(contentsOf: url).count < 64 << 10)
        let error = spreadsheetError {
            let reader = try XLSXReader(url: url, partLimit: 1 << 20)
            try reader.readRows(sheet: 0) { _ in }
        }
        #expect(error?.kind == .tooLarge)
        #expect(error?.description == "made.xlsx: the workbook part xl/worksheets/sheet1.xml unpacks to more than 1 MiB, the limit for one "
                + "part of a workbook; a planning sheet is far smaller. Check that this is the right file.")
        // Also when streamed through a temporary file, the path of large worksheets.
        let streamed = spreadsheetError {
            let reader = try XLSXReader(url: url, partLimit: 1 << 20)
            reader.inMemorySheetLimit = 1000
            try reader.readRows(sheet: 0) { _ in }
        }
        #expect(streamed?.kind == .tooLarge)
        // The real limit is 512 MiB for every part.
        #expect(XLSXPackage.maxPartBytes == 512 << 20)
    }

    @Test("a part whose ZIP directory understates its size is counted as it unpacks")
    func lyingSize() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let row = "<row><c><v>1</v></c></row>"
        let honest = try makeXLSX(sheetData: String(repeating: row, count: (3 << 20) / row.utf8.count), in: folder)
        var bytes = try [UInt8](Data(contentsOf: honest))
        // Every header of the worksheet entry (local and central) claims 1000 bytes unpacked.
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        var patched = 0
        for i in 0..<(bytes.count - 46) {
            let local = bytes[i..<i + 4] == [0x50, 0x4B, 0x03, 0x04], central = bytes[i..<i + 4] == [0x50, 0x4B, 0x01, 0x02]
            guard local || central else { continue }
            let nameAt = i + (local ? 30 : 46), sizeAt = i + (local ? 22 : 24)
            guard nameAt + name.count <= bytes.count, Array(bytes[nameAt..<nameAt + name.count]) == name else { continue }
            bytes.replaceSubrange(sizeAt..<sizeAt + 4, with: [0xE8, 0x03, 0, 0])
            patched += 1
        }
        #expect(patched == 2)
        let url = try temporaryFile("lying.xlsx", bytes, in: folder)
        let error = spreadsheetError {
            let reader = try XLSXReader(url: url, partLimit: 1 << 20)
            try reader.readRows(sheet: 0) { _ in }
        }
        #expect(error?.kind == .tooLarge || error?.kind == .malformed, "\(String(describing: error))")
    }
}

/// A copy of an .xlsx with one part changed.
func rewritePart(of source: URL, _ part: String, as name: String, in folder: URL, _ change: (Data) -> Data) throws -> URL {
    let input = try Archive(url: source, accessMode: .read)
    let url = folder.appendingPathComponent(name)
    let output = try Archive(url: url, accessMode: .create)
    for entry in input {
        var data = Data()
        _ = try input.extract(entry) { data.append($0) }
        if entry.path == part { data = change(data) }
        try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, n in
            data.subdata(in: Int(p)..<Int(p) + n)
        }
    }
    return url
}

@Suite("A row's work follows its cells")
struct SparseRowTests {
    @Test("a few cells far apart are kept sparse and read like any others")
    func sparseRow() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try makeXLSX(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> x </t></is></c></row>"
                               + "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  </t></is></c><c r=\"ZZ2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> </t></is></c></row>",
                               in: folder)
        var rows: [SheetRow] = []
        try Workbook.open(url).readRows(sheet: 0) { rows.append($0) }
        #expect(rows.count == 2)
        #expect(rows[0].count == 16_384 && rows[0].cell(0) == .number("1") && rows[0].text(16_383) == " x ")
        #expect(rows[0].isEmpty(1) && rows[0].isEmpty(16_382) && rows[0].cell(9_999) == .empty)
        var seen: [Int] = []
        rows[0].forEachNonEmpty { seen.append($0) }
        #expect(seen == [0, 16_383])
        #expect(!rows[0].isBlank && rows[1].isBlank)
        #expect(rows[1].count == 702 && rows[1].text(2) == "  ")
    }
}
