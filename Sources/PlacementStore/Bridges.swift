import Foundation
import GRDB
import PlacementModel

/// A bridging stay (overgangsophold): a citizen granted a long-term offer lives in a temporary
/// place (a § 107 place, or a bought one) while the waiting period for the granted offer stays
/// open. The citizen is placed and waiting at once; the bridge ends when they move into the
/// granted place, and its place is then vacant for the next citizen.
public struct BridgeStay: Sendable, Equatable, Codable {
    public var citizenId: String
    public var stayId: Int64
    public var residenceId: String
    public var placeId: String?
    public var since: Day
    /// The stay's agreed daily rate, else the residence's.
    public var dailyRate: Money
    public var isOwn: Bool
}

public enum Bridges {
    /// Marks stay `id` as a bridge or not.
    public static func mark(_ db: Database, stayId: Int64, bridge: Bool) throws {
        try db.cachedStatement(sql: "UPDATE placement SET bridge = ? WHERE id = ?").execute(arguments: [bridge ? 1 : 0, stayId])
    }

    /// Whether stay `id` is a bridge.
    public static func isBridge(_ db: Database, stayId: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT bridge = 1 FROM placement WHERE id = ?"), arguments: [stayId]) ?? false
    }

    /// The one rule, in SQL, for whether stay `p`, covering the day `?1`, is a bridge on it:
    /// marked as one, of a citizen whose waiting period is open on the day. `on` asks it, and
    /// so does `placement status`'s one pass over the day's stays (`Status.staysOn`).
    static let bridgingSQL = """
        p.bridge = 1 AND p.citizen_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM waiting_period w WHERE w.citizen_id = p.citizen_id AND \(WaitingPeriods.waitingOnSQL()))
        """

    /// The bridges on `day`: stays marked as bridges that cover the day, of citizens whose
    /// waiting period is open on it. By citizen id.
    public static func on(_ db: Database, _ day: Day) throws -> [BridgeStay] {
        // Nearly every stay began before the day asked, so the date index would only add a lookup
        // per row: the table is read straight through (a national world: 9 ms, not 64 ms).
        try Row.fetchAll(db, sql: """
            SELECT p.citizen_id, p.id, p.residence_id, p.place_id, p.starts_on,
                   COALESCE(p.daily_rate_ore, r.daily_rate_ore), r.operator = 'own'
            FROM placement p NOT INDEXED JOIN residence r ON r.id = p.residence_id
            WHERE p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1) AND \(bridgingSQL)
            ORDER BY p.citizen_id
            """, arguments: [day]).map { row in
            let r = RowReader(row, table: "placement")
            return BridgeStay(citizenId: try r.value(0), stayId: try r.value(1), residenceId: try r.value(2), placeId: try r.optional(3),
                              since: try r.day(4), dailyRate: try r.money(5), isOwn: try r.value(6))
        }
    }

    /// The citizen's bridge that has not ended by `day` (it may have a planned end), if any.
    public static func current(_ db: Database, citizenId: String, on day: Day) throws -> (id: Int64, placement: Placement)? {
        guard let (id, stay) = try Placements.current(db, citizenId: citizenId), try isBridge(db, stayId: id),
              stay.period.to.map({ $0 > day }) ?? true else { return nil }
        return (id, stay)
    }

    /// Every stay marked as a bridge, read as `Placements.all` reads stays (the replay ends a
    /// bridge when it moves its citizen into the granted place).
    public static func allStays(_ db: Database) throws -> [Placement] {
        try Row.fetchAll(db, sql: Placement.selectSQL + " WHERE bridge = 1 ORDER BY starts_on, id").map { try Placement(row: $0) }
    }

    /// Citizens bridging on some day of `[from, to)` and their bridging days there: the days on
    /// which a bridge stay and an open waiting period overlap.
    public static func days(_ db: Database, from: Day, to: Day) throws -> (citizens: Int, days: Int) {
        let row = try Row.fetchOne(db, sql: """
            WITH overlap AS (
                SELECT p.citizen_id,
                       julianday(MIN(COALESCE(p.ends_on, '9999-12-31'), COALESCE(w.until, '9999-12-31'), ?2))
                     - julianday(MAX(p.starts_on, w.since, ?1)) AS days
                FROM placement p JOIN waiting_period w ON w.citizen_id = p.citizen_id
                WHERE p.bridge = 1)
            SELECT COUNT(DISTINCT citizen_id), CAST(COALESCE(SUM(days), 0) AS INTEGER) FROM overlap WHERE days > 0
            """, arguments: [from, to])
        guard let row else { return (0, 0) }
        let r = RowReader(row, table: "placement")
        return (try r.value(0), try r.value(1))
    }
}
