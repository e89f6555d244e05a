import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementModel
import PlacementStore
import PlacementWeb
import Testing

/// What the pages of #11 and #14 say in the page's language: the overview's deadlines (the
/// store's waiting list), the waiting list's deadline and norm filters, the policy in Danish
/// number formats (and read back in them), and the file inputs' own words.
@Suite struct PageWordsTests {
    /// The demo on the figures' day, Sunday 29-11-2026 of week 48 (the test clock's week), as
    /// `placement status --as-of 2026-11-29` counts it: 22 past the deadline, 41 beyond 91 days, of 68 waiting.
    static let pastDeadline = 22
    static let beyond91 = 41

    @Test func theOverviewListsTheCitizensPastTheirDeadline() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let da = try await b.get("/")
            #expect(da.text.contains("<a href=\"/waiting?deadline=past\">Over fristen (senest): \(Self.pastDeadline)</a>"))
            #expect(da.text.contains("<li><a href=\"/citizens/B0001461\">B0001461</a>: senest 16-02-2026, 286 dage over</li>"))
            #expect(da.text.contains("<li>og 17 flere</li>"))
            _ = try await b.get("/lang/en?back=/")
            let en = try await b.get("/")
            #expect(en.text.contains("<a href=\"/waiting?deadline=past\">Past the deadline (needed by): \(Self.pastDeadline)</a>"))
            #expect(en.text.contains("<li><a href=\"/citizens/B0001461\">B0001461</a>: needed by 2026-02-16, 286 days past</li>"))
            #expect(en.text.contains("<li>and 17 more</li>"))
        }
    }

    @Test func theWaitingListFiltersByDeadlineAndNormByTheStoresRules() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let past = try await b.get("/waiting?deadline=past")
            #expect(past.text.contains("<caption>\(Self.pastDeadline) af 68 ventende</caption>"))
            #expect(past.text.contains("<option value=\"past\" selected>Over fristen</option>"))
            let beyond = try await b.get("/waiting?over=91")
            // The demo's six citizens bridging while they wait have all waited more than 91 days.
            #expect(beyond.text.contains("<caption>\(Self.beyond91) af 68 ventende, heraf 6 i overgangsophold</caption>"))
        }
    }

    @Test(arguments: [
        (Language.da, "wish_bonus_kr", "20.000 kr."),
        (.da, "refund_thresholds_kr", "860.000 kr.; 1.680.000 kr.; 2.120.000 kr."),
        (.da, "refund_percents", "25 %; 50 %; 75 %"),
        (.da, "wait_norm_days", "91; 183"),
        (.da, "bring_home_threshold_kr", "100.000 kr."),
        (.da, "urgency_order", "akut, høj, normal"),
        (.da, "state_refund", "til"),
        (.en, "urgency_order", "acute, high, normal"),
        (.en, "wish_bonus_kr", "DKK 20,000"),
        (.en, "refund_thresholds_kr", "DKK 860,000; DKK 1,680,000; DKK 2,120,000"),
        (.en, "refund_percents", "25%; 50%; 75%"),
    ])
    func thePolicyPageShowsValuesInThePagesNumberFormat(language: Language, key: String, shown: String) async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var reader = Browser(client)
            try await reader.login("reader")
            if language == .en { _ = try await reader.get("/lang/en?back=/policy") }
            #expect(try await reader.get("/policy").text.contains("<td>\(HTMLText.escape(shown))</td>"))
            var admin = Browser(client)
            try await admin.login("admin")
            if language == .en { _ = try await admin.get("/lang/en?back=/policy") }
            #expect(try await admin.get("/policy").text.contains("id=\"p-\(key)\" name=\"value\" value=\"\(HTMLText.escape(shown))\""))
        }
    }

    /// What the form shows is what it takes back: a Danish amount, a Danish list.
    @Test(arguments: [
        ("wish_bonus_kr", "25.000 kr.", "25000"),
        ("refund_thresholds_kr", "900.000 kr.; 1.700.000 kr.; 2.200.000 kr.", "900000,1700000,2200000"),
        ("wait_norm_days", "60; 120", "60,120"),
        ("allowed_wait_days", "45", "45"),
        ("urgency_order", "høj, akut, normal", "high,acute,normal"),
        ("state_refund", "fra", "off"),
    ])
    func anAdministratorChangesAValueWrittenAsThePageShowsIt(key: String, written: String, stored: String) async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var admin = Browser(client)
            try await admin.login("admin")
            let t = try await admin.token()
            #expect(try await admin.post("/policy", [("key", key), ("value", written)], csrf: t).location == "/policy?changed=\(key)")
            #expect(try world.read { try MatchPolicy.load($0) }.value(key) == stored)
        }
    }

    @Test func aRefusedPolicyValueIsExplainedInThePagesLanguage() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var admin = Browser(client)
            try await admin.login("admin")
            let t = try await admin.token()
            let bad = try await admin.post("/policy", [("key", "allowed_wait_days"), ("value", "mange")], csrf: t)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains(HTMLText.escape("\"mange\" er ikke en gyldig værdi for allowed_wait_days: forventet et antal dage (0-3650).")))
        }
    }

    /// The browser draws a file input's button in its own language; ours says the page's words.
    @Test(arguments: [
        (Language.da, "/import", "files", "Vælg filer …", "Ingen filer valgt"),
        (.en, "/import", "files", "Choose files …", "No files chosen"),
        (.da, "/plan", "scenarios", "Vælg filer …", "Ingen filer valgt"),
        (.en, "/plan", "scenarios", "Choose files …", "No files chosen"),
    ])
    func fileInputsSayThePagesWords(language: Language, path: String, name: String, choose: String, none: String) async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            if language == .en { _ = try await b.get("/lang/en?back=\(path)") }
            let page = try await b.get(path).text
            #expect(page.contains("<label for=\"f-\(name)\" id=\"f-\(name)-button\" class=\"file-button\">\(choose)</label>"))
            #expect(page.contains("<span id=\"f-\(name)-chosen\" class=\"file-chosen\" data-none=\"\(none)\" aria-live=\"polite\">\(none)</span>"))
            // Hidden from sight, not from the keyboard: no display:none, no tabindex=-1.
            #expect(page.contains("name=\"\(name)\" type=\"file\" class=\"sr-only\""))
            #expect(!page.contains("tabindex=\"-1\""))
        }
    }
}
