import GRDB
import PlacementMatching
import PlacementModel
import PlacementStore

/// Everything the capacity plan starts from, as a value: the planning area on the plan's day,
/// with its history. Loaded from the database by `load`, or built directly in tests.
public struct PlanWorld: Sendable {
    /// A place of an own residence, with its declared status (closed and reserved places are
    /// not capacity the plan can use).
    public struct OwnPlace: Sendable, Hashable {
        public var residenceId: String
        public var placeId: String
        public var features: Features
        public var status: PlaceStatus

        public init(residenceId: String, placeId: String, features: Features, status: PlaceStatus = .vacant) {
            self.residenceId = residenceId
            self.placeId = placeId
            self.features = features
            self.status = status
        }
    }

    public var asOf: Day
    public var planningArea: [Int]
    public var residences: [Residence]
    public var ownPlaces: [OwnPlace]
    /// All citizens, waiting, placed or gone (history and templates of future referrals).
    public var citizens: [Citizen]
    /// All stays, past, current and booked (a nil citizen is a place sold outside the area).
    public var placements: [Placement]
    public var waitingPeriods: [WaitingPeriod]
    public var policy: MatchPolicy

    public init(asOf: Day, planningArea: [Int], residences: [Residence], ownPlaces: [OwnPlace], citizens: [Citizen],
                placements: [Placement], waitingPeriods: [WaitingPeriod], policy: MatchPolicy = MatchPolicy()) {
        self.asOf = asOf
        self.planningArea = planningArea
        self.residences = residences
        self.ownPlaces = ownPlaces
        self.citizens = citizens
        self.placements = placements
        self.waitingPeriods = waitingPeriods
        self.policy = policy
    }

    /// The planning area's database on `day`, read in one transaction.
    public static func load(_ db: Database, on day: Day) throws -> PlanWorld {
        let places = try Places.all(db)
        let residences = try Residences.all(db)
        let byId = Dictionary(uniqueKeysWithValues: residences.map { ($0.id, $0) })
        let own = places.compactMap { p -> OwnPlace? in
            guard let r = byId[p.residenceId], r.isOwn else { return nil }
            return OwnPlace(residenceId: p.residenceId, placeId: p.id, features: p.features ?? r.features, status: p.status)
        }
        let area = try Int.fetchAll(db, sql: "SELECT municipality_code FROM planning_area ORDER BY 1")
        return PlanWorld(asOf: day, planningArea: area, residences: residences, ownPlaces: own,
                         citizens: try Citizens.all(db), placements: try Placements.all(db),
                         waitingPeriods: try WaitingPeriods.all(db), policy: try MatchPolicy.load(db))
    }
}
