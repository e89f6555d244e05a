import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// Stored runs: what was proposed, from what, under which policy, and what became of it.
public enum MatchRuns {
    public enum RunError: Error, CustomStringConvertible, Equatable {
        case noRun(Int64)
        case noRuns
        case notProposed(citizen: String, run: Int64)
        case cannotAccept(citizen: String, why: String)
        case noteRequired
        /// The data changed between reading the run's input and storing the run.
        case inputChanged(command: String, at: String)
        case declinedBeforeRun(day: Day, run: Int64, runDay: Day)

        public var description: String {
            switch self {
            case .noRun(let id): "There is no match run \(id); see the run ids printed by `placement match`."
            case .noRuns: "There are no match runs yet; run `placement match` first."
            case .notProposed(let c, let run): "Run \(run) has no open proposal for \(c)."
            case .cannotAccept(let c, let why): "Cannot accept the proposal for \(c): \(why)."
            case .noteRequired: "A decline with reason `other` needs a note (--note \"…\")."
            case .inputChanged(let command, let at):
                "The data changed while the match ran (placement \(command) at \(at)), so its proposals may no longer hold; the run was not stored. Run placement match again."
            case .declinedBeforeRun(let day, let run, let runDay):
                "--on \(day.iso) is before run \(run) was made for \(runDay.iso): a proposal cannot be refused before it exists."
            }
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

    /// The `DataVersion` a run's input was read at: read in the transaction that reads the
    /// input, and passed to `save`.
    public static func dataVersion(_ db: Database) throws -> Int64 { try DataVersion.current(db) }

    /// Stores a run with its proposals and place values; returns its id. With `readAt` (the
    /// `dataVersion` its input was read at), stores it only if nothing changed since, and
    /// otherwise throws `inputChanged` naming the change: proposals for citizens an import
    /// has meanwhile closed or placed must not be stored.
    public static func save(_ db: Database, result: MatchResult, input: MatchInput, policy: MatchPolicy,
                            replayOf: Int64? = nil, readAt: Int64? = nil, now: Date = Date()) throws -> Int64 {
        if let readAt, try dataVersion(db) != readAt {
            let change = try Row.fetchOne(db, sql: """
                SELECT command, at FROM audit_log WHERE entity <> 'match_run' AND id > ? ORDER BY id LIMIT 1
                """, arguments: [readAt])
            throw RunError.inputChanged(command: change?[0] ?? "?", at: change?[1] ?? "?")
        }
        try db.execute(sql: """
            INSERT INTO match_run(as_of, created_at, replay_of, policy, input, totals, solver) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [result.asOf, Timestamp.utc(now), replayOf, try json(policy), try json(input),
                             try json(result.totals), try json(result.stages)])
        let run = db.lastInsertedRowID
        let insert = try db.makeStatement(sql: """
            INSERT INTO proposal(run_id, citizen_id, action, residence_id, place_id, move_in, annual_cost_gross_ore,
                                 annual_cost_net_ore, annual_saving_ore, distance_km, priority, reasons)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for p in result.proposals {
            try insert.execute(arguments: [run, p.citizenId, p.action.rawValue, p.residenceId, p.placeId, p.moveIn,
                                           p.annualCostGross?.ore, p.annualCostNet?.ore, p.annualSaving?.ore, p.distanceKm,
                                           p.priority, try json(p.reasons)])
        }
        for v in result.placeValues {
            try db.execute(sql: "INSERT INTO place_value(run_id, residence_id, value_ore) VALUES (?, ?, ?)",
                           arguments: [run, v.residenceId, v.annualValue.ore])
        }
        try AuditLog.append(db, command: "match", entity: "match_run", entityId: String(run), action: "insert",
                            detail: "\(result.asOf.iso): \(result.totals.placedOwn) own, \(result.totals.boughtExternal) external, \(result.totals.bringHome) home, \(result.totals.noFit) no fit",
                            now: now)
        return run
    }

    public struct StoredRun: Sendable {
        public var id: Int64
        public var asOf: Day
        public var input: MatchInput
        public var policy: MatchPolicy
        public var proposals: [Proposal]
        public var statuses: [String: String]
        public var placeValues: [PlaceValue]
    }

    public static func latestId(_ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM match_run") else { throw RunError.noRuns }
        return id
    }

    public static func load(_ db: Database, id: Int64) throws -> StoredRun {
        guard let row = try Row.fetchOne(db, sql: "SELECT as_of, input, policy FROM match_run WHERE id = ?", arguments: [id]) else {
            throw RunError.noRun(id)
        }
        let decoder = JSONDecoder()
        let input = try decoder.decode(MatchInput.self, from: Data((row[1] as String).utf8))
        let policy = try decoder.decode(MatchPolicy.self, from: Data((row[2] as String).utf8))
        var statuses: [String: String] = [:]
        let proposals = try Row.fetchAll(db, sql: """
            SELECT citizen_id, action, residence_id, place_id, move_in, annual_cost_gross_ore, annual_cost_net_ore,
                   annual_saving_ore, distance_km, priority, reasons, status
            FROM proposal WHERE run_id = ? ORDER BY priority
            """, arguments: [id]).map { r -> Proposal in
            statuses[r[0]] = r[11]
            guard let action = ProposalAction(rawValue: r[1]) else {
                throw StoreError.invalid("Run \(id) has a proposal with the unknown action \"\(r[1] as String)\".")
            }
            return Proposal(citizenId: r[0], action: action, residenceId: r[2], placeId: r[3], moveIn: r[4],
                            annualCostGross: (r[5] as Int64?).map(Money.init(ore:)), annualCostNet: (r[6] as Int64?).map(Money.init(ore:)),
                            annualSaving: (r[7] as Int64?).map(Money.init(ore:)), distanceKm: r[8], priority: r[9],
                            reasons: (try? decoder.decode([String].self, from: Data((r[10] as String).utf8))) ?? [])
        }
        let values = try Row.fetchAll(db, sql: "SELECT residence_id, value_ore FROM place_value WHERE run_id = ? ORDER BY residence_id",
                                      arguments: [id]).map { PlaceValue(residenceId: $0[0], annualValue: Money(ore: $0[1] as Int64)) }
        return StoredRun(id: id, asOf: row[0], input: input, policy: policy, proposals: proposals, statuses: statuses, placeValues: values)
    }

    /// Turns open proposals into stays from their move-in day: the place is occupied, the
    /// citizen placed, the waiting period closed (or, for a move home, the external stay
    /// ended), all in the audit log. Returns the citizens accepted.
    public static func accept(_ db: Database, run: Int64, citizens: [String], now: Date = Date()) throws -> [String] {
        let stored = try load(db, id: run)
        let wanted = citizens.isEmpty
            ? stored.proposals.filter { stored.statuses[$0.citizenId] == "proposed" && $0.action != .noFit }.map(\.citizenId)
            : citizens
        var accepted: [String] = []
        for id in wanted {
            guard let p = stored.proposals.first(where: { $0.citizenId == id }), stored.statuses[id] == "proposed" else {
                throw RunError.notProposed(citizen: id, run: run)
            }
            guard p.action != .noFit, let residence = p.residenceId, let moveIn = p.moveIn else {
                throw RunError.cannotAccept(citizen: id, why: "no residence fits")
            }
            if p.action == .bringHome {
                guard let (sid, stay) = try Placements.current(db, citizenId: id), stay.period.to.map({ $0 > moveIn }) ?? true,
                      stay.period.from < moveIn else {
                    throw RunError.cannotAccept(citizen: id, why: "the external stay has changed since the run")
                }
                try Placements.setEnd(db, id: sid, endsOn: moveIn)
            } else {
                guard let (wid, since) = try WaitingPeriods.open(db, citizenId: id) else {
                    throw RunError.cannotAccept(citizen: id, why: "the citizen is no longer waiting")
                }
                try WaitingPeriods.close(db, id: wid, on: max(since, moveIn), outcome: .placed)
            }
            do {
                try Placements.insert(db, Placement(citizenId: id, residenceId: residence, placeId: p.placeId,
                                                    period: DayInterval(from: moveIn, to: nil)))
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                throw RunError.cannotAccept(citizen: id, why: "place \(p.placeId ?? "") in \(residence) is no longer free from \(moveIn.iso)")
            }
            try Citizens.setStatus(db, id: id, .placed)
            try db.execute(sql: "UPDATE proposal SET status = 'accepted' WHERE run_id = ? AND citizen_id = ?", arguments: [run, id])
            try AuditLog.append(db, command: "accept", entity: "placement", entityId: id, action: "insert",
                                detail: "run \(run): \(p.action.rawValue) \(residence)\(p.placeId.map { "/" + $0 } ?? "") from \(moveIn.iso)", now: now)
            accepted.append(id)
        }
        return accepted
    }

    /// The reasons and their consequences are domain vocabulary (`PlacementModel.DeclineReason`).
    public typealias DeclineReason = PlacementModel.DeclineReason

    public static func decline(_ db: Database, run: Int64, citizen: String, reason: DeclineReason, note: String?,
                               on day: Day, now: Date = Date()) throws {
        // A note is free text, printed in every weekly report and kept in the audit log
        // forever: a CPR number in it is masked whole before it is stored (CPR.maskText).
        let note = note.map(CPR.maskText)
        let stored = try load(db, id: run)
        guard let p = stored.proposals.first(where: { $0.citizenId == citizen }), stored.statuses[citizen] == "proposed" else {
            throw RunError.notProposed(citizen: citizen, run: run)
        }
        if reason == .other && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty { throw RunError.noteRequired }
        guard day >= stored.asOf else { throw RunError.declinedBeforeRun(day: day, run: run, runDay: stored.asOf) }
        try db.execute(sql: "INSERT INTO decline(run_id, citizen_id, residence_id, reason, note, declined_on) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [run, citizen, p.residenceId, reason.rawValue, note, day])
        try db.execute(sql: "UPDATE proposal SET status = 'declined' WHERE run_id = ? AND citizen_id = ?", arguments: [run, citizen])
        switch reason {
        case .citizenDeclined, .providerDeclined:
            if let r = p.residenceId { try Citizens.exclude(db, citizenId: citizen, residenceId: r, reason: reason.rawValue) }
        case .needChanged:
            if let (wid, since) = try WaitingPeriods.open(db, citizenId: citizen) {
                try WaitingPeriods.close(db, id: wid, on: max(since, day), outcome: .reassessment)
                try Citizens.setStatus(db, id: citizen, .left)
            }
        case .other:
            break
        }
        try AuditLog.append(db, command: "decline", entity: "proposal", entityId: citizen, action: reason.rawValue,
                            detail: "run \(run), \(p.residenceId ?? "-")" + (note.map { ": \($0)" } ?? ""), now: now)
    }
}
