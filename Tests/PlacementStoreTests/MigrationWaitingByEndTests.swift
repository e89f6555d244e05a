import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// The step to version 10 (`Migrations.toWaitingByEnd`): a database of the version before gains
/// the index of waiting periods by their end, keeps its periods, reads the same waiting list,
/// and ends with exactly the schema of a new database.
@Suite struct MigrationWaitingByEndTests {
    @Test func theVersionBeforeGainsTheIndexAndKeepsItsWaitingList() throws {
        let dir = try TempDir()
        let path = dir.path("before-waiting-by-end.sqlite")
        // The version-1 fixture through the frozen steps up to the version before, with a
        // citizen waiting since 2025-06-01 beside the fixture's one placed in 2025.
        try MigrationTests.fixtureFile(at: Migrations.waitingByEndVersion - 1, path: path, keys: dir.keys, adding: """
                INSERT INTO citizen (id, home_municipality_code, target_groups, offer_type, support_level, status, referred_on)
                VALUES ('B2', 615, 2, 'SEL108', 3, 'waiting', '2025-06-01');
                INSERT INTO waiting_period (citizen_id, since) VALUES ('B2', '2025-06-01');
                """)

        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        #expect(try upgraded.read(MigrationTests.schema) == (try MigrationTests.freshSchema()))
        let lists = try upgraded.read { d in
            try ["2025-02-01", "2025-03-01", "2026-11-23"].map { try WaitingList.on(d, Build.day($0)).entries.map(\.citizenId) }
        }
        #expect(lists == [["B1"], [], ["B2"]])
    }
}
