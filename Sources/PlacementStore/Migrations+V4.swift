import Foundation
import GRDB
import PlacementModel

/// What an upgrade step may need besides the database: where the key goes, the file's path.
final class MigrationContext {
    /// Where the pseudonym key moves to (nil: kept in `movedKey`, for a database in memory).
    let keys: KeyLocation?
    let path: String?
    /// The key taken out of a database that has no key location.
    var movedKey: PseudonymKey?

    init(keys: KeyLocation? = nil, path: String? = nil) {
        self.keys = keys
        self.path = path
    }
}

extension Migrations {
    /// Version 4: the pseudonym key leaves the file for a key file named by the database's new
    /// id; CPR numbers in decline notes and audit details are masked; the audit log names the
    /// user and is hash-chained (entries before version 4 have no user). The freed pages are
    /// erased by `eraseFreedPages` once the step is committed (VACUUM cannot run inside it).
    static func v3ToV4(_ db: Database, _ context: MigrationContext) throws {
        let id = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'database_id'") ?? DatabaseFile.newId()
        try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('database_id', ?)", arguments: [id])
        if let bytes = try Data.fetchOne(db, sql: "SELECT key FROM pseudonym_key WHERE id = 1"), let key = PseudonymKey(bytes: bytes) {
            // Written before the key leaves the database: if the upgrade fails later, it is
            // done again and finds this same file.
            if let keys = context.keys {
                try KeyFile(databaseId: id, key: key).write(to: keys.url(databaseId: id))
            } else {
                context.movedKey = key
            }
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('key_check', ?)", arguments: [key.check(databaseId: id)])
        }
        try db.execute(sql: "DROP TABLE pseudonym_key")

        for r in try Row.fetchAll(db, sql: "SELECT id, note FROM decline WHERE note IS NOT NULL") {
            let note: String = r[1]
            if CPR.containsCPR(note) {
                try db.execute(sql: "UPDATE decline SET note = ? WHERE id = ?", arguments: [CPR.maskText(note), r[0] as Int64])
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
        while let r = try old.next() {
            let f = AuditChain.Fields(id: r[0], at: r[1], user: nil, command: r[2], entity: r[3],
                                      entityId: r[4], action: r[5], detail: (r[6] as String?).map(CPR.maskText), source: r[7])
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
        if let path = context.path { DatabaseFile.makePrivate(path) }
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
