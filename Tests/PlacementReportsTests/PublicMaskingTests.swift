import Foundation
import PlacementModel
import PlacementReports
import Spreadsheet
import Testing

/// `--public`: counts below 5 are "<5" and no citizen rows leave the department.
@Suite struct PublicMaskingTests {
    static let figures = Result { try SmallWorld.make().weeklyFigures(SmallWorld.w48) }
    static let citizens = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]

    @Test func countsBelowFiveAreMaskedAndChangesGoWithThem() throws {
        let doc = ReportBuilder.document(try Self.figures.get(), language: .da, isPublic: true)
        #expect(doc.isPublic && doc.subtitle.last == Labels.da.publicNotice)
        let h = try #require(doc.table("headline"))
        let l = Labels.da
        func row(_ label: String) -> [ReportValue] { h.rows.first { $0.first == .text(label) } ?? [] }
        #expect(row(l.figureWaiting) == [.text(l.figureWaiting), .masked, .masked, .masked])
        // Medians and waits of fewer than 5 citizens are withheld too.
        #expect(row(l.figureMedianWait)[1...3] == [.masked, .masked, .masked])
        // The placed count is 6 this week but 5 the week before: both shown, and the change.
        #expect(row(l.figurePlaced)[1...3] == [.count(6), .count(5), .change(.count(1))])
        // The cost of 3 external placements would show their rates.
        #expect(row(l.figureExternalCost)[1] == .masked)
        // Amounts that are not about citizens stay.
        #expect(row(l.figureVacancyCost)[1] == .money(Money(kroner: 11_500), basis: nil))
        // Zero is below 5.
        #expect(row(l.figureVacant)[1] == .masked)
    }

    @Test func citizenTablesAreEmptied() throws {
        let doc = ReportBuilder.document(try Self.figures.get(), language: .da, isPublic: true)
        for (_, t) in doc.tables where t.isCitizenLevel {
            #expect(t.rows.isEmpty && t.emptyText == Labels.da.omittedInPublic)
        }
        #expect(Set(doc.tables.filter { $0.table.isCitizenLevel }.map(\.table.key))
                == ["waiting", "expensive", "bring-home", "bridging", "declines", "changes"])
        // Nothing anywhere names a citizen.
        for (_, t) in doc.tables {
            for row in t.rows + (t.total.map { [$0] } ?? []) {
                for v in row { if case .citizen = v { Issue.record("citizen in \(t.key)") } }
            }
        }
    }

    @Test func noFormatShowsACitizen() throws {
        let report = WeeklyReport(figures: try Self.figures.get(), language: .da, isPublic: true)
        let html = report.html, md = report.markdown, json = report.json, text = report.summary
        for id in Self.citizens {
            #expect(!html.contains(">\(id)<"), "HTML shows \(id)")
            #expect(!md.contains("| \(id) |"), "Markdown shows \(id)")
            #expect(!json.contains("\"\(id)\""), "JSON shows \(id)")
        }
        #expect(html.contains("&lt;5") && md.contains("\\<5") && text.contains("<5"))
        #expect(json.contains("\"waiting\": \"<5\"") && !json.contains("\"citizens\""))
        #expect(json.contains("\"public\": true"))
        // CSV and XLSX leave out the citizen tables altogether.
        let csv = CSVReport.files(report.document, prefix: "x").map(\.name)
        #expect(!csv.contains("x-waiting.csv") && csv.contains("x-headline.csv"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-public-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("public.xlsx")
        try XLSXReport.write(report.document, to: url)
        let book = try Workbook.open(url)
        #expect(!book.sheets.map(\.name).contains("Venteliste"))
        var cells: [Cell] = []
        for s in book.sheets { try book.readRows(sheet: s.index) { cells += $0.cells } }
        #expect(cells.contains(.text("<5")))
        for id in Self.citizens { #expect(!cells.contains(.text(id))) }
    }

    @Test func chartsLeaveOutWeeksOfFewerThanFiveCitizens() throws {
        let doc = ReportBuilder.document(try Self.figures.get(), language: .da, isPublic: true)
        let charts = try #require(doc.sections.first { $0.key == "trends" }).charts
        // Waiting: never 5 or more in the small world.
        #expect(charts[0].points.allSatisfy { $0.value == nil })
        // Occupancy is about places, not citizens: kept.
        #expect(charts[2].points.allSatisfy { $0.value != nil })
        let html = HTMLReport.render(doc)
        #expect(html.contains(Labels.da.chartWithheld))
    }
}
