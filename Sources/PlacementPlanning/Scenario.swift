import PlacementModel

/// A change to plan for: new residences, closures, rate changes and demand different from the
/// estimate. The baseline is the scenario with no change. Read from a TOML file by
/// `ScenarioFile` (documented in seeds/scenario-example.toml).
public struct Scenario: Sendable, Equatable {
    /// A residence to build: an own residence that opens on `opensOn`, and what building it costs.
    public struct NewResidence: Sendable, Equatable {
        public var residence: Residence
        public var investment: Money

        public init(residence: Residence, investment: Money) {
            self.residence = residence
            self.investment = investment
        }
    }

    /// An existing residence (own or external) that closes: its residents move on that day, to
    /// wherever the matching engine finds them a place.
    public struct Closure: Sendable, Equatable {
        public var residenceId: String
        public var closesOn: Day

        public init(residenceId: String, closesOn: Day) {
            self.residenceId = residenceId
            self.closesOn = closesOn
        }
    }

    /// A residence's daily rate (and, for own residences, variable daily cost) from a day on:
    /// a new rate, or the old one changed by a percentage.
    public struct RateChange: Sendable, Equatable {
        public var residenceId: String
        /// nil: from the plan's first day.
        public var from: Day?
        public var dailyRate: Money?
        /// Tenths of a percent: 25 = +2,5 %.
        public var changePerMille: Int64?
        public var variableDailyCost: Money?

        public init(residenceId: String, from: Day? = nil, dailyRate: Money? = nil, changePerMille: Int64? = nil,
                    variableDailyCost: Money? = nil) {
            self.residenceId = residenceId
            self.from = from
            self.dailyRate = dailyRate
            self.changePerMille = changePerMille
            self.variableDailyCost = variableDailyCost
        }
    }

    /// Demand different from the estimate, for the segments with this offer type whose target
    /// groups include all of `targetGroups` (all when nil) and, when given, this support level.
    public struct DemandOverride: Sendable, Equatable {
        public var offerType: OfferType
        public var targetGroups: TargetGroups?
        public var supportLevel: Int?
        /// Referrals per year in hundredths, for the matching segments together (shared in
        /// proportion to their estimates; evenly when they have none).
        public var referralsPerYearHundredths: Int64?
        /// Yearly growth of referrals in tenths of a percent, compounded from the plan's first year.
        public var growthPerMille: Int64?
        /// Mean stay in hundredths of a year.
        public var meanStayYearsHundredths: Int64?

        public init(offerType: OfferType, targetGroups: TargetGroups? = nil, supportLevel: Int? = nil,
                    referralsPerYearHundredths: Int64? = nil, growthPerMille: Int64? = nil, meanStayYearsHundredths: Int64? = nil) {
            self.offerType = offerType
            self.targetGroups = targetGroups
            self.supportLevel = supportLevel
            self.referralsPerYearHundredths = referralsPerYearHundredths
            self.growthPerMille = growthPerMille
            self.meanStayYearsHundredths = meanStayYearsHundredths
        }

        public func matches(_ s: DemandSegment) -> Bool {
            s.offerType == offerType
                && (targetGroups.map { s.targetGroups.rawValue & $0.rawValue == $0.rawValue } ?? true)
                && (supportLevel.map { $0 == s.supportLevel } ?? true)
        }
    }

    public var name: String
    public var description: String?
    /// The file it came from, for the report.
    public var file: String?
    public var newResidences: [NewResidence]
    public var closures: [Closure]
    public var rateChanges: [RateChange]
    public var demand: [DemandOverride]

    public init(name: String, description: String? = nil, file: String? = nil, newResidences: [NewResidence] = [],
                closures: [Closure] = [], rateChanges: [RateChange] = [], demand: [DemandOverride] = []) {
        self.name = name
        self.description = description
        self.file = file
        self.newResidences = newResidences
        self.closures = closures
        self.rateChanges = rateChanges
        self.demand = demand
    }

    /// No change: the plan's reference.
    public static func baseline(_ language: Language) -> Scenario {
        Scenario(name: language == .da ? "Basis (ingen ændring)" : "Baseline (no change)")
    }

    public var isBaseline: Bool { newResidences.isEmpty && closures.isEmpty && rateChanges.isEmpty && demand.isEmpty }

    /// What the scenario invests in total.
    public var investment: Money { newResidences.map(\.investment).sum() }
}
