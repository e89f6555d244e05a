import Foundation
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Spreadsheet
import Testing

@Suite struct ScenarioFileTests {
    let defaults = ScenarioFile.Defaults(municipalityCode: 615)

    @Test func theDocumentedExampleParses() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/scenario-example.toml").path
        let s = try ScenarioFile.load(path: path, defaults: defaults)
        #expect(s.file == "scenario-example.toml")
        #expect(s.newResidences.count == 2)
        let a = s.newResidences[0].residence
        #expect(a.id == "NY-AUT")
        #expect(a.offerType == .sel108)
        #expect(a.targetGroups == TargetGroups([.autism, .intellectualDisability]))
        #expect(a.supportLevels == 4...5)
        #expect(a.features == Features([.wheelchair]))
        #expect(a.places == 12)
        #expect(a.dailyRate == Money(kroner: 4100))
        #expect(a.variableDailyCost == Money(kroner: 1050))
        #expect(a.opensOn == Build.day("2027-08-01"))
        #expect(a.isOwn && a.postcode == 8700)
        #expect(s.newResidences[0].investment == Money(kroner: 45_000_000))
        #expect(s.investment == Money(kroner: 75_000_000))
    }

    @Test func everyKindOfChange() throws {
        let text = """
            name = "Alt"
            [[new_residence]]
            offer_type = "§ 107"
            target_groups = "sindslidelse, misbrug"
            places = 4
            daily_rate = "3.800,50"
            opens_on = 2028-01-01
            [[closure]]
            residence_id = "615-004"
            closes_on = "01-07-2028"
            [[rate_change]]
            residence_id = "615-002"
            change_percent = 2.5
            [[demand]]
            offer_type = 108
            target_groups = ["autisme"]
            support_level = 4
            referrals_per_year = 6.5
            growth_percent = 3
            mean_stay_years = 8
            """
        let s = try ScenarioFile.parse(text, file: "alt.toml", defaults: defaults)
        let r = s.newResidences[0].residence
        #expect(r.id == "NY-1" && r.offerType == .sel107 && r.targetGroups == TargetGroups([.mentalIllness, .substanceAbuse]))
        #expect(r.dailyRate == Money(ore: 380_050))
        #expect(r.supportLevels == 1...5)
        #expect(s.closures == [.init(residenceId: "615-004", closesOn: Build.day("2028-07-01"))])
        #expect(s.rateChanges == [.init(residenceId: "615-002", changePerMille: 25)])
        #expect(s.demand == [.init(offerType: .sel108, targetGroups: TargetGroups([.autism]), supportLevel: 4,
                                   referralsPerYearHundredths: 650, growthPerMille: 30, meanStayYearsHundredths: 800)])
    }

    @Test func everyProblemIsReportedWithItsPlace() {
        let text = """
            [[new_residence]]
            name = "Engbo"
            offer_type = "§ 109"
            target_groups = ["autism"]
            place = 12
            daily_rate = 2000
            opens_on = 2028-01-01
            """
        #expect {
            try ScenarioFile.parse(text, file: "A.toml", defaults: defaults)
        } throws: { error in
            let m = String(describing: error)
            return m.contains("A.toml: [[new_residence]] 1 \"Engbo\", key \"place\" is not a known key; did you mean \"places\"?")
                && m.contains("A.toml: [[new_residence]] 1 \"Engbo\", key \"offer_type\": \"§ 109\" is not an offer type")
                && m.contains("key \"places\" is missing")
        }
        #expect(throws: ScenarioFile.Problems.self) { try ScenarioFile.parse("name = ", file: "B.toml", defaults: defaults) }
    }
}

/// Text on which TOMLKit's C++ parser would abort the program (found by Fuzz/): refused with
/// its place instead, while every scenario file we ship still reads.
@Suite struct ScenarioKeyShapeTests {
    static let defaults = ScenarioFile.Defaults(municipalityCode: 615)

    @Test(arguments: [
        ("name = \"Luk\"\n[^closure]]\nresidence_id = \"616-004\"\n", 2, 2),
        ("[[closure]]\n residence_id = \"616-004\"\n ^closes_on = 2028-07-01\n", 3, 2),
        ("[new_residence.^x]\n", 1, 16),
        ("[\ru0\u{0}", 1, 2),
    ])
    func aKeyThatCannotStartIsALocatedError(text: String, line: Int, column: Int) throws {
        let error = #expect(throws: ScenarioFile.Problems.self) { try ScenarioFile.parse(text, file: "F.toml", defaults: Self.defaults) }
        #expect(error?.description
                == "F.toml: line \(line), column \(column): a key or table name must start here (a letter, digit, _ or -, or a name in quotes)")
    }

    @Test(arguments: ["seeds/scenario-example.toml", "Benchmarks/plan/scenario-close.toml", "Benchmarks/plan/scenario-growth.toml"])
    func shippedScenariosPassTheCheck(path: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        #expect(TOMLKeyShape.firstFault(in: text) == nil)
    }

    @Test func aSecondEqualsSignOnAKeysLineIsALocatedError() throws {
        // toml++ asserted, and so aborted the program, on this line (found by Fuzz/).
        let error = #expect(throws: ScenarioFile.Problems.self) {
            try ScenarioFile.parse("name = \"x\"\n[[closure]]\ncloses_on = 2028-07-0= 4\n", file: "F.toml", defaults: Self.defaults)
        }
        #expect(error?.description
                == "F.toml: line 3, column 22: a second = on the line (each key goes on a line of its own, and a value without quotes has no =)")
        // An = inside a string, an inline table or a comment is not a second one.
        #expect(TOMLKeyShape.firstFault(in: "a = \"b = c\" # d = e\nf = { g = 1, h = [{ i = 2 }] }\n") == nil)
    }

    @Test func multiLineValuesAreNotTakenForKeys() {
        let text = "a = [\n  \"x\",\n  [1, 2],\n]\nb = \"\"\"\n[not a header\n\"\"\"\nc = { d = 1 }\n\"quoted key\" = 2\n"
        #expect(TOMLKeyShape.firstFault(in: text) == nil)
        #expect(TOMLKeyShape.firstFault(in: "name = \"x\"\r\n[[closure]]\r\nresidence_id = \"R1\"\r\n") == nil)
        // A CRLF file is read line by line too: its empty lines and its many keys are fine.
        #expect(TOMLKeyShape.firstFault(in: "name = \"x\"\r\n\r\n[[closure]]\r\nresidence_id = \"R1\"\r\ncloses_on = 2028-07-01\r\n") == nil)
    }
}

@Suite struct DemandSheetTests {
    @Test func readsTheDanishTemplate() throws {
        let dir = try TempDir()
        let header = DemandSheet.templateHeader(language: .da).joined(separator: ";")
        #expect(header == "år;paragraf;målgrupper;støtteniveau;antal;kilde")
        let url = try dir.write("behov.csv", header + "\n2028;§ 108;autisme, udviklingshæmning;4;3;børneområdet, 17-årige\n2029;ABL § 105;sindslidelse;;2;\n")
        let sheet = try DemandSheet.read(url: url)
        #expect(sheet.rows == [
            .init(year: 2028, offerType: .sel108, targetGroups: TargetGroups([.autism, .intellectualDisability]), supportLevel: 4, count: 3,
                  source: "børneområdet, 17-årige", line: 2),
            .init(year: 2029, offerType: .abl105, targetGroups: TargetGroups([.mentalIllness]), supportLevel: nil, count: 2, source: nil, line: 3),
        ])
    }

    @Test func everyBadCellIsLocated() throws {
        let dir = try TempDir()
        let url = try dir.write("behov.csv", "år;paragraf;målgrupper;antal\n2028;§ 108;autisme;3\n2028;§ 108;autisme;x\n2029;§ 999;hunde;2\n")
        #expect {
            try DemandSheet.read(url: url)
        } throws: { error in
            let m = String(describing: error)
            return m.contains("behov.csv row 3, column \"antal\": \"x\" is not a count")
                && m.contains("behov.csv row 4, column \"paragraf\": \"§ 999\" is not an offer type")
                && m.contains("behov.csv row 4, column \"målgrupper\": \"hunde\" is not a list of target groups")
        }
    }

    /// The first bytes of a ZIP archive and nothing more: a workbook cut off while it was copied.
    static let cutOffWorkbook: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]

    @Test(arguments: [
        (Language.da, "behov.xlsx: filen begynder som en .xlsx-projektmappe (et ZIP-arkiv), men er beskadiget eller ufuldstændig, "
            + "måske afbrudt under kopiering eller download. Gem eller eksportér den igen."),
        (Language.en, "behov.xlsx: the file starts like an .xlsx workbook (a ZIP archive) but is damaged or incomplete, "
            + "perhaps cut off while copying or downloading. Save or export it again."),
    ])
    func aDamagedWorkbookIsRefusedInTheLanguage(language: Language, message: String) throws {
        let dir = try TempDir()
        let url = try dir.write("behov.xlsx", bytes: Self.cutOffWorkbook)
        #expect { try DemandSheet.read(url: url, language: language) } throws: { String(describing: $0) == message }
    }

    @Test func aFileOfTheWrongKindIsRefusedInDanish() throws {
        let dir = try TempDir()
        let url = try dir.write("behov.csv", "%PDF-1.7\n")
        #expect { try DemandSheet.read(url: url, language: .da) } throws: {
            String(describing: $0) == "behov.csv: dette er et PDF-dokument, ikke et regneark. Hent data fra kildesystemet som .xlsx eller .csv."
        }
    }

    @Test func aMissingColumnIsNamed() throws {
        let dir = try TempDir()
        let url = try dir.write("behov.csv", "år;paragraf;målgrupper\n2028;§ 108;autisme\n")
        #expect {
            try DemandSheet.read(url: url)
        } throws: { String(describing: $0).contains("the column \"count\" (antal) is missing") }
    }
}

@Suite struct OutputTests {
    static func plan(_ language: Language) throws -> PlanResult {
        try Planner.plan(world: DeterministicPlanTests.world(), scenarios: [
            Scenario(name: "build", newResidences: [DeterministicPlanTests.newResidence("N1", groups: [.autism], rateKr: 1000, investmentKr: 1_000_000)]),
        ], assumptions: DeterministicPlanTests.assumptions, options: DeterministicPlanTests.options, language: language)
    }

    @Test func textSaysItsUnits() throws {
        let da = PlanText.render(try Self.plan(.da), language: .da)
        #expect(da.contains("Kapacitetsplan 2027-2028"))
        #expect(da.contains("mio. kr. pr. år"))
        #expect(da.contains("(borgere)"))
        #expect(da.contains("2027   1,9   2,0"))  // 188.904.452 øre = 1,9 mio. kr., decimal comma
        #expect(da.contains("1 nyt botilbud med 3 pladser, investering 1.000.000 kr."))
        let en = PlanText.render(try Self.plan(.en), language: .en)
        #expect(en.contains("Capacity plan 2027-2028"))
        #expect(en.contains("DKK million per year"))
    }

    @Test func htmlIsSelfContained() throws {
        let html = PlanHTML.render(try Self.plan(.da), language: .da)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("<link"))
        #expect(html.contains("@media print"))
    }

    @Test func jsonHasUnitsInItsKeys() throws {
        let json = PlanJSON.render(try Self.plan(.en))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let scenarios = try #require(doc["scenarios"] as? [[String: Any]])
        let years = try #require(scenarios[0]["years"] as? [[String: Any]])
        let figures = try #require(years[0]["figures"] as? [String: Any])
        let total = try #require(figures["total_cost_kr_per_year"] as? [String: Any])
        #expect(total["median"] as? Double == 1_889_044.52.rounded())
        #expect(figures["placed_external_citizens"] != nil)
        #expect((scenarios[1]["payback"] as? [String: Any]) != nil)
    }

    @Test func workbookHasRealNumbers() throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("plan.xlsx")
        try PlanXLSX.write(try Self.plan(.da), language: .da, to: url)
        let book = try Workbook.open(url)
        #expect(book.sheets.map(\.name).contains("Nøgletal"))
        var cells: [Cell] = []
        try book.readRows(sheet: 0) { row in if row.number == 2 { cells = row.cells } }
        #expect(cells.count == 7)
        if case .number = cells[4] {} else { Issue.record("the median is not a number cell: \(cells)") }
    }
}
