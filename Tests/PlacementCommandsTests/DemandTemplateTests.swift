import Foundation
import PlacementTestSupport
import Spreadsheet
import Testing

/// `placement template demand`: the sheet `placement plan --demand` reads.
@Suite struct DemandTemplateTests {
    @Test(arguments: [
        ("da", "\u{FEFF}år;paragraf;målgrupper;støtteniveau;antal;kilde\r\n"),
        ("en", "year,offer_type,target_groups,support_level,count,source\r\n"),
    ])
    func theHeaderIsTheDemandSheets(lang: String, expected: String) throws {
        let dir = try TempDir()
        let csv = dir.path("behov.csv")
        let out = try CLI.run(["template", "demand", "--lang", lang, "--out", csv])
        #expect(out.status == 0 && out.stdout == csv + "\n", "\(out.stderr)")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: csv)), as: UTF8.self) == expected)
    }

    @Test func theWorkbookHasTheHeaderAndAGuideWithTheExample() throws {
        let dir = try TempDir()
        let xlsx = dir.path("Behov.xlsx")
        #expect(try CLI.run(["template", "demand", "--lang", "da", "--out", xlsx]).status == 0)
        let book = try Workbook.open(URL(fileURLWithPath: xlsx))
        #expect(book.sheets.map(\.name) == ["behov", "Vejledning"])
        var header: [String] = [], guide: [[String]] = []
        try book.readRows(sheet: 0) { if header.isEmpty { header = $0.texts } }
        try book.readRows(sheet: 1) { guide.append($0.texts) }
        #expect(header == ["år", "paragraf", "målgrupper", "støtteniveau", "antal", "kilde"])
        #expect(guide.first == ["Kolonne", "Påkrævet", "Indhold", "Eksempel"])
        #expect(guide.dropFirst().map { $0[0] } == header)
        #expect(try Self.example("da") == ["2028", "§ 108", "autisme, udviklingshæmning", "4", "3", "børneområdet, 17-årige"])
        #expect(try Self.example("en") == ["2028", "SEL108", "autism, intellectual_disability", "4", "3", "children's area, aged 17"])
    }

    /// The example row the workbook template's guide shows, one value per column.
    static func example(_ lang: String) throws -> [String] {
        let dir = try TempDir()
        let xlsx = dir.path("guide.xlsx")
        try CLI.run(["template", "demand", "--lang", lang, "--out", xlsx])
        var guide: [[String]] = []
        try Workbook.open(URL(fileURLWithPath: xlsx)).readRows(sheet: 1) { guide.append($0.texts) }
        return guide.dropFirst().map { $0.last ?? "" }
    }

    /// Given the template filled with its example row, as a planner would in the template's own
    /// dialect, the plan reads it as one row of known demand.
    @Test(arguments: [("da", "csv"), ("en", "csv"), ("da", "xlsx")])
    func aTemplateFilledWithTheExampleRowIsPlanned(lang: String, format: String) throws {
        let dir = try TempDir()
        let db = try DemoWorldTests.importedDemo(dir)
        let file = dir.path("behov.\(format)")
        #expect(try CLI.run(["template", "demand", "--lang", lang, "--out", file]).status == 0)
        let example = try Self.example(lang)
        if format == "csv" {
            var options: CSVWriter.Options = lang == "da" ? .danishExcel : .standard
            options.byteOrderMark = false
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            bytes += CSVWriter.bytes([example.map { Cell.text($0) }], options: options)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        } else {
            let book = try Workbook.open(URL(fileURLWithPath: file))
            var header: [String] = []
            try book.readRows(sheet: 0) { if header.isEmpty { header = $0.texts } }
            var filled = XLSXWriter()
            try filled.addSheet(name: book.sheets[0].name, columns: header.map { XLSXWriter.Column($0) }, rows: [example.map { Cell.text($0) }])
            try filled.write(to: URL(fileURLWithPath: file))
        }

        let out = try CLI.run(["plan", "--as-of", DemoWorldTests.asOf, "--demand", file, "--runs", "2", "--format", "json"], db: db)
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try #require(try CLI.json(out.stdout)["demand_sheet"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["year"] as? Int == Int(example[0]))
        #expect(rows.first?["support_level"] as? Int == Int(example[3]))
        #expect(rows.first?["count"] as? Int == Int(example[4]))
        #expect(rows.first?["source"] as? String == example[5])
    }
}
