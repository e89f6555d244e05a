import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import Testing

/// A database made by an older version opens, is upgraded in place, keeps its data, and
/// ends with exactly the schema a new database gets from schema.sql.
@Suite struct MigrationTests {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Every table, index and trigger, normalised so that whitespace does not count.
    static func schema(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").map { r in
            let sql: String = r[2]
            return "\(r[0] as String) \(r[1] as String): " + sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    @Test func upgradesVersion1FileInPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placement-mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try old.write { try $0.execute(sql: try Self.fixture("schema-v1.sql")) }
        #expect(try old.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 1)
        try old.close()

        let upgraded = try PlacementDatabase.open(path: path)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        let fresh = try DatabaseQueue()
        try fresh.write { try Schema.create($0) }
        let want = try fresh.read(Self.schema)
        let got = try upgraded.read(Self.schema)
        #expect(got == want)
        // The data survived and the new policy table has its defaults.
        let residents = try upgraded.read { try Placements.on($0, Day(iso: "2026-01-01")!).map(\.citizenId) }
        let margin = try upgraded.read { try String.fetchOne($0, sql: "SELECT value FROM policy WHERE key = 'free_choice_margin_percent'") }
        #expect(residents == ["B1"])
        #expect(margin == "10")
    }

    @Test func refusesADatabaseFromANewerProgram() throws {
        let q = try DatabaseQueue()
        try q.write { d in
            try Schema.create(d)
            try d.execute(sql: "PRAGMA user_version = \(Schema.currentVersion + 1)")
        }
        #expect(throws: StoreError.newerSchema(found: Schema.currentVersion + 1, supported: Schema.currentVersion)) {
            try q.write { try Schema.upgrade($0) }
        }
    }

    @Test func vocabularyTablesMatchTheDomain() throws {
        let db = try PlacementDatabase.inMemory(planningArea: [615])
        let offers = try db.read { try String.fetchAll($0, sql: "SELECT code FROM offer_type ORDER BY code") }
        let bits = try db.read { try Int.fetchAll($0, sql: "SELECT bit FROM target_group ORDER BY bit") }
        let counts = try db.read { try Int.fetchAll($0, sql: "SELECT (SELECT COUNT(*) FROM postcode) UNION ALL SELECT (SELECT COUNT(*) FROM municipality)") }
        #expect(offers == OfferType.allCases.map(\.rawValue).sorted())
        #expect(bits == TargetGroup.allCases.map(\.bit))
        #expect(counts == [1089, 98])
    }
}
