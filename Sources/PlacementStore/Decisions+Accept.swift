import Foundation
import GRDB
import PlacementModel

/// A run's proposal for one citizen, as much of it as a decision needs.
struct ProposalRow {
    let action: String
    let residenceId: String?
    let placeId: String?
    let moveIn: Day?
    let status: String

    static func find(_ db: Database, run: Int64, citizen: String) throws -> ProposalRow? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT action, residence_id, place_id, move_in, status FROM proposal WHERE run_id = ? AND citizen_id = ?
            """), arguments: [run, citizen]).map { row in
            let r = RowReader(row, table: "proposal")
            return ProposalRow(action: try r.value(0), residenceId: try r.optional(1), placeId: try r.optional(2),
                               moveIn: try r.optionalDay(3), status: try r.value(4))
        }
    }

    static func runDay(_ db: Database, run: Int64) throws -> Day {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, as_of FROM match_run WHERE id = ?", arguments: [run]) else {
            throw DecisionError.noRun(run)
        }
        return try RowReader(row, table: "match_run").day(1)
    }
}

/// What `accept` did: the proposals accepted, and each one refused with its reason.
public struct AcceptOutcome: Sendable, Equatable {
    public struct Refused: Sendable, Equatable {
        public let citizenId: String
        public let why: AcceptRefusal
    }

    public var accepted: [Acceptance] = []
    public var refused: [Refused] = []
}

extension PlacementDatabase {
    /// Accepts the run's proposals for `citizens` (none: every open proposal but `no fit`), each
    /// as a planned move-in: its stay is stored from the move-in day, the waiting closes that
    /// day (a move home ends the external stay then, unless it ends before anyway; so does a
    /// bridging citizen's bridge). A proposal
    /// that cannot be accepted is refused with its reason; the others are accepted still.
    public func accept(run: Int64, citizens: [String], on day: Day, now: Date = Date()) throws -> AcceptOutcome {
        try write(command: "accept") { db in
            _ = try ProposalRow.runDay(db, run: run)
            let wanted = citizens.isEmpty
                ? try String.fetchAll(db, sql: "SELECT citizen_id FROM proposal WHERE run_id = ? AND status = 'proposed' AND action <> 'no_fit' ORDER BY priority",
                                      arguments: [run])
                : citizens
            let audit = AuditContext(command: "accept", now: now)
            var outcome = AcceptOutcome()
            for id in wanted {
                var refusal: AcceptRefusal?
                try db.inSavepoint {
                    refusal = try Self.acceptOne(db, run: run, citizen: id, on: day, audit: audit)
                    return refusal == nil ? .commit : .rollback
                }
                if let refusal {
                    outcome.refused.append(.init(citizenId: id, why: refusal))
                } else if let a = try Decisions.planned(db, citizenId: id) {
                    outcome.accepted.append(a)
                }
            }
            return outcome
        }
    }

    private static func acceptOne(_ db: Database, run: Int64, citizen id: String, on day: Day, audit: AuditContext) throws -> AcceptRefusal? {
        guard let p = try ProposalRow.find(db, run: run, citizen: id), p.status == "proposed" else {
            return .notOpen(status: try ProposalRow.find(db, run: run, citizen: id)?.status)
        }
        guard p.action != "no_fit", let residence = p.residenceId, let moveIn = p.moveIn else { return .noFit }
        if let a = try Decisions.planned(db, citizenId: id) { return .alreadyPlanned(residenceId: a.residenceId, moveIn: a.moveIn) }
        var waitingId: Int64?, previousStay: Int64?, previousEnd: Day?
        if p.action == "bring_home" {
            // A planned end of the external stay is no obstacle: it ends on the move home, or
            // before it anyway.
            guard let (sid, stay) = try Placements.current(db, citizenId: id), stay.residenceId != residence,
                  stay.period.from < moveIn else { return .noExternalStay }
            if stay.period.to.map({ $0 > moveIn }) ?? true {
                previousStay = sid
                previousEnd = stay.period.to
                try Placements.setEnd(db, id: sid, endsOn: moveIn)
            }
        } else {
            guard let (wid, since) = try WaitingPeriods.open(db, citizenId: id) else { return .notWaiting }
            try WaitingPeriods.close(db, id: wid, on: max(since, moveIn), outcome: .placed)
            waitingId = wid
            // A bridging citizen: the bridge ends on the move-in, so its place is vacant for the
            // next citizen from that day (a withdrawal gives it back its old end).
            if let (sid, bridge) = try Bridges.current(db, citizenId: id, on: moveIn), bridge.period.from < moveIn {
                previousStay = sid
                previousEnd = bridge.period.to
                try Placements.setEnd(db, id: sid, endsOn: moveIn)
            }
        }
        var stayId: Int64 = 0
        if try StoreConstraint.attempt({
            stayId = try Placements.insert(db, Placement(citizenId: id, residenceId: residence, placeId: p.placeId,
                                                         period: DayInterval(from: moveIn, to: nil)))
        }) != nil {
            return .placeTaken(placeId: p.placeId, residenceId: residence, from: moveIn)
        }
        try Citizens.setStatus(db, id: id, .placed)
        try db.execute(sql: "UPDATE proposal SET status = 'accepted' WHERE run_id = ? AND citizen_id = ?", arguments: [run, id])
        try db.execute(sql: """
            INSERT INTO acceptance(run_id, citizen_id, residence_id, place_id, move_in, placement_id, waiting_period_id,
                                   previous_stay_id, previous_stay_end, accepted_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run, id, residence, p.placeId, moveIn, stayId, waitingId, previousStay, previousEnd, day])
        try audit.log(db, "acceptance", id, "accept",
                      "run \(run): \(p.action) \(residence)\(p.placeId.map { "/" + $0 } ?? "") from \(moveIn.iso)")
        return nil
    }

    /// Withdraws the citizen's planned move-in (its stay is removed, the waiting open again),
    /// or, with `run`, that run's open proposal; either way with a reason, in the audit log.
    @discardableResult
    public func withdraw(citizen: String, run: Int64? = nil, reason: String, on day: Day, now: Date = Date()) throws -> Acceptance? {
        let reason = CPR.maskText(reason.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !reason.isEmpty else { throw DecisionError.reasonRequired }
        return try write(command: "withdraw") { db in
            let audit = AuditContext(command: "withdraw", now: now)
            if let a = try Decisions.planned(db, citizenId: citizen), run == nil || run == a.runId {
                try Decisions.withdraw(db, a, reason: reason, on: day, audit: audit)
                return a
            }
            guard let run, let p = try ProposalRow.find(db, run: run, citizen: citizen), p.status == "proposed" else {
                throw DecisionError.nothingToWithdraw(citizen: citizen)
            }
            try db.execute(sql: "UPDATE proposal SET status = 'withdrawn' WHERE run_id = ? AND citizen_id = ?", arguments: [run, citizen])
            try audit.log(db, "proposal", citizen, "withdraw", "run \(run), \(p.residenceId ?? "-"): \(reason)")
            return nil
        }
    }

    /// Confirms a planned move-in by command (the export has not caught up): the stay has begun
    /// on `day` (default: the planned day).
    @discardableResult
    public func confirmMoveIn(citizen: String, on day: Day?, now: Date = Date()) throws -> Acceptance {
        try write(command: "move-in") { db in
            guard let a = try Decisions.planned(db, citizenId: citizen) else { throw DecisionError.noPlannedMoveIn(citizen: citizen) }
            if let refused = try Decisions.confirm(db, a, on: day ?? a.moveIn, placeId: nil, audit: AuditContext(command: "move-in", now: now)) {
                throw DecisionError.cannotMoveIn(citizen: citizen, why: "\(refused)")
            }
            return a
        }
    }

    public func plannedMoveIns() throws -> [Acceptance] { try read { try Decisions.allPlanned($0) } }
}
