import Foundation
import GRDB
import PlacementModel

/// What an upgrade step may need besides the database: where the key goes, the file's path.
final class MigrationContext {
    /// Where the pseudonym key moves to (version 4 refuses to start without it).
    let keys: KeyLocation?
    let path: String?

    init(keys: KeyLocation? = nil, path: String? = nil) {
        self.keys = keys
        self.path = path
    }
}

extension Migrations {
    /// Version 4: the pseudonym key leaves the file for a key file named by the database's new
    /// id; citizen ids that are CPR numbers in a spelling the older version missed get their
    /// pseudonym; CPR numbers in decline notes and audit details are masked; the audit log names the
    /// user and is hash-chained (entries before version 4 have no user). The freed pages are
    /// erased by `eraseFreedPages` once the step is committed (VACUUM cannot run inside it).
    static func v3ToV4(_ db: Database, _ context: MigrationContext) throws {
        var renamed: [String: String] = [:]
        let id = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'database_id'") ?? DatabaseFile.newId()
        try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('database_id', ?)", arguments: [id])
        if let bytes = try Data.fetchOne(db, sql: "SELECT key FROM pseudonym_key WHERE id = 1"), let key = PseudonymKey(bytes: bytes) {
            // Written before the key leaves the database: if the upgrade fails later, it is
            // done again and finds this same file.
            guard let keys = context.keys else { throw StoreError.invalid("The upgrade to version 4 needs a place for the pseudonym key.") }
            try KeyFile(databaseId: id, key: key).write(to: keys.url(databaseId: id))
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('key_check', ?)", arguments: [key.check(databaseId: id)])
            renamed = try pseudonymiseClearIds(db, key: key)
        }
        try db.execute(sql: "DROP TABLE pseudonym_key")

        for row in try Row.fetchAll(db, sql: "SELECT id, note FROM decline WHERE note IS NOT NULL") {
            let r = RowReader(row, table: "decline")
            let note: String = try r.value(1)
            if CPR.containsCPR(note) {
                try db.execute(sql: "UPDATE decline SET note = ? WHERE id = ?", arguments: [CPR.maskText(note), try r.value(0) as Int64])
            }
        }

        try db.execute(sql: """
            DROP TRIGGER audit_log_no_update;
            DROP TRIGGER audit_log_no_delete;
            DROP INDEX audit_log_by_entity;
            ALTER TABLE audit_log RENAME TO audit_log_v3;

            -- Every change, append-only: what changed, when, by whom, by which command, from which file.
            -- Each entry is chained to the one before (since version 4): hash = SHA-256 over prev_hash and
            -- the entry's fields (Sources/PlacementStore/AuditChain.swift), so a changed, deleted or
            -- inserted entry shows.
            CREATE TABLE audit_log (
                id        INTEGER PRIMARY KEY,
                at        TEXT NOT NULL,            -- UTC timestamp, yyyy-mm-ddThh:mm:ssZ
                user      TEXT,                     -- who: --user, PLACEMENT_USER or the login; NULL before version 4
                command   TEXT NOT NULL,            -- e.g. 'import', 'accept'
                entity    TEXT NOT NULL,            -- e.g. 'citizen', 'placement'
                entity_id TEXT NOT NULL,
                action    TEXT NOT NULL,            -- e.g. 'insert', 'update', 'close'
                detail    TEXT,                     -- what changed, never a CPR number
                source    TEXT,                     -- the file a change came from, if any
                prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
                hash      BLOB NOT NULL CHECK (length(hash) = 32)
            );

            CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id);
            """)
        let insert = try db.makeStatement(sql: """
            INSERT INTO audit_log(id, at, user, command, entity, entity_id, action, detail, source, prev_hash, hash)
            VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var prev = AuditChain.genesis
        let old = try Row.fetchCursor(db, sql: "SELECT id, at, command, entity, entity_id, action, detail, source FROM audit_log_v3 ORDER BY id")
        while let row = try old.next() {
            let r = RowReader(row, table: "audit_log")
            let entityId: String = try r.value(4)
            let detail = (try r.optional(6) as String?).map { CPR.maskText(renamed.isEmpty ? $0 : replacingIds($0, renamed)) }
            let f = AuditChain.Fields(id: try r.value(0), at: try r.value(1), user: nil, command: try r.value(2), entity: try r.value(3),
                                      entityId: renamed[entityId] ?? entityId, action: try r.value(5), detail: detail,
                                      source: try r.optional(7))
            let hash = AuditChain.hash(prev: prev, f)
            try insert.execute(arguments: [f.id, f.at, f.command, f.entity, f.entityId, f.action, f.detail, f.source, prev, hash])
            prev = hash
        }
        try db.execute(sql: """
            DROP TABLE audit_log_v3;

            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;

            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END;
            """)
        for (_, new) in renamed.sorted(by: { $0.value < $1.value }) {
            let base = String(new.prefix(12))
            try AuditLog.append(db, command: "upgrade", entity: "citizen", entityId: new, action: "rename",
                                detail: new == base ? "a CPR number stored in clear by an older version, replaced by its pseudonym"
                                    : "a CPR number stored in clear by an older version; the same person as \(base): merge them by hand")
        }
        if let path = context.path { DatabaseFile.makePrivate(path) }
    }

    /// Citizen ids that an older version stored in clear because it did not know their spelling
    /// (`101901234`, `010190–1234`, `'0101901234` …) get their pseudonym, wherever they are.
    /// If that pseudonym is already a citizen (the same person under two spellings), the clear
    /// one becomes the pseudonym with `-2`: nothing is merged without a planner, and the audit
    /// log says so. Returns the renames, for the audit log's copy.
    static func pseudonymiseClearIds(_ db: Database, key: PseudonymKey) throws -> [String: String] {
        var renamed: [String: String] = [:]
        let ids = try String.fetchAll(db, sql: "SELECT id FROM citizen ORDER BY id")
        var taken = Set(ids)
        for raw in ids {
            guard let digits = CPR.digits(raw) else { continue }
            var new = key.pseudonym(ofDigits: digits)
            var n = 1
            while taken.contains(new) { n += 1; new = key.pseudonym(ofDigits: digits) + "-\(n)" }
            taken.insert(new)
            renamed[raw] = new
        }
        guard !renamed.isEmpty else { return [:] }
        // The children follow their citizen within this transaction.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for (raw, new) in renamed {
            try db.execute(sql: "UPDATE citizen SET id = ? WHERE id = ?", arguments: [new, raw])
            for table in ["citizen_residence_choice", "waiting_period", "placement", "proposal", "decline"] {
                try db.execute(sql: "UPDATE \(table) SET citizen_id = ? WHERE citizen_id = ?", arguments: [new, raw])
            }
        }
        // Runs keep their input and reasons as JSON text, which names citizens too.
        for row in try Row.fetchAll(db, sql: "SELECT id, input FROM match_run") {
            let r = RowReader(row, table: "match_run")
            try db.execute(sql: "UPDATE match_run SET input = ? WHERE id = ?",
                           arguments: [replacingIds(try r.value(1), renamed), try r.value(0) as Int64])
        }
        for row in try Row.fetchAll(db, sql: "SELECT run_id, citizen_id, reasons FROM proposal") {
            let r = RowReader(row, table: "proposal")
            try db.execute(sql: "UPDATE proposal SET reasons = ? WHERE run_id = ? AND citizen_id = ?",
                           arguments: [replacingIds(try r.value(2), renamed), try r.value(0) as Int64, try r.value(1) as String])
        }
        return renamed
    }

    /// `text` with each old id replaced by its new one.
    static func replacingIds(_ text: String, _ renamed: [String: String]) -> String {
        var out = text
        // Longest first, so that one id inside another is not replaced in part.
        for (raw, new) in renamed.sorted(by: { $0.key.count > $1.key.count }) where out.contains(raw) {
            out = out.replacingOccurrences(of: raw, with: new)
        }
        return out
    }

    /// Rebuilds the file without the pages the upgrade freed (the old key, unmasked notes), and
    /// empties the WAL into it, so that none of those bytes remain in the file or beside it.
    static func eraseFreedPages(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
