import Foundation
import PlacementModel
import PlacementReports
import Spreadsheet
import Testing

/// HTML, Markdown, CSV, JSON and XLSX of the small world; the workbook is read back with
/// the Spreadsheet reader and its cell types checked.
@Suite struct OutputFormatTests {
    static let figures = Result { try SmallWorld.make().weeklyFigures(SmallWorld.w48) }
    static func report(_ language: Language = .da, isPublic: Bool = false) throws -> WeeklyReport {
        WeeklyReport(figures: try figures.get(), language: language, isPublic: isPublic)
    }

    @Test func htmlIsSelfContainedAndPrintable() throws {
        let html = try Self.report().html
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"da\">"))
        for forbidden in ["<script", "src=\"http", "href=\"http", "url(http", "@import", "<link"] {
            #expect(!html.contains(forbidden), "HTML contains \(forbidden)")
        }
        // Print styles: A4, a page break before each section, repeated table headers.
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("section { break-before: page; }"))
        #expect(html.contains("thead { display: table-header-group; }"))
        // Five charts, each with a title, axis titles with units and tick labels.
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 5)
        #expect(html.contains(">Borgere på venteliste</text>") && html.contains(">Antal borgere</text>"))
        #expect(html.contains(">Mio. kr. om året</text>") && html.contains(">Procent (%)</text>"))
        #expect(html.contains(">uge 48</text>") && html.contains(">Uge (søndag)</text>"))
        // Right-aligned numbers with units in the headers.
        #expect(html.contains("<th class=\"num\" scope=\"col\">Årlig udgift (kr./år)</th>"))
        #expect(html.contains("<td class=\"num\">4.562.500</td>"))
        #expect(html.contains("<td class=\"num\">50,0 %</td>"))
        // The definitions note.
        #expect(html.contains("<section id=\"definitions\"") && html.contains("Tomgangsdøgn er for hver egen plads"))
        // Citizens by pseudonym; waits over the first norm highlighted.
        #expect(html.contains(">H</th>") && html.contains("<tr class=\"hl\">"))
    }

    @Test func englishHTML() throws {
        let html = try Self.report(.en).html
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<td class=\"num\">4,562,500</td>") && html.contains("Annual cost (DKK/year)"))
        #expect(html.contains("Monday 2026-11-23 to Sunday 2026-11-29") && html.contains(">week 48</text>"))
    }

    @Test func markdownTablesAlignNumbersRight() throws {
        let md = try Self.report().markdown
        #expect(md.hasPrefix("# Ugerapport"))
        #expect(md.contains("## Venteliste"))
        #expect(md.contains("| Nøgletal | uge 48 2026 | uge 47 2026 | Ændring |\n|:--|--:|--:|--:|"))
        #expect(md.contains("| Tomgangsudgift i ugen (kr.) | 11.500 | 29.000 | -17.500 |"))
        #expect(md.contains("### Eksterne efter ydelse"))
        #expect(md.contains("## Definitioner"))
    }

    @Test func danishCSVOpensInDanishExcel() throws {
        let doc = try Self.report().document
        let files = CSVReport.files(doc, prefix: "2026-W48")
        #expect(files.map(\.name).contains("2026-W48-waiting.csv"))
        #expect(files.map(\.name).contains("2026-W48-external-offer.csv"))
        let offer = try #require(files.first { $0.name == "2026-W48-external-offer.csv" })
        #expect(Array(offer.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: offer.bytes.dropFirst(3), as: UTF8.self)
        #expect(text == """
            Ydelse;Borgere (antal);Årlig udgift (kr./år)\r
            SEL § 107 midlertidigt botilbud;2;4562500,00\r
            SEL § 108 længerevarende botilbud;1;1168000,00\r
            I alt;3;5730500,00\r

            """)
        let trends = String(decoding: CSVReport.bytes(try #require(doc.table("trends")), language: .da).dropFirst(3), as: UTF8.self)
        #expect(trends.contains("2026-W48;29-11-2026;3;181,0;4;6;66,7;3;5730500,00\r\n"))
        // One named section; a section key selects all its tables.
        #expect(CSVReport.tables(doc, selecting: "waiting").map(\.key) == ["waiting"])
        #expect(CSVReport.tables(doc, selecting: "external").map(\.key)
                == ["external-offer", "external-operator", "external-municipality", "expensive-total", "expensive"])
    }

    @Test func englishCSVIsRFC4180() throws {
        let doc = try Self.report(.en).document
        let text = String(decoding: CSVReport.bytes(try #require(doc.table("residences")), language: .en), as: UTF8.self)
        #expect(text.hasPrefix("Residence,Offer type,Places (number),"))
        #expect(text.contains("Bakken,§ 107,3,2,0,0,1,66.7,5,1500.00,7500.00\r\n"))
        #expect(text.contains("Total,,6,4,0,1,1,66.7,7,,11500.00\r\n"))
    }

    @Test func jsonHasAllFiguresExactly() throws {
        let json = try Self.report().json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["week"] as? String == "2026-W48")
        let h = try #require(object["headline"] as? [String: Any])
        #expect(h["waiting"] as? Int == 3)
        #expect(h["median_wait_days"] as? Double == 181)
        #expect(h["external_annual_cost_ore"] as? Int == 573_050_000)
        #expect(h["vacancy_cost_ore"] as? Int == 1_150_000)
        #expect(h["moves_home"] as? Int == 1)
        #expect(h["placed_locally_percent"] as? Double == 50)
        let p = try #require(object["previous_headline"] as? [String: Any])
        #expect(p["vacancy_cost_ore"] as? Int == 2_900_000 && p["week"] as? String == "2026-W47")
        let trend = try #require(object["trend"] as? [[String: Any]])
        #expect(trend.count == 26)
        let waiting = try #require(object["waiting_list"] as? [String: Any])
        #expect((waiting["citizens"] as? [[String: Any]])?.map { $0["citizen"] as? String } == ["H", "D", "G"])
        // Text with quotes and markup survives every format.
        let declines = try #require(object["declines"] as? [String: Any])
        let rows = try #require(declines["citizens"] as? [[String: Any]])
        #expect(rows[1]["note"] as? String == "Ingen ledig kapacitet; \"venteliste\" <5> & ny vurdering")
        #expect(try Self.report().html.contains("Ingen ledig kapacitet; &quot;venteliste&quot; &lt;5&gt; &amp; ny vurdering"))
        // The same week gives the same bytes.
        #expect(try Self.report().json == json)
    }

    @Test func xlsxReadsBackWithRealNumbersAndDates() throws {
        let doc = try Self.report().document
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("uge48.xlsx")
        try XLSXReport.write(doc, to: url)
        let book = try Workbook.open(url)
        let names = book.sheets.map(\.name)
        #expect(names.first == "Nøgletal")
        #expect(names.contains("Venteliste") && names.contains("Egne botilbud") && names.contains("Eksterne efter ydelse"))
        #expect(names.contains("Særligt dyre enkeltsager") && names.last == "Definitioner")
        #expect(names.count == doc.tables.count + 1)

        func rows(_ name: String) throws -> [[Cell]] {
            var out: [[Cell]] = []
            try book.readRows(sheet: try #require(book.sheet(named: name)).index) { out.append($0.cells) }
            return out
        }
        // The headline: one column per figure, a row per week and the change.
        let headline = try rows("Nøgletal")
        #expect(headline[0].first == .text("Uge") && headline[0][1] == .text(Labels.da.figureWaiting))
        #expect(headline.map { $0.first } == [.text("Uge"), .text("uge 48 2026"), .text("uge 47 2026"), .text("Ændring")])
        let column = { (label: String) in headline[0].firstIndex(of: .text(label))! }
        #expect(headline[1][column(Labels.da.figureWaiting)] == .number("3"))
        #expect(headline[1][column(Labels.da.figureMedianWait)] == .number("181"))
        #expect(headline[1][column(Labels.da.figureExternalCost)] == .number("5730500"))
        #expect(headline[2][column(Labels.da.figureVacancyCost)] == .number("29000"))
        #expect(headline[3][column(Labels.da.figureVacancyCost)] == .number("-17500"))
        #expect(headline[1][column(Labels.da.figureLocalShare)] == .number("0.5"))
        #expect(headline[3][column(Labels.da.figureLocalShare)] == .number("0.3"))

        // The waiting list: text, numbers and real dates.
        let waiting = try rows("Venteliste")
        #expect(waiting[0][0] == .text("Borger (pseudonym)"))
        #expect(waiting[1][0] == .text("H") && waiting[1][3] == .number("3"))
        #expect(waiting[1][5] == .date(CalendarDate(year: 2026, month: 2, day: 1)!))
        #expect(waiting[1][6] == .number("301"))
        // After the deadline, its days over and the norm passed: the proposal's move-in.
        #expect(waiting[2][12] == .date(CalendarDate(year: 2026, month: 12, day: 1)!))

        // Residences: numbers, shares as fractions, amounts with øre.
        let residences = try rows("Egne botilbud")
        #expect(residences[1][0] == .text("Bakken"))
        #expect(residences[1][2] == .number("3") && residences[1][7] == .number("0.666667"))
        #expect(residences[1][9] == .number("1500") && residences[1][10] == .number("7500"))
        #expect(residences.last?[0] == .text("I alt") && residences.last?[10] == .number("11500"))

        // Trends: dates per Sunday.
        let trends = try rows("Udvikling de seneste 26 uger")
        #expect(trends.count == 27)
        #expect(trends[26][0] == .text("2026-W48") && trends[26][1] == .date(CalendarDate(year: 2026, month: 11, day: 29)!))
    }

    @Test func sameWeekSameBytes() throws {
        let a = try Self.report()
        let b = WeeklyReport(figures: try SmallWorld.make().weeklyFigures(SmallWorld.w48), language: .da, isPublic: false)
        #expect(a.html == b.html && a.markdown == b.markdown && a.summary == b.summary)
        #expect(try a.xlsx() == b.xlsx())
    }
}
