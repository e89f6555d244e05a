import Foundation
import GRDB
import PlacementModel

extension MatchPolicy {
    /// The policy stored in the database (defaults for keys it lacks).
    public static func load(_ db: Database) throws -> MatchPolicy {
        var p = MatchPolicy()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM policy ORDER BY key") {
            let r = RowReader(row, table: "policy")
            try p.set(try r.value(0), try r.value(1))
        }
        return p
    }

    /// Changes one key, checked, and records it in the audit log.
    public static func store(_ db: Database, key: String, value: String, now: Date = Date()) throws -> MatchPolicy {
        var p = try load(db)
        let old = p.value(key)
        try p.set(key, value)
        try db.execute(sql: "INSERT INTO policy(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, p.value(key)])
        try AuditLog.append(db, command: "policy set", entity: "policy", entityId: key, action: "update",
                            detail: "\(old) → \(p.value(key))", now: now)
        return p
    }
}
