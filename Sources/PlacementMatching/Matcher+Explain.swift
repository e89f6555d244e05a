import PlacementModel

/// The reasoning for one citizen of a run, as values: the proposal's stored reasons, what the
/// place costs, every own residence of the offer type with what decided it, and the runner-up.
/// `Matcher.explain` makes it; the presentation layer words it (`ExplanationText` in
/// PlacementReports), in the reader's language.
public struct Explanation: Sendable {
    public var citizenId: String
    public var offerType: OfferType
    public var targetGroups: TargetGroups
    public var supportLevel: Int
    /// The proposal's reasons as stored with the run: worded when shown, not solved again.
    public var reasons: [MatchReason]
    /// What the proposed place costs a year; nil without a place.
    public var cost: Cost?
    /// Every own residence of the citizen's offer type, nearest first, each a `.residence` reason.
    public var ownResidences: [MatchReason]
    /// The cheapest other option; nil when the citizen has no place to compare with.
    public var runnerUp: RunnerUp?
    /// The proposal as the run stored it (action, place, cost, distance, saving).
    public var proposal: Proposal
    /// The proposed residence's name; nil without a place.
    public var residenceName: String?

    public enum Cost: Sendable, Equatable {
        /// An own place: its rate is what the report prices it at; filling it adds its variable part.
        case own(dailyRate: Money, gross: Money, net: Money)
        case external(gross: Money, net: Money)
    }

    public enum RunnerUp: Sendable, Equatable {
        /// The runner-up's name, its net cost a year and that cost less the chosen one's.
        case residence(name: String, net: Money, difference: Money)
        /// No other residence fits.
        case nothingElseFits
    }
}

extension Matcher {
    /// The full reasoning for one citizen of a run: every own residence and the rule or
    /// competitor that decided it, the chosen option, and the runner-up with the difference.
    /// nil when the run has no proposal for the citizen.
    public func explain(citizenId: String, proposals: [Proposal]) -> Explanation? {
        var m = Matcher(input, policy, language, options, kilometres)
        m.prepare()
        return m.explanation(citizenId, proposals)
    }

    func explanation(_ id: String, _ proposals: [Proposal]) -> Explanation? {
        guard let proposal = proposals.first(where: { $0.citizenId == id }) else { return nil }
        let c: Citizen
        let i: Int? = citizens.firstIndex { $0.id == id }
        if let i { c = citizens[i] } else if let stay = input.externalStays.first(where: { $0.citizen.id == id }) { c = stay.citizen } else { return nil }
        let chosen = proposal.residenceId.flatMap { id in residences.first { $0.id == id } }
        var cost: Explanation.Cost?
        if let net = proposal.annualCostNet, let gross = proposal.annualCostGross, let r = chosen {
            cost = r.isOwn ? .own(dailyRate: r.dailyRate, gross: gross, net: net) : .external(gross: gross, net: net)
        }

        // Every own residence of the citizen's offer type, nearest first, with its one decisive reason.
        let winners = winners(of: proposals)
        let own = residences.indices.filter { residences[$0].isOwn && residences[$0].offerType == c.offerType }
            .map { r in (Costing.km(c, residences[r]), r) }
            .sorted { ($0.0 ?? Int.max, residences[$0.1].id) < ($1.0 ?? Int.max, residences[$1.1].id) }
        var ownResidences: [MatchReason] = []
        for (km, r) in own {
            let v = ownVerdict(c, i, r, winners: winners, chosen: proposal.residenceId)
            ownResidences.append(.residence(name: residences[r].name, km: km, verdict: stored(v)))
        }

        // The runner-up: the cheapest other option by the engine's cost.
        var runnerUp: Explanation.RunnerUp?
        if let i, let chosen = proposal.residenceId {
            var options: [(Int64, Money, String)] = []
            for o in ownOptions[i] where residences[classes[o.cls].residence].id != chosen {
                options.append((o.cost.objective, o.cost.net, residences[classes[o.cls].residence].name))
            }
            for o in extOptions[i] where residences[o.res].id != chosen {
                options.append((o.cost.objective, o.cost.net, residences[o.res].name))
            }
            if let best = options.min(by: { ($0.0, $0.2) < ($1.0, $1.2) }), let net = proposal.annualCostNet {
                runnerUp = .residence(name: best.2, net: best.1, difference: best.1 - net)
            } else {
                runnerUp = .nothingElseFits
            }
        }
        return Explanation(citizenId: c.id, offerType: c.offerType, targetGroups: c.targetGroups, supportLevel: c.supportLevel,
                           reasons: proposal.reasons, cost: cost, ownResidences: ownResidences, runnerUp: runnerUp,
                           proposal: proposal, residenceName: chosen?.name)
    }
}
