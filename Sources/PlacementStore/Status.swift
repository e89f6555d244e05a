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

    public static func summary(_ db: Database, on day: Day) throws -> StatusSummary {
        let area = try Row.fetchAll(db, sql: "SELECT municipality_code FROM planning_area ORDER BY 1")
            .map { try RowReader($0, table: "planning_area").int(0, 100...999) }
        let residences = RowReader(try aggregate(db, sql: """
            SELECT COUNT(*) FILTER (WHERE operator = 'own'), COUNT(*) FILTER (WHERE operator <> 'own') FROM residence
            """), table: "residence")
        // A place counts as occupied when a stay covers the day, else by its declared state.
        let places = RowReader(try aggregate(db, sql: """
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
            """, arguments: [day]), table: "place")
        let placed = try Placements.placed(db, on: day)
        let external = placed.filter { !$0.isOwn }
        let waiting = try WaitingPeriods.on(db, day)
        let total: Int = try places.value(0), occupied: Int = try places.value(1)
        let reserved: Int = try places.value(2), closed: Int = try places.value(3)
        let longest = waiting.first
        return StatusSummary(
            asOf: day, planningArea: area,
            ownResidences: try residences.value(0), externalResidences: try residences.value(1),
            ownPlaces: total, placesOccupied: occupied, placesVacant: total - occupied - reserved - closed,
            placesReserved: reserved, placesClosed: closed,
            citizensWaiting: waiting.count, citizensBridging: try Bridges.on(db, day).count, citizensPlacedOwn: placed.count - external.count,
            citizensPlacedExternal: external.count,
            externalAnnualCost: external.map(\.dailyRate).sum().perYear,
            longestWaitDays: longest.map { $0.period.from.days(until: day) },
            longestWaitingCitizen: longest?.citizenId)
    }
}
