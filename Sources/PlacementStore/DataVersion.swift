import GRDB

/// How far a database's data has come: the id of the last change in the audit log, which
/// records every change. A stored match run and an import's own entry (the files it read) are
/// left out, since they change nothing that a run
/// or an import reads. A command that read at one version and writes later compares the two
/// inside its write transaction to know whether what it read still holds.
public enum DataVersion {
    public static func current(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT id FROM audit_log WHERE entity NOT IN ('match_run', 'import') ORDER BY id DESC LIMIT 1") ?? 0
    }
}
