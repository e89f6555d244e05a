import Foundation
import GRDB

/// The append-only record of every change (the schema refuses updates and deletes).
public enum AuditLog {
    public struct Entry: Sendable, Equatable {
        public let at: String
        public let command: String
        public let entity: String
        public let entityId: String
        public let action: String
        public let detail: String?
        public let source: String?
    }

    public static func append(
        _ db: Database, command: String, entity: String, entityId: String, action: String,
        detail: String? = nil, source: String? = nil, now: Date = Date()
    ) throws {
        try append(db, at: Timestamp.utc(now), command: command, entity: entity, entityId: entityId, action: action,
                   detail: detail, source: source)
    }

    /// With the time already written as `Timestamp.utc`, for a command that logs many changes
    /// at one moment.
    public static func append(
        _ db: Database, at: String, command: String, entity: String, entityId: String, action: String,
        detail: String? = nil, source: String? = nil
    ) throws {
        let s = try db.cachedStatement(sql: "INSERT INTO audit_log(at, command, entity, entity_id, action, detail, source) VALUES (?, ?, ?, ?, ?, ?, ?)")
        s.bind(1, at); s.bind(2, command); s.bind(3, entity); s.bind(4, entityId); s.bind(5, action)
        s.bind(6, detail); s.bind(7, source)
        try s.runBound()
    }

    public static func entries(_ db: Database, entity: String? = nil, entityId: String? = nil) throws -> [Entry] {
        var sql = "SELECT at, command, entity, entity_id, action, detail, source FROM audit_log"
        var args: [(any DatabaseValueConvertible)?] = []
        if let entity {
            sql += " WHERE entity = ?"
            args.append(entity)
            if let entityId { sql += " AND entity_id = ?"; args.append(entityId) }
        }
        sql += " ORDER BY id"
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
            Entry(at: r[0], command: r[1], entity: r[2], entityId: r[3], action: r[4], detail: r[5], source: r[6])
        }
    }
}
