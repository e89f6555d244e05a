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
        let old = try DatabaseQueue(path: path)
        try old.write { d in
            try d.execute(sql: try MigrationTests.fixture("schema-v1.sql"))
            let context = MigrationContext(keys: dir.keys, path: nil)
            for v in 1..<Migrations.waitingByEndVersion - 1 {
                guard let step = Migrations.steps[v] else { throw StoreError.invalid("no step from version \(v)") }
                try step(d, context)
                try d.execute(sql: "PRAGMA user_version = \(v + 1)")
            }
            try d.execute(sql: """
                INSERT INTO citizen (id, home_municipality_code, target_groups, offer_type, support_level, status, referred_on)
                VALUES ('B2', 615, 2, 'SEL108', 3, 'waiting', '2025-06-01');
                INSERT INTO waiting_period (citizen_id, since) VALUES ('B2', '2025-06-01');
                """)
        }
        #expect(try old.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Migrations.waitingByEndVersion - 1)
        try old.close()

        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        let fresh = try DatabaseQueue()
        try fresh.write { try Schema.create($0) }
        #expect(try upgraded.read(MigrationTests.schema) == (try fresh.read(MigrationTests.schema)))
        let lists = try upgraded.read { d in
            try ["2025-02-01", "2025-03-01", "2026-11-23"].map { try WaitingList.on(d, Build.day($0)).entries.map(\.citizenId) }
        }
        #expect(lists == [["B1"], [], ["B2"]])
    }
}
