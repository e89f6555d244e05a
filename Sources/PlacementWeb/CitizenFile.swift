import Foundation
import GRDB
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

/// What the citizen page shows: needs, choices, history (waiting periods, stays, proposals,
/// declines, audit entries) and the latest run's explanation. Read in one transaction.
struct CitizenFile: Sendable {
    struct Period: Sendable { let since: Day; let until: Day?; let outcome: WaitingPeriod.Outcome? }
    struct Stay: Sendable { let residence: String; let place: String?; let from: Day; let to: Day? }
    struct Decided: Sendable { let run: Int64; let action: String; let residence: String?; let status: String }
    struct Declined: Sendable { let run: Int64; let day: Day; let reason: String; let note: String? }

    /// The citizen as the store reads one (`Citizens.find`): the same values, statuses and
    /// choices the matcher sees, not a copy of the columns.
    let citizen: Citizen
    /// The residences the citizen wishes for and has ruled out, as "name (id)", in rank order.
    let preferred: [String]
    let excluded: [String]
    let periods: [Period]
    let stays: [Stay]
    let proposals: [Decided]
    let declines: [Declined]
    let audit: [AuditLog.Entry]
    let explanation: [String]?
    let run: Int64?

    static func load(_ db: Database, id: String, language: Language) throws -> CitizenFile? {
        guard let citizen = try Citizens.find(db, id: id) else { return nil }
        // Every read goes through RowReader: a value of the wrong type is a clear message on
        // the page (`StoreError.badRow`), not a stop of the server.
        func rows<T>(_ table: String, _ sql: String, _ make: (RowReader) throws -> T) throws -> [T] {
            try Row.fetchAll(db, sql: sql, arguments: [id]).map { try make(RowReader($0, table: table)) }
        }
        let names = try Residences.names(db)
        func name(_ r: String?) -> String? {
            guard let r else { return nil }
            return names[r].map { "\($0) (\(r))" } ?? r
        }
        let periods = try rows("waiting_period", "SELECT citizen_id, since, until, outcome FROM waiting_period WHERE citizen_id = ? ORDER BY since") { r in
            Period(since: try r.day(1), until: try r.optionalDay(2),
                   outcome: try r.optional(3, String.self) == nil ? nil : try r.term(3, WaitingPeriod.Outcome.self))
        }
        let stays = try Placements.of(db, citizenId: id).map {
            Stay(residence: name($0.residenceId) ?? "", place: $0.placeId, from: $0.period.from, to: $0.period.to)
        }
        let proposals = try rows("proposal", "SELECT citizen_id, run_id, action, residence_id, status FROM proposal WHERE citizen_id = ? ORDER BY run_id DESC") {
            Decided(run: try $0.value(1), action: try $0.value(2), residence: name(try $0.optional(3)), status: try $0.value(4))
        }
        let declines = try rows("decline", "SELECT citizen_id, run_id, declined_on, reason, note FROM decline WHERE citizen_id = ? ORDER BY id") {
            Declined(run: try $0.value(1), day: try $0.day(2), reason: try $0.value(3), note: try $0.optional(4))
        }
        let audit = try AuditLog.entries(db, filter: .init(citizen: id), limit: 200)
        // The explanation of the latest run that considered the citizen, worded in the page's language.
        var explanation: [String]? = nil
        let run = proposals.first?.run
        if let run {
            let stored = try MatchRuns.load(db, id: run)
            explanation = Matcher(input: stored.input, policy: stored.policy, language: language).explain(citizenId: id, proposals: stored.proposals)
                .map { ExplanationText.lines($0, language: language) }
        }
        return CitizenFile(citizen: citizen, preferred: citizen.preferredResidences.compactMap(name), excluded: citizen.excludedResidences.compactMap(name),
                           periods: periods, stays: stays, proposals: proposals, declines: declines, audit: audit, explanation: explanation, run: run)
    }
}
