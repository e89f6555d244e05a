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
            SELECT pl.residence_id, pl.id, pl.features, pl.available_from, pl.confirmed_on,
                   (SELECT MAX(COALESCE(p.ends_on, '9999-12-31')) FROM placement p
                    WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                      AND COALESCE(p.ends_on, '9999-12-31') > ?1) AS busy_until
            FROM place pl JOIN residence r ON r.id = pl.residence_id
            WHERE r.operator = 'own' AND pl.status IN ('vacant', 'occupied')
            ORDER BY pl.residence_id, length(pl.id), pl.id
            """, arguments: [day])
        var vacant: [VacantPlace] = []
        for row in rows {
            let r = RowReader(row, table: "place")
            let residenceId: String = try r.value(0), placeId: String = try r.value(1)
            let busyUntil: String? = try r.optional(5)
            if busyUntil == "9999-12-31" { continue }
            guard let residence = byId[residenceId] else { continue }
            var from = day
            if let b = busyUntil.flatMap({ Day(iso: $0) }), b > from { from = b }
            if let a = try r.optionalDay(3), a > from { from = a }
            let features: Int? = try r.optional(2)
            vacant.append(VacantPlace(residenceId: residenceId, placeId: placeId,
                                      features: features.map(Features.init(rawValue:)) ?? residence.features, availableFrom: from,
                                      confirmedOn: try r.optionalDay(4)))
        }

        var capacity: [String: Int] = [:]
        for r in residences where !r.isOwn { capacity[r.id] = r.places }
        for row in try Row.fetchAll(db, sql: """
            SELECT p.residence_id, COUNT(*) FROM placement p JOIN residence r ON r.id = p.residence_id
            WHERE r.operator <> 'own' AND p.citizen_id IS NOT NULL AND COALESCE(p.ends_on, '9999-12-31') > ?1
            GROUP BY p.residence_id
            """, arguments: [day]) {
            let r = RowReader(row, table: "placement")
            let id: String = try r.value(0), used: Int = try r.value(1)
            capacity[id] = max(0, (capacity[id] ?? 0) - used)
        }

        // Only the citizens the run reads: those waiting on the day and those placed externally
        // and open to a move (a national world has twenty times as many).
        let periods = try WaitingPeriods.on(db, day)
        let external = try Placements.externalOpenToMove(db, on: day)
        var citizens = Dictionary(uniqueKeysWithValues: try Citizens.withIds(db, periods.map(\.citizenId) + external.map(\.citizenId))
            .map { ($0.id, $0) })
        // A standing decline keeps the citizen from the residence, beside the export's own exclusions.
        for (id, declined) in try Decisions.declinedResidences(db) {
            guard var c = citizens[id] else { continue }
            c.excludedResidences += declined.filter { !c.excludedResidences.contains($0) }
            citizens[id] = c
        }
        // Bridging citizens live in a bridge while they wait: placed, and waiting like anyone.
        let bridges = try Bridges.on(db, day)
        let bridging = Set(bridges.map(\.citizenId))
        // Who waits on the day, by citizen id, of those whose status is waiting.
        let waiting: [Citizen] = periods
            .sorted { $0.citizenId < $1.citizenId }
            .compactMap { w in
                guard var c = citizens[w.citizenId], c.status == .waiting || bridging.contains(c.id) else { return nil }
                c.referredOn = w.period.from
                return c
            }

        // External stays of citizens open to moving (the rate as `placement status` counts it).
        let stays = external.compactMap { stay -> ExternalStay? in
            // A bridge is no stay to bring home from: its citizen is proposed the granted place.
            guard !bridging.contains(stay.citizenId), let c = citizens[stay.citizenId] else { return nil }
            return ExternalStay(citizen: c, residenceId: stay.residenceId, dailyRate: stay.dailyRate, since: stay.startsOn)
        }
        return MatchInput(asOf: day, residences: residences, vacantPlaces: vacant, externalCapacity: capacity,
                          waiting: waiting, externalStays: stays,
                          bridges: bridges.map { Bridge(citizenId: $0.citizenId, residenceId: $0.residenceId, placeId: $0.placeId,
                                                        since: $0.since, dailyRate: $0.dailyRate) })
    }
}
