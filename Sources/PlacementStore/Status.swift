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

    public static func summary(_ db: Database, on day: Day) throws -> StatusSummary {
        let area = try Int.fetchAll(db, sql: "SELECT municipality_code FROM planning_area ORDER BY 1")
        let residences = try aggregate(db, sql: """
            SELECT COUNT(*) FILTER (WHERE operator = 'own'), COUNT(*) FILTER (WHERE operator <> 'own') FROM residence
            """)
        // A place counts as occupied when a stay covers the day, else by its declared state.
        let places = try aggregate(db, sql: """
            WITH occ AS (
                SELECT DISTINCT residence_id, place_id FROM placement
                WHERE place_id IS NOT NULL AND starts_on <= ?1 AND (ends_on IS NULL OR ends_on > ?1)
            )
            SELECT COUNT(*),
                   COUNT(occ.place_id),
                   COUNT(*) FILTER (WHERE occ.place_id IS NULL AND pl.status = 'reserved'),
                   COUNT(*) FILTER (WHERE occ.place_id IS NULL AND pl.status = 'closed')
            FROM place pl JOIN residence r ON r.id = pl.residence_id AND r.operator = 'own'
            LEFT JOIN occ ON occ.residence_id = pl.residence_id AND occ.place_id = pl.id
            """, arguments: [day])
        let placed = try aggregate(db, sql: """
            SELECT COUNT(*) FILTER (WHERE r.operator = 'own'),
                   COUNT(*) FILTER (WHERE r.operator <> 'own'),
                   COALESCE(SUM(CASE WHEN r.operator <> 'own'
                       THEN COALESCE(p.daily_rate_ore, c.agreed_daily_rate_ore, r.daily_rate_ore) END), 0)
            FROM placement p JOIN residence r ON r.id = p.residence_id JOIN citizen c ON c.id = p.citizen_id
            WHERE p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1)
            """, arguments: [day])
        let waiting = try aggregate(db, sql: """
            SELECT COUNT(*), MIN(since) FROM waiting_period WHERE since <= ?1 AND (until IS NULL OR until > ?1)
            """, arguments: [day])
        let longest = try Row.fetchOne(db, sql: """
            SELECT citizen_id, since FROM waiting_period WHERE since <= ?1 AND (until IS NULL OR until > ?1)
            ORDER BY since, citizen_id LIMIT 1
            """, arguments: [day])
        let total: Int = places[0], occupied: Int = places[1], reserved: Int = places[2], closed: Int = places[3]
        let dailyExternal: Int64 = placed[2]
        return StatusSummary(
            asOf: day, planningArea: area,
            ownResidences: residences[0], externalResidences: residences[1],
            ownPlaces: total, placesOccupied: occupied, placesVacant: total - occupied - reserved - closed,
            placesReserved: reserved, placesClosed: closed,
            citizensWaiting: waiting[0], citizensPlacedOwn: placed[0], citizensPlacedExternal: placed[1],
            externalAnnualCost: Money(ore: dailyExternal).perYear,
            longestWaitDays: (longest?[1] as Day?).map { $0.days(until: day) },
            longestWaitingCitizen: longest?[0])
    }
}
