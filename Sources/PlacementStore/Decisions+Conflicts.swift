import Foundation
import GRDB
import PlacementModel

extension PlacementDatabase {
    public func conflicts(openOnly: Bool = true) throws -> [ImportConflict] { try read { try Decisions.conflicts($0, openOnly: openOnly) } }

    /// The planner's answer to a listed conflict: the rule's outcome stands (`withdraw` nil), or
    /// the acceptance the export contradicted is withdrawn with that reason (a conflict the
    /// decision won: a changed grant, a move-in long overdue).
    @discardableResult
    public func resolveConflict(id: Int64, withdraw reason: String? = nil, on day: Day, now: Date = Date()) throws -> ImportConflict {
        try write(command: "conflicts") { db in
            guard let c = try Decisions.conflicts(db, openOnly: false).first(where: { $0.id == id }) else { throw DecisionError.noConflict(id) }
            guard c.resolution == nil else { throw DecisionError.conflictResolved(id) }
            let audit = AuditContext(command: "conflicts", now: now)
            var resolution = ConflictResolution.accepted
            if let reason {
                let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { throw DecisionError.reasonRequired }
                guard let a = try Decisions.planned(db, citizenId: c.citizenId), a.id == c.acceptanceId else {
                    throw DecisionError.noPlannedMoveIn(citizen: c.citizenId)
                }
                try Decisions.withdraw(db, a, reason: reason, on: day, audit: audit)
                resolution = .withdrawn
            }
            try db.execute(sql: "UPDATE import_conflict SET resolved_at = ?, resolution = ? WHERE id = ?",
                           arguments: [audit.at, resolution.rawValue, id])
            try audit.log(db, "conflict", c.citizenId, "resolve", "conflict \(id) (\(c.kind.rawValue)): \(resolution.rawValue)")
            var out = c
            out.resolution = resolution
            return out
        }
    }
}
