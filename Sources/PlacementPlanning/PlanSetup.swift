import Foundation
import PlacementMatching
import PlacementModel

/// How the plan is simulated.
public struct PlanOptions: Sendable, Equatable {
    public enum Arrivals: String, Sendable, Codable {
        /// Referrals arrive as a Poisson process at the estimated rates; stays are exponential
        /// with the estimated mean. The plan reports the median and the 10-90 % band.
        case poisson
        /// No randomness: referrals evenly spread at the expected count, every stay exactly its
        /// mean. One run gives the figures exactly (for checking the model by hand).
        case fixed
    }

    public var years = 5
    /// The longest plan: with `Day.supported` this keeps every plan day a valid date.
    public static let maximumYears = 30
    public var runs = 500
    public var seed: UInt64 = 1
    /// Matching runs per simulated year (quarterly).
    public var matchesPerYear = 4
    public var arrivals = Arrivals.poisson
    public var estimate = DemandEstimate.Options()
    /// Threads to simulate on; nil: every core.
    public var threads: Int?
    /// Offer types with long stays are matched less often, each run deciding a longer window:
    /// every other matching day when the mean stay is two years or more (half-yearly with
    /// quarterly matching), every fourth (yearly) when five years or more.
    public var adaptiveMatching = true

    public init(years: Int = 5, runs: Int = 500, seed: UInt64 = 1, matchesPerYear: Int = 4, arrivals: Arrivals = .poisson,
                estimate: DemandEstimate.Options = .init(), threads: Int? = nil, adaptiveMatching: Bool = true) {
        self.years = years
        self.runs = runs
        self.seed = seed
        self.matchesPerYear = matchesPerYear
        self.arrivals = arrivals
        self.estimate = estimate
        self.threads = threads
        self.adaptiveMatching = adaptiveMatching
    }
}

/// Everything the runs share, prepared once: the plan's calendar, the citizens and stays on
/// the plan's day, and each scenario's residences, places, rates and demand.
struct PlanSetup: Sendable {
    /// An own place as the simulation sees it.
    struct PlaceSpec: Sendable {
        var residence: Int
        var placeId: String
        var features: Features
        /// First day it can be used (a new residence's opening).
        var opensOn: Day?
    }

    /// Someone in a place or waiting on the plan's day.
    struct Initial: Sendable {
        enum Where: Sendable { case own(place: Int), external(residence: Int, dailyRate: Money?, since: Day), waiting(since: Day) }
        /// Index into `world.citizens`; nil for a place sold outside the planning area.
        var citizen: Int?
        var segment: DemandSegment?
        var at: Where
        /// A planned move-out; nil: drawn from the estimated stay.
        var plannedEnd: Day?
    }

    struct PreparedScenario: Sendable {
        var scenario: Scenario
        var residences: [Residence]
        var residenceIndex: [String: Int]
        var places: [PlaceSpec]
        /// Index of each (residence id, place id).
        var placeIndex: [PlaceKey: Int]
        /// Rate steps per residence: (from, daily rate, variable daily cost), sorted.
        var rates: [[(from: Day, rate: Money, variable: Money?)]]
        var demand: EffectiveDemand
        /// Percentage changes apply to individual rates too.
        var rateFactorSteps: [[(from: Day, perMille: Int64)]]
        /// Per residence: its features and those of all its places.
        var featuresOfResidence: [Features]
        /// Residences whose rate changes during the plan.
        var residencesWithRateSteps: [Int]
        /// Residence and place indices by offer type.
        var residencesOfType: [OfferType: [Int]]
        var placesOfType: [OfferType: [Int]]
        /// Per `PlanSetup.initial`: the mean stay its end is drawn from (nil: no end in the plan).
        var initialMeanStay: [Double?] = []

        /// The mean stay of someone placed or waiting on the plan's day: their segment's, else
        /// (a place sold outside the area) that of the first segment of the place's offer type.
        func meanStayDays(of i: Initial) -> Double? {
            i.segment.flatMap { demand.meanStayDays($0) }
                ?? demand.segments.first { s in
                    if case .own(let k) = i.at { return s.segment.offerType == residences[places[k].residence].offerType }
                    return false
                }?.meanStayDays
        }
    }

    let world: PlanWorld
    let options: PlanOptions
    let estimate: DemandEstimate
    let sheet: DemandSheet?
    let planStart: Day
    let yearStarts: [Day]  // plan years' 1 January, and the day after the last year
    let stepDays: [Day]    // matching days: the plan's day, then each quarter
    /// Each matching day's position within its year (0 for the plan's day).
    let stepInYear: [Int]
    /// Offer types matched every step (1) or every other (2): see `PlanOptions.adaptiveMatching`.
    let matchEvery: [OfferType: Int]
    /// Per scenario, the offer types simulated: for the baseline every offer type with places,
    /// citizens or referrals; for a scenario those it changes (the rest are the baseline's).
    let simulated: [Set<OfferType>]
    let initial: [Initial]
    let scenarios: [PreparedScenario]
    /// Residences to value one more place of: every scenario's own residences (by id), in order.
    let valuedResidences: [String]
    /// One more place of an offer type for a target group: a probe residence each.
    let probes: [(key: GroupKey, residence: Residence)]
    let groupKeys: [GroupKey]
    let groupKeyIndex: [GroupKey: Int]
    let costing: Costing
    /// Distances from every citizen's network to every residence and probe, made once for all runs.
    let kilometres: KilometreTable

    var planEnd: Day { yearStarts.last ?? planStart }  // never empty: one start per year and the end
    var years: [Int] { yearStarts.dropLast().map(\.year) }

    init(world: PlanWorld, scenarios: [Scenario], assumptions: [Scenario.DemandOverride], sheet: DemandSheet?,
         options: PlanOptions) throws {
        self.world = world
        self.options = options
        self.sheet = sheet
        let estimate = DemandEstimate(world: world, options: options.estimate)
        self.estimate = estimate
        self.costing = Costing(policy: world.policy)
        let calendar = try PlanCalendar(asOf: world.asOf, options: options)
        planStart = calendar.planStart
        yearStarts = calendar.yearStarts
        stepDays = calendar.stepDays
        stepInYear = calendar.stepInYear

        let places = Self.ownPlaces(world)
        let initial = Self.initialStays(world, places: places)
        self.initial = initial

        // Scenarios: the baseline first.
        var prepared: [PreparedScenario] = []
        var valued: [String] = world.residences.filter(\.isOwn).map(\.id)
        for s in scenarios {
            prepared.append(try Self.prepare(s, world: world, places: places, initial: initial, planStart: planStart,
                                             demand: { EffectiveDemand(estimate: estimate, overrides: assumptions + s.demand) }))
            for n in s.newResidences where !valued.contains(n.residence.id) { valued.append(n.residence.id) }
        }
        // The same for every run, so worked out once here rather than in each run.
        for s in prepared.indices { prepared[s].initialMeanStay = initial.map { prepared[s].meanStayDays(of: $0) } }
        self.scenarios = prepared
        self.valuedResidences = valued
        matchEvery = Self.matchingIntervals(prepared[0].demand, options: options)
        simulated = Self.simulatedOfferTypes(prepared, initial: initial, sheet: sheet)

        groupKeys = Self.reportedGroupKeys(prepared, initial: initial, sheet: sheet)
        groupKeyIndex = Dictionary(uniqueKeysWithValues: groupKeys.enumerated().map { ($1, $0) })
        probes = Self.probeResidences(groupKeys, world: world)
        // Referrals copy a citizen of the world, so these are all the postcodes a run meets.
        kilometres = KilometreTable(postcodes: world.citizens.compactMap(\.networkPostcode),
                                    locations: prepared.flatMap { $0.residences.map(\.location) } + probes.map(\.residence.location))
    }

    static let probePrefix = "\u{1F}probe:"

    /// A plan's years with every figure zero.
    func emptyYears() -> [YearFigures] {
        let g = groupKeys.count
        let zero = YearFigures(groupDemand: Array(repeating: 0, count: g), groupCapacity: Array(repeating: 0, count: g),
                               groupOwn: Array(repeating: 0, count: g), groupExternal: Array(repeating: 0, count: g),
                               placeValues: Array(repeating: Int64.min, count: valuedResidences.count + probes.count))
        return Array(repeating: zero, count: options.years)
    }

    /// Whether offer type `o` is matched on matching day `step`.
    func matchesAt(step: Int, _ o: OfferType) -> Bool {
        step == 0 || stepInYear[step] % (matchEvery[o] ?? 1) == 0
    }

    /// The next day offer type `o` is matched after `step` (the plan's end after the last).
    func nextMatch(after step: Int, _ o: OfferType) -> Day {
        var s = step + 1
        while s < stepDays.count && !matchesAt(step: s, o) { s += 1 }
        return s < stepDays.count ? stepDays[s] : planEnd
    }
}

extension Array where Element == Int64 {
    /// The lower middle of sorted values.
    var middle: Int64? { isEmpty ? nil : self[(count - 1) / 2] }
}

public enum PlanError: Error, CustomStringConvertible, Equatable {
    case duplicateResidence(scenario: String, id: String)
    case unknownResidence(scenario: String, id: String)
    case nothingToPlan(String)
    case unsupportedDay(Day)
    case unsupportedYears(Int)
    case amountTooLarge(year: Int)
    case rateTooHigh(scenario: String, residence: String)

    public var description: String { text(.en) }

    /// The refusal in the planner's language.
    public func text(_ language: Language) -> String {
        guard language == .da else { return english }
        switch self {
        case .unsupportedDay(let d): return "Planens dag \(d.danish) \(Day.unsupportedPhrase(.da))."
        case .unsupportedYears(let n): return "En plan dækker 1 til \(PlanOptions.maximumYears) år, ikke \(n)."
        case .amountTooLarge(let year):
            return "Udgifterne i \(year) er for store til at lægge nøjagtigt sammen; kontrollér døgntakster, pladser og takstændringer."
        case .rateTooHigh(let s, let id):
            return "Scenarie \"\(s)\": takstændringerne hæver botilbud \"\(id)\"s døgntakst over \(Money.maximumDailyRate.roundedKroner) kroner."
        case .duplicateResidence(let s, let id):
            return "Scenarie \"\(s)\": det nye botilbuds id \"\(id)\" er allerede brugt; giv det et andet id."
        case .unknownResidence(let s, let id): return "Scenarie \"\(s)\": der er intet botilbud \"\(id)\" i databasen."
        case .nothingToPlan(let why): return why
        }
    }

    var english: String {
        switch self {
        case .unsupportedDay(let d): "The plan's day \(d.iso) \(Day.unsupportedPhrase(.en))."
        case .unsupportedYears(let n): "A plan covers 1 to \(PlanOptions.maximumYears) years, not \(n)."
        case .amountTooLarge(let year): "The costs of \(year) are too large to add up exactly; check the daily rates, places and rate changes."
        case .rateTooHigh(let s, let id):
            "Scenario \"\(s)\": the rate changes take residence \"\(id)\"'s daily rate above \(Money.maximumDailyRate.roundedKroner) kroner."
        case .duplicateResidence(let s, let id): "Scenario \"\(s)\": the new residence id \"\(id)\" is already used; give it another id."
        case .unknownResidence(let s, let id): "Scenario \"\(s)\": there is no residence \"\(id)\" in the database."
        case .nothingToPlan(let why): why
        }
    }
}
