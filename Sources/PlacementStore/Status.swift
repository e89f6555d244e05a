import GRDB
import PlacementModel

/// The state of the planning area on one day: what `placement status` prints.
public struct StatusSummary: Sendable, Equatable, Codable {
    public var asOf: Day
    public var planningArea: [Int]
    public var ownResidences: Int
    public var externalResidences: Int
    public var ownPlaces: Int
    public var placesOccupied: Int
    public var placesVacant: Int
    public var placesReserved: Int
    public var placesClosed: Int
    public var citizensWaiting: Int
    /// Of the waiting, those living in a bridging stay (overgangsophold) meanwhile: they wait
    /// for the granted place (DOMAIN: granted and not yet placed in it) and are placed too.
    public var citizensBridging: Int = 0
    public var citizensPlacedOwn: Int
    public var citizensPlacedExternal: Int
    /// Daily rates of external stays × 365: what buying places costs a year at today's stays.
    public var externalAnnualCost: Money
    public var longestWaitDays: Int?
    public var longestWaitingCitizen: String?

    public var citizensPlaced: Int { citizensPlacedOwn + citizensPlacedExternal }
}

public enum Status {
    /// Computed from the history tables, so any past day can be asked.
    /// The one row of an aggregate query (SQLite always returns one).
    static func aggregate(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { throw StoreError.invalid("An aggregate query returned no row.") }
        return row
    }

    /// - Parameter waitingList: the waiting list on `day` (`WaitingList.on`), when the caller has
    ///   read it anyway: the waiting count and the longest wait are then taken from it rather than
    ///   from two more passes over the waiting periods (the same rule and the same rows).
    public static func summary(_ db: Database, on day: Day, waitingList: WaitingListOnDay? = nil) throws -> StatusSummary {
        let area = try Row.fetchAll(db, sql: "SELECT municipality_code FROM planning_area ORDER BY 1")
            .map { try RowReader($0, table: "planning_area").int(0, 100...999) }
        // The residences are counted in the pass over the stays, which reads them anyway.
        let stays = try staysOn(db, day)
        // Reserved and closed count only while no stay covers the day; a place holds one stay a
        // day (the triggers placement_place_free_*), so the occupied ones are the stays above.
        // The own places are all places less those of other residences (normally none): a few
        // thousand lookups by residence rather than one per place (CROSS JOIN keeps SQLite to
        // that order without statistics); the reserved and closed are read from their partial
        // index, not from every place's row.
        let places = RowReader(try aggregate(db, sql: """
            SELECT (SELECT COUNT(*) FROM place)
                   - (SELECT COUNT(*) FROM residence r CROSS JOIN place pl ON pl.residence_id = r.id WHERE r.operator <> 'own'),
                   COUNT(*) FILTER (WHERE pl.status = 'reserved'),
                   COUNT(*) FILTER (WHERE pl.status = 'closed')
            FROM place pl INDEXED BY place_reserved_or_closed JOIN residence r ON r.id = pl.residence_id AND r.operator = 'own'
            WHERE pl.status IN ('reserved', 'closed') AND NOT \(coveredSQL)
            """, arguments: [day]), table: "place")
        let waitingCount: Int, longest: (since: Day, citizenId: String)?
        if let list = waitingList {
            precondition(list.day == day, "the waiting list of another day")
            waitingCount = list.entries.count
            longest = list.entries.min { ($0.since, $0.citizenId) < ($1.since, $1.citizenId) }.map { ($0.since, $0.citizenId) }
        } else {
            waitingCount = try countWaiting(db, day)
            longest = try longestWait(db, day)
        }
        let total: Int = try places.value(0)
        let reserved: Int = try places.value(1), closed: Int = try places.value(2)
        return StatusSummary(
            asOf: day, planningArea: area,
            ownResidences: stays.ownResidences, externalResidences: stays.externalResidences,
            ownPlaces: total, placesOccupied: stays.occupied,
            placesVacant: total - stays.occupied - reserved - closed,
            placesReserved: reserved, placesClosed: closed,
            citizensWaiting: waitingCount, citizensBridging: stays.bridging,
            citizensPlacedOwn: stays.own, citizensPlacedExternal: stays.external,
            externalAnnualCost: stays.externalDailyRates.perYear,
            longestWaitDays: longest.map { $0.since.days(until: day) },
            longestWaitingCitizen: longest?.citizenId)
    }

    /// How many wait on `day`.
    static func countWaiting(_ db: Database, _ day: Day) throws -> Int {
        try RowReader(try aggregate(db, sql: """
            SELECT COUNT(*) FROM waiting_period w WHERE \(WaitingPeriods.waitingOnSQL())
            """, arguments: [day]), table: "waiting_period").value(0)
    }

    /// The longest wait on `day`: the earliest start, then the citizen id (`WaitingPeriods.on`'s order).
    static func longestWait(_ db: Database, _ day: Day) throws -> (since: Day, citizenId: String)? {
        try Row.fetchOne(db, sql: """
            SELECT w.since, w.citizen_id FROM waiting_period w WHERE \(WaitingPeriods.waitingOnSQL())
            ORDER BY w.since, w.citizen_id LIMIT 1
            """, arguments: [day]).map { row in
            let r = RowReader(row, table: "waiting_period", keyColumn: 1)
            return (since: try r.day(0), citizenId: try r.value(1) as String)
        }
    }

    /// Whether a stay covers `day` (?1) on place `pl`.
    static let coveredSQL = """
        EXISTS (SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                AND p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1))
        """
}
