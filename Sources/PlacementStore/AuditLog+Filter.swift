import GRDB

extension AuditLog {
    /// Which entries to list: each given part must match (the web app's audit page).
    public struct Filter: Sendable, Equatable {
        /// Entries about this citizen (their id is the entry's entity id).
        public var citizen: String?
        public var user: String?
        /// The command, or its first word: `import`, `accept`, `web login`.
        public var command: String?
        public var entity: String?
        /// Days, inclusive, as `yyyy-mm-dd` (the log's times are UTC).
        public var from: String?
        public var to: String?

        public init(citizen: String? = nil, user: String? = nil, command: String? = nil, entity: String? = nil,
                    from: String? = nil, to: String? = nil) {
            self.citizen = citizen
            self.user = user
            self.command = command
            self.entity = entity
            self.from = from
            self.to = to
        }
    }

    /// The newest entries first that match `filter`, at most `limit`.
    public static func entries(_ db: Database, filter: Filter, limit: Int = 500) throws -> [Entry] {
        var conditions: [String] = [], args: [(any DatabaseValueConvertible)?] = []
        if let c = filter.citizen { conditions.append("entity_id = ?"); args.append(c) }
        if let u = filter.user { conditions.append("user = ?"); args.append(u) }
        if let c = filter.command { conditions.append("(command = ? OR command LIKE ? ESCAPE '\\')"); args += [c, c.replacingOccurrences(of: "%", with: "\\%") + " %"] }
        if let e = filter.entity { conditions.append("entity = ?"); args.append(e) }
        if let f = filter.from { conditions.append("at >= ?"); args.append(f) }
        if let t = filter.to { conditions.append("at < ?"); args.append(t + "T99") }
        var sql = "SELECT at, user, command, entity, entity_id, action, detail, source FROM audit_log"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY id DESC LIMIT \(max(1, limit))"
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            let r = RowReader(row, table: "audit_log")
            return Entry(at: try r.value(0), user: try r.optional(1), command: try r.value(2), entity: try r.value(3),
                         entityId: try r.value(4), action: try r.value(5), detail: try r.optional(6), source: try r.optional(7))
        }
    }
}
