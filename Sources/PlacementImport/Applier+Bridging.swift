import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// Bridging placements (overgangsophold) in the citizens sheet: a placed citizen whose stay is
/// a bridge while they wait for the granted offer. The `bridging` column says so; without it
/// (or with an empty cell) a stay in a residence of another offer type than the granted one is
/// a bridge. A bridge keeps the citizen's waiting period open from the referral date, where
/// any other stay closes it.
extension Applier {
    /// Whether the row's stay in `r` is a bridge.
    static func isBridge(_ rec: CitizenRecord, in r: Residence) -> Bool {
        guard rec.citizen.status == .placed else { return false }
        return rec.bridging ?? (r.offerType != rec.citizen.offerType)
    }

    static func bridgeNeedsReferral(_ language: Language) -> String {
        language == .da
            ? "er tom; en borger i overgangsophold venter på den bevilgede ydelse og skal have en visitationsdato"
            : "is empty; a bridging citizen waits for the granted offer and needs a referral date"
    }

    /// Marks the stay as a bridge or not; whether that changed it.
    func keepBridgeFlag(stayId: Int64, _ bridge: Bool, citizenId: String) throws -> Bool {
        guard try Bridges.isBridge(db, stayId: stayId) != bridge else { return false }
        try Bridges.mark(db, stayId: stayId, bridge: bridge)
        try audit("placement", citizenId, "update", bridge ? "bridge while waiting for the granted offer" : "no longer a bridge")
        return true
    }

    /// A bridging citizen waits from the referral date: one open waiting period from it (the
    /// one a placement closed is opened again). Whether that changed anything.
    func keepBridgeWaiting(_ c: Citizen) throws -> Bool {
        guard let referred = c.referredOn else { return false }
        if let (wid, since) = try WaitingPeriods.open(db, citizenId: c.id) {
            guard since != referred else { return false }
            try WaitingPeriods.setSince(db, id: wid, referred)
            try audit("waiting", c.id, "update", "since \(since.iso) → \(referred.iso)")
            return true
        }
        let closedAtPlacement = try Int64.fetchOne(db, sql: """
            SELECT id FROM waiting_period WHERE citizen_id = ? AND since = ? AND outcome = 'placed' ORDER BY id DESC LIMIT 1
            """, arguments: [c.id, referred])
        if let wid = closedAtPlacement {
            try db.execute(sql: "UPDATE waiting_period SET until = NULL, outcome = NULL WHERE id = ?", arguments: [wid])
            try audit("waiting", c.id, "update", "open again: bridging since \(referred.iso)")
        } else {
            try WaitingPeriods.insert(db, WaitingPeriod(citizenId: c.id, period: DayInterval(from: referred, to: nil)))
            try audit("waiting", c.id, "insert", "since \(referred.iso), bridging")
        }
        return true
    }
}
