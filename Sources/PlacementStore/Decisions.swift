import Foundation
import GRDB
import PlacementModel

/// An accepted proposal: a planned move-in until it is confirmed or withdrawn.
public struct Acceptance: Sendable, Equatable, Codable {
    public var id: Int64
    public var runId: Int64
    public var citizenId: String
    public var residenceId: String
    public var placeId: String?
    public var moveIn: Day
    public var status: AcceptanceStatus
    public var placementId: Int64?
    public var waitingPeriodId: Int64?
    public var previousStayId: Int64?
    public var previousStayEnd: Day?
    public var movedInOn: Day?
    public var withdrawReason: String?

    enum Columns: String, CaseIterable {
        case id, run_id, citizen_id, residence_id, place_id, move_in, status, placement_id, waiting_period_id,
             previous_stay_id, previous_stay_end, moved_in_on, withdraw_reason
    }

    static let selectSQL = "SELECT " + Columns.allCases.map(\.rawValue).joined(separator: ", ") + " FROM acceptance"

    /// A row of `selectSQL`, its columns in the order of `Columns`.
    init(row: Row) throws {
        let r = RowReader(row, table: "acceptance")
        id = try r.value(0); runId = try r.value(1); citizenId = try r.value(2); residenceId = try r.value(3)
        placeId = try r.optional(4); moveIn = try r.day(5); status = try r.term(6, AcceptanceStatus.self)
        placementId = try r.optional(7); waitingPeriodId = try r.optional(8); previousStayId = try r.optional(9)
        previousStayEnd = try r.optionalDay(10); movedInOn = try r.optionalDay(11); withdrawReason = try r.optional(12)
    }
}

/// A contradiction between an import and a decision, as listed by `placement conflicts`.
public struct ImportConflict: Sendable, Equatable, Codable {
    public var id: Int64
    public var citizenId: String
    public var acceptanceId: Int64
    public var kind: ConflictKind
    public var detail: String
    /// The planned move-in the export contradicted.
    public var residenceId: String
    public var moveIn: Day
    /// Where and from when the export shows the citizen placed (placed elsewhere).
    public var exportResidenceId: String?
    public var exportDay: Day?
    public var source: String
    public var foundOn: Day
    public var resolution: ConflictResolution?
}

/// Who and where a decision's audit entries come from: the command, its moment, the file.
public struct AuditContext: Sendable {
    public var command: String
    public var at: String
    public var source: String?

    public init(command: String, now: Date = Date(), source: String? = nil) {
        self.command = command
        self.at = Timestamp.utc(now)
        self.source = source
    }

    public init(command: String, at: String, source: String?) {
        self.command = command
        self.at = at
        self.source = source
    }

    func log(_ db: Database, _ entity: String, _ id: String, _ action: String, _ detail: String) throws {
        try AuditLog.append(db, at: at, command: command, entity: entity, entityId: id, action: action, detail: detail, source: source)
    }
}

/// The planner's decisions as records: acceptances (planned move-ins), declines and the
/// conflicts imports found with them. The state changes are whole transactions of
/// `PlacementDatabase` (Decisions+Accept, Decisions+Decline, Decisions+Conflicts); these are
/// the reads, and the steps an import takes inside its own transaction.
public enum Decisions {
    /// The citizen's planned move-in, if one is accepted and not yet confirmed.
    public static func planned(_ db: Database, citizenId: String) throws -> Acceptance? {
        try Row.fetchOne(db.cachedStatement(sql: Acceptance.selectSQL + " WHERE citizen_id = ? AND status = 'accepted'"),
                         arguments: [citizenId]).map(Acceptance.init(row:))
    }

    /// Every planned move-in, by move-in day.
    public static func allPlanned(_ db: Database) throws -> [Acceptance] {
        try Row.fetchAll(db, sql: Acceptance.selectSQL + " WHERE status = 'accepted' ORDER BY move_in, citizen_id")
            .map(Acceptance.init(row:))
    }

    /// The residences each citizen is kept from by a standing decline (beside the export's own
    /// excluded residences), in the order declined.
    public static func declinedResidences(_ db: Database) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        let reasons = DeclineReason.allCases.filter { $0.consequence == .excludeResidence }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        for r in try Row.fetchAll(db, sql: """
            SELECT citizen_id, residence_id FROM decline
            WHERE ended_on IS NULL AND residence_id IS NOT NULL AND reason IN (\(reasons))
            ORDER BY citizen_id, id
            """) {
            let row = RowReader(r, table: "decline")
            let c: String = try row.value(0), res: String = try row.value(1)
            if !(out[c]?.contains(res) ?? false) { out[c, default: []].append(res) }
        }
        return out
    }

    /// A standing need_changed decline: the citizen is off the waiting list until re-assessed.
    public static func awaitingReassessment(_ db: Database, citizenId: String) throws -> (declineId: Int64, waitingPeriodId: Int64?)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, waiting_period_id FROM decline
            WHERE citizen_id = ? AND reason = 'need_changed' AND ended_on IS NULL ORDER BY id DESC LIMIT 1
            """), arguments: [citizenId]).map { row in
            let r = RowReader(row, table: "decline")
            return (try r.value(0), try r.optional(1))
        }
    }

    public static func conflicts(_ db: Database, openOnly: Bool = true) throws -> [ImportConflict] {
        try Row.fetchAll(db, sql: """
            SELECT c.id, c.citizen_id, c.acceptance_id, c.kind, c.detail, c.source, c.found_on, c.resolution,
                   a.residence_id, a.move_in, c.export_residence_id, c.export_day
            FROM import_conflict c JOIN acceptance a ON a.id = c.acceptance_id
            \(openOnly ? "WHERE c.resolved_at IS NULL" : "") ORDER BY c.id
            """).map { row in
            let r = RowReader(row, table: "import_conflict")
            let resolution: String? = try r.optional(7)
            return ImportConflict(id: try r.value(0), citizenId: try r.value(1), acceptanceId: try r.value(2),
                                  kind: try r.term(3, ConflictKind.self), detail: try r.value(4),
                                  residenceId: try r.value(8), moveIn: try r.day(9), exportResidenceId: try r.optional(10),
                                  exportDay: try r.optionalDay(11), source: try r.value(5), foundOn: try r.day(6),
                                  resolution: try resolution.map { _ in try r.term(7, ConflictResolution.self) })
        }
    }

    // MARK: Steps of a transaction

    /// The planned move-in becomes a stay that has begun: from `day` (the export's placed-on
    /// day, or the planned one), in `placeId` when the export names one.
    public static func confirm(_ db: Database, _ a: Acceptance, on day: Day, placeId: String?, audit: AuditContext) throws -> StoreConstraint? {
        // A bridge the acceptance ended ends on the day the citizen actually moved.
        let bridge = try a.previousStayId.flatMap { sid in try Bridges.isBridge(db, stayId: sid) ? sid : nil }
        if let sid = bridge, day < a.moveIn, let b = try Placements.of(db, id: sid), b.period.from < day {
            try Placements.setEnd(db, id: sid, endsOn: day)
        }
        if let pid = a.placementId, let stay = try Placements.of(db, id: pid) {
            var moved = stay
            moved.period = DayInterval(from: day, to: stay.period.to)
            if let placeId, stay.placeId != nil { moved.placeId = placeId }
            if moved != stay, let refused = try StoreConstraint.attempt({ try Placements.update(db, id: pid, moved) }) { return refused }
        }
        if let sid = bridge, day > a.moveIn { try Placements.setEnd(db, id: sid, endsOn: day) }
        if day != a.moveIn, let wid = a.waitingPeriodId {
            try db.execute(sql: "UPDATE waiting_period SET until = max(since, ?) WHERE id = ? AND outcome = 'placed'", arguments: [day, wid])
        }
        try db.execute(sql: "UPDATE acceptance SET status = 'moved_in', moved_in_on = ? WHERE id = ?", arguments: [day, a.id])
        try audit.log(db, "acceptance", a.citizenId, "moved_in", "\(a.residenceId) from \(day.iso) (run \(a.runId))")
        return nil
    }

    /// Undoes a planned move-in: its stay never began, so it is removed; the waiting it closed
    /// is open again (or the external stay it ended keeps its old end), the proposal withdrawn.
    public static func withdraw(_ db: Database, _ a: Acceptance, reason: String, on day: Day, audit: AuditContext) throws {
        if let pid = a.placementId { try db.execute(sql: "DELETE FROM placement WHERE id = ?", arguments: [pid]) }
        if let sid = a.previousStayId {
            try Placements.setEnd(db, id: sid, endsOn: a.previousStayEnd)
        }
        if let wid = a.waitingPeriodId {
            try db.execute(sql: "UPDATE waiting_period SET until = NULL, outcome = NULL WHERE id = ?", arguments: [wid])
            // A bridging citizen is back in the bridge: placed and waiting.
            try Citizens.setStatus(db, id: a.citizenId, a.previousStayId == nil ? .waiting : .placed)
        }
        try db.execute(sql: "UPDATE acceptance SET status = 'withdrawn', withdrawn_on = ?, withdraw_reason = ? WHERE id = ?",
                       arguments: [day, reason, a.id])
        try db.execute(sql: "UPDATE proposal SET status = 'withdrawn' WHERE run_id = ? AND citizen_id = ?", arguments: [a.runId, a.citizenId])
        try audit.log(db, "acceptance", a.citizenId, "withdraw", "run \(a.runId), \(a.residenceId) from \(a.moveIn.iso): \(CPR.maskText(reason))")
    }

    /// Lists a contradiction, once: the same open conflict is not listed again by the next
    /// import. Returns whether it is new.
    @discardableResult
    public static func recordConflict(_ db: Database, _ a: Acceptance, kind: ConflictKind, detail: String, on day: Day,
                                      exportResidenceId: String? = nil, exportDay: Day? = nil, audit: AuditContext) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO import_conflict(citizen_id, acceptance_id, kind, detail, export_residence_id, export_day, source, found_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """, arguments: [a.citizenId, a.id, kind.rawValue, detail, exportResidenceId, exportDay, audit.source ?? "-", day])
        guard db.changesCount > 0 else { return false }
        try audit.log(db, "conflict", a.citizenId, kind.rawValue, detail)
        return true
    }

    /// An export shows the re-assessed grant: the need_changed decline has done its work and
    /// the citizen is on the waiting list again, waiting since the referral.
    public static func endReassessment(_ db: Database, declineId: Int64, waitingPeriodId: Int64?, citizenId: String, on day: Day,
                                       audit: AuditContext) throws {
        try db.execute(sql: "UPDATE decline SET ended_on = ?, ended_how = 'reassessed' WHERE id = ?", arguments: [day, declineId])
        if let wid = waitingPeriodId, try WaitingPeriods.open(db, citizenId: citizenId) == nil {
            try db.execute(sql: "UPDATE waiting_period SET until = NULL, outcome = NULL WHERE id = ? AND outcome = 'reassessment'", arguments: [wid])
        }
        try audit.log(db, "decline", citizenId, "reassessed", "the export shows a new grant; waiting again")
    }
}

extension Placements {
    /// One stay by its id.
    public static func of(_ db: Database, id: Int64) throws -> Placement? {
        try Row.fetchOne(db.cachedStatement(sql: Placement.selectSQL + " WHERE id = ?"), arguments: [id]).map { try Placement(row: $0) }
    }
}
