import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementWeb
import Testing

/// What the screenshots showed wrong, each as the page now shows it: Danish date fields, an
/// audit table that fits a laptop, the import's words, the citizen's offer type, the match rows.
@Suite struct PageFixesTests {
    @Test func dateFieldsShowAndTakeTheDanishFormatAndISO() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let page = try await b.get("/match")
            #expect(page.text.contains("<label for=\"f-as_of\">Matchdag (dd-mm-åååå)</label><input id=\"f-as_of\" name=\"as_of\" type=\"text\" value=\"25-11-2026\" required inputmode=\"numeric\""))
            for path in ["/match", "/import", "/plan", "/audit"] {
                #expect(!(try await b.get(path).text.contains("type=\"date\"")), "\(path) has a browser date input")
            }
            let token = try #require(page.csrf)
            let danish = try await b.post("/match/run", [("as_of", "23-11-2026")], csrf: token)
            #expect(danish.status == .seeOther)
            #expect(try world.read { try String.fetchOne($0, sql: "SELECT as_of FROM match_run ORDER BY id DESC LIMIT 1") } == "2026-11-23")
            let american = try await b.post("/match/run", [("as_of", "11/23/2026")], csrf: token)
            #expect(american.status == .badRequest && american.text.contains("Skriv dagen som dd-mm-åååå, fx 23-11-2026."))
            _ = try await b.get("/lang/en?back=/match")
            #expect(try await b.get("/match").text.contains("<label for=\"f-as_of\">Match day (yyyy-mm-dd)</label><input id=\"f-as_of\" name=\"as_of\" type=\"text\" value=\"2026-11-25\""))
        }
    }

    @Test func theAuditTableShortensFileHashesAndFiltersByADanishDay() async throws {
        let world = try WebWorld()
        let sha = try #require(try world.read { try String.fetchOne($0, sql: "SELECT entity_id FROM audit_log WHERE entity = 'import' LIMIT 1") })
        #expect(sha.count == 64)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/audit?command=import&entity=import")
            #expect(page.text.contains("<span class=\"long\" title=\"\(sha)\">\(sha.prefix(12))…<span class=\"sr-only\">\(sha.dropFirst(12))</span></span>"))
            #expect(!page.text.contains("<td>\(sha)</td>"))
            let today = Self.utcDay(Date())
            let iso = try await b.get("/audit?from=\(today.iso)&command=import")
            let danish = try await b.get("/audit?from=\(today.danish)&command=import")
            let count = try #require(Browser.firstMatch(#"<caption>(\d+) poster"#, in: iso.text))
            #expect(Int(count)! > 0)
            #expect(danish.text.contains("<caption>\(count) poster"))
            #expect(danish.text.contains("value=\"\(today.danish)\""))
            let unread = try await b.get("/audit?from=13-13-2026")
            #expect(unread.text.contains("Datoen 13-13-2026 kan ikke læses; skriv dd-mm-åååå. Den er ikke brugt."))
        }
    }

    static func utcDay(_ date: Date) -> (iso: String, danish: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let d = String(format: "%02d", c.day!), m = String(format: "%02d", c.month!)
        return ("\(c.year!)-\(m)-\(d)", "\(d)-\(m)-\(c.year!)")
    }

    @Test func theCitizenPageNamesTheOfferTypeOnce() async throws {
        let world = try WebWorld()
        let citizen = try #require(try world.read { try String.fetchOne($0, sql: "SELECT id FROM citizen WHERE offer_type = 'ABL105' AND status = 'waiting' LIMIT 1") })
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/citizens/\(citizen)")
            #expect(page.text.contains("<dt>Ydelse</dt><dd>ABL § 105 almen bolig med støtte</dd>"))
            #expect(!page.text.contains("ABL § 105 ABL § 105"))
        }
    }

    @Test func aNoFitIsStillWaitingNotProposedAndReasonsFoldAway() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let (run, open) = try await DecisionTests.runMatch(&b, world: world)
            let noFit = try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM proposal WHERE run_id = ? AND action = 'no_fit'", arguments: [run]) } ?? 0
            #expect(noFit > 0)
            let page = try await b.get("/match?run=\(run)")
            #expect(page.text.components(separatedBy: "<span class=\"badge proposed\">Foreslået</span>").count - 1 == open.count)
            #expect(page.text.components(separatedBy: "<span class=\"badge proposed\">Venter fortsat</span>").count - 1 == noFit)
            #expect(page.text.contains("<details class=\"reasons\"><summary>"))
            #expect(!page.text.contains("<ul class=\"plain\"><li>Egen plads"))
            let waiting = try await b.get("/waiting")
            #expect(waiting.text.contains("Intet passende tilbud <span class=\"badge proposed\">Venter fortsat</span>"))
        }
    }

    @Test func theReportsCSVFilesAreNamedInThePagesLanguageAndFoldAway() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/reports/weekly?week=2026-W48")
            #expect(page.text.contains("<details class=\"csv-list\"><summary>CSV pr. afsnit ("))
            #expect(page.text.contains("<a href=\"/reports/weekly/download?week=2026-W48&amp;format=csv&amp;section=waiting\">Venteliste</a>"))
            #expect(!page.text.contains(">CSV: "))
        }
    }
}
