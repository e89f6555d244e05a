import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementModel
import PlacementStore
import PlacementWeb
import Testing

/// The citizen page reads the citizen as the store does (`Citizens.find`) and words every
/// stored value in the page's language, the waiting periods' outcomes included.
@Suite struct CitizenPageTests {
    @Test func aWaitingPeriodsOutcomeIsWordedInThePagesLanguage() async throws {
        let world = try WebWorld()
        let citizen = try #require(try world.read {
            try String.fetchOne($0, sql: "SELECT citizen_id FROM waiting_period WHERE outcome = 'placed' ORDER BY citizen_id LIMIT 1")
        })
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let da = try await b.get("/citizens/\(citizen)")
            #expect(da.text.contains("<td>placeret</td>"))
            #expect(!da.text.contains("<td>placed</td>"))
            _ = try await b.get("/lang/en?back=/")
            let en = try await b.get("/citizens/\(citizen)")
            #expect(en.text.contains("<td>placed</td>"))
        }
    }

    @Test func theFactsAreTheStoredCitizensInDanishWords() async throws {
        let world = try WebWorld()
        let stored = try #require(try world.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM citizen WHERE status = 'waiting' AND urgency = 'acute' ORDER BY id LIMIT 1")
                .flatMap { try Citizens.find(db, id: $0) }
        })
        let home = try #require(ReferenceData.municipalityByCode[stored.homeMunicipalityCode]?.name)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/citizens/\(stored.id)")
            #expect(page.text.contains("<dt>Hastegrad</dt><dd>akut</dd>"))
            #expect(page.text.contains("<dt>Status</dt><dd>venter</dd>"))
            #expect(page.text.contains("<dt>Handlekommune</dt><dd>\(home)</dd>"))
            #expect(page.text.contains("<dt>Støtteniveau</dt><dd>\(stored.supportLevel)</dd>"))
        }
    }

    @Test(arguments: WaitingPeriod.Outcome.allCases)
    func everyOutcomeHasAWordInEachLanguage(outcome: WaitingPeriod.Outcome) {
        #expect(!outcome.name(.da).isEmpty && !outcome.name(.en).isEmpty)
        #expect(outcome.name(.da) != outcome.name(.en) || outcome == .placed && outcome.name(.da) == "placeret")
    }
}
