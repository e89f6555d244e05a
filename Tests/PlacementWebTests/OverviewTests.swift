import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementModel
import PlacementReports
import PlacementStore
import PlacementWeb
import Testing

/// The overview: the weekly report's 26-week trend charts (its own SVG), and what needs
/// attention: waits beyond the norms, accepted-not-moved-in, import conflicts, unfilled vacancies.
@Suite struct OverviewTests {
    @Test(arguments: [Language.da, .en])
    func theOverviewDrawsTheWeeklyReportsTrendChartsWithItsOwnCode(language: Language) async throws {
        let world = try WebWorld()
        let figures = try world.database.readFigures(ISOWeek(containing: Day(iso: "2026-11-25")!))
        let trends = try #require(ReportBuilder.document(figures, language: language).sections.first { $0.key == "trends" })
        #expect(figures.trend.count == 26 && trends.charts.count == 5)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            if language == .en { _ = try await b.get("/lang/en?back=/") }
            let page = try await b.get("/")
            #expect(page.text.contains("<h2>\(HTMLText.escape(trends.title))</h2>"))
            for (i, chart) in trends.charts.enumerated() {
                #expect(page.text.contains(SVGChart(chart, language: language).render(id: "trend-\(i + 1)")))
            }
            #expect(page.text.components(separatedBy: "<svg class=\"chart\"").count == 6)
        }
    }

    @Test func needsAttentionListsWaitsBeyondTheNormsAcceptedNotMovedInConflictsAndUnfilledVacancies() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let (run, open) = try await DecisionTests.runMatch(&b, world: world)
            let citizen = try #require(open.first)
            _ = try await b.post("/match/\(run)/accept", [("citizen", citizen)], csrf: try await b.token())
            // An import's conflict with the acceptance, as the importer records it.
            try BadRowTests.plant(world, """
                INSERT INTO import_conflict(citizen_id, acceptance_id, kind, detail, export_residence_id, export_day, source, found_on)
                SELECT citizen_id, id, 'grant_changed', 'support level 3 → 5', NULL, NULL, 'venteliste.csv', '2026-11-24' FROM acceptance
                """)
            let (moveIn, unfilled, over) = try world.read { db in
                (try String.fetchOne(db, sql: "SELECT move_in FROM acceptance WHERE citizen_id = ?", arguments: [citizen]),
                 // The own places vacant today as `placement status` counts them, less those someone is accepted into.
                 try Status.summary(db, on: Day(iso: "2026-11-25")!).placesVacant - (try Int.fetchOne(db, sql: """
                    SELECT count(DISTINCT a.residence_id || '/' || a.place_id) FROM acceptance a JOIN place p ON p.residence_id = a.residence_id AND p.id = a.place_id
                    WHERE a.status = 'accepted' AND p.status NOT IN ('reserved', 'closed')
                      AND NOT EXISTS (SELECT 1 FROM placement s WHERE s.residence_id = p.residence_id AND s.place_id = p.id
                                      AND s.starts_on <= '2026-11-25' AND (s.ends_on IS NULL OR s.ends_on > '2026-11-25'))
                    """) ?? 0),
                 try world.database.readFigures(ISOWeek(containing: Day(iso: "2026-11-25")!)))
            }
            let norm = try #require(over.waitNormDays.first), beyond = over.norms.reduce(0) { $0 + $1.over[0] }
            let page = try await b.get("/")
            let late = try #require(moveIn) < "2026-11-25"
            #expect(page.text.contains("Accepteret, endnu ikke flyttet ind: 1" + (late ? " (1 efter indflytningsdagen)" : "")))
            #expect(page.text.contains("Konflikter mellem import og beslutninger, ikke afgjort: 1"))
            #expect(page.text.contains("<a href=\"/citizens/\(citizen)\">\(citizen)</a>: bevillingen er ændret (venteliste.csv, 24-11-2026)"))
            #expect(page.text.contains("Ledige egne pladser uden accepteret indflytning: \(unfilled)"))
            #expect(beyond > 0)
            #expect(page.text.contains("<a href=\"/waiting?over=\(norm)\">\(beyond) venter længere end normen på \(norm) dage</a>"))
        }
    }
}
