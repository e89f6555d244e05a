import PlacementModel
import PlacementReports

/// What happened to the citizens of a period, recorded or replayed: each wait with how it
/// ended, each placement with where, and the moves home. Both the replays and the recorded
/// history are summed up by the same figures, so they compare line for line.
public struct ReplayOutcome: Sendable, Equatable, Codable {
    public struct Placed: Sendable, Equatable, Codable {
        public var citizenId: String
        public var offerType: OfferType
        public var targetGroups: TargetGroups
        public var waitedDays: Int
        public var isOwn: Bool
        public var distanceKm: Int?
        /// What an external purchase costs a year, net of state refund; nil for an own place.
        public var externalAnnualNet: Money?
    }

    /// A name: "Gældende politik", or the policy file's name, or "Det skete".
    public var name: String
    public var placed: [Placed] = []
    /// Citizens still waiting at the end, with their days so far.
    public var stillWaiting: [Int] = []
    public var movesHome = 0
    public var movesHomeAnnualSaving = Money.zero
    /// The match days whose match failed: their proposals are missing, and the output says so.
    public var failedMatchDays: [Day] = []

    public init(name: String) { self.name = name }

    /// Every wait of the period: those that ended in a placement, and those still open at its end.
    public var waits: [Int] { (placed.map(\.waitedDays) + stillWaiting).sorted() }

    public var ownCount: Int { placed.filter(\.isOwn).count }
    public var externalCount: Int { placed.count - ownCount }
    public var externalAnnualNet: Money { placed.compactMap(\.externalAnnualNet).reduce(.zero, +) }

    /// The median of the waits (exact: it may end in ½).
    public var medianWait: Median? { Median(sortedDays: waits) }

    /// The 90th percentile (nearest rank).
    public var percentile90: Int? {
        let w = waits
        guard !w.isEmpty else { return nil }
        let rank = (9 * w.count + 9) / 10  // ceil(0.9 n)
        return w[max(0, rank - 1)]
    }

    public var longest: Int? { waits.last }

    public func over(_ norm: Int) -> Int { waits.filter { $0 > norm }.count }

    /// Mean km from the network over the placements whose distance is known, in tenths (rounded).
    public var meanDistanceTenths: Int64? {
        let km = placed.compactMap(\.distanceKm)
        guard !km.isEmpty else { return nil }
        return Rounding.divide(Int64(km.reduce(0, +)) * 10, by: Int64(km.count))
    }
}
