import Foundation
import Testing
import ZIPFoundation
@testable import Spreadsheet

@Suite("Writing XLSX and CSV")
struct WriterTests {
    static let tilbudRows: [[Cell]] = [
        [.text("T1"), .text("Bostedet Åbo & Co <1>"), .number("12"), .number("2150.5"), .date(date(2023, 3, 15)), .bool(true)],
        [.text("T2"), .text("  \"quoted\"\nnew line\ttab\u{1}\u{7}"), .number("-0.25"), .number("1234567.89"), .date(date(1900, 1, 1)), .bool(false)],
        [.empty, .text("_x000D_ literal"), .empty, .number("0"), .date(date(1850, 6, 1)), .error("#N/A")],
        [],
        [.text("after a gap")],
    ]

    static func sampleWorkbook() throws -> XLSXWriter {
        var writer = XLSXWriter(defaultDateFormat: "dd-mm-yyyy")
        try writer.addSheet(name: "Tilbud", columns: [
            .init("Tilbud"), .init("Navn", width: 30), .init("Pladser", numberFormat: "#,##0"),
            .init("Døgntakst", numberFormat: "#,##0.00"), .init("Åbner", numberFormat: "yyyy-mm-dd"), .init("Kørestol"),
        ], rows: tilbudRows)
        try writer.addSheet(name: "Borgere/2024: [alle]?", columns: [.init("borger_id"), .init("visiteret")],
                            rows: [[.text("B1"), .date(date(2024, 2, 29))]])
        try writer.addSheet(name: "tilbud", columns: [.init("x")], rows: [[Cell]]())
        return writer
    }

    @Test("the written workbook reads back with the same cell types")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = folder.appendingPathComponent("eksport.xlsx")
        let writer = try WriterTests.sampleWorkbook()
        #expect(writer.sheetNames == ["Tilbud", "Borgere_2024_ _alle__", "tilbud (2)"])
        try Data("old".utf8).write(to: url)
        try writer.write(to: url)  // replaces an existing file
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["eksport.xlsx"])

        let reader = try Workbook.open(url)
        #expect(reader.sheets.map(\.name) == writer.sheetNames)
        let rows = try readCells(reader, sheet: 0)
        #expect(rows.map(\.0) == [1, 2, 3, 4, 5, 6])
        #expect(rows[0].1 == [.text("Tilbud"), .text("Navn"), .text("Pladser"), .text("Døgntakst"), .text("Åbner"), .text("Kørestol")])
        #expect(rows[1].1 == WriterTests.tilbudRows[0])
        // Control characters are removed; everything else survives.
        #expect(rows[2].1[1] == .text("  \"quoted\"\nnew line\ttab"))
        #expect(Array(rows[2].1[2...]) == [.number("-0.25"), .number("1234567.89"), .date(date(1900, 1, 1)), .bool(false)])
        // Dates before 1900 become text; a literal _x000D_ stays literal.
        #expect(rows[3].1 == [.empty, .text("_x000D_ literal"), .empty, .number("0"), .text("1850-06-01"), .error("#N/A")])
        #expect(rows[4].1.isEmpty)
        #expect(rows[5].1 == [.text("after a gap")])
        #expect(try readCells(reader, sheet: 1).last?.1 == [.text("B1"), .date(date(2024, 2, 29))])
        #expect(try readCells(reader, sheet: 2).map(\.1) == [[.text("x")]])
    }

    @Test("the workbook has a frozen bold header, widths and number formats")
    func structure() throws {
        let data = try WriterTests.sampleWorkbook().data()
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ path: String) throws -> String {
            var out = Data()
            _ = try archive.extract(archive[path]!) { out.append($0) }
            return String(decoding: out, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"30\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\">"))
        let styles = try part("xl/styles.xml")
        #expect(styles.contains("formatCode=\"#,##0\""))
        #expect(styles.contains("formatCode=\"#,##0.00\""))
        #expect(styles.contains("formatCode=\"yyyy-mm-dd\""))
        #expect(styles.contains("<b/>"))
        let strings = try part("xl/sharedStrings.xml")
        #expect(strings.contains("Bostedet Åbo &amp; Co &lt;1&gt;"))
        #expect(strings.contains("_x005F_x000D_ literal"))
        #expect(try part("[Content_Types].xml").contains("/xl/worksheets/sheet3.xml"))
    }

    @Test("invalid numbers are refused with their location", arguments: ["1,5", "abc", "1e5", ""])
    func invalidNumber(text: String) {
        var writer = XLSXWriter()
        let error = spreadsheetError {
            try writer.addSheet(name: "S", columns: [.init("a"), .init("b")], rows: [[.text("x"), .number(text)]])
        }
        #expect(error?.kind == .invalidValue)
        #expect(error?.row == 2)
        #expect(error?.column == 1)
        #expect(error?.description.hasPrefix("sheet \"S\", row 2, column B: ") == true)
    }

    @Test("a workbook without sheets is refused")
    func noSheets() {
        #expect(spreadsheetError { _ = try XLSXWriter().data() }?.kind == .invalidValue)
    }

    @Test("CSV: quoting, BOM, CRLF, Danish decimals and dates, formula protection")
    func csvDanish() throws {
        let bytes = CSVWriter.bytes([
            [.text("navn"), .text("takst"), .text("dato"), .text("note")],
            [.text("Åbo; Nord"), .number("1234.5"), .date(date(2026, 11, 23)), .text("sagt \"nej\"\nto linjer")],
            [.text("=SUM(A1)"), .number("-3"), .bool(true), .empty],
        ], options: .danishExcel)
        let expected = "\u{FEFF}navn;takst;dato;note\r\n\"Åbo; Nord\";1234,5;23-11-2026;\"sagt \"\"nej\"\"\nto linjer\"\r\n'=SUM(A1);-3;TRUE;\r\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test("CSV: standard options, and a written file reads back", arguments: [CSVWriter.Options.standard, .danishExcel,
        CSVWriter.Options(delimiter: UInt8(ascii: "\t"), lineEnding: .lf)])
    func csvRoundTrip(options: CSVWriter.Options) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = folder.appendingPathComponent("out.csv")
        let rows = [["id", "name", "note"], ["1", "Engen, afd. Nord", "a;b\tc"], ["2", "say \"hi\"", "x\ny"], ["3", "Ærø", ""]]
        let writer = try CSVWriter(url: url, options: options)
        for row in rows { try writer.writeRow(row) }
        try writer.close()
        let reader = try CSVReader(url: url)
        #expect(reader.dialect.delimiter == options.delimiter)
        #expect(reader.dialect.hasByteOrderMark == options.byteOrderMark)
        #expect(try readAll(reader).map(\.1) == [rows[0], rows[1], rows[2], ["3", "Ærø"]])
    }
}
