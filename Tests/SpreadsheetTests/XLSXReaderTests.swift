import Foundation
import Testing
@testable import Spreadsheet

@Suite("XLSX reading")
struct XLSXReaderTests {
    @Test("LibreOffice, converted from CSV: one sheet of shared strings and numbers")
    func libreOfficeFromCSV() throws {
        let reader = try Workbook.open(try fixture("libreoffice-from-csv.xlsx"))
        #expect(reader.detectedDialect == "XLSX, 1 sheet")
        let rows = try readCells(reader)
        #expect(rows.map(\.0) == [1, 2, 3])
        #expect(rows[0].1 == [.text("tilbud_id"), .text("navn"), .text("pladser"), .text("døgntakst"), .text("åbner")])
        #expect(rows[1].1[0] == .text("T1"))
        #expect(rows[1].1[2] == .number("12"))
        #expect(rows[1].1[3] == .number("2150.75"))
        #expect(rows[1].1[4] == .date(date(2023, 3, 15)))
        #expect(rows[2].1[1] == .text("Engen; afd. Nord"))
        #expect(rows[2].1[3] == .number("1999.5"))
        #expect(rows[2].1[4] == .date(date(2024, 2, 1)))
    }

    @Test("LibreOffice, two sheets: dates, decimals, booleans, shared strings, gaps")
    func libreOfficeTwoSheets() throws {
        let reader = try Workbook.open(try fixture("libreoffice-two-sheets.xlsx"))
        #expect(reader.sheets.map(\.name) == ["Tilbud", "Borgere"])
        #expect(reader.sheets.map(\.index) == [0, 1])
        let tilbud = try readCells(reader, sheet: 0)
        #expect(tilbud.map(\.0) == [1, 2, 3, 4, 5])
        #expect(tilbud[1].1 == [.text("T1"), .text("Bostedet Åbo"), .number("2150.75"), .date(date(2023, 3, 15)), .bool(true), .number("12")])
        #expect(tilbud[2].1[2] == .number("1999.5"))
        // LibreOffice counts days from 1899-12-30 without Excel's fake 1900-02-29, so it
        // writes 1900-02-28 as serial 60, which Excel reads as the non-existent leap day.
        if case .error(let e) = tilbud[2].1[3] { #expect(e.contains("1900-02-29")) } else { Issue.record("expected error") }
        #expect(tilbud[2].1[4] == .bool(false))
        #expect(tilbud[2].1.count == 5)
        #expect(tilbud[3].1.isEmpty)
        #expect(tilbud[4].1 == [.text("T3"), .text("Bostedet Åbo"), .number("0.1"), .date(date(2026, 11, 23))])

        var texts: [[String]] = []
        try reader.readRows(sheet: 1) { texts.append($0.texts) }
        #expect(texts == [["borger_id", "fødselsår", "visiteret"], ["B-001", "1987", "2024-01-31"]])
        #expect(reader.sheet(named: "borgere")?.index == 1)
    }

    @Test("hand-made: inline strings, 1904 dates, rich text, sparse cells, errors, prefixes")
    func handmade() throws {
        let reader = try Workbook.open(try fixture("handmade-inline-1904.xlsx"))
        #expect(reader.detectedDialect == "XLSX, 2 sheets, 1904 date system")
        #expect(reader.sheets.map(\.name) == ["Data 1904", "Skjult"])
        #expect(reader.sheets.map(\.isHidden) == [false, true])
        var rows: [SheetRow] = []
        try reader.readRows(sheet: 0) { rows.append($0) }
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows[0].cells == [.text("navn"), .text("dato"), .empty, .text("in line")])
        #expect(rows[1].cells == [.text("Rich text"), .date(date(1904, 1, 1)), .number("1234.5"), .error("#N/A")])
        #expect(rows[2].isEmpty)
        #expect(rows[3].cells == [.text("line1\r\nline2"), .date(date(2024, 3, 15)), .number("0.0025"), .text("navn!"), .number("0.5")])
        #expect(rows[4].count == 28)
        #expect(rows[4].cell(0) == .text("<tag> & \"q\""))
        #expect(rows[4].cell(2) == .date(date(2024, 2, 29)))
        #expect(rows[4].cell(26) == .bool(true))
        #expect(rows[4].text(26) == "TRUE")
        #expect(rows[4].cell(27) == .number("1234.1"))
        #expect(rows[4].isEmpty(1) && rows[4].isEmpty(25))

        let hidden = try readCells(reader, sheet: 1)
        #expect(hidden.map(\.0) == [1, 2])
        #expect(hidden[0].1 == [.number("1"), .number("2")])
        #expect(hidden[1].1 == [.bool(false)])
    }

    @Test("the body's error stops a worksheet and is rethrown")
    func stopsEarly() throws {
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try Workbook.open(try fixture("libreoffice-two-sheets.xlsx")).readRows(sheet: 0) { _ in
                seen += 1
                throw Enough()
            }
        }
        #expect(seen == 1)
    }

    @Test("broken cells give file, sheet, row and column", arguments: [
        ("<row r=\"4\"><c r=\"C4\" t=\"s\"><v>7</v></c></row>", 4, 2, "shared string 7"),
        ("<row r=\"2\"><c r=\"B2\"><v>12,5</v></c></row>", 2, 1, "is a number but holds \"12,5\""),
        ("<row r=\"9\"><c r=\"A9\" t=\"b\"><v>yes</v></c></row>", 9, 0, "boolean"),
    ])
    func brokenCells(sheetData: String, row: Int, column: Int, mentions: String) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try makeXLSX(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + sheetData,
                               sharedStrings: ["navn"], in: folder)
        var rows = 0
        let error = spreadsheetError { try Workbook.open(url).readRows(sheet: 0) { _ in rows += 1 } }
        #expect(rows == 1)
        #expect(error?.kind == .malformed)
        #expect(error?.sheet == "Ark1")
        #expect(error?.row == row)
        #expect(error?.column == column)
        #expect(error?.description.hasPrefix("made.xlsx, sheet \"Ark1\", row \(row), column \(ColumnName.letters(column)): ") == true)
        #expect(error?.message.contains(mentions) == true, "\(String(describing: error))")
    }

    @Test("rows without r, cells without r, and a worksheet larger than the in-memory limit stream alike")
    func largeSheetStreams() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let row = "<row>" + String(repeating: "<c><v>1234.5</v></c>", count: 20) + "<c t=\"s\"><v>0</v></c></row>"
        let count = 3000
        let url = try makeXLSX(sheetData: String(repeating: row, count: count), sharedStrings: ["x"], in: folder)
        let reader = try #require(try Workbook.open(url) as? XLSXReader)
        reader.inMemorySheetLimit = 10_000  // so the worksheet is unpacked to a temporary file
        var n = 0
        var last: SheetRow?
        try reader.readRows(sheet: 0) { n += 1; last = $0 }
        #expect(n == count)
        #expect(last?.number == count)
        #expect(last?.count == 21)
        #expect(last?.cell(19) == .number("1234.5"))
        #expect(last?.cell(20) == .text("x"))
    }
}
