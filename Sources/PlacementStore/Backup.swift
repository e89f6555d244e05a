import Foundation
import GRDB
import PlacementModel

/// Backups and restores by SQLite's online backup API, so that both run while others read and
/// write, and each copies one committed state of the database.
extension PlacementDatabase {
    /// Writes the database as it is now to `destination`, a new file: into a partial file
    /// beside it first, renamed when complete, so a backup cut short leaves no file that
    /// looks whole.
    public func backup(to destination: String) throws {
        if FileManager.default.fileExists(atPath: destination) { throw StoreError.alreadyExists(path: destination) }
        let partial = destination + ".partial-\(UUID().uuidString.prefix(8))"
        do {
            let target = try DatabaseQueue(path: partial)
            try writer.backup(to: target)
            try target.close()
            // moveItem refuses to replace a file that appeared meanwhile.
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            Self.remove(partial)
            throw error
        }
    }

    public enum RestoreOutcome: Sendable, Equatable {
        case restored
        /// The backup fails `placement check`; nothing was changed.
        case refused([CheckFinding])
        /// The backup is of other municipalities; nothing was changed.
        case otherPlanningArea(backup: [Int], database: [Int])
    }

    /// Replaces this database's content with the backup in `file`, if the backup passes
    /// `DatabaseCheck` and plans for the same municipalities.
    ///
    /// Not by renaming a file over this one: commands that have the database open keep
    /// reading the old file, and its WAL file, named after the database, would be replayed
    /// over the new one. Instead the backup is copied to a staging file beside the database,
    /// upgraded, checked and given its audit entry there; then the online backup API copies
    /// the staging file into this database in one write transaction: a reader sees the old
    /// state or the new, a `kill -9` leaves the old, and a command writing meanwhile makes
    /// the restore wait (`writeWait`) and then give up with `DatabaseBusy`.
    public func restore(from file: String, now: Date = Date()) throws -> RestoreOutcome {
        guard let path else { throw StoreError.invalid("An in-memory database has no file to restore.") }
        guard FileManager.default.fileExists(atPath: file) else { throw StoreError.notFound(path: file) }
        if URL(fileURLWithPath: file).resolvingSymlinksInPath().path == URL(fileURLWithPath: path).resolvingSymlinksInPath().path {
            throw StoreError.invalid("\(file) is the database itself.")
        }
        let staging = WorkingCopies.name(beside: path, for: .restore)
        defer { Self.remove(staging) }
        do {
            let source = try DatabaseQueue(path: file, configuration: Self.configuration(readOnly: true))
            guard try source.read({ try $0.tableExists("citizen") && $0.tableExists("residence") }) else {
                throw StoreError.notAPlacementDatabase(path: file)
            }
            let target = try DatabaseQueue(path: staging)
            try source.backup(to: target)
            try target.close()
            try source.close()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notAPlacementDatabase(path: file)
        }
        let staged = try PlacementDatabase.open(path: staging, keys: keyLocation ?? .standard())
        defer { try? staged.writer.close() }
        let findings = try DatabaseCheck.run(staged)
        if !findings.isEmpty { return .refused(findings) }
        let (theirs, ours) = (try staged.planningArea(), try planningArea())
        if theirs != ours { return .otherPlanningArea(backup: theirs, database: ours) }

        let replaced = try read { db in
            try Row.fetchOne(db, sql: "SELECT id, at FROM audit_log ORDER BY id DESC LIMIT 1")
        }
        let was = try replaced.map { row in
            let r = RowReader(row, table: "audit_log")
            return "audit entry \(try r.value(0) as Int64) of \(try r.value(1) as String)"
        } ?? "an empty audit log"
        try staged.write(command: "restore") { db in
            try AuditLog.append(db, command: "restore", entity: "database", entityId: "-", action: "restore",
                                detail: "from \((file as NSString).lastPathComponent); replaced the database as of \(was)",
                                source: (file as NSString).lastPathComponent, now: now)
        }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = \(Int(writeWait * 1000))")
            let note = WriterNote.claim(database: path, command: "restore", now: now)
            defer { note?.release() }
            do {
                try staged.writer.read { source in try source.backup(to: db) }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                let language = DatabaseBusy.language(of: db)
                throw DatabaseBusy(command: "restore", holder: note == nil ? WriterNote.current(database: path) : nil,
                                   waitedSeconds: Int(writeWait.rounded()), language: language)
            }
        }
        return .restored
    }

    static func remove(_ file: String) {
        for suffix in ["", "-wal", "-shm", "-writer"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
}
