import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// A database made by an older version opens, is upgraded in place, keeps its data, and
/// ends with exactly the schema a new database gets from schema.sql.
@Suite struct MigrationTests {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A file at `path` of schema `version` for an upgrade step's test: the version-1 fixture
    /// taken through the frozen steps up to it, then `data` (SQL) added.
    static func fixtureFile(at version: Int, path: String, keys: KeyLocation, adding data: String) throws {
        let old = try DatabaseQueue(path: path)
        try old.write { d in
            try d.execute(sql: try fixture("schema-v1.sql"))
            let context = MigrationContext(keys: keys, path: nil)
            for v in 1..<version {
                guard let step = Migrations.steps[v] else { throw StoreError.invalid("no step from version \(v)") }
                try step(d, context)
                try d.execute(sql: "PRAGMA user_version = \(v + 1)")
            }
            try d.execute(sql: data)
        }
        #expect(try old.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == version)
        try old.close()
    }

    /// The schema of a database made new from schema.sql (`schema(_:)`), for an upgraded one to equal.
    static func freshSchema() throws -> [String] {
        let fresh = try DatabaseQueue()
        try fresh.write { try Schema.create($0) }
        return try fresh.read(schema)
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

        let upgraded = try PlacementDatabase.open(path: path, keys: .folder(dir.appendingPathComponent("keys")))
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        let want = try Self.freshSchema()
        let got = try upgraded.read(Self.schema)
        #expect(got == want)
        // The data survived and the new policy table has its defaults.
        let residents = try upgraded.read { try Placements.on($0, Day(iso: "2026-01-01")!).map(\.citizenId) }
        let margin = try upgraded.read { try String.fetchOne($0, sql: "SELECT value FROM policy WHERE key = 'free_choice_margin_percent'") }
        #expect(residents == ["B1"])
        #expect(margin == "10")
    }

    /// A version-3 file as placement 0.1 left it: the key in the `pseudonym_key` table, a CPR
    /// number in a decline's note and in the audit log, and its key bytes in the file.
    static func version3File(_ path: String, key: Data) throws {
        let old = try DatabaseQueue(path: path)
        try old.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try old.write { d in
            try d.execute(sql: try Self.fixture("schema-v1.sql"))
            try Migrations.steps[1]!(d, MigrationContext())
            try Migrations.steps[2]!(d, MigrationContext())
            try d.execute(sql: "PRAGMA user_version = 3")
            try d.execute(sql: "INSERT INTO pseudonym_key(id, key) VALUES (1, ?)", arguments: [key])
            try d.execute(sql: """
                INSERT INTO match_run(as_of, created_at, policy, input, totals, solver) VALUES ('2026-01-01', '2026-01-01T10:00:00Z', '{}', '{}', '{}', '{}');
                INSERT INTO proposal(run_id, citizen_id, action, residence_id, priority, reasons) VALUES (1, 'B1', 'place_own', 'R1', 1, '[]');
                INSERT INTO decline(run_id, citizen_id, residence_id, reason, note, declined_on)
                VALUES (1, 'B1', 'R1', 'other', 'Borger 080482-0251 vil vente', '2026-01-02');
                INSERT INTO audit_log(at, command, entity, entity_id, action, detail) VALUES
                    ('2026-01-01T10:00:00Z', 'init', 'database', '-', 'create', 'planning area 615'),
                    ('2026-01-02T10:00:00Z', 'decline', 'proposal', 'B1', 'other', 'run 1, R1: Borger 080482-0251 vil vente');
                """)
        }
        try old.close()
    }

    @Test func version3MovesItsKeyOutToTheKeyFileAndLeavesNoKeyBytesBehind() throws {
        let dir = try TempDir()
        let path = dir.path("v3.sqlite")
        let key = Data((0..<32).map { UInt8(200 - $0) })
        try Self.version3File(path, key: key)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).range(of: key) != nil || FileManager.default.contents(atPath: path + "-wal")?.range(of: key) != nil)

        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        // The same key, in the key file named by the database's new id: the same pseudonyms.
        let id = try upgraded.read(upgraded.databaseId)
        let file = try KeyFile.read(dir.url.appendingPathComponent("keys/\(id).key"))
        #expect(file.key.bytes == key)
        #expect(try upgraded.pseudonymKey()?.pseudonym(ofDigits: "0101901234") == PseudonymKey(bytes: key)!.pseudonym(ofDigits: "0101901234"))
        #expect(try upgraded.read { try $0.tableExists("pseudonym_key") } == false)
        // Notes and the log keep no CPR number; the log is chained, its old entries without a user.
        #expect(try upgraded.read { try String.fetchAll($0, sql: "SELECT note FROM decline") } == ["Borger ******-**** vil vente"])
        let entries = try upgraded.read { try AuditLog.entries($0) }
        #expect(entries.map(\.detail) == ["planning area 615", "run 1, R1: Borger ******-**** vil vente"])
        #expect(entries.map(\.user) == [nil, nil])
        #expect(try AuditChain.verify(upgraded) == [])
        // Exactly the schema of a new database.
        #expect(try upgraded.read(Self.schema) == (try Self.freshSchema()))
        // No byte of the key, nor the CPR number, in the file or beside it.
        try upgraded.writer.close()
        for suffix in ["", "-wal", "-shm"] {
            let bytes = FileManager.default.contents(atPath: path + suffix) ?? Data()
            #expect(bytes.range(of: key) == nil, "key in \(suffix)")
            #expect(bytes.range(of: Data("080482-0251".utf8)) == nil, "CPR in \(suffix)")
            if !bytes.isEmpty || suffix == "" {
                #expect(try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int == 0o600)
            }
        }
    }

    @Test func citizenIdsAnOlderVersionStoredInClearGetTheirPseudonyms() throws {
        let dir = try TempDir()
        let path = dir.path("v3.sqlite")
        let key = Data((0..<32).map { UInt8($0 * 3) })
        let pk = try #require(PseudonymKey(bytes: key))
        try Self.version3File(path, key: key)
        // Version 3 knew 0101901234 and 010190-1234 only: these two came in clear, the second the
        // same person as one it had pseudonymised.
        let known = pk.pseudonym(ofDigits: "0202851234")
        try DatabaseQueue(path: path).write { d in
            try d.execute(sql: """
                INSERT INTO citizen (id, home_municipality_code, target_groups, offer_type, support_level, status, referred_on) VALUES
                    ('101901234', 615, 2, 'SEL108', 3, 'waiting', '2026-01-10'),
                    ('020285–1234', 615, 2, 'SEL108', 3, 'waiting', '2026-01-11'),
                    (?, 615, 2, 'SEL108', 3, 'waiting', '2026-01-12');
                INSERT INTO waiting_period (citizen_id, since) VALUES ('101901234', '2026-01-10'), ('020285–1234', '2026-01-11');
                INSERT INTO proposal(run_id, citizen_id, action, priority, reasons) VALUES (1, '101901234', 'no_fit', 2, '["after 101901234"]');
                UPDATE match_run SET input = '{"citizens":[{"id":"101901234"},{"id":"020285–1234"}]}';
                INSERT INTO audit_log(at, command, entity, entity_id, action, detail) VALUES
                    ('2026-01-10T10:00:00Z', 'import', 'citizen', '101901234', 'insert', 'waiting, SEL108'),
                    ('2026-01-11T10:00:00Z', 'import', 'placement', 'R1/1', 'delete', 'occupant replaced by 101901234');
                """, arguments: [known])
        }
        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        let first = pk.pseudonym(ofDigits: "0101901234")
        let ids = try upgraded.read { try String.fetchAll($0, sql: "SELECT id FROM citizen ORDER BY id") }
        #expect(Set(ids) == ["B1", first, known, known + "-2"])
        #expect(try upgraded.read { try String.fetchAll($0, sql: "SELECT citizen_id FROM waiting_period WHERE until IS NULL ORDER BY since") } == [first, known + "-2"])
        #expect(try upgraded.read { try String.fetchAll($0, sql: "SELECT reasons FROM proposal WHERE priority = 2") } == [#"[{"worded":{"text":"after \#(first)"}}]"#])  // and worded by version 7 as it was written
        #expect(try upgraded.read { try String.fetchOne($0, sql: "SELECT input FROM match_run") } == "{\"citizens\":[{\"id\":\"\(first)\"},{\"id\":\"\(known)-2\"}]}")
        let log = try upgraded.read { try AuditLog.entries($0) }
        #expect(log.map(\.entityId).contains(first) && !log.contains { $0.entityId == "101901234" })
        let renames = [[first, "a CPR number stored in clear by an older version, replaced by its pseudonym"],
                       [known + "-2", "a CPR number stored in clear by an older version; the same person as \(known): merge them by hand"]]
        #expect(log.filter { $0.action == "rename" }.map { [$0.entityId, $0.detail ?? ""] } == renames.sorted { $0[0] < $1[0] })
        #expect(try AuditChain.verify(upgraded) == [])
        try upgraded.writer.close()
        let bytes = (FileManager.default.contents(atPath: path) ?? Data()) + (FileManager.default.contents(atPath: path + "-wal") ?? Data())
        for clear in ["101901234", "020285–1234", "0202851234"] { #expect(bytes.range(of: Data(clear.utf8)) == nil, "\(clear)") }
    }

    @Test func anUpgradeThatFindsTheKeyFileAlreadyWrittenGoesOn() throws {
        // An upgrade that wrote the key file but was stopped before it committed is done again.
        let dir = try TempDir()
        let path = dir.path("v3.sqlite")
        let key = Data((0..<32).map { UInt8($0 + 7) })
        try Self.version3File(path, key: key)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO setting VALUES ('database_id', 'abc123')") }
        try KeyFile(databaseId: "abc123", key: PseudonymKey(bytes: key)!).write(to: dir.url.appendingPathComponent("keys/abc123.key"))
        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        #expect(try upgraded.pseudonymKey()?.bytes == key)
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
