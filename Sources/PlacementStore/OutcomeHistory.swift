import GRDB
import PlacementModel

/// What happened to the citizens of a period, one row per event, for audits that compare
/// groups (`placement report equity`): the waits that ended in a placement, and the citizens
/// proposed a residence by a match run of the period with whether a provider turned them down.
///
/// The citizen's attributes are those stored now (the grant the case system last sent), not a
/// copy from the day of the event.
public struct OutcomeHistory: Sendable, Equatable {
    /// A wait that ended in a placement within the period, with the stay that began that day.
    public struct Placement: Sendable, Equatable {
        public var citizen: CitizenProfile
        public var waitedFrom: Day
        public var placedOn: Day
        /// The residence moved into; nil when no stay begins on the day the wait ended.
        public var residenceID: String?
        public var isOwn: Bool?
        /// The residence lies in a municipality of the planning area.
        public var isInPlanningArea: Bool?
        public var residenceLocation: Coordinate?

        public init(citizen: CitizenProfile, waitedFrom: Day, placedOn: Day, residenceID: String?, isOwn: Bool?,
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
        public var citizen: CitizenProfile
        /// A provider declined at least one of the proposals (reason `provider_declined`).
        public var declinedByProvider: Bool

        public init(citizen: CitizenProfile, declinedByProvider: Bool) {
            self.citizen = citizen
            self.declinedByProvider = declinedByProvider
        }
    }

    /// The attributes by which citizens are compared.
    public struct CitizenProfile: Sendable, Equatable {
        public var id: String
        public var birthYear: Int?
        public var homeMunicipalityCode: Int
        public var networkPostcode: Int?
        public var targetGroups: TargetGroups
        public var offerType: OfferType
        public var supportLevel: Int
        public var urgency: Urgency

        public init(id: String, birthYear: Int?, homeMunicipalityCode: Int, networkPostcode: Int?, targetGroups: TargetGroups,
                    offerType: OfferType, supportLevel: Int, urgency: Urgency) {
            self.id = id
            self.birthYear = birthYear
            self.homeMunicipalityCode = homeMunicipalityCode
            self.networkPostcode = networkPostcode
            self.targetGroups = targetGroups
            self.offerType = offerType
            self.supportLevel = supportLevel
            self.urgency = urgency
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
                SELECT \(OutcomeHistory.profileColumns), w.since, w.until, p.residence_id, r.operator, r.latitude, r.longitude,
                       r.municipality_code IN (SELECT municipality_code FROM planning_area) AS in_area
                FROM waiting_period w
                JOIN citizen c ON c.id = w.citizen_id
                LEFT JOIN placement p ON p.citizen_id = w.citizen_id AND p.starts_on = w.until
                LEFT JOIN residence r ON r.id = p.residence_id
                WHERE w.outcome = 'placed' AND w.until BETWEEN ? AND ?
                ORDER BY c.id, w.since
                """, arguments: [from.iso, to.iso])
            let proposed = try Row.fetchAll(db, sql: """
                SELECT \(OutcomeHistory.profileColumns),
                       MAX(EXISTS (SELECT 1 FROM decline d WHERE d.run_id = pr.run_id AND d.citizen_id = pr.citizen_id
                                   AND d.reason = 'provider_declined')) AS declined_by_provider
                FROM proposal pr
                JOIN match_run m ON m.id = pr.run_id
                JOIN citizen c ON c.id = pr.citizen_id
                WHERE pr.action <> 'no_fit' AND m.as_of BETWEEN ? AND ?
                GROUP BY c.id
                ORDER BY c.id
                """, arguments: [from.iso, to.iso])
            return OutcomeHistory(
                placements: try placed.map { row in
                    let lat: Double? = try OutcomeHistory.decode(row, "latitude", "residence")
                    let lon: Double? = try OutcomeHistory.decode(row, "longitude", "residence")
                    let op: String? = try OutcomeHistory.decode(row, "operator", "residence")
                    return .init(
                        citizen: try OutcomeHistory.profile(row),
                        waitedFrom: try OutcomeHistory.day(row, "since", "waiting_period"),
                        placedOn: try OutcomeHistory.day(row, "until", "waiting_period"),
                        residenceID: try OutcomeHistory.decode(row, "residence_id", "placement"),
                        isOwn: op.map { $0 == OperatorKind.own.rawValue },
                        isInPlanningArea: try OutcomeHistory.decode(row, "in_area", "residence"),
                        residenceLocation: lat.flatMap { la in lon.map { Coordinate(latitude: la, longitude: $0) } })
                },
                proposed: try proposed.map { row in
                    .init(citizen: try OutcomeHistory.profile(row),
                          declinedByProvider: try OutcomeHistory.decode(row, "declined_by_provider", "decline") as Bool)
                })
        }
    }
}

extension OutcomeHistory {
    static let profileColumns = """
        c.id, c.birth_year, c.home_municipality_code, c.network_postcode, c.target_groups, c.offer_type, \
        c.support_level, c.urgency
        """

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

    static func profile(_ row: Row) throws -> CitizenProfile {
        let id: String = try decode(row, "id", "citizen")
        func term<T: RawRepresentable<String>>(_ column: String, _: T.Type) throws -> T {
            let raw: String = try decode(row, column, "citizen")
            guard let value = T(rawValue: raw) else {
                throw StoreError.badRow(table: "citizen", key: id, column: column, problem: "\"\(raw)\" is not a known value")
            }
            return value
        }
        return CitizenProfile(
            id: id,
            birthYear: try decode(row, "birth_year", "citizen"),
            homeMunicipalityCode: try decode(row, "home_municipality_code", "citizen"),
            networkPostcode: try decode(row, "network_postcode", "citizen"),
            targetGroups: TargetGroups(rawValue: try decode(row, "target_groups", "citizen")),
            offerType: try term("offer_type", OfferType.self),
            supportLevel: try decode(row, "support_level", "citizen"),
            urgency: try term("urgency", Urgency.self))
    }
}
