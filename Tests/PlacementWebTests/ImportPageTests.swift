import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementStore
import PlacementWeb
import Testing

/// Upload, preview (the dry run), confirm or cancel: nothing is written before the confirm.
@Suite struct ImportPageTests {
    static let header = "citizen_id,birth_year,home_municipality_code,network_postcode,target_groups,offer_type,support_level,required_features,status,residence_id,place_id,placed_on,leaves_on,daily_rate,referred_on,needed_by,urgency,open_to_move,preferred_residences,excluded_residences,max_distance_km"
    static let newCitizen = Data("\(header)\nB0009001,1990,615,8700,autism,SEL108,3,,waiting,,,,,,2026-11-20,2026-12-20,normal,,,,\n".utf8)
    static let badCitizen = Data("\(header)\nB0009002,1990,615,8700,autism,SEL108,7,,waiting,,,,,,2026-11-20,2026-12-20,normal,,,,\n".utf8)

    static func waiting(_ world: WebWorld) throws -> Int {
        try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM citizen WHERE status = 'waiting'") } ?? -1
    }

    @Test func thePreviewWritesNothingAndTheConfirmWritesWithTheUserInTheLog() async throws {
        let world = try WebWorld()
        let before = try Self.waiting(world)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let form = try await b.get("/import")
            let preview = try await b.upload("/import/preview", fields: [("as_of", "2026-11-24")],
                                             files: [("files", "venteliste.csv", Self.newCitizen)], csrf: form.csrf)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Forhåndsvisning: filerne er gyldige. Intet er skrevet endnu."))
            // The kind and the counts in the page's words: what the import will do, before it does.
            #expect(preview.text.contains("<td>venteliste.csv</td><td>–</td><td>Borgere</td><td class=\"num\">1</td><td class=\"num\">1</td>"))
            #expect(preview.text.contains("<th scope=\"col\" class=\"num\">Tilføjes</th><th scope=\"col\" class=\"num\">Ændres</th>"))
            #expect(!preview.text.contains("ville blive"))
            #expect(try Self.waiting(world) == before)
            let upload = try #require(Browser.firstMatch(#"name="upload" value="([0-9a-f]+)""#, in: preview.text))

            // Another user cannot confirm this upload.
            var other = Browser(client)
            try await other.login("admin")
            let stolen = try await other.post("/import/confirm", [("upload", upload)], csrf: try await other.token())
            #expect(stolen.text.contains("Forhåndsvisningen er udløbet"))
            #expect(try Self.waiting(world) == before)

            let done = try await b.post("/import/confirm", [("upload", upload)], csrf: preview.csrf)
            #expect(done.text.contains("Importeret."))
            #expect(done.text.contains("<th scope=\"col\" class=\"num\">Tilføjet</th><th scope=\"col\" class=\"num\">Ændret</th>"))
            #expect(try Self.waiting(world) == before + 1)
            let log = try world.read { try AuditLog.entries($0, filter: .init(citizen: "B0009001")) }
            #expect(log.map(\.user) == ["planner"] && log.map(\.command) == ["import"] && log.map(\.source) == ["venteliste.csv"])
            // The upload is gone after the confirm.
            #expect(try await b.post("/import/confirm", [("upload", upload)], csrf: preview.csrf).text.contains("Forhåndsvisningen er udløbet"))
        }
    }

    @Test func aCancelledPreviewChangesNothing() async throws {
        let world = try WebWorld()
        let before = try Self.waiting(world)
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let preview = try await b.upload("/import/preview", fields: [("as_of", "2026-11-24")],
                                             files: [("files", "venteliste.csv", Self.newCitizen)], csrf: try await b.token())
            let upload = try #require(Browser.firstMatch(#"name="upload" value="([0-9a-f]+)""#, in: preview.text))
            let cancelled = try await b.post("/import/cancel", [("upload", upload)], csrf: preview.csrf)
            #expect(cancelled.text.contains("Importen er annulleret; intet er ændret."))
            #expect(try await b.post("/import/confirm", [("upload", upload)], csrf: preview.csrf).text.contains("Forhåndsvisningen er udløbet"))
            #expect(try Self.waiting(world) == before)
        }
    }

    @Test func aFileWithAnErrorIsLocatedAndCannotBeConfirmed() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let preview = try await b.upload("/import/preview", fields: [("as_of", "2026-11-24")],
                                             files: [("files", "fejl.csv", Self.badCitizen)], csrf: try await b.token())
            #expect(preview.text.contains("1 fejl: intet er importeret, databasen er uændret."))
            #expect(preview.text.contains("<td>fejl</td><td>fejl.csv</td><td>–</td><td class=\"num\">2</td><td>support_level</td><td>7</td>"))
            #expect(!preview.text.contains("name=\"upload\""))
        }
    }
}
