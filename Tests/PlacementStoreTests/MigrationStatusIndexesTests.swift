import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// The step to version 11 (`Migrations.toAgreedRates`): a database of the version before gains
/// the partial index of citizens with an agreed rate, still sums an external stay at the
/// citizen's agreed rate, and ends with exactly the schema of a new database.
@Suite struct MigrationAgreedRatesTests {
    @Test func theVersionBeforeGainsTheIndexAndKeepsItsExternalCost() throws {
        let dir = try TempDir()
        let path = dir.path("before-agreed-rates.sqlite")
        // The version-1 fixture through the frozen steps up to the version before, with a
        // citizen bought a place at a private residence at an agreed 1,500.00 kr. a day (the
        // residence's own rate is 2,000.00 kr.).
        let old = try DatabaseQueue(path: path)
        try old.write { d in
            try d.execute(sql: try MigrationTests.fixture("schema-v1.sql"))
            let context = MigrationContext(keys: dir.keys, path: nil)
            for v in 1..<Migrations.agreedRatesVersion - 1 {
                guard let step = Migrations.steps[v] else { throw StoreError.invalid("no step from version \(v)") }
                try step(d, context)
                try d.execute(sql: "PRAGMA user_version = \(v + 1)")
            }
            try d.execute(sql: """
                INSERT INTO residence (id, name, operator, municipality_code, latitude, longitude, offer_type, target_groups, places, daily_rate_ore)
                VALUES ('X1', 'Privat bosted', 'private', 615, 55.9, 9.9, 'SEL108', 2, 4, 200000);
                INSERT INTO citizen (id, home_municipality_code, target_groups, offer_type, support_level, status, agreed_daily_rate_ore)
                VALUES ('B2', 615, 2, 'SEL108', 3, 'placed', 150000);
                INSERT INTO placement (citizen_id, residence_id, starts_on) VALUES ('B2', 'X1', '2025-06-01');
                """)
        }
        #expect(try old.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Migrations.agreedRatesVersion - 1)
        try old.close()

        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        let fresh = try DatabaseQueue()
        try fresh.write { try Schema.create($0) }
        #expect(try upgraded.read(MigrationTests.schema) == (try fresh.read(MigrationTests.schema)))
        let summary = try upgraded.read { try Status.summary($0, on: Build.day("2026-11-23")) }
        #expect(summary.citizensPlacedExternal == 1)
        #expect(summary.externalAnnualCost == Money(ore: 150_000 * 365))
    }
}
