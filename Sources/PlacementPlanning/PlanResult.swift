import PlacementModel

/// The capacity plan: per scenario and year, every figure as the median of the runs with its
/// 10-90 % band, the differences from the baseline, payback, where one more place saves most,
/// strategic vacancy, and the basis of the demand estimate. Money in øre, counts in citizens or
/// places (see `Figure.unit`).
public struct PlanResult: Sendable {
    public struct GroupRow: Sendable, Equatable {
        public var key: GroupKey
        public var demand: Band
        public var capacity: Band
        public var placedOwn: Band
        public var placedExternal: Band
    }

    public struct Year: Sendable {
        public var year: Int
        public var figures: [Figure: Band]
        /// This scenario less the baseline, run by run (the baseline's own are zero).
        public var difference: [Figure: Band]
        /// Baseline total cost less this scenario's, summed from the first year (øre).
        public var cumulativeSaving: Band
        public var groups: [GroupRow]

        /// A figure of the year. `Planner` fills in every `Figure` for every year, so the zero
        /// band is never seen; it keeps the renderers free of force unwraps.
        public func figure(_ f: Figure) -> Band { figures[f] ?? Band(low: 0, median: 0, high: 0) }
        /// The difference from the baseline in a figure (zero for the baseline itself).
        public func differenceIn(_ f: Figure) -> Band { difference[f] ?? Band(low: 0, median: 0, high: 0) }
    }

    public struct Payback: Sendable, Equatable {
        public var investment: Money
        /// The year the cumulative saving reaches the investment; after the plan extrapolated from
        /// the last year's saving; `Int64.max`: never (the scenario saves nothing).
        public var year: Band
        /// Runs that paid back within the plan, in percent.
        public var withinPlanPercent: Int
    }

    public struct PlaceValueRow: Sendable, Equatable {
        public enum Kind: String, Sendable { case residence, offerAndGroup = "offer_and_group" }
        public var kind: Kind
        public var id: String
        public var name: String
        public var offerType: OfferType
        public var targetGroups: TargetGroups
        /// Per year, averaged over the plan's years (øre per year).
        public var value: Band
        /// New in this scenario.
        public var isNew: Bool
    }

    public struct ScenarioResult: Sendable {
        public var scenario: Scenario
        public var isBaseline: Bool
        public var years: [Year]
        public var payback: Payback?
        public var residenceValues: [PlaceValueRow]
        public var groupValues: [PlaceValueRow]
    }

    public var asOf: Day
    public var planningArea: [Int]
    public var years: [Int]
    public var options: PlanOptions
    public var estimate: DemandEstimate
    public var demandSheet: DemandSheet?
    public var assumptions: [Scenario.DemandOverride]
    /// The baseline's demand (the estimate with the assumptions applied).
    public var baselineDemand: EffectiveDemand
    public var scenarios: [ScenarioResult]
    public var vacancy: [VacancyAdvice]
    public var policy: PlanPolicyFacts
    /// How long the simulation took and how often the engine ran (not part of the plan's content).
    public var seconds: Double
    public var matcherCalls: Int
}

/// The policy settings the plan's costs depend on, shown with it.
public struct PlanPolicyFacts: Sendable, Equatable {
    public var stateRefund: Bool
    public var variableCostSharePercent: Int64
    public var allowedWaitDays: Int
}
