import Foundation
import GRDB
import PlacementModel

/// When each vacancy was last confirmed. A residence's own report of a vacant place is often
/// stale (Rigsrevisionen 17/2022 on Tilbudsportalen), so the planner records the day someone
/// checked it: from the places sheet's `vacancy_confirmed_on` column, or by
/// `placement confirm-vacancy`. A vacancy is stale on a day when its confirmation is more than
/// the policy's `vacancy_confirm_days` before it; one never confirmed has no date to judge by
/// and is not called stale.
public enum VacancyConfirmations {
    /// A vacancy whose last confirmation is older than the policy allows.
    public struct Stale: Sendable, Equatable, Codable {
        public var residenceId: String
        public var residenceName: String
        public var placeId: String
        public var confirmedOn: Day
        /// Days from the confirmation to the day asked about.
        public var daysSince: Int
    }

    /// Whether a vacancy confirmed on `confirmedOn` is stale on `day` under a limit of `days`.
    public static func isStale(confirmedOn: Day?, on day: Day, days: Int) -> Bool {
        guard let confirmedOn else { return false }
        return confirmedOn.days(until: day) > days
    }

    /// Records that the vacancy of `placeId` in `residenceId` was confirmed on `day`, in the
    /// audit log; returns the confirmation it replaced. Refuses an unknown place.
    public static func confirm(_ db: Database, residenceId: String, placeId: String, on day: Day, audit: AuditContext) throws -> Day? {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, confirmed_on FROM place WHERE residence_id = ? AND id = ?",
                                         arguments: [residenceId, placeId]) else {
            throw DecisionError.unknownPlace(residenceId: residenceId, placeId: placeId)
        }
        let r = RowReader(row, table: "place")
        let old = try r.optionalDay(1)
        try set(db, residenceId: residenceId, placeId: placeId, day)
        try audit.log(db, "place", "\(residenceId)/\(placeId)", "confirm", "vacancy confirmed \(day.iso)"
                      + (old.map { " (was \($0.iso))" } ?? ""))
        return old
    }

    /// Sets the confirmation day as an import has it (nil clears it).
    public static func set(_ db: Database, residenceId: String, placeId: String, _ day: Day?) throws {
        try db.cachedStatement(sql: "UPDATE place SET confirmed_on = ? WHERE residence_id = ? AND id = ?")
            .execute(arguments: [day, residenceId, placeId])
    }

    /// The stored confirmation day of a place.
    public static func confirmedOn(_ db: Database, residenceId: String, placeId: String) throws -> Day? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT confirmed_on FROM place WHERE residence_id = ? AND id = ?"),
                                         arguments: [residenceId, placeId]) else { return nil }
        return try RowReader(row, table: "place").optionalDay(0)
    }

    /// Own places vacant on `day` (no stay covers it; not reserved or closed) whose vacancy was
    /// last confirmed more than `days` before it, by residence and place.
    public static func stale(_ db: Database, on day: Day, days: Int) throws -> [Stale] {
        try Row.fetchAll(db, sql: """
            SELECT pl.residence_id, r.name, pl.id, pl.confirmed_on FROM place pl JOIN residence r ON r.id = pl.residence_id
            WHERE r.operator = 'own' AND pl.status IN ('vacant', 'occupied') AND pl.confirmed_on IS NOT NULL
              AND julianday(?1) - julianday(pl.confirmed_on) > ?2
              AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                              AND p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1))
            ORDER BY pl.residence_id, length(pl.id), pl.id
            """, arguments: [day, days]).map { row in
            let r = RowReader(row, table: "place")
            let confirmed = try r.day(3)
            return Stale(residenceId: try r.value(0), residenceName: try r.value(1), placeId: try r.value(2),
                         confirmedOn: confirmed, daysSince: confirmed.days(until: day))
        }
    }
}

extension PlacementDatabase {
    /// `placement confirm-vacancy`: the place's vacancy was confirmed on `day`, in the audit log
    /// with the user. Returns the confirmation it replaced.
    @discardableResult
    public func confirmVacancy(residenceId: String, placeId: String, on day: Day, now: Date = Date()) throws -> Day? {
        try write(command: "confirm-vacancy") { db in
            try VacancyConfirmations.confirm(db, residenceId: residenceId, placeId: placeId, on: day,
                                             audit: AuditContext(command: "confirm-vacancy", now: now))
        }
    }
}
