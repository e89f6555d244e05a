import Foundation
import GRDB
import PlacementMatching
import PlacementModel
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
        guard let c = try Row.fetchOne(db, sql: """
            SELECT c.offer_type, c.target_groups, c.support_level, c.urgency, c.status, c.referred_on, c.needed_by,
                   m.name, c.network_postcode, c.required_features
            FROM citizen c JOIN municipality m ON m.code = c.home_municipality_code WHERE c.id = ?
            """, arguments: [id]) else { return nil }
        let names = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM residence").map { ($0[0] as String, $0[1] as String) },
                               uniquingKeysWith: { a, _ in a })
        func name(_ r: String?) -> String? {
            guard let r else { return nil }
            return names[r].map { "\($0) (\(r))" } ?? r
        }
        let choices = try Row.fetchAll(db, sql: "SELECT residence_id, choice FROM citizen_residence_choice WHERE citizen_id = ? ORDER BY choice, rank",
                                       arguments: [id]).map { (name($0[0]) ?? "", $0[1] as String) }
        let periods = try Row.fetchAll(db, sql: "SELECT since, until, outcome FROM waiting_period WHERE citizen_id = ? ORDER BY since",
                                       arguments: [id]).map { Period(since: $0[0], until: $0[1], outcome: $0[2]) }
        let stays = try Row.fetchAll(db, sql: "SELECT residence_id, place_id, starts_on, ends_on FROM placement WHERE citizen_id = ? ORDER BY starts_on",
                                     arguments: [id]).map { Stay(residence: name($0[0]) ?? "", place: $0[1], from: $0[2], to: $0[3]) }
        let proposals = try Row.fetchAll(db, sql: "SELECT run_id, action, residence_id, status FROM proposal WHERE citizen_id = ? ORDER BY run_id DESC",
                                         arguments: [id]).map { Decided(run: $0[0], action: $0[1], residence: name($0[2]), status: $0[3]) }
        let declines = try Row.fetchAll(db, sql: "SELECT run_id, declined_on, reason, note FROM decline WHERE citizen_id = ? ORDER BY id",
                                        arguments: [id]).map { Declined(run: $0[0], day: $0[1], reason: $0[2], note: $0[3]) }
        let audit = try AuditLog.entries(db, filter: .init(citizen: id), limit: 200)
        // The explanation of the latest run that considered the citizen, worded in the page's language.
        var explanation: [String]? = nil
        let run = proposals.first?.run
        if let run {
            let stored = try MatchRuns.load(db, id: run)
            explanation = Matcher(input: stored.input, policy: stored.policy, language: language).explain(citizenId: id, proposals: stored.proposals)
        }
        return CitizenFile(id: id, offerType: OfferType(rawValue: c[0]), targetGroups: TargetGroups(rawValue: c[1]), supportLevel: c[2],
                           urgency: c[3], status: c[4], referredOn: c[5], neededBy: c[6], homeMunicipality: c[7], networkPostcode: c[8],
                           features: Features(rawValue: c[9]), choices: choices, periods: periods, stays: stays, proposals: proposals,
                           declines: declines, audit: audit, explanation: explanation, run: run)
    }
}
