import Foundation
import GRDB
import PlacementModel

/// The append-only record of every change (the schema refuses updates and deletes), each entry
/// naming who made it and chained to the one before by a hash (`AuditChain`).
public enum AuditLog {
    public struct Entry: Sendable, Equatable {
        public let at: String
        /// Who made the change: `--user`, `PLACEMENT_USER` or the login name; nil before schema version 4.
        public let user: String?
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
    /// at one moment. A CPR number in `detail` is masked (`CPR.maskText`): the log is kept forever.
    /// `user`: `AuditUser.current(db)`, when the caller asked it once for many entries.
    public static func append(
        _ db: Database, at: String, command: String, entity: String, entityId: String, action: String,
        detail: String? = nil, source: String? = nil, user: String? = nil
    ) throws {
        // Bound one value at a time (StatementBinding): an import appends an entry per change.
        let held = HeldHeads.shared.head(of: db)
        let last = try held.known ? held.head
            : db.cachedStatement(sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchBoundIntegerAndBlob()
        let id: Int64 = (last?.0 ?? 0) + 1
        let prev: Data = last?.1 ?? AuditChain.genesis
        let fields = AuditChain.Fields(id: id, at: at, user: try user ?? AuditUser.current(db), command: command, entity: entity,
                                       entityId: entityId, action: action, detail: detail.map(CPR.maskText), source: source)
        let s = try db.cachedStatement(sql: """
            INSERT INTO audit_log(id, at, user, command, entity, entity_id, action, detail, source, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        s.bind(1, id); s.bind(2, at); s.bind(3, fields.user); s.bind(4, command); s.bind(5, entity); s.bind(6, entityId)
        s.bind(7, action); s.bind(8, fields.detail); s.bind(9, source); s.bind(10, prev)
        let hash = AuditChain.hash(prev: prev, fields)
        s.bind(11, hash)
        try s.runBound()
        if held.held { HeldHeads.shared.set(db, (id, hash)) }
    }

    /// Runs `body` with the chain's head held in memory for `db`: every `append` on it inside
    /// reads the head from the last one instead of from the table, for a command that appends
    /// an entry per change of a large file (an import). The first append reads it as always.
    ///
    /// Sound only because every entry is written by `append` (none by other SQL), and because
    /// nothing inside rolls back part of the transaction after an append: a rollback of the
    /// whole ends `body` too (it throws), and the head held goes with it.
    public static func holdingHead<T>(_ db: Database, _ body: () throws -> T) rethrows -> T {
        HeldHeads.shared.hold(db)
        defer { HeldHeads.shared.release(db) }
        return try body()
    }

    public static func entries(_ db: Database, entity: String? = nil, entityId: String? = nil) throws -> [Entry] {
        var sql = "SELECT at, user, command, entity, entity_id, action, detail, source FROM audit_log"
        var args: [(any DatabaseValueConvertible)?] = []
        if let entity {
            sql += " WHERE entity = ?"
            args.append(entity)
            if let entityId { sql += " AND entity_id = ?"; args.append(entityId) }
        }
        sql += " ORDER BY id"
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            let r = RowReader(row, table: "audit_log")
            return Entry(at: try r.value(0), user: try r.optional(1), command: try r.value(2), entity: try r.value(3),
                         entityId: try r.value(4), action: try r.value(5), detail: try r.optional(6), source: try r.optional(7))
        }
    }
}

/// The chain heads held by `AuditLog.holdingHead`, per connection (an import writes on its
/// own connection; another command's appends on another connection read the table as always).
final class HeldHeads: @unchecked Sendable {
    static let shared = HeldHeads()
    private let lock = NSLock()
    /// nil: held but not yet read.
    private var heads: [ObjectIdentifier: (Int64, Data)?] = [:]

    func hold(_ db: Database) { lock.withLock { heads[ObjectIdentifier(db)] = .some(nil) } }
    func release(_ db: Database) { lock.withLock { _ = heads.removeValue(forKey: ObjectIdentifier(db)) } }

    /// Whether the head is held for `db`, whether it is known, and what it is (nil: no entry).
    func head(of db: Database) -> (held: Bool, known: Bool, head: (Int64, Data)?) {
        lock.withLock {
            guard let entry = heads[ObjectIdentifier(db)] else { return (false, false, nil) }
            guard let head = entry else { return (true, false, nil) }
            return (true, true, head)
        }
    }

    func set(_ db: Database, _ head: (Int64, Data)) {
        lock.withLock { if heads[ObjectIdentifier(db)] != nil { heads[ObjectIdentifier(db)] = .some(head) } }
    }
}

/// Who is making changes through a connection: set when the database is opened (`--user`,
/// `PLACEMENT_USER`, or the login name) and read by `AuditLog.append` through the SQL function
/// `placement_user()`, so that no engine has to pass it along.
public enum AuditUser {
    static let functionName = "placement_user"

    /// The login name of the process, as `--user` defaults to it.
    public static var login: String {
        let env = ProcessInfo.processInfo.environment
        return env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LOGNAME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ProcessInfo.processInfo.userName
    }

    static func function(_ user: String) -> DatabaseFunction {
        DatabaseFunction(functionName, argumentCount: 0, pure: false) { _ in user }
    }

    /// The user the connection's entries name: an import that logs every change asks once.
    public static func current(_ db: Database) throws -> String {
        // A connection opened without the function (a test's raw queue) is the login's.
        (try? String.fetchOne(db.cachedStatement(sql: "SELECT \(functionName)()"))) ?? login
    }
}
