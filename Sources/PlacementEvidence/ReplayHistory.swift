import PlacementModel
import PlacementStore

/// The recorded history a replay starts from and follows: the residences and own places, the
/// citizens (as stored now), every waiting period and every stay, and which stays are bridges
/// (overgangsophold).
public struct ReplayHistory: Sendable {
    public var residences: [Residence]
    public var places: [Place]
    public var citizens: [String: Citizen]
    public var waits: [WaitingPeriod]
    public var stays: [Placement]
    /// The stays of `stays` that are bridges: their citizen waits for the granted place meanwhile.
    public var bridges: Set<Placement>

    public init(residences: [Residence], places: [Place], citizens: [String: Citizen], waits: [WaitingPeriod], stays: [Placement],
                bridges: Set<Placement> = []) {
        self.bridges = bridges
        self.residences = residences
        self.places = places
        self.citizens = citizens
        self.waits = waits
        self.stays = stays
    }

    /// Read in one transaction.
    public static func load(_ database: PlacementDatabase) throws -> ReplayHistory {
        try database.read { db in
            ReplayHistory(
                residences: try Residences.all(db), places: try Places.all(db),
                citizens: Dictionary(try Citizens.all(db).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                waits: try WaitingPeriods.all(db), stays: try Placements.all(db),
                bridges: Set(try Bridges.allStays(db)))
        }
    }
}
