import Foundation
import GRDB
import PlacementModel

/// One past import (`import_record`): when, by whom, for which day, its files, and what it
/// changed as the import engine's JSON (the store keeps it; `PlacementImport` reads it).
public struct ImportRecord: Sendable, Equatable {
    public struct File: Sendable, Codable, Equatable {
        public var name: String
        public var sha256: String
        public var rows: Int
        /// Rows inserted or updated.
        public var changed: Int
        public init(name: String, sha256: String, rows: Int, changed: Int) {
            self.name = name
            self.sha256 = sha256
            self.rows = rows
            self.changed = changed
        }
    }

    public var id: Int64
    /// UTC timestamp, as the audit log writes it.
    public var at: String
    public var user: String?
    /// The day the files described; nil for an import made before version 7.
    public var asOf: Day?
    public var files: [File]
    /// `[ImportChange]` as JSON; nil for an import made before version 7.
    public var changes: Data?
    public var changesNotListed: Int
    /// `[ImportConflictNote]` as JSON; nil for an import made before version 7.
    public var conflicts: Data?
}

public enum ImportRecords {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    /// Records an import in the transaction that stored it; the user is the connection's
    /// (`AuditUser`), as in the audit log. Returns its number.
    @discardableResult
    public static func insert(_ db: Database, at: String, asOf: Day, files: [ImportRecord.File], changes: Data,
                              changesNotListed: Int, conflicts: Data) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO import_record(at, user, as_of, files, changes, changes_not_listed, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [at, try AuditUser.current(db), asOf, try json(files), String(decoding: changes, as: UTF8.self),
                             changesNotListed, String(decoding: conflicts, as: UTF8.self)])
        return db.lastInsertedRowID
    }

    static let select = "SELECT id, at, user, as_of, files, changes, changes_not_listed, conflicts FROM import_record"

    static func record(_ row: Row) throws -> ImportRecord {
        let r = RowReader(row, table: "import_record")
        let files: String = try r.value(4)
        let changes: String? = try r.optional(5), conflicts: String? = try r.optional(7)
        guard let list = try? JSONDecoder().decode([ImportRecord.File].self, from: Data(files.utf8)) else {
            throw r.bad(4, "not a list of files")
        }
        return ImportRecord(id: try r.value(0), at: try r.value(1), user: try r.optional(2), asOf: try r.optionalDay(3),
                            files: list, changes: changes.map { Data($0.utf8) }, changesNotListed: try r.value(6),
                            conflicts: conflicts.map { Data($0.utf8) })
    }

    /// Every import, oldest first.
    public static func all(_ db: Database) throws -> [ImportRecord] {
        try Row.fetchAll(db, sql: select + " ORDER BY id").map(record)
    }

    public static func find(_ db: Database, id: Int64) throws -> ImportRecord? {
        try Row.fetchOne(db, sql: select + " WHERE id = ?", arguments: [id]).map(record)
    }
}
