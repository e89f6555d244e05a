import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// Stored runs: what was proposed, from what, under which policy, and what became of it.
/// The decisions on a run's proposals (accept, decline, withdraw) are transactions of the
/// store (`PlacementDatabase.accept` and its neighbours in Decisions+*.swift).
public enum MatchRuns {
    public enum RunError: Error, CustomStringConvertible, Equatable {
        case noRun(Int64)
        case noRuns
        /// The data changed between reading the run's input and storing the run.
        case inputChanged(command: String, at: String)

        public var description: String {
            switch self {
            case .noRun(let id): "There is no match run \(id); see the run ids printed by `placement match`."
            case .noRuns: "There are no match runs yet; run `placement match` first."
            case .inputChanged(let command, let at):
                "The data changed while the match ran (placement \(command) at \(at)), so its proposals may no longer hold; the run was not stored. Run placement match again."
            }
        }
    }

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
                SELECT command, at FROM audit_log WHERE entity NOT IN ('match_run', 'import') AND id > ? ORDER BY id LIMIT 1
                """, arguments: [readAt])
            let r = change.map { RowReader($0, table: "audit_log") }
            throw RunError.inputChanged(command: try r?.optional(0) ?? "?", at: try r?.optional(1) ?? "?")
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
        let reasons = try jsonEach(result.proposals.map(\.reasons))
        for (p, reasons) in zip(result.proposals, reasons) {
            try insert.execute(arguments: [run, p.citizenId, p.action.rawValue, p.residenceId, p.placeId, p.moveIn,
                                           p.annualCostGross?.ore, p.annualCostNet?.ore, p.annualSaving?.ore, p.distanceKm,
                                           p.priority, reasons])
        }
        // One statement prepared for every row: compiling the SQL again for each of a national
        // run's 2,755 place values cost more than inserting them.
        let insertValue = try db.makeStatement(sql: "INSERT INTO place_value(run_id, residence_id, value_ore) VALUES (?, ?, ?)")
        for v in result.placeValues {
            try insertValue.execute(arguments: [run, v.residenceId, v.annualValue.ore])
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
        let run = RowReader(row, table: "match_run")
        let input = try decoder.decode(MatchInput.self, from: Data((try run.value(1, String.self)).utf8))
        let policy = try decoder.decode(MatchPolicy.self, from: Data((try run.value(2, String.self)).utf8))
        var statuses: [String: String] = [:]
        let proposals = try Row.fetchAll(db, sql: """
            SELECT citizen_id, action, residence_id, place_id, move_in, annual_cost_gross_ore, annual_cost_net_ore,
                   annual_saving_ore, distance_km, priority, reasons, status
            FROM proposal WHERE run_id = ? ORDER BY priority
            """, arguments: [id]).map { row -> Proposal in
            let r = RowReader(row, table: "proposal")
            let citizen: String = try r.value(0)
            statuses[citizen] = try r.value(11)
            let reasons = try decoder.decode([MatchReason].self, from: Data((try r.value(10, String.self)).utf8))
            return Proposal(citizenId: citizen, action: try r.term(1, ProposalAction.self), residenceId: try r.optional(2),
                            placeId: try r.optional(3), moveIn: try r.optionalDay(4),
                            annualCostGross: try r.optionalMoney(5), annualCostNet: try r.optionalMoney(6),
                            annualSaving: try r.optionalMoney(7), distanceKm: try r.optional(8), priority: try r.value(9),
                            reasons: reasons)
        }
        let values = try Row.fetchAll(db, sql: "SELECT residence_id, value_ore FROM place_value WHERE run_id = ? ORDER BY residence_id",
                                      arguments: [id]).map { row in
            let r = RowReader(row, table: "place_value")
            return PlaceValue(residenceId: try r.value(0), annualValue: try r.money(1))
        }
        return StoredRun(id: id, asOf: try run.day(0), input: input, policy: policy, proposals: proposals, statuses: statuses, placeValues: values)
    }
}
