import GRDB
import PlacementModel

/// A citizen's stay on one day, with what it costs when it is bought outside.
public struct PlacedStay: Sendable, Equatable {
    public let citizenId: String
    public let residenceId: String
    public let isOwn: Bool
    public let startsOn: Day
    /// The daily rate the stay costs: its own, else the citizen's agreed one, else the
    /// residence's (`Placements.externalRate`).
    public let dailyRate: Money
    public let openToMove: Bool
}

extension Placements {
    /// The rule for what an external stay costs a day: the stay's rate, else the citizen's
    /// agreed rate, else the residence's. `placed(on:)` applies it to rows it reads; the weekly
    /// report's aggregates use this SQL over `placement p`, `residence r` (the citizen is
    /// looked up only when needed).
    public static let externalRateSQL = """
        COALESCE(p.daily_rate_ore, (SELECT c.agreed_daily_rate_ore FROM citizen c WHERE c.id = p.citizen_id), r.daily_rate_ore)
        """

    /// `externalRateSQL`'s rule for a reader that steps through the stays itself (`placement
    /// status`): the first of the three that is present. A rate that is present but unreadable
    /// is passed as `.some(nil)`, so it is chosen (and reported) rather than skipped. The agreed
    /// rate is asked for only when the stay has none, as the SQL's subquery is run only then.
    static func externalRate<Rate>(stay: Rate?, agreed: @autoclosure () -> Rate?, residence: Rate) -> Rate {
        stay ?? agreed() ?? residence
    }

    /// Citizens placed on `day` (a stay covering it), own and external, by citizen id: what
    /// `placement status` counts and `match` takes the stays open to moving from.
    public static func placed(_ db: Database, on day: Day) throws -> [PlacedStay] {
        try placed(db, on: day, where: "")
    }

    /// The stays of `placed(on:)` in external residences of citizens open to a move, the only
    /// ones a match reads: a national world has 60,000 stays on a day and 3,000 such.
    public static func externalOpenToMove(_ db: Database, on day: Day) throws -> [PlacedStay] {
        try placed(db, on: day, where: " AND r.operator <> 'own' AND c.open_to_move <> 0")
    }

    private static func placed(_ db: Database, on day: Day, where condition: String) throws -> [PlacedStay] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.citizen_id, p.residence_id, r.operator, p.starts_on, p.daily_rate_ore,
                   c.agreed_daily_rate_ore, c.open_to_move, r.daily_rate_ore
            FROM placement p JOIN residence r ON r.id = p.residence_id JOIN citizen c ON c.id = p.citizen_id
            WHERE p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1)\(condition)
            ORDER BY p.citizen_id
            """), arguments: [day]).map { row in
            // Each column is checked where it is stored, so a message names its table and row.
            let stay = RowReader(row, table: "placement"), citizen = RowReader(row, table: "citizen")
            let residence = RowReader(row, table: "residence", keyColumn: 1)
            let rate = try stay.dailyRate(4) ?? citizen.dailyRate(5) ?? residence.dailyRate(7)
            guard let rate else { throw residence.bad(7, "NULL is not a daily rate") }
            return PlacedStay(citizenId: try stay.value(0), residenceId: try stay.value(1),
                              isOwn: try residence.term(2, OperatorKind.self) == .own, startsOn: try stay.day(3),
                              dailyRate: rate, openToMove: try citizen.value(6))
        }
    }
}
