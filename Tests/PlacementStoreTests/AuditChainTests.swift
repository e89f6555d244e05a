import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// The audit log's hash chain: damage planted with raw SQL, as someone with the SQLite shell
/// would (after dropping the append-only triggers), is found and named by entry id.
@Suite struct AuditChainTests {
    /// A database with entries 1 (init) to 5, made by "hanne".
    static func logged() throws -> PlacementDatabase {
        let db = try PlacementDatabase.inMemory(planningArea: [615], now: Date(timeIntervalSince1970: 1_795_000_000), user: "hanne")
        try db.write { d in
            for n in 2...5 {
                try AuditLog.append(d, command: "test", entity: "citizen", entityId: "B\(n)", action: "insert", detail: "entry \(n)",
                                    source: n == 3 ? "borgere.csv" : nil, now: Date(timeIntervalSince1970: 1_795_000_000))
            }
        }
        return db
    }

    /// What the shell user must do first: the schema refuses updates and deletes.
    static func tamper(_ db: PlacementDatabase, _ sql: String) throws {
        try db.write { d in
            try d.execute(sql: "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
            try d.execute(sql: sql)
        }
    }

    @Test func anIntactLogHasNoFindingsAndNamesTheUser() throws {
        let db = try Self.logged()
        #expect(try AuditChain.verify(db) == [])
        let users = try db.read { try AuditLog.entries($0).map(\.user) }
        #expect(users == Array(repeating: "hanne", count: 5))
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log WHERE length(hash) = 32 AND length(prev_hash) = 32") } == 5)
    }

    @Test(arguments: [
        ("UPDATE audit_log SET detail = 'entry 30' WHERE id = 3", [AuditChain.Finding(.edited, id: 3)]),
        ("UPDATE audit_log SET user = 'mallory' WHERE id = 5", [AuditChain.Finding(.edited, id: 5)]),
        ("UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE id = 1", [AuditChain.Finding(.edited, id: 1)]),
        ("DELETE FROM audit_log WHERE id = 3", [AuditChain.Finding(.deleted, id: 3)]),
        ("DELETE FROM audit_log WHERE id IN (2, 3)", [AuditChain.Finding(.deleted, id: 2), AuditChain.Finding(.deleted, id: 3)]),
        ("DELETE FROM audit_log WHERE id = 1", [AuditChain.Finding(.deleted, id: 1)]),
        ("""
         INSERT INTO audit_log(at, user, command, entity, entity_id, action, detail, prev_hash, hash)
         VALUES ('2026-11-23T10:00:00Z', 'hanne', 'accept', 'placement', 'B9', 'insert', 'forged', zeroblob(32), randomblob(32))
         """, [AuditChain.Finding(.inserted, id: 6)]),
        ("""
         INSERT INTO audit_log(id, at, user, command, entity, entity_id, action, prev_hash, hash)
         VALUES (100, '2026-11-23T10:00:00Z', 'hanne', 'accept', 'placement', 'B9', 'insert', randomblob(32), randomblob(32))
         """, [AuditChain.Finding(.inserted, id: 100)]),
    ])
    func damageIsFoundByEntry(sql: String, findings: [AuditChain.Finding]) throws {
        let db = try Self.logged()
        try Self.tamper(db, sql)
        #expect(try AuditChain.verify(db) == findings)
    }

    @Test func anEditWhoseHashWasRecomputedIsFoundAtTheNextEntry() throws {
        let db = try Self.logged()
        // The editor recomputes entry 3's own hash (the scheme is public) but not the rest of the chain.
        let fields = try db.read { d in
            let r = try #require(try Row.fetchOne(d, sql: "SELECT id, at, user, command, entity, entity_id, action, source, prev_hash FROM audit_log WHERE id = 3"))
            return (AuditChain.Fields(id: r[0], at: r[1], user: r[2], command: r[3], entity: r[4], entityId: r[5], action: r[6],
                                      detail: "entry 30", source: r[7]), r[8] as Data)
        }
        let hash = AuditChain.hash(prev: fields.1, fields.0)
        try Self.tamper(db, "UPDATE audit_log SET detail = 'entry 30', hash = x'\(hash.map { String(format: "%02x", $0) }.joined())' WHERE id = 3")
        #expect(try AuditChain.verify(db) == [AuditChain.Finding(.edited, id: 3)])
    }

    /// The bytes hashed are the documented scheme, worked out here by hand (Python's hashlib
    /// over `placement audit 1;`, 32 zero bytes, then `length:value;` or `-;` per field):
    /// a faster way of building them must give the very hashes stored in existing databases.
    @Test func theHashIsTheDocumentedSchemesByteForByte() {
        let fields = AuditChain.Fields(id: 1, at: "2026-11-23T10:00:00Z", user: "planner", command: "import", entity: "citizen",
                                       entityId: "B1", action: "insert", detail: "venter, SEL108 – æøå", source: nil)
        let hash = AuditChain.hash(prev: AuditChain.genesis, fields)
        #expect(hash.map { String(format: "%02x", $0) }.joined() == "452200352ba683385765e7ff91609243b199dabdb1a07f34a2df7b705b8bdb10")
    }

    /// `AuditLog.holdingHead` (an import) carries the head from one entry to the next instead
    /// of reading it back: the entries chain exactly as when each read it, before, inside and
    /// after, and a held head ends with its scope.
    @Test func entriesAppendedWithTheHeadHeldChainAsIfEachReadIt() throws {
        let db = try Self.logged()
        func append(_ d: Database, _ n: Int) throws {
            try AuditLog.append(d, at: "2026-11-23T10:00:00Z", command: "test", entity: "citizen", entityId: "B\(n)", action: "update")
        }
        try db.write { d in
            try AuditLog.holdingHead(d) { for n in 6...9 { try append(d, n) } }
            try append(d, 10)
        }
        // A later write holds the head again and starts from the table's.
        try db.write { d in try AuditLog.holdingHead(d) { try append(d, 11) } }
        #expect(try AuditChain.verify(db) == [])
        let ids = try db.read { try Int64.fetchAll($0, sql: "SELECT id FROM audit_log ORDER BY id") }
        #expect(ids == Array(1...11))
        let entities = try db.read { try AuditLog.entries($0).map(\.entityId) }
        #expect(entities.suffix(6) == ["B6", "B7", "B8", "B9", "B10", "B11"])
    }

    @Test func theHeadNamesTheLastEntryAndChangesWithEveryEntry() throws {
        let db = try Self.logged()
        let before = try #require(try db.read(AuditChain.head))
        try db.write { try AuditLog.append($0, command: "test", entity: "citizen", entityId: "B6", action: "insert") }
        let after = try #require(try db.read(AuditChain.head))
        #expect(before.id == 5 && after.id == 6 && before.hash.count == 64 && after.hash != before.hash)
    }

    @Test func findingsReadAsSentences() {
        #expect(AuditChain.Finding(.edited, id: 3).description == "Audit entry 3 was changed after it was written.")
        #expect(AuditChain.Finding(.deleted, id: 4).description == "Audit entry 4 has been deleted.")
        #expect(AuditChain.Finding(.inserted, id: 6).description == "Audit entry 6 was not written by placement.")
        #expect(AuditChain.Finding(.edited, id: 3).message(.da) == "Logpost 3 er ændret, efter den blev skrevet.")
        #expect(AuditChain.Finding(.deleted, id: 4).message(.da) == "Logpost 4 er slettet.")
        #expect(AuditChain.Finding(.inserted, id: 6).message(.da) == "Logpost 6 er ikke skrevet af placement.")
    }

    @Test func aCPRNumberInADetailIsMaskedBeforeItIsLogged() throws {
        let db = try Self.logged()
        try db.write { try AuditLog.append($0, command: "test", entity: "proposal", entityId: "B2", action: "other", detail: "run 1: Borger 080482-0251") }
        #expect(try db.read { try AuditLog.entries($0, entity: "proposal").map(\.detail) } == ["run 1: Borger ******-****"])
        #expect(try AuditChain.verify(db) == [])
    }
}
