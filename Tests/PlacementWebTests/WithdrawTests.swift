import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementStore
import PlacementWeb
import Testing

/// Withdrawing an accepted proposal on the match page: the store's withdraw (as
/// `placement withdraw --run`), a reason required, audited with the user; planners only.
@Suite struct WithdrawTests {
    @Test func aPlannerWithdrawsAnAcceptanceWithAReasonAndTheLogNamesThem() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let (run, open) = try await DecisionTests.runMatch(&b, world: world)
            let citizen = try #require(open.first)
            let token = try await b.token()
            _ = try await b.post("/match/\(run)/accept", [("citizen", citizen)], csrf: token)
            let page = try await b.get("/match?run=\(run)")
            #expect(page.text.contains("action=\"/match/\(run)/withdraw\""))
            #expect(page.text.contains("aria-label=\"Træk accepten tilbage for \(citizen)\""))

            let noReason = try await b.post("/match/\(run)/withdraw", [("citizen", citizen), ("reason", "  ")], csrf: token)
            #expect(noReason.status == .badRequest)
            #expect(noReason.text.contains("En tilbagetrækning skal have en årsag"))
            #expect(try world.read { try String.fetchOne($0, sql: "SELECT status FROM acceptance WHERE citizen_id = ?", arguments: [citizen]) } == "accepted")

            let done = try await b.post("/match/\(run)/withdraw", [("citizen", citizen), ("reason", "Borgeren er indlagt")], csrf: token)
            #expect(done.status == .seeOther && done.location == "/match?run=\(run)&done=withdrawn&citizen=\(citizen)")
            let state = try world.read { db in
                (try String.fetchOne(db, sql: "SELECT status FROM acceptance WHERE citizen_id = ?", arguments: [citizen]),
                 try String.fetchOne(db, sql: "SELECT status FROM proposal WHERE run_id = ? AND citizen_id = ?", arguments: [run, citizen]),
                 try String.fetchOne(db, sql: "SELECT status FROM citizen WHERE id = ?", arguments: [citizen]),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM waiting_period WHERE citizen_id = ? AND until IS NULL", arguments: [citizen]))
            }
            #expect(state.0 == "withdrawn" && state.1 == "withdrawn" && state.2 == "waiting" && state.3 == 1)
            let log = try world.read { try AuditLog.entries($0, filter: .init(citizen: citizen, command: "withdraw")) }
            #expect(log.map(\.user) == ["planner"] && log.map(\.entity) == ["acceptance"] && log.map(\.action) == ["withdraw"])
            #expect(log.first?.detail?.hasSuffix(": Borgeren er indlagt") == true)
            let after = try await b.get(done.location ?? "")
            #expect(after.text.contains("Trukket tilbage: \(citizen)"))
            #expect(after.text.contains("<span class=\"badge withdrawn\">Trukket tilbage</span>"))
            // Once withdrawn there is nothing left to withdraw.
            let again = try await b.post("/match/\(run)/withdraw", [("citizen", citizen), ("reason", "igen")], csrf: token)
            #expect(again.status == .badRequest && again.text.contains("har ingen planlagt indflytning og intet åbent forslag"))
        }
    }

    @Test func aReadOnlyUserCannotWithdrawAndAFormWithoutTheTokenIsRefused() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var planner = Browser(client)
            try await planner.login("planner")
            let (run, open) = try await DecisionTests.runMatch(&planner, world: world)
            let citizen = try #require(open.first)
            _ = try await planner.post("/match/\(run)/accept", [("citizen", citizen)], csrf: try await planner.token())
            #expect(try await planner.post("/match/\(run)/withdraw", [("citizen", citizen), ("reason", "x")], csrf: nil).status == .forbidden)

            var reader = Browser(client)
            try await reader.login("reader")
            let page = try await reader.get("/match?run=\(run)")
            #expect(!page.text.contains("/withdraw\""))
            let refused = try await reader.post("/match/\(run)/withdraw", [("citizen", citizen), ("reason", "x")], csrf: try #require(page.csrf))
            #expect(refused.status == .forbidden)
            #expect(try world.read { try String.fetchOne($0, sql: "SELECT status FROM acceptance WHERE citizen_id = ?", arguments: [citizen]) } == "accepted")
        }
    }
}
