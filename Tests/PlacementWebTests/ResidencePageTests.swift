import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementModel
import PlacementStore
import PlacementWeb
import Testing

/// The residences page counts a place's state today by the one rule (`PlaceStatus.onDay`):
/// occupied when a stay covers the day, whatever the export marked, so its totals are those of
/// `placement status` for the same day.
@Suite struct ResidencePageTests {
    @Test func thePagesVacanciesAndOccupantsAreStatussEvenWhenAMarkDisagrees() async throws {
        let world = try WebWorld()
        let today = Day.inDenmark(at: world.clock.now)
        // An export marked a free own place occupied (no stay covers today): status counts it vacant.
        let marked = try #require(try world.read { db in
            try Row.fetchOne(db, sql: """
                SELECT pl.residence_id, pl.id FROM place pl JOIN residence r ON r.id = pl.residence_id AND r.operator = 'own'
                WHERE pl.status = 'vacant' AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id
                      AND p.place_id = pl.id AND p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1))
                ORDER BY pl.residence_id, pl.id LIMIT 1
                """, arguments: [today]).map { ($0[0] as String, $0[1] as String) }
        })
        let queue = try DatabaseQueue(path: world.path)
        try await queue.write { try $0.execute(sql: "UPDATE place SET status = 'occupied' WHERE residence_id = ? AND id = ?", arguments: [marked.0, marked.1]) }
        try queue.close()
        let summary = try world.read { try Status.summary($0, on: today) }

        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/residences")
            #expect(page.text.contains("<caption>\(summary.placesVacant) ledige pladser</caption>"))
            #expect(page.text.contains("Beboere (\(summary.placesOccupied))"))
            #expect(page.text.contains("Vis hvem der bor hvor (\(summary.placesOccupied) pladser)"))
        }
    }

    @Test(arguments: [
        (PlaceStatus.vacant, false, PlaceStatus.vacant), (.occupied, false, .vacant), (.reserved, false, .reserved), (.closed, false, .closed),
        (.vacant, true, .occupied), (.occupied, true, .occupied), (.reserved, true, .occupied), (.closed, true, .occupied),
    ])
    func aPlacesStateOnADay(marked: PlaceStatus, covered: Bool, state: PlaceStatus) {
        #expect(PlaceStatus.onDay(marked: marked, covered: covered) == state)
    }
}
