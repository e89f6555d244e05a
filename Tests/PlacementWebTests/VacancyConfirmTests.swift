import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementModel
import PlacementStore
import PlacementWeb
import Testing

/// Confirming a vacancy on the residences page: the store's confirmation (as
/// `placement confirm-vacancy`), dated the app's today, audited with the user; planners only,
/// and only with the form's token. A vacancy confirmed longer ago than the policy's 30 days
/// is marked until it is confirmed.
@Suite struct VacancyConfirmTests {
    /// A vacant place of the demo last confirmed more than 30 days before the app's today
    /// (Wednesday 25 November 2026): residence, place, the day.
    static func staleVacancy(_ world: WebWorld) throws -> (residence: String, place: String, confirmed: String) {
        let row = try #require(try world.read { try Row.fetchOne($0, sql: """
            SELECT residence_id, id, confirmed_on FROM place WHERE status = 'vacant' AND confirmed_on < '2026-10-26'
            ORDER BY residence_id, length(id), id LIMIT 1
            """) })
        return (row[0], row[1], row[2])
    }

    @Test func aPlannerConfirmsAStaleVacancyAndTheLogNamesThem() async throws {
        let world = try WebWorld()
        let stale = try Self.staleVacancy(world)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let before = try await b.get("/residences")
            #expect(before.status == .ok)
            #expect(before.text.contains("action=\"/residences/confirm-vacancy\""))
            #expect(before.text.contains("<th scope=\"col\">Sidst bekræftet</th>"))
            let days = Day(iso: stale.confirmed)!.days(until: Day(iso: "2026-11-25")!)
            let shown = "\(stale.confirmed.split(separator: "-").reversed().joined(separator: "-")): \(days) dage siden, over 30"
            #expect(before.text.contains("<span class=\"badge stale\">\(shown)</span>"))

            let token = try #require(before.csrf)
            let done = try await b.post("/residences/confirm-vacancy", [("residence", stale.residence), ("place", stale.place)], csrf: token)
            #expect(done.status == .seeOther)
            #expect(done.location == "/residences?done=confirmed&residence=\(stale.residence)&place=\(stale.place)#vacant-h")
            let confirmed = try world.read { try String.fetchOne($0, sql: "SELECT confirmed_on FROM place WHERE residence_id = ? AND id = ?",
                                                                 arguments: [stale.residence, stale.place]) }
            #expect(confirmed == "2026-11-25")
            let log = try world.read { try Row.fetchAll($0, sql: "SELECT user, entity, entity_id, action, detail FROM audit_log WHERE command = 'confirm-vacancy'") }
            #expect(log.count == 1)
            #expect(log.first.map { [$0[0], $0[1], $0[2], $0[3], $0[4]] as [String?] }
                    == ["planner", "place", "\(stale.residence)/\(stale.place)", "confirm", "vacancy confirmed 2026-11-25 (was \(stale.confirmed))"])

            let after = try await b.get("/residences?done=confirmed&residence=\(stale.residence)&place=\(stale.place)")
            #expect(after.text.contains("Ledig plads bekræftet: plads \(stale.place) på "))
            #expect(after.text.contains(" den 25-11-2026."))
            #expect(!after.text.contains(shown))

            // A place that does not exist is refused in the user's language, and nothing is written.
            let unknown = try await b.post("/residences/confirm-vacancy", [("residence", stale.residence), ("place", "999")], csrf: token)
            #expect(unknown.status == .badRequest)
            #expect(try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log WHERE command = 'confirm-vacancy'") } == 1)
        }
    }

    @Test func aReadOnlyUserCannotConfirmAndAFormWithoutTheTokenIsRefused() async throws {
        let world = try WebWorld()
        let stale = try Self.staleVacancy(world)
        try await world.app().test(.router) { client in
            var planner = Browser(client)
            try await planner.login("planner")
            let noToken = try await planner.post("/residences/confirm-vacancy", [("residence", stale.residence), ("place", stale.place)], csrf: nil)
            #expect(noToken.status == .forbidden)

            var reader = Browser(client)
            try await reader.login("reader")
            let page = try await reader.get("/residences")
            #expect(page.status == .ok && !page.text.contains("/residences/confirm-vacancy"))
            let refused = try await reader.post("/residences/confirm-vacancy", [("residence", stale.residence), ("place", stale.place)],
                                                csrf: try #require(page.csrf))
            #expect(refused.status == .forbidden)
            let confirmed = try world.read { try String.fetchOne($0, sql: "SELECT confirmed_on FROM place WHERE residence_id = ? AND id = ?",
                                                                 arguments: [stale.residence, stale.place]) }
            #expect(confirmed == stale.confirmed)
            #expect(try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log WHERE command = 'confirm-vacancy'") } == 0)
        }
    }
}
