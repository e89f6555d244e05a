import Foundation
import PlacementModel
@testable import PlacementReports
import PlacementStore
import PlacementTestSupport
import Testing

/// The waiting list per citizen with the grant's deadline and the norms (the store's query,
/// which `placement status`, the report and the web app share), and the weekly report that
/// says which figures changed since the week's report was first produced.
@Suite struct DeadlineAndRevisionTests {
    /// SmallWorld with deadlines: D (high, waiting since 2026-06-01) needed by 2026-09-01, H
    /// (acute, since 2026-02-01) by 2026-12-15, G (since 2026-11-26) none.
    static func world() throws -> PlacementDatabase {
        let db = try SmallWorld.make()
        try db.write { d in
            try d.execute(sql: "UPDATE citizen SET needed_by = '2026-09-01' WHERE id = 'D'")
            try d.execute(sql: "UPDATE citizen SET needed_by = '2026-12-15' WHERE id = 'H'")
        }
        return db
    }

    @Test func theStoreListsEachWaitingCitizenWithDeadlineAndNormsInPriorityOrder() throws {
        let db = try Self.world()
        let list = try db.waitingList(on: SmallWorld.w48.sunday)
        #expect(list.norms == [91, 183])
        // Acute, high, normal: the policy's urgency order.
        #expect(list.entries.map(\.citizenId) == ["H", "D", "G"])
        #expect(list.entries.map(\.daysWaiting) == [301, 181, 3])
        #expect(list.entries.map(\.neededBy) == [Build.day("2026-12-15"), Build.day("2026-09-01"), nil])
        // 2026-09-01 to 2026-11-29: 89 days past; H's deadline is ahead.
        #expect(list.entries.map(\.daysOverDeadline) == [nil, 89, nil])
        #expect(list.entries.map(\.normsExceeded) == [[91, 183], [91], []])
        #expect(list.pastDeadline.map(\.citizenId) == ["D"])
        #expect(list.count(beyond: 91) == 2 && list.count(beyond: 183) == 1)
        #expect(list.followUp.map(\.citizenId) == ["H", "D"])
        // The policy's norms and order are the ones used: change them and the list follows.
        try db.write { d in
            try d.execute(sql: "UPDATE policy SET value = '200' WHERE key = 'wait_norm_days'")
            try d.execute(sql: "UPDATE policy SET value = 'normal,high,acute' WHERE key = 'urgency_order'")
        }
        let again = try db.waitingList(on: SmallWorld.w48.sunday)
        #expect(again.entries.map(\.citizenId) == ["G", "D", "H"])
        #expect(again.entries.map(\.normsExceeded) == [[], [], [200]])
    }

    @Test func theReportShowsDeadlinesPerCitizenAndCountsThemPerOfferType() throws {
        let f = try Self.world().weeklyFigures(SmallWorld.w48)
        #expect(f.waitingList.map(\.daysOverDeadline) == [nil, 89, nil])
        #expect(f.norms[0] == NormRow(offerType: .sel107, waiting: 1, over: [1, 1], pastDeadline: 0, longestWaitDays: 301))
        #expect(f.norms[1] == NormRow(offerType: .sel108, waiting: 2, over: [1, 0], pastDeadline: 1, longestWaitDays: 181))
        let doc = ReportBuilder.document(f, language: .da)
        let waiting = try #require(doc.table("waiting"))
        let headers = waiting.columns.map(\.header)
        let senest = try #require(headers.firstIndex(of: "Senest")), over = try #require(headers.firstIndex(of: "Dage over fristen"))
        let norm = try #require(headers.firstIndex(of: "Ud over normen"))
        #expect(waiting.rows[1][senest] == .date(Build.day("2026-09-01")))
        #expect(waiting.rows[1][over] == .days(89, basis: 1))
        #expect(waiting.rows[0][norm] == .text("6 måneder (183 dage)"))
        #expect(waiting.rows[1][norm] == .text("13 uger (91 dage)"))
        #expect(waiting.rows[2][over] == .empty && waiting.rows[2][norm] == .empty)
        #expect(waiting.highlightedRows == [0, 1])
        let norms = try #require(doc.table("norms"))
        #expect(norms.columns.map(\.header).contains("Over fristen (antal)"))
        #expect(norms.total?[4] == .count(1))
        let summary = TextSummary.render(doc)
        #expect(summary.contains("Over fristen (senest): 1"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(f).utf8)) as? [String: Any])
        let citizens = try #require((json["waiting_list"] as? [String: Any])?["citizens"] as? [[String: Any]])
        #expect(citizens[1]["needed_by"] as? String == "2026-09-01")
        #expect(citizens[1]["days_over_deadline"] as? Int == 89)
        #expect(citizens[1]["norms_exceeded_days"] as? [Int] == [91])
        #expect((json["norms"] as? [[String: Any]])?.map { $0["past_deadline"] as? Int } == [0, 1])
    }

    @Test func aWeekProducedAgainAfterAChangeShowsFirstAndCurrentFigures() throws {
        let db = try Self.world()
        var first = try db.weeklyFigures(SmallWorld.w48)
        try db.recordFirstProduction(&first, now: Date(timeIntervalSince1970: 1_764_403_200))  // 2025-11-29T08:00:00Z
        // Produced the first time: nothing to mark.
        #expect(ReportBuilder.document(first, language: .da).sections.map(\.key).contains("revised") == false)
        #expect(first.firstProduced?.producedAt == "2025-11-29T08:00:00Z")

        // A later import adds a citizen waiting since Friday of the week.
        try db.write { d in
            try Citizens.insert(d, Build.citizen("L", referred: "2026-11-27"))
            try WaitingPeriods.insert(d, WaitingPeriod(citizenId: "L", period: DayInterval(from: Build.day("2026-11-27"), to: nil)))
        }
        var again = try db.weeklyFigures(SmallWorld.w48)
        try db.recordFirstProduction(&again)
        #expect(again.firstProduced?.producedAt == "2025-11-29T08:00:00Z")
        let changed = try #require(again.firstProduced).changed(from: again.published)
        #expect(changed.map(\.current.key) == ["waiting", "median_wait", "referrals"])
        // Waits 301, 181, 3 (median 181), then also 2: the median is (3 + 181) / 2 = 92.
        #expect(changed.map { $0.first?.value } == [3, 362, 1])
        #expect(changed.map(\.current.value) == [4, 184, 2])

        let doc = ReportBuilder.document(again, language: .da)
        #expect(doc.sections.map(\.key).prefix(2) == ["headline", "revised"])
        let table = try #require(doc.table("revised"))
        #expect(table.columns.map(\.header) == ["Nøgletal", "Første udgave", "Nu", "Ændring"])
        #expect(table.rows.map { $0[0] } == [.text("Borgere på venteliste (antal)"), .text("Median ventetid (dage)"),
                                             .text("Nye henvisninger i ugen (antal)")])
        #expect(table.rows[0][1...3] == [.count(3), .count(4), .change(.count(1))])
        #expect(table.rows[1][1...3] == [.median(Median(twice: 362), basis: 3), .median(Median(twice: 184), basis: 4),
                                         .change(.median(Median(twice: -178), basis: nil))])
        #expect(doc.sections.first { $0.key == "revised" }?.intro == [
            "Rapporten for ugen blev første gang lavet 29-11-2025. Senere import har ændret disse tal; første udgave og nu:"])
        let summary = TextSummary.render(doc)
        #expect(summary.contains("\n  Borgere på venteliste (antal): 3 → 4\n  Median ventetid (dage): 181,0 → 92,0\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(again).utf8)) as? [String: Any])
        let firstProduced = try #require(json["first_produced"] as? [String: Any])
        #expect(firstProduced["produced_at"] as? String == "2025-11-29T08:00:00Z")
        let figures = try #require(firstProduced["changed"] as? [[String: Any]])
        #expect(figures.map { $0["figure"] as? String } == ["waiting", "median_wait", "referrals"])
        #expect(figures[0]["first"] as? Int == 3 && figures[0]["current"] as? Int == 4)
        // The first production is in the audit log, once.
        let logged = try db.read { try AuditLog.entries($0, entity: "report") }
        #expect(logged.map(\.entityId) == ["2026-W48"])
        #expect(logged.map(\.action) == ["first_produced"])
    }
}
