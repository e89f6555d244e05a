import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// Checks of a placed citizen's row against the residence and place it names. What the
/// database would store wrongly is refused; what is merely unusual, but real in a case
/// system's data (a stay that does not fit the residence's profile), is imported and shown
/// as a warning.
extension Applier {
    func checkPlacement(_ rec: CitizenRecord, in r: Residence, fields f: inout RowFields) throws {
        guard let placedOn = rec.placedOn else { return }
        if let closes = r.closesOn, placedOn >= closes {
            f.error("placed_on", f.words.afterClosing(r.id, closes), value: placedOn.danish)
        }
        if let place = rec.placeId {
            if !r.isOwn {
                let operatorName = f.words.language == .da ? r.operatorKind.name(.da) : r.operatorKind.rawValue
                f.warning("place_id", f.words.placeIgnoredExternal(r.id, operatorName), value: place)
            } else if context.closedPlaces.contains(ImportContext.placeKey(r.id, place)) {
                f.error("place_id", f.words.placeClosed(r.id), value: place)
                context.placesRefusedAsClosed.insert(ImportContext.placeKey(r.id, place))
            }
        }
        if Self.isBridge(rec, in: r), rec.citizen.referredOn == nil {
            f.error("referred_on", Self.bridgeNeedsReferral(f.words.language))
        }
        // A bridge is in another offer type than the granted one by nature; that is no misfit.
        let bridge = Self.isBridge(rec, in: r)
        for mismatch in Self.profileMismatches(rec.citizen, r, year: placedOn.year, words: f.words, bridge: bridge) {
            f.warning("residence_id", f.words.profileMismatch(mismatch), value: r.id)
        }
    }

    /// How a stay differs from what the residence offers (`Fit.profileFailures`), in the
    /// import's words (empty when it fits).
    static func profileMismatches(_ c: Citizen, _ r: Residence, year: Int, words: ImportWords, bridge: Bool = false) -> [String] {
        Fit.profileFailures(c, r, year: year).filter { f in
            if bridge, case .offerType = f { return false }
            return true
        }.map { failure in
            switch failure {
            case .targetGroup(let residence, let citizen):
                words.targetGroupMismatch(residence.members.map(\.rawValue).joined(separator: ", "),
                                          citizen.members.map(\.rawValue).joined(separator: ", "))
            case .age(let range, let age): words.ageMismatch(range.lowerBound, range.upperBound, age)
            default: failure.text(words.language)
            }
        }
    }
}

/// A place whose status a places sheet of this import declared vacant or closed, and where.
struct DeclaredStatus {
    let residenceId: String
    let placeId: String
    let status: PlaceStatus
    let file: String
    let sheet: String?
    let row: Int
    let column: String
}

enum DeclaredStatusCheck {
    /// Errors for places declared vacant or closed in which a citizen lives on `day` (after
    /// every sheet has loaded, so a move-out in this import's citizens sheet counts).
    /// `refused`: closed places a citizen row naming them was refused for already.
    static func issues(_ db: Database, _ declared: [DeclaredStatus], refused: Set<String>, on day: Day,
                       words: ImportWords) throws -> [ImportIssue] {
        var out: [ImportIssue] = []
        let query = try db.cachedStatement(sql: """
            SELECT p.citizen_id, p.starts_on, s.row, s.file FROM placement p
            LEFT JOIN temp.import_seen s ON s.kind = 'citizens' AND s.id = p.citizen_id
            WHERE p.residence_id = ? AND p.place_id = ? AND p.citizen_id IS NOT NULL
              AND p.starts_on <= ? AND (p.ends_on IS NULL OR p.ends_on > ?)
              -- A planned move-in the export does not know yet: its place is vacant there.
              AND NOT EXISTS (SELECT 1 FROM acceptance a WHERE a.placement_id = p.id AND a.status = 'accepted')
            """)
        for d in declared {
            guard let stay = try Row.fetchOne(query, arguments: [d.residenceId, d.placeId, day, day]) else { continue }
            let r = RowReader(stay, table: "placement")
            let since: Day = try r.day(1), citizenRow: Int? = try r.optional(2), citizenFile: String? = try r.optional(3)
            if d.status == .closed && refused.contains("\(d.residenceId)/\(d.placeId)") { continue }
            out.append(ImportIssue(.error, file: d.file, sheet: d.sheet, row: d.row, column: d.column, value: d.status.rawValue,
                                   message: words.declaredButLived(d.placeId, d.residenceId, on: day, since: since,
                                                                   citizenRow: citizenRow.map { (citizenFile ?? "", $0) })))
        }
        return out
    }
}
