import Foundation
import GRDB
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

/// What the citizen page shows: needs, choices, history (waiting periods, stays, proposals,
/// declines, audit entries) and the latest run's explanation. Read in one transaction.
struct CitizenFile: Sendable {
    struct Period: Sendable { let since: String; let until: String?; let outcome: String? }
    struct Stay: Sendable { let residence: String; let place: String?; let from: String; let to: String? }
    struct Decided: Sendable { let run: Int64; let action: String; let residence: String?; let status: String }
    struct Declined: Sendable { let run: Int64; let day: String; let reason: String; let note: String? }

    let id: String
    let offerType: OfferType?
    let targetGroups: TargetGroups
    let supportLevel: Int
    let urgency: String
    let status: String
    let referredOn: String?
    let neededBy: String?
    let homeMunicipality: String
    let networkPostcode: Int?
    let features: Features
    let choices: [(residence: String, choice: String)]
    let periods: [Period]
    let stays: [Stay]
    let proposals: [Decided]
    let declines: [Declined]
    let audit: [AuditLog.Entry]
    let explanation: [String]?
    let run: Int64?

    static func load(_ db: Database, id: String, language: Language) throws -> CitizenFile? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.id, c.offer_type, c.target_groups, c.support_level, c.urgency, c.status, c.referred_on, c.needed_by,
                   m.name, c.network_postcode, c.required_features
            FROM citizen c JOIN municipality m ON m.code = c.home_municipality_code WHERE c.id = ?
            """, arguments: [id]) else { return nil }
        let c = RowReader(row, table: "citizen")
        // Every read goes through RowReader: a value of the wrong type is a clear message on
        // the page (`StoreError.badRow`), not a stop of the server.
        func rows<T>(_ table: String, _ sql: String, _ make: (RowReader) throws -> T) throws -> [T] {
            try Row.fetchAll(db, sql: sql, arguments: [id]).map { try make(RowReader($0, table: table)) }
        }
        let names = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM residence").map { row in
            let r = RowReader(row, table: "residence")
            return (try r.value(0, String.self), try r.value(1, String.self))
        }, uniquingKeysWith: { a, _ in a })
        func name(_ r: String?) -> String? {
            guard let r else { return nil }
            return names[r].map { "\($0) (\(r))" } ?? r
        }
        let choices = try rows("citizen_residence_choice", "SELECT residence_id, choice FROM citizen_residence_choice WHERE citizen_id = ? ORDER BY choice, rank") {
            (name(try $0.value(0)) ?? "", try $0.value(1, String.self))
        }
        let periods = try rows("waiting_period", "SELECT citizen_id, since, until, outcome FROM waiting_period WHERE citizen_id = ? ORDER BY since") {
            Period(since: try $0.value(1), until: try $0.optional(2), outcome: try $0.optional(3))
        }
        let stays = try rows("placement", "SELECT citizen_id, residence_id, place_id, starts_on, ends_on FROM placement WHERE citizen_id = ? ORDER BY starts_on") {
            Stay(residence: name(try $0.value(1)) ?? "", place: try $0.optional(2), from: try $0.value(3), to: try $0.optional(4))
        }
        let proposals = try rows("proposal", "SELECT citizen_id, run_id, action, residence_id, status FROM proposal WHERE citizen_id = ? ORDER BY run_id DESC") {
            Decided(run: try $0.value(1), action: try $0.value(2), residence: name(try $0.optional(3)), status: try $0.value(4))
        }
        let declines = try rows("decline", "SELECT citizen_id, run_id, declined_on, reason, note FROM decline WHERE citizen_id = ? ORDER BY id") {
            Declined(run: try $0.value(1), day: try $0.value(2), reason: try $0.value(3), note: try $0.optional(4))
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
        return CitizenFile(id: id, offerType: try c.term(1, OfferType.self), targetGroups: TargetGroups(rawValue: try c.value(2)),
                           supportLevel: try c.int(3, 1...5), urgency: try c.value(4), status: try c.value(5), referredOn: try c.optional(6),
                           neededBy: try c.optional(7), homeMunicipality: try c.value(8), networkPostcode: try c.optional(9),
                           features: Features(rawValue: try c.value(10)), choices: choices, periods: periods, stays: stays, proposals: proposals,
                           declines: declines, audit: audit, explanation: explanation, run: run)
    }
}
