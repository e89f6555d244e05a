import PlacementModel

/// What an option costs a year. Amounts shown to planners are gross and net (after the state
/// refund for costly cases, SEL § 176, when the policy has it on); the engine minimises the
/// objective, which adds a price per km from the citizen's network and subtracts a bonus for
/// a wished residence.
///
/// - An own place costs its variable daily cost × 365: the fixed cost is paid whether or not
///   the place is used. Without a variable cost the policy's share of the daily rate is used.
///   Its refund is the refund on the case (the residence's rate × 365), received only if the
///   place is used.
/// - An external place costs its daily rate (or the citizen's agreed rate) × 365.
public struct Costing: Sendable {
    public let policy: MatchPolicy

    public init(policy: MatchPolicy) { self.policy = policy }

    public struct Cost: Sendable, Equatable, Codable {
        public var gross: Money
        public var net: Money
        /// What the optimisation minimises, in øre per year.
        public var objective: Int64
    }

    func refund(onCaseCost gross: Money) -> Money {
        policy.stateRefund ? policy.refund.refund(onAnnualCost: gross) : .zero
    }

    public func variableDailyCost(_ r: Residence) -> Money { variableDailyCost(ResidenceTerms(r)) }

    func variableDailyCost(_ r: ResidenceTerms) -> Money {
        variableDailyCost(dailyRate: r.dailyRate, variable: r.variableDailyCost)
    }

    /// An own place's variable daily cost: the residence's own figure, else the policy's share
    /// of its daily rate (the capacity plan's accounting prices its place-days with this).
    public func variableDailyCost(dailyRate: Money, variable: Money?) -> Money {
        variable ?? dailyRate.percent(policy.variableCostSharePercent)
    }

    /// The state refund on a year of a case at `dailyRate` (zero with the refund off).
    public func annualRefund(dailyRate: Money) -> Money { refund(onCaseCost: dailyRate.perYear) }

    public func own(_ c: Citizen, _ r: Residence, km: Int?) -> Cost {
        own(c, ResidenceTerms(r), wished: c.preferredResidences.contains(r.id), km: km)
    }

    /// `own` on a residence's terms, with `wished` whether the citizen wished for it.
    func own(_ c: Citizen, _ r: ResidenceTerms, wished: Bool, km: Int?) -> Cost {
        cost(ownAmounts(r), wished: wished, km: km)
    }

    /// What an own place costs a year, gross and net: the same for every citizen.
    func ownAmounts(_ r: ResidenceTerms) -> (gross: Money, net: Money) {
        let gross = variableDailyCost(r).perYear
        return (gross, max(.zero, gross - refund(onCaseCost: r.dailyRate.perYear)))
    }

    public func external(_ c: Citizen, _ r: Residence, km: Int?) -> Cost {
        external(c, ResidenceTerms(r), wished: c.preferredResidences.contains(r.id), km: km)
    }

    /// `external` on a residence's terms, with `wished` whether the citizen wished for it.
    func external(_ c: Citizen, _ r: ResidenceTerms, wished: Bool, km: Int?) -> Cost {
        cost(currentExternal(dailyRate: c.agreedDailyRate ?? r.dailyRate), wished: wished, km: km)
    }

    /// The cost of a stay as it is (for the saving of a move home); also what an external place
    /// costs a year at its daily rate.
    public func currentExternal(dailyRate: Money) -> (gross: Money, net: Money) {
        let gross = dailyRate.perYear
        return (gross, gross - refund(onCaseCost: gross))
    }

    /// An option's cost from its yearly amounts, for a citizen at `km` who did or did not wish for it.
    func cost(_ amounts: (gross: Money, net: Money), wished: Bool, km: Int?) -> Cost {
        Cost(gross: amounts.gross, net: amounts.net, objective: objective(amounts.net, wished: wished, km: km))
    }

    private func objective(_ net: Money, wished: Bool, km: Int?) -> Int64 {
        var o = net.ore + Int64(km ?? 0) * policy.pricePerKmKr * 100
        if wished { o -= policy.wishBonusKr * 100 }
        return o
    }

    /// Distance from the citizen's network postcode, in whole km; nil when it is not known.
    public static func km(_ c: Citizen, _ r: Residence) -> Int? {
        km(fromPostcode: c.networkPostcode, to: r.location)
    }

    /// Distance from a postcode to a place, in whole km; nil when the postcode is not known.
    public static func km(fromPostcode postcode: Int?, to location: Coordinate) -> Int? {
        guard let postcode, let p = ReferenceData.postcodeByCode[postcode] else { return nil }
        return p.point.wholeKilometres(to: location)
    }

    /// The same distances from one postcode to many places prepared ahead (one cosine each
    /// rather than one per pair); nil when the postcode is not known.
    public static func km(fromPostcode postcode: Int?, to locations: [Coordinate.Prepared]) -> [Int]? {
        preparedPostcode(postcode).map { from in locations.map { from.wholeKilometres(to: $0) } }
    }

    /// A postcode's point prepared for many distances; nil when the postcode is not known.
    static func preparedPostcode(_ postcode: Int?) -> Coordinate.Prepared? {
        guard let postcode, let p = ReferenceData.postcodeByCode[postcode] else { return nil }
        return Coordinate.Prepared(p.point)
    }
}
