import GRDB
import PlacementModel
import PlacementStore

extension MatchInput {
    /// The state of the planning area on `day`, read in one transaction.
    public static func load(_ db: Database, on day: Day) throws -> MatchInput {
        let residences = try Residences.all(db)
        let byId = Dictionary(uniqueKeysWithValues: residences.map { ($0.id, $0) })

        // A place is vacant from the end of its last stay (or today) when no stay is open-ended
        // and none is booked later; reserved and closed places are held back.
        let rows = try Row.fetchAll(db, sql: """
            SELECT pl.residence_id, pl.id, pl.features, pl.available_from,
                   (SELECT MAX(COALESCE(p.ends_on, '9999-12-31')) FROM placement p
                    WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                      AND COALESCE(p.ends_on, '9999-12-31') > ?1) AS busy_until
            FROM place pl JOIN residence r ON r.id = pl.residence_id
            WHERE r.operator = 'own' AND pl.status IN ('vacant', 'occupied')
            ORDER BY pl.residence_id, length(pl.id), pl.id
            """, arguments: [day])
        var vacant: [VacantPlace] = []
        for r in rows {
            let residenceId: String = r[0], placeId: String = r[1]
            let busyUntil: String? = r[4]
            if busyUntil == "9999-12-31" { continue }
            guard let residence = byId[residenceId] else { continue }
            var from = day
            if let b = busyUntil.flatMap({ Day(iso: $0) }), b > from { from = b }
            if let a = (r[3] as String?).flatMap({ Day(iso: $0) }), a > from { from = a }
            let features: Int? = r[2]
            vacant.append(VacantPlace(residenceId: residenceId, placeId: placeId,
                                      features: features.map(Features.init(rawValue:)) ?? residence.features, availableFrom: from))
        }

        var capacity: [String: Int] = [:]
        for r in residences where !r.isOwn { capacity[r.id] = r.places }
        for row in try Row.fetchAll(db, sql: """
            SELECT p.residence_id, COUNT(*) FROM placement p JOIN residence r ON r.id = p.residence_id
            WHERE r.operator <> 'own' AND p.citizen_id IS NOT NULL AND COALESCE(p.ends_on, '9999-12-31') > ?1
            GROUP BY p.residence_id
            """, arguments: [day]) {
            let id: String = row[0], used: Int = row[1]
            capacity[id] = max(0, (capacity[id] ?? 0) - used)
        }

        var citizens = Dictionary(uniqueKeysWithValues: try Citizens.all(db).map { ($0.id, $0) })
        // A standing decline keeps the citizen from the residence, beside the export's own exclusions.
        for (id, declined) in try Decisions.declinedResidences(db) {
            guard var c = citizens[id] else { continue }
            c.excludedResidences += declined.filter { !c.excludedResidences.contains($0) }
            citizens[id] = c
        }
        let waitingIds = try Row.fetchAll(db, sql: """
            SELECT w.citizen_id, w.since FROM waiting_period w JOIN citizen c ON c.id = w.citizen_id
            WHERE c.status = 'waiting' AND w.since <= ?1 AND (w.until IS NULL OR w.until > ?1)
            ORDER BY w.citizen_id
            """, arguments: [day])
        let waiting: [Citizen] = waitingIds.compactMap { row in
            var c = citizens[row[0] as String]
            c?.referredOn = row[1]
            return c
        }

        let stays = try Row.fetchAll(db, sql: """
            SELECT p.citizen_id, p.residence_id, COALESCE(p.daily_rate_ore, c.agreed_daily_rate_ore, r.daily_rate_ore), p.starts_on
            FROM placement p JOIN residence r ON r.id = p.residence_id JOIN citizen c ON c.id = p.citizen_id
            WHERE r.operator <> 'own' AND c.open_to_move = 1 AND p.starts_on <= ?1
              AND (p.ends_on IS NULL OR p.ends_on > ?1)
            ORDER BY p.citizen_id
            """, arguments: [day]).compactMap { row -> ExternalStay? in
            guard let c = citizens[row[0] as String] else { return nil }
            return ExternalStay(citizen: c, residenceId: row[1], dailyRate: Money(ore: row[2] as Int64), since: row[3])
        }
        return MatchInput(asOf: day, residences: residences, vacantPlaces: vacant, externalCapacity: capacity,
                          waiting: waiting, externalStays: stays)
    }
}
