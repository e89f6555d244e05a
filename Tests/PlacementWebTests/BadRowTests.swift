import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementWeb
import Testing

/// A value of the wrong type planted in the users' or sessions' tables (the sqlite3 shell can
/// put one anywhere) is a page naming the table, row and column, and the server serves on.
@Suite struct BadRowTests {
    /// Writes past the schema's CHECKs, as `sqlite3` with `PRAGMA ignore_check_constraints` does.
    static func plant(_ world: WebWorld, _ sql: String) throws {
        let queue = try DatabaseQueue(path: world.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        try queue.close()
    }

    @Test func aUserRowOfTheWrongTypeIsAClearErrorAndOthersStillLogIn() async throws {
        let world = try WebWorld()
        try Self.plant(world, "UPDATE app_user SET disabled = 'ja' WHERE name = 'reader'")
        try await world.app().test(.router) { client in
            var reader = Browser(client)
            let refused = try await reader.login("reader")
            #expect(refused.status == .internalServerError)
            #expect(refused.text.contains("The database has a app_user row that cannot be used: app_user &quot;reader&quot;, disabled: &quot;ja&quot; is not a whole number."))
            var admin = Browser(client)
            #expect(try await admin.login("admin").status == .seeOther)
            // The users page lists every user, so it names the bad row too; the overview is fine.
            let users = try await admin.get("/users")
            #expect(users.status == .internalServerError && users.text.contains("app_user &quot;reader&quot;, disabled"))
            #expect(try await admin.get("/").status == .ok)
        }
    }

    @Test func aSessionRowOfTheWrongTypeIsAClearErrorNotAStop() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var planner = Browser(client)
            try await planner.login("planner")
            #expect(try await planner.get("/").status == .ok)
            // Bytes that are no text where the form token is kept.
            try Self.plant(world, "UPDATE app_session SET csrf_token = X'FF00'")
            let page = try await planner.get("/")
            #expect(page.status == .internalServerError)
            #expect(page.text.contains("The database has a app_session row that cannot be used: app_session &quot;planner&quot;, csrf_token:"))
            // A role the app does not know is refused the same way.
            try Self.plant(world, "UPDATE app_session SET csrf_token = 'abc'")
            try Self.plant(world, "UPDATE app_user SET role = 'boss' WHERE name = 'planner'")
            let role = try await planner.get("/waiting")
            #expect(role.status == .internalServerError && role.text.contains("app_session &quot;planner&quot;, role: &quot;boss&quot; is not a known value"))
            // The server serves on: the login page opens for the next person.
            var other = Browser(client)
            #expect(try await other.get("/login").status == .ok)
        }
    }
}
