import PlacementModel

/// The residences' side of `Matcher.prepare`: everything it works out from the residences alone
/// (their id order, terms, yearly amounts, distances and own residences by offer type), and the
/// residences each citizen profile is admitted to.
///
/// The capacity plan runs the engine on every simulated matching day of a run, on residences that
/// change only when one closes, a rate step starts or an external residence fills up; that side
/// was a third of each run's preparation. Each value is what `prepare` computes from the same
/// residences by the same rules, so a prepared matcher is the same with or without it.
struct ResidenceSide {
    /// The residences in id order, with their terms and yearly amounts.
    var residences: [Residence]
    var terms: [ResidenceTerms]
    var index: [String: Int]
    var isOwn: [Bool]
    var ownAmounts: [(gross: Money, net: Money)]
    var listAmounts: [(gross: Money, net: Money)]
    var ownByOffer: [OfferType: [Int]]
    var distances: DistanceTable

    init(_ input: [Residence], costing: Costing, kilometres: KilometreTable?) {
        let ids = input.map { $0.id }
        residences = input.indices.sorted { ids[$0] < ids[$1] }.map { input[$0] }
        terms = residences.map(ResidenceTerms.init)
        index = Dictionary(uniqueKeysWithValues: residences.enumerated().map { ($1.id, $0) })
        let isOwn = residences.map { $0.isOwn }
        self.isOwn = isOwn
        ownAmounts = terms.map { costing.ownAmounts($0) }
        listAmounts = terms.map { costing.currentExternal(dailyRate: $0.dailyRate) }
        let own = residences.indices.filter { isOwn[$0] }
        let residences = residences
        ownByOffer = Dictionary(grouping: own, by: { residences[$0].offerType })
        distances = DistanceTable(residences: residences, known: kilometres)
    }
}

/// What one caller keeps between runs of the engine on (mostly) the same residences: the last
/// residences' side and the admitted residences per citizen profile. Used by one thread at a
/// time (one simulated run); pass it as `Matcher(..., cache:)`.
public final class MatcherCache {
    /// The residences as given, the policy and the distance table the side was made with.
    var input: [Residence] = []
    var policy: MatchPolicy?
    var side: ResidenceSide?
    /// The external residences with room that `admitting` was listed from.
    var external: [Int] = []
    var admitting: [Fit.Profile: (own: [Int], external: [Int])] = [:]

    public init() {}

    /// The residences' side for `residences` under `policy`: the kept one when both are the same
    /// as last time, else a new one (and the admitted lists start again).
    func side(for residences: [Residence], policy: MatchPolicy, costing: Costing, kilometres: KilometreTable?) -> ResidenceSide {
        if let side, self.policy == policy, input == residences { return side }
        let made = ResidenceSide(residences, costing: costing, kilometres: kilometres)
        input = residences
        self.policy = policy
        side = made
        external = []
        admitting = [:]
        return made
    }
}
