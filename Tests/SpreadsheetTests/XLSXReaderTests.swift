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
}
