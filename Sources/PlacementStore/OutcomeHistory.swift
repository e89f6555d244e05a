import GRDB
import PlacementModel

/// What happened to the citizens of a period, one row per event, for audits that compare
/// groups (`placement report equity`): the waits that ended in a placement, and the citizens
/// proposed a residence by a match run of the period with whether a provider turned them down.
///
/// The citizen is the one stored now (the grant the case system last sent, read by the store's
/// one citizen reader, `Citizens`), not a copy from the day of the event.
public struct OutcomeHistory: Sendable, Equatable {
    /// A wait that ended in a placement within the period, with the stay that began that day.
    public struct Placement: Sendable, Equatable {
        public var citizen: Citizen
        public var waitedFrom: Day
        public var placedOn: Day
        /// The residence moved into; nil when no stay begins on the day the wait ended.
        public var residenceID: String?
        public var isOwn: Bool?
        /// The residence lies in a municipality of the planning area.
        public var isInPlanningArea: Bool?
        public var residenceLocation: Coordinate?

        public init(citizen: Citizen, waitedFrom: Day, placedOn: Day, residenceID: String?, isOwn: Bool?,
                    isInPlanningArea: Bool?, residenceLocation: Coordinate?) {
            self.citizen = citizen
            self.waitedFrom = waitedFrom
            self.placedOn = placedOn
            self.residenceID = residenceID
            self.isOwn = isOwn
            self.isInPlanningArea = isInPlanningArea
            self.residenceLocation = residenceLocation
        }
    }

    /// A citizen proposed a residence in a match run of the period.
    public struct Proposed: Sendable, Equatable {
        public var citizen: Citizen
        /// A provider declined at least one of the proposals (reason `provider_declined`).
        public var declinedByProvider: Bool

        public init(citizen: Citizen, declinedByProvider: Bool) {
            self.citizen = citizen
            self.declinedByProvider = declinedByProvider
        }
    }

    public var placements: [Placement]
    public var proposed: [Proposed]

    public init(placements: [Placement], proposed: [Proposed]) {
        self.placements = placements
        self.proposed = proposed
    }
}

extension PlacementDatabase {
    /// The placements and proposals of the days `from` through `to`, ordered by citizen.
    public func outcomeHistory(from: Day, to: Day) throws -> OutcomeHistory {
        try read { db in
            let placed = try Row.fetchAll(db, sql: """
                SELECT c.id, w.since, w.until, p.residence_id, r.operator, r.latitude, r.longitude,
                       r.municipality_code IN (SELECT municipality_code FROM planning_area) AS in_area
                FROM waiting_period w
                JOIN citizen c ON c.id = w.citizen_id
                LEFT JOIN placement p ON p.citizen_id = w.citizen_id AND p.starts_on = w.until
                LEFT JOIN residence r ON r.id = p.residence_id
                WHERE w.outcome = 'placed' AND w.until BETWEEN ? AND ?
                ORDER BY c.id, w.since
                """, arguments: [from.iso, to.iso])
            let proposed = try Row.fetchAll(db, sql: """
                SELECT c.id,
                       MAX(EXISTS (SELECT 1 FROM decline d WHERE d.run_id = pr.run_id AND d.citizen_id = pr.citizen_id
                                   AND d.reason = 'provider_declined')) AS declined_by_provider
                FROM proposal pr
                JOIN match_run m ON m.id = pr.run_id
                JOIN citizen c ON c.id = pr.citizen_id
                WHERE pr.action <> 'no_fit' AND m.as_of BETWEEN ? AND ?
                GROUP BY c.id
                ORDER BY c.id
                """, arguments: [from.iso, to.iso])
            // The citizens are read once, by the store's one citizen reader, not column by column here.
            let placedIds: [String] = try placed.map { try OutcomeHistory.decode($0, "id", "citizen") }
            let proposedIds: [String] = try proposed.map { try OutcomeHistory.decode($0, "id", "citizen") }
            let citizens = Dictionary(uniqueKeysWithValues: try Citizens.withIds(db, placedIds + proposedIds).map { ($0.id, $0) })
            func citizen(_ id: String) throws -> Citizen {
                guard let c = citizens[id] else { throw StoreError.badRow(table: "citizen", key: id, column: "id", problem: "no such citizen") }
                return c
            }
            return OutcomeHistory(
                placements: try zip(placed, placedIds).map { row, id in
                    let lat: Double? = try OutcomeHistory.decode(row, "latitude", "residence")
                    let lon: Double? = try OutcomeHistory.decode(row, "longitude", "residence")
                    let op: String? = try OutcomeHistory.decode(row, "operator", "residence")
                    return .init(
                        citizen: try citizen(id),
                        waitedFrom: try OutcomeHistory.day(row, "since", "waiting_period"),
                        placedOn: try OutcomeHistory.day(row, "until", "waiting_period"),
                        residenceID: try OutcomeHistory.decode(row, "residence_id", "placement"),
                        isOwn: op.map { $0 == OperatorKind.own.rawValue },
                        isInPlanningArea: try OutcomeHistory.decode(row, "in_area", "residence"),
                        residenceLocation: lat.flatMap { la in lon.map { Coordinate(latitude: la, longitude: $0) } })
                },
                proposed: try zip(proposed, proposedIds).map { row, id in
                    .init(citizen: try citizen(id),
                          declinedByProvider: try OutcomeHistory.decode(row, "declined_by_provider", "decline") as Bool)
                })
        }
    }
}

extension OutcomeHistory {
    /// A column's value, or `badRow` naming the table, the citizen and the column when the
    /// file holds something the model cannot (a value planted with the sqlite3 shell).
    static func decode<T: DatabaseValueConvertible>(_ row: Row, _ column: String, _ table: String) throws -> T {
        do { return try row.decode(T.self, forColumn: column) } catch {
            let key = (try? row.decode(String?.self, forColumn: "id")).flatMap { $0 } ?? "?"
            throw StoreError.badRow(table: table, key: key, column: column, problem: "\(row[column] as DatabaseValue) is not of the kind this column holds")
        }
    }

    static func day(_ row: Row, _ column: String, _ table: String) throws -> Day {
        let text: String = try decode(row, column, table)
        guard let day = Day(iso: text) else {
            throw StoreError.badRow(table: table, key: (try? row.decode(String.self, forColumn: "id")) ?? "?", column: column, problem: "\"\(text)\" is not a date")
        }
        return day
    }
}
