import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementStore
import PlacementWeb
import Testing

/// Logging in: the gate, the session cookie and its flags, wrong passwords, the rate limit,
/// CSRF on the login form, expiry and logout.
@Suite struct LoginTests {
    @Test func aPageWithoutASessionSendsToTheLoginPageWithTheSecurityHeaders() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            let home = try await b.get("/waiting")
            #expect(home.status == .seeOther)
            #expect(home.location == "/login?next=/waiting")
            let login = try await b.get("/login")
            #expect(login.status == .ok)
            #expect(login.text.contains("<h1>Log ind</h1>"))
            let csp = login.headers[.contentSecurityPolicy] ?? ""
            #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("http"))
            #expect(login.headers[.cacheControl] == "no-store")
        }
    }

    @Test(arguments: [false, true])
    func theSessionCookieIsHttpOnlyAndStrictAndSecureOnlyBehindTLS(secure: Bool) async throws {
        let world = try WebWorld(secureCookies: secure)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            let form = try await b.get("/login")
            let landed = try await b.post("/login", [("name", "planner"), ("password", DemoTemplate.password), ("next", "/waiting")], csrf: form.csrf)
            #expect(landed.status == .seeOther)
            #expect(landed.location == "/waiting")
            let cookie = landed.headers[values: .setCookie].first { $0.hasPrefix("placement_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Secure") == secure)
            // The database keeps only the token's hash.
            let token = b.cookies["placement_session"] ?? ""
            #expect(token.count == 64)
            let stored = try world.read { try Data.fetchAll($0, sql: "SELECT token_hash FROM app_session") }
            #expect(stored.count == 1 && stored[0].count == 32 && !stored.contains(Data(token.utf8)))
            #expect(try await b.get("/waiting").status == .ok)
        }
    }

    @Test func aWrongPasswordIsRefusedInTheSameWordsAsAnUnknownName() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            let wrong = try await b.login("planner", password: "not the password")
            let unknown = try await b.login("nobody", password: "not the password")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.text.contains("Forkert brugernavn eller adgangskode.") && unknown.text.contains("Forkert brugernavn eller adgangskode."))
            #expect(b.cookies["placement_session"] == nil)
        }
    }

    @Test func theSixthLoginWithinFifteenMinutesIsRefusedEvenWithTheRightPassword() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            for _ in 1...5 { #expect(try await b.login("planner", password: "guess guess guess").status == .unauthorized) }
            let blocked = try await b.login("planner")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("For mange forkerte forsøg. Prøv igen om 15 min."))
            // Another name is not affected, and after the window the right password works again.
            var other = Browser(client)
            #expect(try await other.login("reader").status == .seeOther)
            world.clock.advance(15 * 60 + 1)
            #expect(try await b.login("planner").status == .seeOther)
        }
    }

    @Test func aLoginFormWithoutItsTokenIsRefused() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            _ = try await b.get("/login")
            let forged = try await b.post("/login", [("name", "planner"), ("password", DemoTemplate.password)], csrf: "00ff")
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("Formularen er udløbet"))
            #expect(b.cookies["placement_session"] == nil)
        }
    }

    @Test func aSessionEndsAtItsExpiryAndAtLogout() async throws {
        let world = try WebWorld(sessionLifetime: 3600)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            world.clock.advance(3599)
            #expect(try await b.get("/").status == .ok)
            world.clock.advance(2)
            let expired = try await b.get("/")
            #expect(expired.status == .seeOther && expired.location == "/login?next=/")

            try await b.login("reader")
            let token = try await b.token()
            #expect(try await b.post("/logout", [], csrf: token).location == "/login")
            #expect(try await b.get("/").status == .seeOther)
            #expect(try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM app_session WHERE expires_at > '2026-11-25T11:00:01Z'") } == 0)
        }
    }

    @Test func aDisabledUserCannotLogInAndLosesTheirSession() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var planner = Browser(client)
            try await planner.login("planner")
            var admin = Browser(client)
            try await admin.login("admin")
            let done = try await admin.post("/users/disable", [("name", "planner")], csrf: try await admin.token())
            #expect(done.location == "/users?done=disabled")
            #expect(try await planner.get("/").status == .seeOther)
            #expect(try await planner.login("planner").status == .unauthorized)
            let log = try world.read { try AuditLog.entries($0, filter: .init(user: "admin", command: "web user disable")) }
            #expect(log.map(\.entityId) == ["planner"])
        }
    }
}
