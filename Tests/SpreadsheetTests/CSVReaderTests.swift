import Foundation
import Testing
@testable import Spreadsheet

@Suite("CSV reading")
struct CSVReaderTests {
    @Test("Danish Excel CSV UTF-8: BOM skipped, æøå, semicolon, CRLF")
    func danishUTF8() throws {
        let rows = try readAll(try Workbook.open(try fixture("semicolon-crlf-bom.csv")))
        #expect(rows.map(\.0) == [1, 2, 3])
        #expect(rows[0].1 == ["tilbud_id", "navn", "pladser", "døgntakst", "åbner"])
        #expect(rows[1].1 == ["T1", "Bostedet Åbo", "12", "2150,75", "15-03-2023"])
        #expect(rows[2].1 == ["T2", "Ærø Øst", "8", "1.999,50", "01-02-2024"])
    }

    @Test("Danish Excel CSV (semikolonsepareret): Windows-1252 decoded")
    func danishWindows1252() throws {
        let rows = try readAll(try Workbook.open(try fixture("venteliste-cp1252.csv")))
        #expect(rows[1].1 == ["B1", "Søren Ærløsen", "‘akut’ – ønsker Århus", "1.234,50 €"])
        #expect(rows[2].1 == ["B2", "ÆØÅ æøå", "„citat“ …"])
    }

    @Test("comma, LF and quoted commas")
    func commaLF() throws {
        let rows = try readAll(try Workbook.open(try fixture("comma-lf.csv")))
        #expect(rows.map(\.1) == [["residence_id", "name", "daily_rate"], ["R1", "Engen, afd. Nord", "1234.50"], ["R2", "Hus", "99"]])
    }

    @Test("tab-separated; other delimiters are text")
    func tabs() throws {
        let rows = try readAll(try Workbook.open(try fixture("tab-separated.txt")))
        #expect(rows.map(\.1) == [["id", "name", "note"], ["1", "Anna", "a;b,c"], ["2", "Bo"]])
    }

    @Test("quotes: line breaks inside, \"\" escapes; row numbers are record numbers")
    func quotes() throws {
        let rows = try readAll(try Workbook.open(try fixture("quotes-multiline.csv")))
        #expect(rows.map(\.0) == [1, 2, 3, 4, 5, 6])
        #expect(rows[1].1 == ["1", "first line\nsecond line", "a"])
        #expect(rows[2].1 == ["2", "say \"hi\"", "b"])
        #expect(rows[3].1 == ["3", "x\ny\nz", "c"])
        #expect(rows[4].1 == ["4", "", "d"])
        #expect(rows[5].1 == ["5", "a;b", "e"])
    }

    @Test("trailing empty columns and rows are dropped; an empty row inside is kept, empty")
    func trailingEmpty() throws {
        var seen: [(Int, Int, [String])] = []
        try Workbook.open(try fixture("trailing-empty.csv")).readRows(sheet: 0) { row in
            seen.append((row.number, row.count, row.texts))
        }
        #expect(seen.map(\.0) == [1, 2, 3, 4])
        #expect(seen.map(\.1) == [2, 2, 0, 1])
        #expect(seen.map(\.2) == [["a", "b"], ["1", "2"], [], ["3"]])
    }

    @Test("lone CR line ends (old Mac)")
    func loneCR() throws {
        #expect(try readAll(try Workbook.open(try fixture("lone-cr.csv"))).map(\.1) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test("UTF-16LE with BOM (Excel \"Unicode text\") is decoded, surrogate pairs included")
    func utf16() throws {
        let rows = try readAll(try Workbook.open(try fixture("utf16le-bom-tab.txt")))
        #expect(rows.map(\.1) == [["navn", "by"], ["Søren", "Århus"], ["Zoë 😀", "Køge"]])
    }

    @Test("Excel's sep= line sets the delimiter and is not a row")
    func sepLine() throws {
        let rows = try readAll(try Workbook.open(try fixture("sep-line.csv")))
        #expect(rows.map(\.0) == [1, 2])
        #expect(rows.map(\.1) == [["a", "b"], ["1;2", "3"]])
    }

    @Test("fields are lazy: isEmpty, cell and text agree", arguments: [
        ("a;;\"\";\" \";x", [false, true, true, false, false]),
        ("\"\"\"\";\"a\"\"\";b", [false, false, false]),
    ])
    func emptiness(line: String, empties: [Bool]) throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try temporaryFile("e.csv", Array("h1;h2;h3;h4;h5\n\(line)\n".utf8), in: folder)
        var checked = false
        try CSVReader(url: url).readRows(sheet: 0) { row in
            guard row.number == 2 else { return }
            checked = true
            for (c, empty) in empties.enumerated() {
                #expect(row.isEmpty(c) == empty)
                #expect(row.cell(c).isEmpty == empty)
                #expect(row.text(c).isEmpty == empty)
            }
            #expect(row.cell(99) == .empty && row.text(-1) == "")
        }
        #expect(checked)
    }

    @Test("Excel leniency: text after a closing quote is kept, a quote inside a field is text")
    func lenientQuotes() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        let url = try temporaryFile("l.csv", Array("a;b;c\n\"ab\"c;x\"y;\"q\"\"\"\n".utf8), in: folder)
        #expect(try readAll(try CSVReader(url: url))[1].1 == ["abc", "x\"y", "q\""])
    }

    @Test("a kept row does not change when reading goes on")
    func keptRows() throws {
        var kept: [SheetRow] = []
        try Workbook.open(try fixture("comma-lf.csv")).readRows(sheet: 0) { kept.append($0) }
        #expect(kept.map { $0.text(0) } == ["residence_id", "R1", "R2"])
        #expect(kept[1].text(1) == "Engen, afd. Nord")
    }

    @Test("the body's error stops reading and is rethrown")
    func stopsEarly() throws {
        struct Enough: Error {}
        var count = 0
        #expect(throws: Enough.self) {
            try Workbook.open(try fixture("quotes-multiline.csv")).readRows(sheet: 0) { _ in
                count += 1
                if count == 2 { throw Enough() }
            }
        }
        #expect(count == 2)
    }

    @Test("records across many chunks: 200,000 rows stream with correct numbers")
    func manyRows() throws {
        let folder = try temporaryFolder()
        defer { cleanUp(folder) }
        var bytes = Array("id;name;note\r\n".utf8)
        for i in 1...200_000 {
            bytes += Array("\(i);navn \(i);\"multi\nline \"\"\(i)\"\"\"\r\n".utf8)
        }
        let url = try temporaryFile("many.csv", bytes, in: folder)
        var n = 0
        var wrongNumbers = 0
        var last = ""
        try CSVReader(url: url).readRows(sheet: 0) { row in
            n += 1
            if row.number != n { wrongNumbers += 1 }
            if n == 200_001 { last = row.text(2) }
        }
        #expect(n == 200_001)
        #expect(wrongNumbers == 0)
        #expect(last == "multi\nline \"200000\"")
    }
}
