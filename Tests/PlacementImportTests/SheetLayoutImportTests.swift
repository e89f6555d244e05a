import Foundation
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Spreadsheet
import Testing

/// Workbooks as planners lay them out, each fixture saved by LibreOffice Calc: the exact
/// messages the import gives and the exact values it stores.
@Suite struct SheetLayoutImportTests {
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    func load(_ file: URL, language: Language = .en) throws -> (PlacementDatabase, ImportReport) {
        let database = try Build.database()
        let options = ImportOptions(asOf: Build.day("2026-11-23"), language: language)
        let report = try Importer(database: database, options: options).run(files: [file], now: Date(timeIntervalSince1970: 1_795_000_000))
        return (database, report)
    }

    func citizen(_ db: PlacementDatabase, _ id: String) throws -> Citizen {
        try #require(try db.read { try Citizens.find($0, id: id) })
    }

    @Test func aTitleAndABlankRowAboveTheHeaderAreSkippedWithANotice() throws {
        // The sheet is named "Ark1": the kind comes from the header in row 3.
        let (db, report) = try load(Self.fixture("title-row-above-header.xlsx"))
        #expect(report.committed)
        #expect(report.issues.map(\.description) == [
            #"title-row-above-header.xlsx, sheet "Ark1" row 1: "Venteliste pr. 23-11-2026" stands above the header (row 3), a title or a group header; skipped"#,
        ])
        #expect(report.sheets.map(\.kind) == [.citizens])
        #expect(report.sheets.map(\.rowsRead) == [2] && report.sheets.map(\.inserted) == [2] && report.sheets.map(\.skipped) == [1])
        let t1 = try citizen(db, "T-1"), t2 = try citizen(db, "T-2")
        #expect(t1.supportLevel == 3 && t1.offerType == .sel108 && t1.referredOn == Build.day("2026-09-01"))
        #expect(t1.targetGroups == TargetGroups([.autism]))
        #expect(t2.supportLevel == 2 && t2.offerType == .sel107 && t2.referredOn == Build.day("2026-10-15"))
    }

    @Test func aMergedGroupHeaderAboveTheHeaderIsSkipped() throws {
        let (db, report) = try load(Self.fixture("merged-group-header.xlsx"), language: .da)
        #expect(report.committed)
        #expect(report.issues.map { $0.text(.da) } == [
            #"merged-group-header.xlsx, ark "borgere" række 1: "Venteliste, handicap og psykiatri" står over overskriftsrækken (række 3), en titel eller en gruppeoverskrift; sprunget over"#,
            #"merged-group-header.xlsx, ark "borgere" række 2: "Borger | Bevilling | Visitation" står over overskriftsrækken (række 3), en titel eller en gruppeoverskrift; sprunget over"#,
        ])
        let g1 = try citizen(db, "G-1"), g2 = try citizen(db, "G-2")
        #expect(g1.supportLevel == 4 && g1.targetGroups == TargetGroups([.intellectualDisability]) && g1.referredOn == Build.day("2026-08-03"))
        #expect(g2.supportLevel == 2 && g2.offerType == .abl105 && g2.referredOn == Build.day("2026-11-02"))
    }

    @Test func totalsAndSectionRowsAreSkippedWithANotice() throws {
        let (db, report) = try load(Self.fixture("totals-row.xlsx"))
        #expect(report.committed)
        #expect(report.issues.map(\.description) == [
            #"totals-row.xlsx, sheet "borgere" row 2: "Handicap" is the only text of its row (a totals or section row); skipped"#,
            #"totals-row.xlsx, sheet "borgere" row 5: "Psykiatri" is the only text of its row (a totals or section row); skipped"#,
            #"totals-row.xlsx, sheet "borgere" row 7: "I alt" is a totals row; skipped"#,
        ])
        #expect(report.sheets.map(\.rowsRead) == [3] && report.sheets.map(\.inserted) == [3] && report.sheets.map(\.skipped) == [3])
        #expect(try [citizen(db, "S-1"), citizen(db, "S-2"), citizen(db, "S-3")].map(\.supportLevel) == [3, 2, 1])
    }

    @Test func headersWithPunctuationAndUnitsMapAndAnUnknownOneGetsASuggestion() throws {
        let (db, report) = try load(Self.fixture("headers-punctuation-units.xlsx"))
        #expect(report.committed)
        #expect(report.issues.map(\.description) == [
            #"headers-punctuation-units.xlsx, sheet "borgere" row 1, column "Hastegrd": is not a known column; ignored; did you mean "hastegrad"?"#,
        ])
        let p1 = try citizen(db, "P-1"), p2 = try citizen(db, "P-2")
        #expect(p1.maxDistanceKm == 25 && p2.maxDistanceKm == 10)
        #expect(p1.agreedDailyRate == nil && p2.agreedDailyRate == Money(ore: 185_050))
        #expect(p1.supportLevel == 3 && p1.targetGroups == TargetGroups([.autism]) && p2.referredOn == Build.day("2026-10-01"))
        // In Danish, the suggestion is "mente du".
        let (_, danish) = try load(Self.fixture("headers-punctuation-units.xlsx"), language: .da)
        #expect(danish.issues.map { $0.text(.da) } == [
            #"headers-punctuation-units.xlsx, ark "borgere" række 1, kolonne "Hastegrd": er ikke en kendt kolonne; ignoreret; mente du "hastegrad"?"#,
        ])
    }

    @Test func formulaCellsWithStoredValuesImportTheirValues() throws {
        let (db, report) = try load(Self.fixture("formulas-with-stored-values.xlsx"))
        #expect(report.committed && report.issues.isEmpty, "\(report.issues.map(\.description))")
        let f1 = try citizen(db, "F-1"), f2 = try citizen(db, "F-2")
        #expect(f1.supportLevel == 3 && f1.maxDistanceKm == 15)
        #expect(f2.supportLevel == 2 && f2.maxDistanceKm == 10)
    }

    @Test func formulaCellsWithoutStoredValuesAreAnErrorNamingTheCells() throws {
        // The LibreOffice file with its stored values taken out: as a script writes formulas.
        let dir = try TempDir()
        let stripped = dir.url.appendingPathComponent("formulas-without-stored-values.xlsx")
        try WorkbookSurgery.rewrite(Self.fixture("formulas-with-stored-values.xlsx"), part: "xl/worksheets/sheet1.xml", to: stripped) { data in
            let xml = String(decoding: data, as: UTF8.self)
            return Data(xml.replacingOccurrences(of: #"</f><v>[^<]*</v>"#, with: "</f>", options: .regularExpression).utf8)
        }
        let (db, report) = try load(stripped, language: .da)
        #expect(!report.committed)
        #expect(report.issues.map { $0.text(.da) } == [
            #"formulas-without-stored-values.xlsx, ark "borgere" række 2, kolonne "Støtteniveau": cellerne D2, D3 indeholder formler uden gemte værdier (filen er skrevet af et program, der ikke regner formler ud); åbn filen i Excel eller LibreOffice, gem den og importér igen"#,
            #"formulas-without-stored-values.xlsx, ark "borgere" række 2, kolonne "Maks. afstand (km)": cellerne G2, G3 indeholder formler uden gemte værdier (filen er skrevet af et program, der ikke regner formler ud); åbn filen i Excel eller LibreOffice, gem den og importér igen"#,
        ])
        #expect(try db.read { try Citizens.find($0, id: "F-1") } == nil)
    }

    @Test func theReaderTellsAStoredFormulaValueFromAMissingOne() throws {
        var stored: [Cell] = []
        try XLSXReader(url: Self.fixture("formulas-with-stored-values.xlsx")).readRows(sheet: 0) { row in
            if row.number == 2 { stored = [row.cell(3), row.cell(6)] }
        }
        #expect(stored == [.number("3"), .number("15")])
        let dir = try TempDir()
        let file = dir.url.appendingPathComponent("script.xlsx")
        var writer = XLSXWriter()
        try writer.addSheet(name: "s", columns: [XLSXWriter.Column("a"), XLSXWriter.Column("b")], rows: [[.uncalculatedFormula("A1&\"x\""), .number("2")]])
        try writer.write(to: file)
        var written: [Cell] = []
        try XLSXReader(url: file).readRows(sheet: 0) { row in if row.number == 2 { written = row.cells } }
        #expect(written == [.uncalculatedFormula("A1&\"x\""), .number("2")])
    }

    @Test func oneUncalculatedCellIsNamed() throws {
        let dir = try TempDir()
        let file = dir.url.appendingPathComponent("script.xlsx")
        var writer = XLSXWriter()
        try writer.addSheet(name: "borgere", columns: ["Sagsnr", "Målgruppe", "Paragraf", "Støtteniveau", "Status", "Visiteret"].map { XLSXWriter.Column($0) },
                            rows: [[.text("X-1"), .text("autisme"), .text("§ 108"), .uncalculatedFormula("1+1"), .text("venter"), .text("01-09-2026")]])
        try writer.write(to: file)
        let (_, report) = try load(file)
        #expect(report.issues.map(\.description) == [
            #"script.xlsx, sheet "borgere" row 2, column "Støtteniveau": cell D2 holds a formula without a stored value (the file was written by a program that does not calculate); open the file in Excel or LibreOffice, save it and import again"#,
        ])
    }

    @Test func aBadValueOnManyRowsIsReportedOnceWithTheRows() throws {
        let file = Self.fixture("repeated-bad-status.xlsx")
        let (_, report) = try load(file, language: .da)
        #expect(!report.committed)
        #expect(report.text(.da, seconds: 0) == """
            repeated-bad-status.xlsx [borgere] (borgere; XLSX, 1 ark): 31 rækker læst, 1 sprunget over, 31 med fejl: intet importeret
            1 bemærkning:
              repeated-bad-status.xlsx, ark "borgere" række 1: "Venteliste pr. 23-11-2026" står over overskriftsrækken (række 3), en titel eller en gruppeoverskrift; sprunget over
            1 fejl:
              repeated-bad-status.xlsx, ark "borgere" række 4–34, kolonne "Status": "ventr" er ikke en status (venter, placeret)
            Intet blev importeret: databasen er uændret. Ret fejlene ovenfor, og importér igen.
            """)
        #expect(report.issues.last?.rows == Array(4...34))
    }

    @Test func aBadValueOnMoreRowsThanTheListingCapIsStillOneLine() throws {
        var options = ImportOptions(asOf: Build.day("2026-11-23"))
        options.maxIssues = 5
        let report = try Importer(database: try Build.database(), options: options).run(files: [Self.fixture("repeated-bad-status.xlsx")])
        #expect(report.errorCount == 1 && report.errorsNotListed == 0)
        #expect(report.issues.map(\.description).last == #"repeated-bad-status.xlsx, sheet "borgere" rows 4–34, column "Status": "ventr" is not a status (venter, placeret)"#)
    }
}

/// The summary says what happened, never what a failed or trial import did not do.
@Suite struct ImportSummaryTests {
    func report(errors: Bool, dryRun: Bool) -> ImportReport {
        var r = ImportReport()
        var s = ImportReport.SheetSummary(file: "borgere.csv", sheet: nil, kind: .citizens, dialect: "CSV, semicolon, UTF-8, CRLF")
        s.rowsRead = 1234; s.inserted = 1200; s.unchanged = 30
        r.sheets = [s]
        r.dryRun = dryRun
        if errors { r.issues = [ImportIssue(.error, file: "borgere.csv", row: 7, column: "Status", value: "x", message: "er ikke en status (venter, placeret)")] }
        return r
    }

    @Test(arguments: [
        (true, false, Language.da, "borgere.csv (borgere; CSV, semikolon, UTF-8, CRLF): 1.234 rækker læst, 4 med fejl: intet importeret"),
        (false, true, .da, "borgere.csv (borgere; CSV, semikolon, UTF-8, CRLF): 1.234 rækker læst, 1.200 ville blive tilføjet, 0 ændrede, 30 uændrede"),
        (false, false, .da, "borgere.csv (borgere; CSV, semikolon, UTF-8, CRLF): 1.234 rækker læst, 1.200 nye, 0 ændrede, 30 uændrede"),
        (true, false, .en, "borgere.csv (citizens; CSV, semicolon, UTF-8, CRLF): 1,234 rows read, 4 with errors: nothing imported"),
        (false, true, .en, "borgere.csv (citizens; CSV, semicolon, UTF-8, CRLF): 1,234 rows read, 1,200 would be inserted, 0 updated, 30 unchanged"),
    ])
    func theSheetLineFollowsTheOutcome(errors: Bool, dryRun: Bool, language: Language, line: String) {
        let text = report(errors: errors, dryRun: dryRun).text(language, seconds: 0.5)
        #expect(text.split(separator: "\n").first.map(String.init) == line)
    }

    @Test func theClosingLineInDanishUsesDanishNumbers() {
        #expect(report(errors: false, dryRun: false).text(.da, seconds: 0.5).hasSuffix("Importerede 1.234 rækker på 0,50 s (2.468 rækker/s)."))
    }

    @Test(arguments: [([4], "4"), ([4, 5], "4, 5"), (Array(4...34), "4–34"), ([1, 2, 3, 7, 9, 10, 11], "1–3, 7, 9–11")])
    func rowRuns(rows: [Int], text: String) {
        var issue = ImportIssue(.error, file: "f.csv", row: rows[0], message: "m")
        issue.rows = rows.count > 1 ? rows : nil
        #expect(issue.description == "f.csv \(rows.count > 1 ? "rows" : "row") \(text): m")
    }
}
