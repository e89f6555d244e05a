import Foundation
import GRDB

/// A week's report as it was first produced (`report_first`): when, and its figures as the
/// report engine's JSON. Produced again after later imports changed the week, the report
/// compares with it.
public struct FirstReport: Sendable, Equatable {
    /// `2026-W48`.
    public var week: String
    /// UTC timestamp.
    public var producedAt: String
    public var figures: Data
}

public enum ReportFirst {
    public static func find(_ db: Database, week: String) throws -> FirstReport? {
        try Row.fetchOne(db, sql: "SELECT week, produced_at, figures FROM report_first WHERE week = ?", arguments: [week]).map { row in
            let r = RowReader(row, table: "report_first")
            let json: String = try r.value(2)
            return FirstReport(week: try r.value(0), producedAt: try r.value(1), figures: Data(json.utf8))
        }
    }

    /// Keeps `figures` as the week's first, unless the week has one already; returns the first.
    /// Recording it is a change, so it is in the audit log.
    public static func recordIfFirst(_ db: Database, week: String, figures: Data, now: Date = Date()) throws -> FirstReport {
        if let first = try find(db, week: week) { return first }
        let at = Timestamp.utc(now)
        try db.execute(sql: "INSERT INTO report_first(week, produced_at, figures) VALUES (?, ?, ?)",
                       arguments: [week, at, String(decoding: figures, as: UTF8.self)])
        try AuditLog.append(db, at: at, command: "report", entity: "report", entityId: week, action: "first_produced")
        return FirstReport(week: week, producedAt: at, figures: figures)
    }
}
