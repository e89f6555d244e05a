import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementModel
import PlacementStore
import PlacementWeb
import Testing

/// The waiting list counts the citizens who live in a bridging stay while they wait, and
/// marks each of them; the import page's date field shows the day as its label writes it.
@Suite struct WaitingBridgingTests {
    @Test func theWaitingListMarksEachBridgingCitizen() async throws {
        let world = try WebWorld()
        // The list is the week's (the world's clock is Wednesday 25-11-2026): its Sunday, as the report's.
        let sunday = ISOWeek(containing: Day(iso: "2026-11-25")!).sunday
        let bridging = try world.read { try Bridges.on($0, sunday).map(\.citizenId) }
        #expect(!bridging.isEmpty, "the demo has citizens bridging")
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let page = try await b.get("/waiting")
            let marks = page.text.components(separatedBy: "<span class=\"badge bridging\"").count - 1
            #expect(marks == bridging.count)
            for id in bridging {
                #expect(page.text.contains(">\(id)</a> <span class=\"badge bridging\""), "\(id) is not marked")
            }
            #expect(page.text.contains(", heraf \(bridging.count) i overgangsophold</caption>"))
            #expect(page.text.contains("\">i overgangsophold</span>"))
            _ = try await b.get("/lang/en?back=/waiting")
            let english = try await b.get("/waiting")
            #expect(english.text.contains(", \(bridging.count) of them bridging</caption>"))
            #expect(english.text.components(separatedBy: "\">bridging</span>").count - 1 == bridging.count)
        }
    }

    @Test func theImportDateFieldShowsTheDayAsItsLabelWritesIt() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let danish = try await b.get("/import")
            #expect(danish.text.contains("<label for=\"f-as_of\">Filerne beskriver dagen (dd-mm-åååå)</label><input id=\"f-as_of\" name=\"as_of\" type=\"text\" value=\"25-11-2026\""))
            _ = try await b.get("/lang/en?back=/import")
            let english = try await b.get("/import")
            #expect(english.text.contains("<label for=\"f-as_of\">The files describe the day (yyyy-mm-dd)</label><input id=\"f-as_of\" name=\"as_of\" type=\"text\" value=\"2026-11-25\""))
        }
    }
}
