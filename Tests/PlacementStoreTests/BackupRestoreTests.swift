import Foundation
import GRDB
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// Backups are one committed state; a restore replaces the content in one transaction, only
/// from a sound backup of the same planning area, and records itself in the audit log.
@Suite struct BackupRestoreTests {
    static func citizens(_ db: PlacementDatabase) throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT id FROM citizen ORDER BY id") }
    }

    static func add(_ db: PlacementDatabase, _ id: String) throws {
        try db.write(command: "test") { d in
            try Citizens.insert(d, Build.citizen(id))
            try AuditLog.append(d, command: "test", entity: "citizen", entityId: id, action: "insert")
        }
    }

    @Test func aBackupIsTheDatabaseAsItWasAndRestoresIt() throws {
        let dir = try TempDir()
        let db = try PlacementDatabase.create(path: dir.path("live.sqlite"), planningArea: [615], language: .da, keys: dir.keys)
        try Self.add(db, "B1")
        try db.backup(to: dir.path("b.sqlite"))
        #expect(throws: StoreError.alreadyExists(path: dir.path("b.sqlite"))) { try db.backup(to: dir.path("b.sqlite")) }
        try Self.add(db, "B2")

        // A reader that began before the restore keeps its state to the end of its read.
        let reader = try PlacementDatabase.open(path: dir.path("live.sqlite"), keys: dir.keys, access: .read)
        #expect(try db.restore(from: dir.path("b.sqlite")) == .restored)
        #expect(try Self.citizens(db) == ["B1"])
        #expect(try Self.citizens(reader) == ["B1"])
        let last = try #require(try db.read { try AuditLog.entries($0) }.last)
        #expect(last.command == "restore" && last.action == "restore" && last.source == "b.sqlite")
        #expect(last.detail?.hasPrefix("from b.sqlite; replaced the database as of audit entry 3 of ") == true)
        #expect(try DatabaseCheck.run(db) == [])
    }

    @Test func aDamagedBackupIsRefusedAndChangesNothing() throws {
        let dir = try TempDir()
        let db = try PlacementDatabase.create(path: dir.path("live.sqlite"), planningArea: [615], language: .da, keys: dir.keys)
        try Self.add(db, "B1")
        try db.backup(to: dir.path("b.sqlite"))
        let q = try DatabaseQueue(path: dir.path("b.sqlite"))
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF; UPDATE citizen SET offer_type = 'nothing'") }
        try q.close()
        try Self.add(db, "B2")
        #expect(try db.restore(from: dir.path("b.sqlite"))
                == .refused([.brokenReference(table: "citizen", row: nil, column: "offer_type", parent: "offer_type")]))
        #expect(try Self.citizens(db) == ["B1", "B2"])
        // No staging file is left behind.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        #expect(files.filter { $0.contains("restore") } == [])
    }

    @Test func aBackupOfAnotherPlanningAreaIsRefused() throws {
        let dir = try TempDir()
        let db = try PlacementDatabase.create(path: dir.path("live.sqlite"), planningArea: [615], language: .da, keys: dir.keys)
        let other = try PlacementDatabase.create(path: dir.path("other.sqlite"), planningArea: [751], language: .da, keys: dir.keys)
        try other.backup(to: dir.path("b.sqlite"))
        #expect(try db.restore(from: dir.path("b.sqlite")) == .otherPlanningArea(backup: [751], database: [615]))
        #expect(throws: StoreError.invalid("\(dir.path("live.sqlite")) is the database itself.")) {
            try db.restore(from: dir.path("live.sqlite"))
        }
    }
}
