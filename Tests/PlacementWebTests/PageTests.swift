import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementModel
import PlacementReports
import PlacementStore
import PlacementWeb
import Testing

/// Every page as each role sees it: status, the figures shown, in Danish and English.
@Suite struct PageTests {
    static let pages = ["/", "/waiting", "/match", "/residences", "/reports/weekly", "/plan", "/policy", "/audit"]

    @Test(arguments: pages)
    func everyPageOpensForAReadOnlyUserInTheShell(path: String) async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get(path)
            #expect(page.status == .ok)
            #expect(page.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
            #expect(page.text.contains("reader · Kun læse"))
            #expect(page.text.contains("<link rel=\"stylesheet\" href=\"/static/app.css\">"))
            // Read-only sees no form that changes anything but logging out.
            #expect(page.text.components(separatedBy: "method=\"post\"").count == 2)
        }
    }

    @Test func theOverviewShowsThisWeeksHeadlineFiguresFromTheWeeklyReport() async throws {
        let world = try WebWorld()
        let figures = try world.database.readFigures(ISOWeek(containing: Day(iso: "2026-11-25")!))
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/")
            #expect(page.text.contains("<h1>Overblik, uge 48 2026</h1>"))
            // 62 waiting and 6 in a bridging stay (overgangsophold), who wait for the granted place too.
            #expect(figures.headline.waiting == 68)
            #expect(page.text.contains("<div class=\"label\">Venter</div><div class=\"value\">68</div>"))
            #expect(page.text.contains("Kræver opmærksomhed"))
        }
    }

    @Test func theWaitingListFiltersByOfferTypeAndLinksEachCitizenByPseudonym() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let all = try await b.get("/waiting")
            // 62 waiting and 6 in a bridging stay, waiting for the granted place.
            #expect(all.text.contains("68 af 68 ventende"))
            let some = try await b.get("/waiting?offer=SEL108")
            let sel108 = try world.read { try Int.fetchOne($0, sql: """
                SELECT count(*) FROM citizen c WHERE offer_type = 'SEL108'
                  AND EXISTS (SELECT 1 FROM waiting_period w WHERE w.citizen_id = c.id AND w.until IS NULL)
                """) } ?? -1
            #expect(some.text.contains("\(sel108) af 68 ventende"))
            let first = try #require(Browser.firstMatch(#"href="/citizens/(B[0-9]+)""#, in: all.text))
            let citizen = try await b.get("/citizens/\(first)")
            #expect(citizen.status == .ok)
            #expect(citizen.text.contains("<h1>Borger \(first)</h1>"))
            #expect(citizen.text.contains("Perioder på venteliste"))
            #expect(try await b.get("/citizens/B9999999").status == .notFound)
        }
    }

    @Test func englishIsOneSwitchAwayAndStays() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let switched = try await b.get("/lang/en?back=/waiting")
            #expect(switched.location == "/waiting")
            let page = try await b.get("/waiting")
            #expect(page.text.contains("<html lang=\"en\">") && page.text.contains("<h1>Waiting list</h1>") && page.text.contains("68 of 68 waiting"))
            #expect(try await b.get("/").text.contains("<h1>Overview, week 48 2026</h1>"))
        }
    }

    @Test func theWeeklyReportIsTheReportsOwnHTMLInAFrameWithDownloads() async throws {
        let world = try WebWorld()
        let expected = try WeeklyReport(database: world.database.readerForTests, week: ISOWeek(parsing: "2026-W48", defaultYear: 2026)!, language: .da).html
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/reports/weekly?week=2026-W48")
            #expect(page.text.contains("<iframe class=\"document\" src=\"/reports/weekly/document?week=2026-W48\""))
            let document = try await b.get("/reports/weekly/document?week=2026-W48")
            #expect(document.text == expected)
            #expect(document.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'; style-src 'unsafe-inline'") == true)
            let xlsx = try await b.get("/reports/weekly/download?week=2026-W48&format=xlsx")
            #expect(xlsx.status == .ok && xlsx.headers[.contentDisposition] == "attachment; filename=\"2026-W48.xlsx\"")
            let csv = try await b.get("/reports/weekly/download?week=2026-W48&format=csv&section=waiting")
            #expect(csv.status == .ok)
            #expect(try await b.get("/reports/weekly?week=2026-W60").status == .badRequest)
        }
    }
}

extension WebDatabase {
    /// The figures the pages show, read beside them.
    func readFigures(_ week: ISOWeek) throws -> WeeklyFigures {
        let db = try PlacementDatabase.open(path: path, keys: keys, access: .read)
        return try db.weeklyFigures(week)
    }

    var readerForTests: PlacementDatabase {
        get throws { try PlacementDatabase.open(path: path, keys: keys, access: .read) }
    }
}
