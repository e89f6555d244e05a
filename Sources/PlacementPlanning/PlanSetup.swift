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
        var placeIndex: [String: Int]
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
        let asOf = world.asOf
        // The calendar below is exact only within the supported days (and the plan's years after).
        guard asOf.isSupported else { throw PlanError.unsupportedDay(asOf) }
        guard (1...PlanOptions.maximumYears).contains(options.years) else { throw PlanError.unsupportedYears(options.years) }
        let c = asOf.components
        planStart = (c.month == 1 && c.day == 1) ? asOf : Day(clampedYear: c.year + 1, month: 1, day: 1)
        let firstYear = planStart.year
        yearStarts = (0...options.years).map { Day(clampedYear: firstYear + $0, month: 1, day: 1) }
        var steps = [asOf]
        var inYear = [0]
        let perYear = max(1, options.matchesPerYear)
        for y in planStart.year..<(planStart.year + options.years) {
            for q in 0..<perYear {
                let month = 1 + q * 12 / perYear
                let d = Day(clampedYear: y, month: month, day: 1)
                if d > asOf { steps.append(d); inYear.append(q) }
            }
        }
        stepDays = steps
        stepInYear = inYear

        // Who is where on the plan's day.
        let residences = world.residences
        let rIndex = Dictionary(uniqueKeysWithValues: residences.enumerated().map { ($1.id, $0) })
        let cIndex = Dictionary(uniqueKeysWithValues: world.citizens.enumerated().map { ($1.id, $0) })
        var basePlaces: [PlaceSpec] = []
        for p in world.ownPlaces where p.status == .vacant || p.status == .occupied {
            guard let r = rIndex[p.residenceId] else { continue }
            basePlaces.append(PlaceSpec(residence: r, placeId: p.placeId, features: p.features, opensOn: nil))
        }
        var basePlaceIndex: [String: Int] = [:]
        for (i, p) in basePlaces.enumerated() { basePlaceIndex[residences[p.residence].id + "\u{1F}" + p.placeId] = i }
        var initial: [Initial] = []
        var takenPlaces = Set<Int>()
        var placedCitizens = Set<String>()
        let current = world.placements.filter { ($0.period.to.map { $0 > asOf } ?? true) }.sorted {
            ($0.period.from, $0.residenceId, $0.placeId ?? "", $0.citizenId ?? "") < ($1.period.from, $1.residenceId, $1.placeId ?? "", $1.citizenId ?? "")
        }
        var unplaced: [Placement] = []
        for p in current {
            guard let r = rIndex[p.residenceId] else { continue }
            let ci = p.citizenId.flatMap { cIndex[$0] }
            if p.citizenId != nil && ci == nil { continue }
            if let id = p.citizenId { if placedCitizens.contains(id) { continue } }
            var segment: DemandSegment? = nil
            if let ci {
                var s = DemandSegment(world.citizens[ci])
                s.offerType = residences[r].offerType
                segment = s
            }
            if residences[r].isOwn {
                guard let pid = p.placeId, let k = basePlaceIndex[p.residenceId + "\u{1F}" + pid] else { unplaced.append(p); continue }
                if takenPlaces.contains(k) { continue }
                takenPlaces.insert(k)
                initial.append(Initial(citizen: ci, segment: segment, at: .own(place: k), plannedEnd: p.period.to))
            } else {
                guard let ci else { continue }
                let rate = p.dailyRate ?? world.citizens[ci].agreedDailyRate
                initial.append(Initial(citizen: ci, segment: segment, at: .external(residence: r, dailyRate: rate, since: max(p.period.from, asOf)),
                                       plannedEnd: p.period.to))
            }
            if let id = p.citizenId { placedCitizens.insert(id) }
        }
        // Own stays without a place id take a free place of their residence.
        for p in unplaced {
            guard let k = basePlaces.indices.first(where: { residences[basePlaces[$0].residence].id == p.residenceId && !takenPlaces.contains($0) }) else { continue }
            takenPlaces.insert(k)
            let ci = p.citizenId.flatMap { cIndex[$0] }
            var segment = ci.map { DemandSegment(world.citizens[$0]) }
            segment?.offerType = residences[basePlaces[k].residence].offerType
            initial.append(Initial(citizen: ci, segment: segment, at: .own(place: k), plannedEnd: p.period.to))
            if let id = p.citizenId { placedCitizens.insert(id) }
        }
        let openWaiting = Dictionary(world.waitingPeriods.filter { $0.period.to == nil }.map { ($0.citizenId, $0.period.from) },
                                     uniquingKeysWith: { min($0, $1) })
        for (i, c) in world.citizens.enumerated() where c.status == .waiting && !placedCitizens.contains(c.id) {
            guard let since = openWaiting[c.id] ?? c.referredOn, since <= asOf else { continue }
            initial.append(Initial(citizen: i, segment: DemandSegment(c), at: .waiting(since: since), plannedEnd: nil))
        }
        self.initial = initial

        // Scenarios: the baseline first.
        let policy = world.policy
        var prepared: [PreparedScenario] = []
        var valued: [String] = residences.filter(\.isOwn).map(\.id)
        for s in scenarios {
            var res = residences
            var places = basePlaces
            for n in s.newResidences {
                guard rIndex[n.residence.id] == nil, !res.contains(where: { $0.id == n.residence.id }) else {
                    throw PlanError.duplicateResidence(scenario: s.name, id: n.residence.id)
                }
                res.append(n.residence)
                for k in 0..<n.residence.places {
                    places.append(PlaceSpec(residence: res.count - 1, placeId: String(k + 1), features: n.residence.features,
                                            opensOn: n.residence.opensOn))
                }
                if !valued.contains(n.residence.id) { valued.append(n.residence.id) }
            }
            let index = Dictionary(uniqueKeysWithValues: res.enumerated().map { ($1.id, $0) })
            for cl in s.closures {
                guard let r = index[cl.residenceId] else { throw PlanError.unknownResidence(scenario: s.name, id: cl.residenceId) }
                res[r].closesOn = min(res[r].closesOn ?? cl.closesOn, cl.closesOn)
            }
            var rates = res.map { [(from: Day(daysSinceEpoch: Int32.min / 2), rate: $0.dailyRate, variable: $0.variableDailyCost)] }
            var factors: [[(from: Day, perMille: Int64)]] = res.map { _ in [] }
            let start = planStart
            for ch in s.rateChanges.sorted(by: { ($0.from ?? start) < ($1.from ?? start) }) {
                guard let r = index[ch.residenceId] else { throw PlanError.unknownResidence(scenario: s.name, id: ch.residenceId) }
                let from = ch.from ?? start
                let last = rates[r].last(where: { $0.from <= from }) ?? rates[r][0]
                var rate = ch.dailyRate ?? last.rate
                if let pm = ch.changePerMille {
                    guard let changed = last.rate.scaledChecked(1000 + pm, 1000) else {
                        throw PlanError.rateTooHigh(scenario: s.name, residence: ch.residenceId)
                    }
                    rate = changed
                    factors[r].append((from, pm))
                }
                guard rate <= Money.maximumDailyRate else { throw PlanError.rateTooHigh(scenario: s.name, residence: ch.residenceId) }
                let variable = ch.variableDailyCost ?? last.variable
                rates[r].removeAll { $0.from == from }
                rates[r].append((from, rate, variable))
                rates[r].sort { $0.from < $1.from }
            }
            // Individual rates (external stays on the plan's day) follow the percentage changes too;
            // checked here once, so the simulation's `dailyRate(of:on:)` stays within the limit.
            for i in initial {
                guard case .external(let r, let rate?, _) = i.at else { continue }
                var x = rate
                for f in factors[r] {
                    guard let y = x.scaledChecked(1000 + f.perMille, 1000), y <= Money.maximumDailyRate else {
                        throw PlanError.rateTooHigh(scenario: s.name, residence: res[r].id)
                    }
                    x = y
                }
            }
            var pIndex: [String: Int] = [:]
            for (i, p) in places.enumerated() { pIndex[res[p.residence].id + "\u{1F}" + p.placeId] = i }
            var allFeatures = res.map(\.features)
            for p in places { allFeatures[p.residence].formUnion(p.features) }
            prepared.append(PreparedScenario(scenario: s, residences: res, residenceIndex: index, places: places, placeIndex: pIndex,
                                             rates: rates, demand: EffectiveDemand(estimate: estimate, overrides: assumptions + s.demand),
                                             rateFactorSteps: factors, featuresOfResidence: allFeatures,
                                             residencesWithRateSteps: rates.indices.filter { rates[$0].count > 1 },
                                             residencesOfType: Dictionary(grouping: res.indices, by: { res[$0].offerType }),
                                             placesOfType: Dictionary(grouping: places.indices, by: { res[places[$0].residence].offerType })))
        }
        // The same for every run, so worked out once here rather than in each run.
        for s in prepared.indices { prepared[s].initialMeanStay = initial.map { prepared[s].meanStayDays(of: $0) } }
        self.scenarios = prepared
        self.valuedResidences = valued
        // Offer types with long stays are matched less often: every other matching day when stays
        // last two years or more on average, every fourth when five years or more, so a place is
        // hardly ever freed twice between two matching days.
        var every: [OfferType: Int] = [:]
        for o in OfferType.allCases {
            let segs = prepared[0].demand.segments.filter { $0.segment.offerType == o && $0.referralsPerYear > 0 }
            let weight = segs.map(\.referralsPerYear).reduce(0, +)
            let stay = weight > 0 ? segs.map { ($0.meanStayDays ?? 36_500) * $0.referralsPerYear }.reduce(0, +) / weight : 0
            var n = 1
            if options.adaptiveMatching && stay >= 730 { n = stay >= 1825 ? 4 : 2 }
            while n > 1 && perYear % n != 0 { n /= 2 }
            every[o] = n
        }
        matchEvery = every

        var active = Set<OfferType>()
        for p in prepared[0].places { active.insert(prepared[0].residences[p.residence].offerType) }
        for i in initial {
            switch i.at {
            case .own(let k): active.insert(prepared[0].residences[prepared[0].places[k].residence].offerType)
            case .external(let r, _, _): active.insert(prepared[0].residences[r].offerType)
            case .waiting: if let s = i.segment { active.insert(s.offerType) }
            }
        }
        for p in prepared { for s in p.demand.segments where s.referralsPerYear > 0 { active.insert(s.segment.offerType) } }
        for r in sheet?.rows ?? [] where r.count > 0 { active.insert(r.offerType) }
        var simulated = [active]
        for p in prepared.dropFirst() {
            var touched = Set<OfferType>()
            let s = p.scenario
            for n in s.newResidences { touched.insert(n.residence.offerType) }
            for c in s.closures { if let r = p.residenceIndex[c.residenceId] { touched.insert(p.residences[r].offerType) } }
            for c in s.rateChanges { if let r = p.residenceIndex[c.residenceId] { touched.insert(p.residences[r].offerType) } }
            for d in s.demand { touched.insert(d.offerType) }
            simulated.append(touched)
        }
        self.simulated = simulated

        // Probes: one per offer type and target group that has demand or own places.
        var keys = Set<GroupKey>()
        for p in prepared {
            for s in p.demand.segments where s.referralsPerYear > 0 { keys.formUnion(GroupKey.keys(s.segment.offerType, s.segment.targetGroups)) }
            for r in p.residences where r.isOwn { keys.formUnion(GroupKey.keys(r.offerType, r.targetGroups)) }
        }
        for r in sheet?.rows ?? [] { keys.formUnion(GroupKey.keys(r.offerType, r.targetGroups)) }
        for i in initial { if let s = i.segment { keys.formUnion(GroupKey.keys(s.offerType, s.targetGroups)) } }
        groupKeys = keys.sorted()
        groupKeyIndex = Dictionary(uniqueKeysWithValues: groupKeys.enumerated().map { ($1, $0) })
        let home = world.planningArea.first.flatMap { ReferenceData.municipalityByCode[$0] }
        probes = groupKeys.compactMap { key -> (GroupKey, Residence)? in
            guard let home else { return nil }
            let own = residences.filter { $0.isOwn && $0.offerType == key.offerType }.map(\.dailyRate.ore).sorted()
            let any = residences.filter { $0.offerType == key.offerType }.map(\.dailyRate.ore).sorted()
            guard let rate = (own.isEmpty ? any : own).middle else { return nil }
            let r = Residence(id: PlanSetup.probePrefix + key.key, name: key.label(.da), operatorKind: .own, municipalityCode: home.code,
                              postcode: nil, location: home.centroid, offerType: key.offerType, targetGroups: TargetGroups([key.targetGroup]),
                              supportLevels: 1...5, features: Features(Feature.allCases), places: 0, dailyRate: Money(ore: rate),
                              variableDailyCost: nil)
            return (key, r)
        }
        // Referrals copy a citizen of the world, so these are all the postcodes a run meets.
        kilometres = KilometreTable(postcodes: world.citizens.compactMap(\.networkPostcode),
                                    locations: prepared.flatMap { $0.residences.map(\.location) } + probes.map(\.residence.location))
        _ = policy
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

    public var description: String {
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
