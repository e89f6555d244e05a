import PlacementMatching
import PlacementModel

/// A figure of a simulated year, with its unit.
public enum Figure: Int, CaseIterable, Codable, Sendable {
    /// New referrals during the year (citizens).
    case referrals
    /// On 31 December: citizens placed (own or external) or waiting.
    case demand
    /// On 31 December: own places open (places).
    case ownPlaces
    /// On 31 December: citizens in own places.
    case placedOwn
    /// On 31 December: citizens in external places.
    case placedExternal
    /// On 31 December: citizens waiting.
    case waiting
    /// During the year: moves into own places (citizens), not counting moves home.
    case newOwn
    /// During the year: external purchases started (citizens).
    case newExternal
    /// During the year: moves home from external places (citizens).
    case broughtHome
    /// External purchases, net of the state refund (øre per year).
    case externalCost
    /// Own residences: fixed cost of open places not sold, variable cost of occupied ones, less
    /// the state refund on own citizens' cases (øre per year).
    case ownCost
    /// The fixed cost of own place-days left vacant (øre per year), part of `ownCost`.
    case vacancyCost
    /// `ownCost` + `externalCost` (øre per year).
    case totalCost
    /// Occupied own place-days per 1.000 open place-days.
    case occupancyPerMille

    public enum Unit: String, Codable, Sendable { case citizens, places, money, perMille }

    public var unit: Unit {
        switch self {
        case .ownPlaces: .places
        case .externalCost, .ownCost, .vacancyCost, .totalCost: .money
        case .occupancyPerMille: .perMille
        default: .citizens
        }
    }
}

/// The yearly figures of one run.
struct YearFigures: Sendable {
    var scalars: [Int64] = Array(repeating: 0, count: Figure.allCases.count)
    /// By group key (offer type × target group), on 31 December.
    var groupDemand: [Int64]
    var groupCapacity: [Int64]
    var groupOwn: [Int64]
    var groupExternal: [Int64]
    /// Value of one more place, by valued residence then probe; `Int64.min`: not in this scenario
    /// (or not of the offer type simulated).
    var placeValues: [Int64]
    /// Own place-days open (not sold) and occupied, for the occupancy.
    var openDays: Int64 = 0
    var occupiedDays: Int64 = 0

    /// The figures of another offer type added (occupancy recomputed, place values merged).
    mutating func add(_ o: YearFigures) {
        for i in scalars.indices { scalars[i] += o.scalars[i] }
        for i in groupDemand.indices {
            groupDemand[i] += o.groupDemand[i]
            groupCapacity[i] += o.groupCapacity[i]
            groupOwn[i] += o.groupOwn[i]
            groupExternal[i] += o.groupExternal[i]
        }
        for i in placeValues.indices { placeValues[i] = max(placeValues[i], o.placeValues[i]) }
        openDays += o.openDays
        occupiedDays += o.occupiedDays
        self[.occupancyPerMille] = openDays > 0 ? Rounding.divide(occupiedDays * 1000, by: openDays) : 0
    }

    subscript(_ f: Figure) -> Int64 {
        get { scalars[f.rawValue] }
        set { scalars[f.rawValue] = newValue }
    }
}

/// Turns a run's stays and waiting periods into yearly figures: per year the people (stocks on
/// 31 December and flows), the own places (capacity, occupancy, cost), the external stays'
/// cost, the totals and the value of one more place, each a step of its own.
struct Accounting {
    let run: SimulationRun
    let setup: PlanSetup
    let sc: PlanSetup.PreparedScenario
    /// Prices are the matching engine's (`Costing`): the same variable cost and refund.
    let costing: Costing
    /// The run's stays in each own place (indices into `run.stays`).
    let staysAt: [[Int]]
    /// The plan's groups each person and each residence (of the run's offer type) counts in,
    /// looked up once, not per year.
    let groupsOfPerson: [[Int]]
    let groupsOfResidence: [[Int]]
    /// Per valued residence then probe: whether it is of the run's offer type.
    let present: [Bool]
    var nValues: Int { present.count }

    static let farFuture = Day(daysSinceEpoch: Int32.max / 2)

    static func figures(_ run: SimulationRun) throws -> [YearFigures] {
        let accounting = Accounting(run)
        return try (0..<run.setup.options.years).map(accounting.year)
    }

    init(_ run: SimulationRun) {
        self.run = run
        let setup = run.setup, sc = run.scenario
        self.setup = setup
        self.sc = sc
        costing = Costing(policy: setup.world.policy)
        var staysAt: [[Int]] = Array(repeating: [], count: sc.places.count)
        for (i, s) in run.stays.enumerated() where s.place >= 0 { staysAt[s.place].append(i) }
        self.staysAt = staysAt
        let o = run.offerType
        present = setup.valuedResidences.map { id in sc.residenceIndex[id].map { sc.residences[$0].offerType == o } ?? false }
            + setup.probes.map { $0.key.offerType == o }
        func groupIndices(_ offerType: OfferType, _ groups: TargetGroups) -> [Int] {
            GroupKey.keys(offerType, groups).compactMap { setup.groupKeyIndex[$0] }
        }
        // A run's thousands of people share a few target groups (and have the run's offer type):
        // each combination is looked up once.
        var ofGroups: [TargetGroups: [Int]] = [:]
        groupsOfPerson = run.people.indices.map { i in
            let s = run.people[i].segment
            guard s.offerType == o else { return groupIndices(s.offerType, s.targetGroups) }
            if let known = ofGroups[s.targetGroups] { return known }
            let list = groupIndices(o, s.targetGroups)
            ofGroups[s.targetGroups] = list
            return list
        }
        // Only the run's offer type's own places are counted (`ownPlaces`).
        groupsOfResidence = sc.residences.indices.map { r in
            sc.residences[r].offerType == o ? groupIndices(o, sc.residences[r].targetGroups) : []
        }
    }

    /// The earlier of two days that may be absent.
    static func earlier(_ a: Day?, _ b: Day?) -> Day? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    /// The days of `[a, b)` (nil `b`: open) within `[lo, hi)`.
    func overlap(_ a: Day, _ b: Day?, _ lo: Day, _ hi: Day) -> Int { max(0, max(a, lo).days(until: min(b ?? Self.farFuture, hi))) }

    /// The figures of plan year `y`.
    func year(_ y: Int) throws -> YearFigures {
        let groups = setup.groupKeys.count
        let y0 = setup.yearStarts[y], y1 = setup.yearStarts[y + 1]
        var f = YearFigures(groupDemand: Array(repeating: 0, count: groups), groupCapacity: Array(repeating: 0, count: groups),
                            groupOwn: Array(repeating: 0, count: groups), groupExternal: Array(repeating: 0, count: groups),
                            placeValues: Array(repeating: Int64.min, count: nValues))
        countPeople(&f, from: y0, to: y1)
        let own = ownPlaces(&f, from: y0, to: y1)
        let external = try externalCost(from: y0, to: y1, year: setup.years[y])
        try addCosts(&f, own: own, external: external, year: setup.years[y])
        placeValues(&f, from: y0, to: y1)
        return f
    }

    /// Referrals during the year, who is placed or waiting on 31 December (in all and by
    /// group), and the moves that started during the year.
    func countPeople(_ f: inout YearFigures, from y0: Day, to y1: Day) {
        let last = y1.adding(days: -1)
        // By index: a person is a whole citizen, not copied to read two fields.
        for i in run.people.indices where run.people[i].isReferral && run.people[i].arrival >= y0 && run.people[i].arrival < y1 {
            f[.referrals] += 1
        }
        // Stocks on 31 December.
        for s in run.stays where s.person >= 0 && s.from <= last && (s.to.map { $0 > last } ?? true) {
            let g = groupsOfPerson[s.person]
            if s.place >= 0 {
                f[.placedOwn] += 1
                for i in g { f.groupOwn[i] += 1; f.groupDemand[i] += 1 }
            } else {
                f[.placedExternal] += 1
                for i in g { f.groupExternal[i] += 1; f.groupDemand[i] += 1 }
            }
        }
        for w in run.waits where w.from <= last && (w.to.map { $0 > last } ?? true) {
            f[.waiting] += 1
            for i in groupsOfPerson[w.person] { f.groupDemand[i] += 1 }
        }
        f[.demand] = f[.placedOwn] + f[.placedExternal] + f[.waiting]
        // Flows during the year.
        for s in run.stays where s.person >= 0 && s.from >= y0 && s.from < y1 && s.from > setup.world.asOf {
            if s.isBringHome { f[.broughtHome] += 1 } else if s.place >= 0 { f[.newOwn] += 1 } else { f[.newExternal] += 1 }
        }
    }

    /// What the own places of the run's offer type cost in a year, and their days.
    struct OwnPlaceSums {
        var fixed = CheckedSum(), variable = CheckedSum(), refund = CheckedSum(), vacancy = CheckedSum()
        var openDays: Int64 = 0, occupiedDays: Int64 = 0
    }

    /// Own places: capacity on 31 December (into `f`), occupancy and cost, per rate period.
    func ownPlaces(_ f: inout YearFigures, from y0: Day, to y1: Day) -> OwnPlaceSums {
        let last = y1.adding(days: -1)
        var sums = OwnPlaceSums()
        // The run's own places, in index order (a run is thousands of years of place-days: no
        // scan of the other offer types' places, no array per place).
        for k in sc.placesOfType[run.offerType] ?? [] {
            let place = sc.places[k]
            let res = sc.residences[place.residence]
            let opens = place.opensOn ?? Day(daysSinceEpoch: Int32.min / 2)
            let closes = Self.earlier(run.placeClosed[k], res.closesOn)
            if opens <= last && (closes.map { $0 > last } ?? true) {
                f[.ownPlaces] += 1
                for i in groupsOfResidence[place.residence] { f.groupCapacity[i] += 1 }
            }
            let steps = sc.rates[place.residence]
            for (j, step) in steps.enumerated() {
                let lo = max(y0, step.from, opens)
                let hi = min(y1, j + 1 < steps.count ? steps[j + 1].from : y1, closes ?? y1)
                guard lo < hi else { continue }
                let open = lo.days(until: hi)
                var own = 0, sold = 0
                for si in staysAt[k] {
                    let d = overlap(run.stays[si].from, run.stays[si].to, lo, hi)
                    if run.stays[si].person >= 0 { own += d } else { sold += d }
                }
                let v = costing.variableDailyCost(dailyRate: step.rate, variable: step.variable)
                let fixedDaily = max(.zero, step.rate - v)
                sums.fixed.add(fixedDaily, times: open - sold)
                sums.variable.add(v, times: own)
                sums.refund.add(costing.annualRefund(dailyRate: step.rate).scaled(Int64(own), 365))
                sums.vacancy.add(fixedDaily, times: max(0, open - own - sold))
                sums.openDays += Int64(open)
                sums.occupiedDays += Int64(own + sold)
            }
        }
        return sums
    }

    /// External stays, per rate period of their residence (an individual rate follows the
    /// scenario's percentage changes), net of the state refund.
    func externalCost(from y0: Day, to y1: Day, year: Int) throws -> CheckedSum {
        var external = CheckedSum()
        for s in run.stays where s.place < 0 && s.person >= 0 {
            let steps = sc.rates[s.residence]
            for (j, step) in steps.enumerated() {
                let lo = max(y0, step.from), hi = min(y1, j + 1 < steps.count ? steps[j + 1].from : y1)
                guard lo < hi else { continue }
                let d = overlap(s.from, s.to, lo, hi)
                guard d > 0 else { continue }
                var rate = step.rate
                if let own = s.individualRate {
                    rate = own
                    for x in sc.rateFactorSteps[s.residence] where x.from <= lo {
                        guard let r = rate.scaledChecked(1000 + x.perMille, 1000) else { throw PlanError.amountTooLarge(year: year) }
                        rate = r
                    }
                }
                external.add(rate, times: d)
                external.add(-costing.annualRefund(dailyRate: rate).scaled(Int64(d), 365))
            }
        }
        return external
    }

    /// The cost figures and the occupancy from the sums; an overflow refuses the plan.
    func addCosts(_ f: inout YearFigures, own: OwnPlaceSums, external: CheckedSum, year: Int) throws {
        var ownCost = own.fixed
        ownCost.add(own.variable.total)
        ownCost.add(-own.refund.total)
        var total = ownCost
        total.add(external.total)
        guard ![own.fixed, own.variable, own.refund, own.vacancy, external, ownCost, total].contains(where: \.overflowed) else {
            throw PlanError.amountTooLarge(year: year)
        }
        f[.externalCost] = external.total.ore
        f[.ownCost] = ownCost.total.ore
        f[.vacancyCost] = own.vacancy.total.ore
        f[.totalCost] = total.total.ore
        f.openDays = own.openDays
        f.occupiedDays = own.occupiedDays
        f[.occupancyPerMille] = own.openDays > 0 ? Rounding.divide(own.occupiedDays * 1000, by: own.openDays) : 0
    }

    /// The value of one more place: the most it was worth at a matching day of the year
    /// (once filled, a place saves that much a year for as long as its resident stays).
    func placeValues(_ f: inout YearFigures, from y0: Day, to y1: Day) {
        for (si, t) in setup.stepDays.enumerated() where t >= y0 && t < y1 {
            let values = si < run.stepValues.count ? run.stepValues[si] : []
            for i in 0..<nValues where present[i] {
                let v = values.isEmpty ? 0 : max(0, values[i] == Int64.min ? 0 : values[i])
                f.placeValues[i] = max(f.placeValues[i], v)
            }
        }
        for i in 0..<nValues where present[i] && f.placeValues[i] == Int64.min { f.placeValues[i] = 0 }
    }
}

/// A sum of øre that notes an overflow instead of trapping. The limits on input (`Money`) keep
/// real plans far from Int64; a plan of absurd but accepted rates, places and rate changes is
/// refused as a whole (`PlanError.amountTooLarge`) rather than stopping the program.
struct CheckedSum {
    private(set) var total = Money.zero
    private(set) var overflowed = false

    mutating func add(_ amount: Money, times n: Int = 1) {
        guard !overflowed, let product = amount.multiplied(by: Int64(n)), let sum = total.adding(product) else {
            overflowed = true
            return
        }
        total = sum
    }
}
