import FlowSolver
import PlacementModel

/// The matching engine: who moves where on a day.
///
/// The policy is lexicographic and each level is solved exactly as a min-cost flow:
/// 1. **Own places first, in priority order.** The sets of waiting citizens that can be placed
///    together in own places are the independent sets of a transversal matroid, so the greedy
///    rule "take citizens in priority order while they can still be placed" gives a largest set,
///    and the highest-priority one among the largest. For a matroid the greedy optimum is also
///    the maximum-weight basis for ANY positive weights in the same order, so the stage solves
///    max Σ w(c) with w = n, n-1, ..., 1 by priority: integer weights, no overflow, exact.
/// 2. **Then least cost.** With that set fixed in own places and everyone else external, the
///    yearly cost (net of the state refund, plus distance, less the wish bonus) is minimised.
/// 3. **Free choice** (SEL § 108 stk. 2, ABL § 105): a wished residence that fits, has room and
///    costs at most the policy's margin above the proposal replaces it; the rest is re-solved, so
///    a freed own place goes on to the next citizen.
/// 4. **Bring home**: own places left over go to consenting externally placed citizens where the
///    yearly saving reaches the threshold (max total saving).
/// Place values come from the duals of the cost-only problem (everyone free to go own or external).
public struct Matcher {
    public let input: MatchInput
    public let policy: MatchPolicy
    public let language: Language
    public let options: MatcherOptions
    /// Distances made ahead for many runs on the same residences; nil: computed here.
    public let kilometres: KilometreTable?
    /// What a caller running the engine many times keeps between runs (`MatcherCache`); nil: none.
    let cache: MatcherCache?

    public init(input: MatchInput, policy: MatchPolicy, language: Language, options: MatcherOptions = .weekly,
                kilometres: KilometreTable? = nil, cache: MatcherCache? = nil) {
        self.init(input, policy, language, options, kilometres, cache)
    }

    /// Vacant own places with the same residence, features and availability, counted together.
    struct PlaceClass {
        let residence: Int
        let features: Features
        let availableFrom: Day
        var placeIds: [String]
    }

    enum Choice: Equatable, Hashable {
        case own(Int)
        case external(Int)
        case none
    }

    /// A place class citizen `i` fits, its cost and distance, and the day it can move in.
    /// Held as 32-bit numbers: a national run keeps 1.5 M options at once (40 bytes each, not 56).
    struct OwnOption {
        let cost: Costing.Cost
        private let classIndex: Int32
        private let kmOrNil: Int32
        let moveIn: Day
        var cls: Int { Int(classIndex) }
        var km: Int? { Matcher.km(kmOrNil) }

        init(cls: Int, cost: Costing.Cost, km: Int?, moveIn: Day) {
            self.cost = cost
            classIndex = Int32(cls)
            kmOrNil = Matcher.packed(km)
            self.moveIn = moveIn
        }
    }

    /// An external residence citizen `i` fits, with its cost and distance (32 bytes, not 48).
    struct ExtOption {
        let cost: Costing.Cost
        private let residenceIndex: Int32
        private let kmOrNil: Int32
        var res: Int { Int(residenceIndex) }
        var km: Int? { Matcher.km(kmOrNil) }

        init(res: Int, cost: Costing.Cost, km: Int?) {
            self.cost = cost
            residenceIndex = Int32(res)
            kmOrNil = Matcher.packed(km)
        }
    }

    /// A whole-km distance in 32 bits, `Int32.min` for none (no distance on Earth comes near either bound).
    static func packed(_ km: Int?) -> Int32 { km.map { Int32(clamping: $0) } ?? .min }
    static func km(_ packed: Int32) -> Int? { packed == .min ? nil : Int(packed) }

    /// A cost too large to be real, for "no residence at all": 10^12 øre = 10 bn. kr.
    static let noFitCost: Int64 = 1_000_000_000_000

    // Prepared once per run.
    var residences: [Residence] = []
    /// Each residence's terms for the rules and costs, by residence index.
    var terms: [ResidenceTerms] = []
    /// Per residence index: its places to buy (`input.externalCapacity`, 0 for an own residence),
    /// read once here: the stages ask them per residence, by id.
    var externalRoom: [Int] = []
    /// Each residence's yearly amounts as an own place and as an external one at its daily rate.
    var ownAmounts: [(gross: Money, net: Money)] = []
    var listAmounts: [(gross: Money, net: Money)] = []
    /// Each place class's move-in day (the later of the day and its vacancy) and that day's year.
    var classMoveIn: [Day] = []
    var classMoveInYear: [Int] = []
    var asOfYear = 0
    var classes: [PlaceClass] = []
    var citizens: [Citizen] = []
    /// Per citizen (by index), its own and its external options, in residence and class order.
    var ownOptions = OptionLists<OwnOption>()
    var extOptions = OptionLists<ExtOption>()
    var horizon: [Day] = []
    /// Per citizen, the distance to each residence in km (`Costing.km`).
    var km: [DistanceTable.Row] = []
    var distances = DistanceTable(residences: [])
    /// Indexes built once: the vacant place classes of each residence, own residences by offer type.
    var classesByResidence: [[Int]] = []
    var ownResidencesByOffer: [OfferType: [Int]] = [:]
    /// Per citizen, the own residences of its offer type that its target groups and support level
    /// fit, in residence order (every other own residence fails `Fit` before the rest is asked).
    var ownCandidates: [[Int]] = []
    let costing: Costing
    var stages: [StageFigures] = []
    var instances: [(stage: String, network: FlowNetwork)] = []

    init(_ input: MatchInput, _ policy: MatchPolicy, _ language: Language, _ options: MatcherOptions, _ kilometres: KilometreTable?,
         _ cache: MatcherCache? = nil) {
        self.input = input
        self.policy = policy
        self.language = language
        self.options = options
        self.kilometres = kilometres
        self.cache = cache
        self.costing = Costing(policy: policy)
    }

    public func run() throws -> MatchResult {
        var m = Matcher(input, policy, language, options, kilometres, cache)
        m.prepare()
        let result = try m.solveAll()
        return m.withBridgeSavings(result)
    }

    // MARK: Solving

    mutating func solveAll() throws -> MatchResult {
        let n = citizens.count
        var fixed: [Int: Choice] = [:]
        var freeChoice: [Int: (wished: Int, percentAbove: Int64, instead: Int)] = [:]
        var choice = try solveWaiting(fixed: fixed)

        // Free choice: honour wishes that fit, have room and are within the margin.
        var used = usage(choice)
        for i in 0..<n where citizens[i].offerType.hasFreeChoice && !citizens[i].preferredResidences.isEmpty {
            guard let current = residenceOf(choice[i]) else { continue }
            let currentRate = rate(of: choice[i], citizen: i)
            for wishedId in citizens[i].preferredResidences {
                guard let w = residences.firstIndex(where: { $0.id == wishedId }) else { continue }
                if w == current { break }
                guard let option = roomyOption(i, residence: w, used: used) else { continue }
                let wishedRate = rate(of: option, citizen: i)
                guard wishedRate.ore * 100 <= currentRate.ore * (100 + policy.freeChoiceMarginPercent) else { continue }
                let above = currentRate.ore == 0 ? 0 : Rounding.divide((wishedRate.ore - currentRate.ore) * 100, by: currentRate.ore)
                fixed[i] = option
                freeChoice[i] = (w, above, current)
                used[choice[i], default: 0] -= 1
                used[option, default: 0] += 1
                break
            }
        }
        if !fixed.isEmpty { choice = try solveWaiting(fixed: fixed) }

        let bring = try solveBringHome(remaining: remainingClassCapacity(choice))
        var result = buildResult(choice: choice, freeChoice: freeChoice, bringHome: bring)
        // Last: its network is the run's largest, and the option lists go before it is solved.
        if options.placeValues { result.placeValues = try placeValues() }
        return result
    }

    func residenceOf(_ c: Choice) -> Int? {
        switch c {
        case .own(let k): classes[k].residence
        case .external(let r): r
        case .none: nil
        }
    }

    /// The daily rate the free-choice rule compares: the residence's rate, or the agreed rate.
    func rate(of c: Choice, citizen i: Int) -> Money {
        switch c {
        case .own(let k): residences[classes[k].residence].dailyRate
        case .external(let r): citizens[i].agreedDailyRate ?? residences[r].dailyRate
        case .none: .zero
        }
    }

    func usage(_ choice: [Choice]) -> [Choice: Int] {
        var used: [Choice: Int] = [:]
        for c in choice where c != .none { used[c, default: 0] += 1 }
        return used
    }

    /// An option of citizen `i` in residence `w` with a place left, if any.
    func roomyOption(_ i: Int, residence w: Int, used: [Choice: Int]) -> Choice? {
        if residences[w].isOwn {
            for o in ownOptions[i] where classes[o.cls].residence == w && (used[.own(o.cls)] ?? 0) < classes[o.cls].placeIds.count {
                return .own(o.cls)
            }
            return nil
        }
        guard extOptions[i].contains(where: { $0.res == w }) else { return nil }
        return (used[.external(w)] ?? 0) < externalRoom[w] ? .external(w) : nil
    }

    func remainingClassCapacity(_ choice: [Choice]) -> [Int] {
        var cap = classes.map { $0.placeIds.count }
        for c in choice { if case .own(let k) = c { cap[k] -= 1 } }
        return cap
    }

    /// Stages 1 and 2 for the citizens not fixed by free choice.
    mutating func solveWaiting(fixed: [Int: Choice]) throws -> [Choice] {
        let n = citizens.count
        var classCap = classes.map { $0.placeIds.count }
        var extCap = externalRoom
        for (_, c) in fixed {
            switch c {
            case .own(let k): classCap[k] -= 1
            case .external(let r): extCap[r] -= 1
            case .none: break
            }
        }
        let free = (0..<n).filter { fixed[$0] == nil }

        // Stage 1: the largest, highest-priority set of citizens in own places. The weights are
        // distinct, so that set is unique: the flow and the greedy rule find the same one.
        var isOwn = Set<Int>()
        if options.priorityByAugmentingPaths {
            let clock = ContinuousClock(), started = clock.now
            isOwn = priorityByAugmentingPaths(free, classCapacity: classCap)
            notePriorityStage(free, kept: isOwn, classCapacity: classCap, seconds: clock.now - started)
        } else {
            let p1 = priorityProblem(free, classCapacity: classCap)
            let s1 = try p1.solve()
            noteStage("priority", p1, s1, groups: free.count)
            for (a, arc) in p1.arcs.enumerated() where s1.arcFlow[a] > 0 { isOwn.insert(free[arc.group]) }
        }

        // Stage 2: least cost with that set fixed; identical citizens share one node.
        var p2 = AssignmentProblem()
        for k in classes.indices { _ = p2.addTarget(capacity: classCap[k]) }
        let extBase = classes.count
        for r in residences.indices { _ = p2.addTarget(capacity: extCap[r]) }  // 0 for an own residence
        var groupOf: [OptionsKey: Int] = [:]
        groupOf.reserveCapacity(free.count)
        var members: [[Int]] = []
        for i in free {
            let own = isOwn.contains(i)
            let key = OptionsKey(own: own, ownOptions: ownOptions[i], extOptions: extOptions[i])
            if let g = groupOf[key] {
                members[g].append(i)
                p2.groupCounts[g] += 1
            } else {
                let g = p2.addGroup(count: 1, bypassCost: own ? nil : Self.noFitCost)
                groupOf[key] = g
                members.append([i])
                if own {
                    for o in ownOptions[i] { p2.addArc(group: g, target: o.cls, cost: o.cost.objective) }
                } else {
                    for o in extOptions[i] { p2.addArc(group: g, target: extBase + o.res, cost: o.cost.objective) }
                }
            }
        }
        groupOf = [:]
        // Arc capacities follow group counts, known only now.
        let s2 = try p2.solve()
        noteStage("cost", p2, s2, groups: members.count)

        var choice = Array(repeating: Choice.none, count: n)
        for (i, c) in fixed { choice[i] = c }
        // Within a group the members (in priority order) take the cheapest targets first.
        var arcsOfGroup: [[Int]] = Array(repeating: [], count: members.count)
        for (a, arc) in p2.arcs.enumerated() where s2.arcFlow[a] > 0 { arcsOfGroup[arc.group].append(a) }
        for (g, list) in members.enumerated() {
            var queue = list
            for a in arcsOfGroup[g].sorted(by: { (p2.arcs[$0].cost, p2.arcs[$0].target) < (p2.arcs[$1].cost, p2.arcs[$1].target) }) {
                for _ in 0..<s2.arcFlow[a] where !queue.isEmpty {
                    let i = queue.removeFirst()
                    let t = p2.arcs[a].target
                    choice[i] = t < extBase ? .own(t) : .external(t - extBase)
                }
            }
        }
        return choice
    }

    /// Stage 1 as a min-cost flow: one group per free citizen (in priority order) with weight
    /// n, n-1, ..., 1 on each of its own options, and a bypass at cost 0.
    func priorityProblem(_ free: [Int], classCapacity classCap: [Int]) -> AssignmentProblem {
        var p1 = AssignmentProblem()
        for k in classes.indices { _ = p1.addTarget(capacity: classCap[k]) }
        for (pos, i) in free.enumerated() {
            let g = p1.addGroup(count: 1, bypassCost: 0)
            let weight = Int64(free.count - pos)
            for o in ownOptions[i] { p1.addArc(group: g, target: o.cls, cost: -weight) }
        }
        return p1
    }

    /// The figures of stage 1 found by the greedy rule: those of the flow it equals (the network's
    /// size, and its cost -Σ weight over the kept citizens), with no pivots. The network itself is
    /// built only when it is kept for export.
    mutating func notePriorityStage(_ free: [Int], kept: Set<Int>, classCapacity: [Int], seconds: Duration) {
        var optionCount = 0, cost: Int64 = 0
        for (pos, i) in free.enumerated() {
            optionCount += ownOptions[i].count
            if kept.contains(i) { cost -= Int64(free.count - pos) }
        }
        let parts = seconds.components
        stages.append(StageFigures(stage: "priority", nodes: free.count + classes.count + 1, arcs: optionCount + classes.count + free.count,
                                   citizenGroups: free.count, pivots: 0,
                                   seconds: Double(parts.seconds) + Double(parts.attoseconds) * 1e-18, cost: cost))
        if options.keepsInstances { instances.append(("priority", priorityProblem(free, classCapacity: classCapacity).network())) }
    }

    mutating func noteStage(_ stage: String, _ p: AssignmentProblem, _ s: AssignmentProblem.Solution, groups: Int) {
        stages.append(StageFigures(stage: stage, nodes: s.network.nodeCount, arcs: s.network.arcCount, citizenGroups: groups,
                                   pivots: s.flow.statistics.pivots, seconds: s.flow.statistics.seconds, cost: s.flow.totalCost))
        if options.keepsInstances { instances.append((stage, s.network)) }
    }

    // MARK: Bring home

    struct BringHome { let stay: Int; let cls: Int; let saving: Money; let cost: Costing.Cost; let km: Int?; let moveIn: Day }

    mutating func solveBringHome(remaining: [Int]) throws -> [BringHome] {
        // Never without consent, whatever the input says.
        let stays = input.externalStays.filter { $0.citizen.openToMove }.sorted { $0.citizen.id < $1.citizen.id }
        guard !stays.isEmpty, remaining.contains(where: { $0 > 0 }) else { return [] }
        let classesWithRoom = Self.classesOf(classes, residenceCount: residences.count, include: { remaining[$0] > 0 })
        let threshold = Money(kroner: policy.bringHomeThresholdKr)
        var p = AssignmentProblem()
        for cap in remaining { _ = p.addTarget(capacity: max(0, cap)) }
        var options: [[OwnOption]] = []
        for (s, stay) in stays.enumerated() {
            let g = p.addGroup(count: 1, bypassCost: 0)
            precondition(g == s)
            let current = costing.currentExternal(dailyRate: stay.dailyRate).net
            let h = input.asOf.adding(days: policy.allowedWaitDays)
            let opts = ownOptionsFor(stay.citizen, km: distances.row(for: stay.citizen), horizon: h,
                                     own: ownResidencesByOffer[stay.citizen.offerType] ?? [], classesByResidence: classesWithRoom)
                .filter { current - $0.cost.net >= threshold }
            options.append(opts)
            for o in opts { p.addArc(group: g, target: o.cls, cost: -(current - o.cost.net).ore) }
        }
        let sol = try p.solve()
        noteStage("bring_home", p, sol, groups: stays.count)
        var out: [BringHome] = []
        for (a, arc) in p.arcs.enumerated() where sol.arcFlow[a] > 0 {
            let o = options[arc.group].first { $0.cls == arc.target }!
            let current = costing.currentExternal(dailyRate: stays[arc.group].dailyRate).net
            out.append(BringHome(stay: arc.group, cls: arc.target, saving: current - o.cost.net, cost: o.cost, km: o.km, moveIn: o.moveIn))
        }
        return out
    }

    // MARK: Place values

    /// What one more place in each own residence would save a year: from the duals of the
    /// cost-only problem. With `rc(u,v) = cost - π(u) + π(v)`, `π(g) - π(t)` is what one more
    /// unit of group g costs at the margin; a place at r saves that less its own cost at r.
    ///
    /// The last step of a run: it lets go of the option lists once the network is built from them,
    /// so that they (60 MB at national scale) and the solver's copy of the network are not held
    /// at once.
    mutating func placeValues() throws -> [PlaceValue] {
        let extBase = classes.count
        let targetCapacity = classes.map { $0.placeIds.count } + externalRoom
        var groupOf: [PlaceValueKey: Int] = [:]
        groupOf.reserveCapacity(citizens.count)  // no rehashing of every key as it grows
        var representative: [Int] = [], counts: [Int] = [], arcCount = 0
        for i in citizens.indices {
            let key = PlaceValueKey(ownOptions: ownOptions[i], extOptions: extOptions[i], citizen: citizens[i])
            if let g = groupOf[key] { counts[g] += 1; continue }
            groupOf[key] = representative.count
            representative.append(i)
            counts.append(1)
            arcCount += ownOptions[i].count + extOptions[i].count
        }
        groupOf = [:]
        guard !representative.isEmpty else { return residences.filter(\.isOwn).map { PlaceValue(residenceId: $0.id, annualValue: .zero) } }
        // Only the duals are read: the network is built straight from the representatives'
        // options, arc for arc as `AssignmentProblem` lays it out, with no list of arcs beside it.
        let net = AssignmentProblem.network(groupCounts: counts, bypassCost: Array(repeating: Self.noFitCost, count: counts.count),
                                            targetCapacity: targetCapacity, arcCount: arcCount) { add in
            for (g, i) in representative.enumerated() {
                for o in ownOptions[i] { add(g, o.cls, o.cost.objective) }
                for o in extOptions[i] { add(g, extBase + o.res, o.cost.objective) }
            }
        }
        ownOptions = OptionLists()
        extOptions = OptionLists()
        let sol = MinCostFlow.solve(net)
        guard sol.status == .optimal else { throw AssignmentProblem.Failure.solver(sol.status) }
        let sink = counts.count + targetCapacity.count
        var values: [PlaceValue] = []
        var best = Array(repeating: Int64(0), count: residences.count)
        for (g, i) in representative.enumerated() {
            let margin = sol.potentials[g] - sol.potentials[sink]
            guard margin < Self.noFitCost / 2 else { continue }
            let c = citizens[i]
            for r in ownCandidates[i] {
                let km = self.km[i][r]
                guard Fit.failure(c, terms[r], excluded: excludes(c, r), moveIn: input.asOf, moveInYear: asOfYear, km: km) == nil else { continue }
                best[r] = max(best[r], margin - costing.cost(ownAmounts[r], wished: wishes(c, r), km: km).objective)
            }
        }
        for r in residences.indices where residences[r].isOwn {
            values.append(PlaceValue(residenceId: residences[r].id, annualValue: Money(ore: best[r])))
        }
        return values
    }
}
