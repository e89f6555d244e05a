import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementMatching
import PlacementStore
import PlacementWeb
import Testing

/// Match, accept and decline through the pages: who may, CSRF, and the audit log naming the
/// user who decided.
@Suite struct DecisionTests {
    /// Runs a match as the planner; returns the run id and the open proposals' citizens.
    static func runMatch(_ b: inout Browser, world: WebWorld) async throws -> (Int64, [String]) {
        let ran = try await b.post("/match/run", [("as_of", "2026-11-23")], csrf: try await b.token())
        #expect(ran.status == .seeOther)
        let run = try world.read { try MatchRuns.latestId($0) }
        #expect(ran.location == "/match?run=\(run)&done=run")
        let open = try world.read { try String.fetchAll($0, sql: "SELECT citizen_id FROM proposal WHERE run_id = ? AND action <> 'no_fit' ORDER BY priority", arguments: [run]) }
        return (run, open)
    }

    @Test func aPlannerAcceptsTwoAndDeclinesOneAndTheAuditLogNamesThem() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let (run, open) = try await Self.runMatch(&b, world: world)
            try #require(open.count >= 3)
            let page = try await b.get("/match?run=\(run)")
            #expect(page.text.contains("<h2>Kørsel \(run), 23-11-2026</h2>"))
            #expect(page.text.contains("action=\"/match/\(run)/accept\""))
            let token = try #require(page.csrf)
            for c in open.prefix(2) {
                let r = try await b.post("/match/\(run)/accept", [("citizen", c)], csrf: token)
                #expect(r.location == "/match?run=\(run)&done=accepted&citizen=\(c)")
            }
            let declined = try await b.post("/match/\(run)/decline", [("citizen", open[2]), ("reason", "citizen_declined"), ("note", "Ønsker at blive nær familien")], csrf: token)
            #expect(declined.status == .seeOther)

            let statuses = try world.read { try Row.fetchAll($0, sql: "SELECT citizen_id, status FROM proposal WHERE run_id = ? AND status <> 'proposed' ORDER BY citizen_id", arguments: [run]) }
            #expect(statuses.map { "\($0[0] as String)=\($0[1] as String)" } == [("\(open[0])=accepted"), ("\(open[1])=accepted"), ("\(open[2])=declined")].sorted())
            let log = try world.read { try AuditLog.entries($0, filter: .init(user: "planner")) }
            #expect(log.filter { $0.command == "accept" }.map(\.entityId).sorted() == Array(open.prefix(2)).sorted())
            #expect(log.filter { $0.command == "decline" }.map(\.entityId) == [open[2]])
            #expect(log.contains { $0.command == "match" && $0.entityId == String(run) })

            let audit = try await b.get("/audit?user=planner&command=decline")
            #expect(audit.text.contains("1 poster, nyeste først"))
            #expect(audit.text.contains("<td>planner</td><td>decline</td><td>proposal</td><td>\(open[2])</td><td>citizen_declined</td>"))
        }
    }

    @Test func aReadOnlyUserCanNeitherRunNorAcceptAndSeesNoDecisionForms() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var planner = Browser(client)
            try await planner.login("planner")
            let (run, open) = try await Self.runMatch(&planner, world: world)
            var reader = Browser(client)
            try await reader.login("reader")
            let page = try await reader.get("/match?run=\(run)")
            #expect(page.status == .ok && !page.text.contains("/accept\"") && !page.text.contains("Kør match"))
            let token = try #require(page.csrf)
            let accept = try await reader.post("/match/\(run)/accept", [("citizen", open[0])], csrf: token)
            #expect(accept.status == .forbidden)
            #expect(accept.text.contains("Din rolle må ikke dette."))
            #expect(try await reader.post("/match/run", [("as_of", "2026-11-23")], csrf: token).status == .forbidden)
            #expect(try await reader.get("/import").status == .forbidden)
            #expect(try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM proposal WHERE status <> 'proposed'") } == 0)
        }
    }

    @Test func anAcceptWithoutTheSessionsTokenChangesNothing() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let (run, open) = try await Self.runMatch(&b, world: world)
            let forged = try await b.post("/match/\(run)/accept", [("citizen", open[0])], csrf: String(repeating: "0", count: 64))
            #expect(forged.status == .forbidden)
            let missing = try await b.post("/match/\(run)/accept", [("citizen", open[0])], csrf: nil)
            #expect(missing.status == .forbidden)
            #expect(try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM proposal WHERE status = 'accepted'") } == 0)
        }
    }

    @Test func aPlannerCannotAddUsersOrChangeThePolicyAndAnAdministratorCan() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var planner = Browser(client)
            try await planner.login("planner")
            let token = try await planner.token()
            #expect(try await planner.get("/users").status == .forbidden)
            #expect(try await planner.post("/users", [("name", "mallory"), ("role", "administrator"), ("password", "long enough pass")], csrf: token).status == .forbidden)
            #expect(try await planner.post("/policy", [("key", "allowed_wait_days"), ("value", "45")], csrf: token).status == .forbidden)
            #expect(!(try await planner.get("/").text.contains("href=\"/users\"")))

            var admin = Browser(client)
            try await admin.login("admin")
            let t = try await admin.token()
            #expect(try await admin.post("/users", [("name", "kirsten"), ("role", "planner"), ("password", "long enough pass")], csrf: t).location == "/users?done=added")
            #expect(try await admin.post("/users", [("name", "kirsten"), ("role", "planner"), ("password", "long enough pass")], csrf: t).status == .badRequest)
            #expect(try await admin.post("/policy", [("key", "allowed_wait_days"), ("value", "45")], csrf: t).location == "/policy?changed=allowed_wait_days")
            let bad = try await admin.post("/policy", [("key", "allowed_wait_days"), ("value", "many")], csrf: t)
            #expect(bad.status == .badRequest)
            let log = try world.read { try AuditLog.entries($0, filter: .init(user: "admin")) }
            #expect(log.contains { $0.command == "policy set" && $0.entityId == "allowed_wait_days" && $0.detail == "30 → 45" })
            #expect(log.contains { $0.command == "web user add" && $0.entityId == "kirsten" && $0.detail == "role planner" })
            var kirsten = Browser(client)
            #expect(try await kirsten.login("kirsten", password: "long enough pass").status == .seeOther)
        }
    }
}
