import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// The steps to versions 11 and 12 (`Migrations.toAgreedRates`, `toHeldPlaces`): a database of
/// version 10 gains the partial indexes of citizens with an agreed rate and of places reserved or closed, ends
/// with exactly the schema of a new database, and its status reads the same figures from them:
/// an external stay at the citizen's agreed rate, and only own residences' places, a reserved
/// or closed one counted as such while no stay covers it.
@Suite struct MigrationStatusIndexesTests {
    @Test func theVersionBeforeGainsTheIndexesAndKeepsItsFigures() throws {
        let dir = try TempDir()
        let path = dir.path("before-status-indexes.sqlite")
        // The version-1 fixture through the frozen steps up to the version before, with a
        // citizen bought a place at a private residence at an agreed 1,500.00 kr. a day (the
        // residence's own rate is 2,000.00 kr.), and an own residence of four places: one
        // reserved, one reserved and occupied, one closed, one vacant. A place row of the private
        // residence (which no import writes) is not an own place. The fixture has two own places,
        // one occupied (B1), so: 6 own places, 2 occupied, 1 reserved, 1 closed, 2 vacant.
        try MigrationTests.fixtureFile(at: Migrations.agreedRatesVersion - 1, path: path, keys: dir.keys, adding: """
                INSERT INTO residence (id, name, operator, municipality_code, latitude, longitude, offer_type, target_groups, places, daily_rate_ore)
                VALUES ('X1', 'Privat bosted', 'private', 615, 55.9, 9.9, 'SEL108', 2, 4, 200000);
                INSERT INTO citizen (id, home_municipality_code, target_groups, offer_type, support_level, status, agreed_daily_rate_ore)
                VALUES ('B2', 615, 2, 'SEL108', 3, 'placed', 150000);
                INSERT INTO placement (citizen_id, residence_id, starts_on) VALUES ('B2', 'X1', '2025-06-01');
                INSERT INTO residence (id, name, operator, municipality_code, latitude, longitude, offer_type, target_groups, places, daily_rate_ore)
                VALUES ('O1', 'Eget bosted', 'own', 615, 55.86, 9.85, 'SEL108', 2, 4, 180000);
                INSERT INTO place (residence_id, id, status) VALUES
                    ('O1', 'P1', 'reserved'), ('O1', 'P2', 'reserved'), ('O1', 'P3', 'closed'), ('O1', 'P4', 'vacant'),
                    ('X1', 'XP', 'closed');
                INSERT INTO citizen (id, home_municipality_code, target_groups, offer_type, support_level, status)
                VALUES ('C3', 615, 2, 'SEL108', 3, 'placed');
                INSERT INTO placement (citizen_id, residence_id, place_id, starts_on) VALUES ('C3', 'O1', 'P2', '2026-01-05');
                """)

        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        #expect(try upgraded.read(MigrationTests.schema) == (try MigrationTests.freshSchema()))
        let summary = try upgraded.read { try Status.summary($0, on: Build.day("2026-11-23")) }
        #expect(summary.citizensPlacedExternal == 1)
        #expect(summary.externalAnnualCost == Money(ore: 150_000 * 365))
        #expect(summary.citizensPlacedOwn == 2)
        let places: [Int] = [summary.ownPlaces, summary.placesOccupied, summary.placesReserved, summary.placesClosed, summary.placesVacant]
        #expect(places == [6, 2, 1, 1, 2])
    }
}
