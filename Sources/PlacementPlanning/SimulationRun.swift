import Foundation
import PlacementMatching
import PlacementModel

/// One simulated run of one scenario: from the plan's day to the end of its last year, matched
/// by the matching engine a few times a year (quarterly), exactly as the weekly matching would:
///
/// 1. At each matching day T (until the next one, T2): residences closing before T2 close and
///    their residents wait again from that day; referrals arriving before T2 join the waiting
///    list (referred on their arrival day, needed by it).
/// 2. The engine is run on T with the own places free before T2 + the allowed wait (places of a
///    residence closing within a year are not offered), the external residences' free places,
///    the waiting citizens and the consenting externally placed citizens (bring home).
/// 3. Its proposals are carried out: own places from the later of arrival and the place's
///    vacancy, external purchases from arrival, moves home from the vacancy. A citizen's need
///    ends on a day drawn at referral (or planned), wherever they are by then.
///
/// The run records stays and waiting periods; `Accounting` turns them into yearly figures.
struct SimulationRun {
    struct Person {
        var citizen: Citizen
        var segment: DemandSegment
        var arrival: Day
        /// The day the need ends; nil: not within the plan.
        var needEnd: Day?
        /// A referral within the plan (not someone already placed or waiting on the plan's day).
        var isReferral: Bool
        var state: State
        /// Waiting again because their residence closed.
        var relocating = false
    }

    enum State { case pending, waiting, own(stay: Int), external(stay: Int), left }

    struct Stay {
        /// Index into `people`; -1: a place sold outside the planning area.
        var person: Int
        var residence: Int
        /// Own place index; -1 for an external stay.
        var place: Int
        var from: Day
        var to: Day?
        /// The stay's own daily rate (an agreed or individual rate), external stays only.
        var individualRate: Money?
        var isBringHome: Bool
        /// Started because the person's residence closed.
        var isRelocation: Bool
    }

    struct Wait { var person: Int; var from: Day; var to: Day? }

    let setup: PlanSetup
    let scenario: PlanSetup.PreparedScenario
    let run: Int
    /// The offer type this run simulates: offer types never share a citizen, a place or a
    /// residence, so each is simulated on its own and the figures are added up.
    let offerType: OfferType

    var people: [Person] = []
    var stays: [Stay] = []
    var waits: [Wait] = []
    /// Per person, the open waiting record.
    var openWait: [Int: Int] = [:]
    /// Per own place: free from this day (nil: occupied with no end in the plan).
    var freeFrom: [Day?] = []
    var placeClosed: [Day?] = []
    /// Place values seen at each matching day: [step][valued residence or probe] in øre per year.
    var stepValues: [[Int64]] = []
    var matcherSeconds: Double = 0
    var matcherCalls = 0
    /// Each person's index by citizen id.
    var personIndex: [String: Int] = [:]
    /// Each residence's side of the hard rules, by index into `scenario.residences`.
    let terms: [ResidenceTerms]
    /// Each residence's column in `setup.kilometres` (nil: not in it), so that a person's
    /// distances are read from the table, not worked out again per residence.
    let kilometreColumns: [Int?]
    /// The engine's residences' side, kept from one matching day of the run to the next (the
    /// residences change only when one closes, a rate step starts or an external one fills up).
    let matcherCache = MatcherCache()
    /// The residences last listed for the engine (`matchInputs`), with what they were listed by
    /// (nil: none yet).
    final class Listing {
        var signature: [Int]?
        var residences: [Residence] = []
    }
    let listing = Listing()

    init(setup: PlanSetup, scenario: Int, run: Int, offerType: OfferType) {
        self.setup = setup
        self.scenario = setup.scenarios[scenario]
        terms = setup.scenarios[scenario].residences.map(ResidenceTerms.init)
        kilometreColumns = setup.scenarios[scenario].residences.map { setup.kilometres.column(of: $0.location) }
        self.run = run
        self.offerType = offerType
    }

    /// The offer type of someone on the plan's day.
    func offerType(of i: PlanSetup.Initial) -> OfferType? {
        switch i.at {
        case .own(let k): scenario.residences[scenario.places[k].residence].offerType
        case .external(let r, _, _): scenario.residences[r].offerType
        case .waiting: i.segment?.offerType
        }
    }

    // MARK: Random draws

    /// A stay's length in days with the given mean: exponential, or the mean itself without randomness.
    func stayDays(mean: Double?, _ rng: inout SplitMixRandom) -> Int? {
        guard let mean else { return nil }
        if setup.options.arrivals == .fixed { return max(1, Int(mean.rounded())) }
        return rng.exponentialDays(mean: mean)
    }

    // MARK: People

    mutating func addInitial() {
        let asOf = setup.world.asOf
        let seed = setup.options.seed
        freeFrom = scenario.places.map { p in max(asOf, p.opensOn ?? asOf) }
        placeClosed = Array(repeating: nil, count: scenario.places.count)
        for (n, i) in setup.initial.enumerated() where offerType(of: i) == offerType {
            let key = i.citizen.map { setup.world.citizens[$0].id } ?? "outsider-\(n)"
            var rng = SplitMixRandom(seed: seed, UInt64(run), stableHash(key))
            let mean = scenario.initialMeanStay[n]
            let end = i.plannedEnd ?? stayDays(mean: mean, &rng).map { asOf.adding(days: $0) }
            // Someone placed or waiting on the plan's day has a segment (PlanSetup makes one for
            // every citizen); only a place sold outside the area has no citizen.
            guard let segment = i.segment else { continue }
            switch i.at {
            case .own(let k):
                var person = -1
                if let ci = i.citizen {
                    person = people.count
                    people.append(Person(citizen: setup.world.citizens[ci], segment: segment, arrival: asOf, needEnd: end,
                                         isReferral: false, state: .own(stay: stays.count)))
                }
                stays.append(Stay(person: person, residence: scenario.places[k].residence, place: k, from: asOf, to: end,
                                  individualRate: nil, isBringHome: false, isRelocation: false))
                freeFrom[k] = end
            case .external(let r, let rate, let since):
                guard let ci = i.citizen else { continue }
                people.append(Person(citizen: setup.world.citizens[ci], segment: segment, arrival: asOf, needEnd: end,
                                     isReferral: false, state: .external(stay: stays.count)))
                stays.append(Stay(person: people.count - 1, residence: r, place: -1, from: min(since, asOf), to: end,
                                  individualRate: rate, isBringHome: false, isRelocation: false))
            case .waiting(let since):
                guard let ci = i.citizen else { continue }
                var c = setup.world.citizens[ci]
                c.referredOn = since
                people.append(Person(citizen: c, segment: segment, arrival: asOf, needEnd: end, isReferral: false, state: .waiting))
                openWait[people.count - 1] = waits.count
                waits.append(Wait(person: people.count - 1, from: asOf, to: nil))
            }
        }
    }

    /// A new referral's citizen, drawn like a template of its segment.
    func referral(_ segment: DemandSegment, templates: [Int], id: String, arrival: Day, _ rng: inout SplitMixRandom) -> Citizen {
        var c: Citizen
        if templates.isEmpty {
            c = Citizen(id: id, homeMunicipalityCode: setup.world.planningArea.first ?? 0, targetGroups: segment.targetGroups,
                        offerType: segment.offerType, supportLevel: segment.supportLevel, status: .waiting)
        } else {
            let t = setup.world.citizens[templates[rng.index(templates.count)]]
            c = t
            c.id = id
            // The same age at referral as the template had at its own.
            if let by = t.birthYear, let ref = t.referredOn { c.birthYear = arrival.year - (ref.year - by) }
            c.preferredResidences = []
            c.excludedResidences = []
            c.agreedDailyRate = nil
            c.neededBy = nil
        }
        c.offerType = segment.offerType
        c.targetGroups = segment.targetGroups
        c.supportLevel = segment.supportLevel
        c.status = .waiting
        c.referredOn = arrival
        return c
    }

    /// Every referral of the run, arrival order: Poisson arrivals per segment and year, and the
    /// demand sheet's known referrals, spread evenly over their year.
    mutating func addReferrals() {
        let seed = setup.options.seed
        let asOf = setup.world.asOf
        let fixed = setup.options.arrivals == .fixed
        var new: [Person] = []
        // Periods: the stub before the first plan year (at the first year's rates), then each year.
        var periods: [(from: Day, to: Day, yearIndex: Int)] = []
        if asOf < setup.planStart { periods.append((asOf, setup.planStart, 0)) }
        for y in 0..<setup.options.years { periods.append((setup.yearStarts[y], setup.yearStarts[y + 1], y)) }
        for s in scenario.demand.segments where s.segment.offerType == offerType {
            // The segment's text key (part of every referral's id), written once per segment, not per period.
            let segmentKey = s.key
            for (pi, p) in periods.enumerated() {
                let days = p.from.days(until: p.to)
                let perDay = s.rate(yearIndex: p.yearIndex) / 365
                guard perDay > 0 else { continue }
                var rng = SplitMixRandom(seed: seed, UInt64(run), s.keyHash, UInt64(pi))
                var arrivals: [Int] = []
                if fixed {
                    let n = Int((perDay * Double(days)).rounded())
                    arrivals = (0..<n).map { ((2 * $0 + 1) * days) / (2 * n) }
                } else {
                    var t = 0.0
                    while true {
                        t += -log(rng.unitOpen()) / perDay
                        if t >= Double(days) { break }
                        arrivals.append(Int(t))
                    }
                }
                let idPrefix = "~\(segmentKey)#\(pi)."
                for (k, offset) in arrivals.enumerated() {
                    let day = p.from.adding(days: offset)
                    var draw = SplitMixRandom(seed: seed, UInt64(run), s.keyHash, UInt64(pi), UInt64(k) &+ 1_000_003)
                    let c = referral(s.segment, templates: s.templates, id: idPrefix + String(k), arrival: day, &draw)
                    let end = stayDays(mean: s.meanStayDays, &draw).map { day.adding(days: $0) }
                    new.append(Person(citizen: c, segment: s.segment, arrival: day, needEnd: end, isReferral: true, state: .pending))
                }
            }
        }
        for row in setup.sheet?.rows ?? [] where row.offerType == offerType {
            let y = row.year - setup.planStart.year
            guard y >= 0, y < setup.options.years, row.count > 0 else { continue }
            let from = setup.yearStarts[y], days = from.days(until: setup.yearStarts[y + 1])
            for k in 0..<row.count {
                let day = from.adding(days: ((2 * k + 1) * days) / (2 * row.count))
                var draw = SplitMixRandom(seed: seed, UInt64(run), stableHash("sheet"), UInt64(row.line), UInt64(k))
                let candidates = scenario.demand.segments.filter { s in
                    s.segment.offerType == row.offerType && s.segment.targetGroups == row.targetGroups
                        && (row.supportLevel.map { s.segment.supportLevel == $0 } ?? true)
                }
                let pool = candidates.flatMap(\.templates)
                var segment = DemandSegment(offerType: row.offerType, targetGroups: row.targetGroups, supportLevel: row.supportLevel ?? 3)
                var templates: [Int] = []
                if !pool.isEmpty {
                    let t = pool[draw.index(pool.count)]
                    templates = [t]
                    if row.supportLevel == nil { segment.supportLevel = setup.world.citizens[t].supportLevel }
                }
                let c = referral(segment, templates: templates, id: "~sheet#\(row.line).\(k)", arrival: day, &draw)
                let end = stayDays(mean: scenario.demand.meanStayDays(segment), &draw).map { day.adding(days: $0) }
                new.append(Person(citizen: c, segment: segment, arrival: day, needEnd: end, isReferral: true, state: .pending))
            }
        }
        // Sorted by index, not moving the people themselves (a person is some hundred bytes).
        let order = new.indices.sorted { (new[$0].arrival, new[$0].citizen.id) < (new[$1].arrival, new[$1].citizen.id) }
        people.reserveCapacity(people.count + new.count)
        for i in order { people.append(new[i]) }
    }

    // MARK: Running

    mutating func simulate() throws {
        addInitial()
        addReferrals()
        personIndex = Dictionary(people.enumerated().map { ($1.citizen.id, $0) }, uniquingKeysWith: { a, _ in a })
        let policy = setup.world.policy
        let wait = policy.allowedWaitDays
        let steps = setup.stepDays
        // Referrals not yet on the list, per offer type, in arrival order.
        var pending: [OfferType: [Int]] = [:]
        for (p, person) in people.enumerated() {
            if case .pending = person.state { pending[person.segment.offerType, default: []].append(p) }
        }
        var nextPending: [OfferType: Int] = [:]
        let valuedIndex = Dictionary(uniqueKeysWithValues: setup.valuedResidences.enumerated().map { ($1, $0) })
        let probeIndex = Dictionary(uniqueKeysWithValues: setup.probes.enumerated().map { ($1.residence.id, setup.valuedResidences.count + $0) })
        let closing = scenario.residences.indices.filter { scenario.residences[$0].closesOn != nil && scenario.residences[$0].offerType == offerType }
        fitsSomewhere = Array(repeating: nil, count: people.count)

        for (si, t) in steps.enumerated() {
            let t2 = si + 1 < steps.count ? steps[si + 1] : setup.planEnd
            // Closures before the next matching day: residents wait again from the closing day, and
            // their offer type is matched now.
            var forced = Set<OfferType>()
            for r in closing {
                guard let day = scenario.residences[r].closesOn else { continue }  // `closing` holds only these
                guard day >= t && day < t2 || (si == 0 && day < t) else { continue }
                let on = max(day, t)
                for k in scenario.places.indices where scenario.places[k].residence == r { placeClosed[k] = on }
                for s in stays.indices where stays[s].residence == r && (stays[s].to.map { $0 > on } ?? true) && stays[s].from <= on {
                    stays[s].to = on
                    let p = stays[s].person
                    guard p >= 0 else { continue }
                    if people[p].needEnd.map({ $0 <= on }) ?? false { people[p].state = .left; continue }
                    people[p].state = .waiting
                    people[p].relocating = true
                    people[p].citizen.referredOn = on
                    people[p].citizen.neededBy = on
                    openWait[p] = waits.count
                    waits.append(Wait(person: p, from: on, to: nil))
                    forced.insert(people[p].segment.offerType)
                }
            }
            // The offer types matched today, each until its next matching day.
            var windows: [OfferType: Day] = [:]
            for o in [offerType] where setup.matchesAt(step: si, o) || forced.contains(o) {
                windows[o] = setup.nextMatch(after: si, o)
            }
            // Referrals arriving before that join the list.
            for (o, until) in windows {
                guard let list = pending[o] else { continue }
                var i = nextPending[o] ?? 0
                while i < list.count && people[list[i]].arrival < until {
                    let p = list[i]
                    people[p].state = .waiting
                    openWait[p] = waits.count
                    waits.append(Wait(person: p, from: people[p].arrival, to: nil))
                    i += 1
                }
                nextPending[o] = i
            }
            // Whoever's need ended while waiting leaves the list; who fits no residence of their
            // offer type at all is left out of the engine's input (it could only say "no fit").
            var waiting: [Int] = []
            // `windows` holds at most the run's offer type: whether it is matched today, asked once.
            let matchedToday = windows[offerType] != nil
            for (p, w) in openWait.sorted(by: { $0.key < $1.key }) {
                if let end = people[p].needEnd, end <= t {
                    waits[w].to = end
                    people[p].state = .left
                    openWait[p] = nil
                } else if matchedToday && people[p].segment.offerType == offerType && fitsSomeResidence(p) {
                    waiting.append(p)
                }
            }

            // The engine per offer type: a citizen is only ever placed in the granted offer type, so
            // the problem separates exactly; each part is solved with only its own residences.
            var values = Array(repeating: Int64(0), count: setup.valuedResidences.count + setup.probes.count)
            var ran = false
            // Place values count from the plan's first year (see `Accounting`); a matching day
            // before it (the plan's own day, when that is not 1 January) needs proposals only.
            let matcherOptions: MatcherOptions = t >= setup.planStart ? .simulation : .simulationWithoutValues
            for input in matchInputs(at: t, windows: windows, waiting: waiting, wait: wait) {
                let started = Date()
                let result = try Matcher(input: input, policy: policy, language: .da, options: matcherOptions,
                                           kilometres: setup.kilometres, cache: matcherCache).run()
                matcherSeconds += Date().timeIntervalSince(started)
                matcherCalls += 1
                ran = true
                for v in result.placeValues {
                    if let i = valuedIndex[v.residenceId] ?? probeIndex[v.residenceId] { values[i] = v.annualValue.ore }
                }
                apply(result, at: t)
            }
            stepValues.append(ran ? values : [])
        }
        // Close what is still open at the need's end.
        for (p, w) in openWait { waits[w].to = people[p].needEnd }
    }

    /// Per person: whether any residence of their offer type could ever take them (nil: not yet
    /// known). Time-dependent rules (age, opening and closing) count as fitting, so a person left
    /// out is one the engine could not place anywhere.
    var fitsSomewhere: [Bool?] = []

    mutating func fitsSomeResidence(_ p: Int) -> Bool {
        if let known = fitsSomewhere[p] { return known }
        // The citizen as the engine sees it (`matchInputs`): of the offer type simulated.
        var c = people[p].citizen
        let o = people[p].segment.offerType
        c.offerType = o
        var fits = false
        let residences = scenario.residences
        let distances = setup.kilometres.from(postcode: c.networkPostcode)
        for r in scenario.residencesOfType[o] ?? [] {
            let isOwn = residences[r].isOwn
            if !isOwn && residences[r].places == 0 { continue }
            let features = isOwn ? scenario.featuresOfResidence[r] : residences[r].features
            let excluded = !c.excludedResidences.isEmpty && c.excludedResidences.contains(residences[r].id)
            let km = distances.km(to: residences[r].location, column: kilometreColumns[r])
            if Fit.failure(c, terms[r], excluded: excluded, placeFeatures: features, moveIn: nil, moveInYear: 0, km: km) == nil {
                fits = true
                break
            }
        }
        fitsSomewhere[p] = fits
        return fits
    }

    /// The engine's view on day `t`, one input per offer type with someone to place or bring home.
    func matchInputs(at t: Day, windows: [OfferType: Day], waiting: [Int], wait: Int) -> [MatchInput] {
        let o = offerType
        guard let t2 = windows[o] else { return [] }
        let ofType = scenario.residencesOfType[o] ?? []
        let residences = scenario.residences
        /// A residence with the rates in force on `t`.
        func current(_ i: Int) -> Residence {
            var r = residences[i]
            if scenario.rates[i].count > 1 {
                let step = scenario.rates[i][rateStep(i, on: t)]
                r.dailyRate = step.rate
                r.variableDailyCost = step.variable
            }
            return r
        }
        var citizens: [Citizen] = []
        for p in waiting where people[p].segment.offerType == o {
            var c = people[p].citizen
            c.offerType = o
            if people[p].arrival > t { c.neededBy = people[p].arrival }
            citizens.append(c)
        }
        var external: [MatchInput.ExternalStay] = []
        var used: [Int: Int] = [:]
        for (i, s) in stays.enumerated() where s.place < 0 && s.person >= 0 {
            if s.to.map({ $0 > t }) ?? true { used[s.residence, default: 0] += 1 }
            guard s.from <= t, s.to.map({ $0 > t2 }) ?? true else { continue }
            // Asked before the citizen is copied: most external stays are not open to a move.
            guard people[s.person].citizen.openToMove, case .external(let cur) = people[s.person].state, cur == i else { continue }
            var c = people[s.person].citizen
            c.offerType = o
            external.append(MatchInput.ExternalStay(citizen: c, residenceId: residences[s.residence].id,
                                                    dailyRate: dailyRate(of: s, on: t), since: s.from))
        }
        let horizon = t2.adding(days: wait)
        let closingSoon = t2.adding(days: 365)
        var vacant: [MatchInput.VacantPlace] = []
        for k in scenario.placesOfType[o] ?? [] {
            guard placeClosed[k] == nil, let free = freeFrom[k] else { continue }
            let p = scenario.places[k]
            let r = scenario.residences[p.residence]
            if let c = r.closesOn, c <= closingSoon { continue }
            let from = max(t, free, p.opensOn ?? t)
            guard from < horizon else { continue }
            vacant.append(MatchInput.VacantPlace(residenceId: r.id, placeId: p.placeId, features: p.features, availableFrom: from))
        }
        // Without anyone waiting the engine can only bring home, which needs a vacancy (and place
        // values count waiting citizens only).
        guard !citizens.isEmpty || (!external.isEmpty && !vacant.isEmpty) else { return [] }
        var capacity: [String: Int] = [:]
        // Which residences are listed and at which rate step: the list is made again only when
        // that changes, and otherwise handed over as the same array, which the engine's cache
        // finds equal without comparing residence by residence (`==` on arrays of one storage).
        var signature: [Int] = []
        signature.reserveCapacity(ofType.count)
        for i in ofType {
            let r = residences[i]
            if !r.isOwn {
                if let c = r.closesOn, c <= closingSoon { signature.append(-1); continue }
                let free = max(0, r.places - (used[i] ?? 0))
                guard free > 0 else { signature.append(-1); continue }
                capacity[r.id] = free
            }
            signature.append(rateStep(i, on: t))
        }
        if signature != listing.signature {
            var listed: [Residence] = []
            for (n, i) in ofType.enumerated() where signature[n] >= 0 { listed.append(current(i)) }
            for p in setup.probes where p.residence.offerType == o { listed.append(p.residence) }
            listing.signature = signature
            listing.residences = listed
        }
        return [MatchInput(asOf: t, residences: listing.residences, vacantPlaces: vacant, externalCapacity: capacity,
                           waiting: citizens, externalStays: external)]
    }

    /// The index of residence `i`'s rate step in force on `day` (0 for a residence of one rate).
    func rateStep(_ i: Int, on day: Day) -> Int {
        let steps = scenario.rates[i]
        guard steps.count > 1 else { return 0 }
        return steps.lastIndex { $0.from <= day } ?? 0
    }

    func dailyRate(of s: Stay, on day: Day) -> Money {
        guard let own = s.individualRate else {
            return scenario.rates[s.residence][rateStep(s.residence, on: day)].rate
        }
        var rate = own
        for f in scenario.rateFactorSteps[s.residence] where f.from <= day { rate = rate.scaled(1000 + f.perMille, 1000) }
        return rate
    }

    /// Carries out the engine's proposals.
    mutating func apply(_ result: MatchResult, at t: Day) {
        for proposal in result.proposals {
            guard let p = personIndex[proposal.citizenId] else { continue }
            switch people[p].state {
            case .waiting, .external: break
            default: continue
            }
            let relocated = people[p].relocating
            switch proposal.action {
            case .placeOwn:
                guard let rid = proposal.residenceId, let pid = proposal.placeId,
                      let k = scenario.placeIndex[PlanSetup.placeKey(rid, pid)] else { continue }
                let start = max(proposal.moveIn ?? t, people[p].arrival, t)
                if let end = people[p].needEnd, end <= start { continue }
                closeWait(p, on: start)
                people[p].state = .own(stay: stays.count)
                stays.append(Stay(person: p, residence: scenario.places[k].residence, place: k, from: start, to: people[p].needEnd,
                                  individualRate: nil, isBringHome: false, isRelocation: relocated))
                freeFrom[k] = people[p].needEnd
            case .buyExternal:
                guard let rid = proposal.residenceId, let r = scenario.residenceIndex[rid] else { continue }
                let start = max(people[p].arrival, t, people[p].citizen.referredOn ?? t)
                if let end = people[p].needEnd, end <= start { continue }
                closeWait(p, on: start)
                people[p].state = .external(stay: stays.count)
                stays.append(Stay(person: p, residence: r, place: -1, from: start, to: people[p].needEnd,
                                  individualRate: nil, isBringHome: false, isRelocation: relocated))
            case .bringHome:
                guard case .external(let s) = people[p].state, let rid = proposal.residenceId, let pid = proposal.placeId,
                      let k = scenario.placeIndex[PlanSetup.placeKey(rid, pid)] else { continue }
                let start = max(proposal.moveIn ?? t, t)
                if let end = people[p].needEnd, end <= start { continue }
                stays[s].to = start
                people[p].state = .own(stay: stays.count)
                stays.append(Stay(person: p, residence: scenario.places[k].residence, place: k, from: start, to: people[p].needEnd,
                                  individualRate: nil, isBringHome: true, isRelocation: false))
                freeFrom[k] = people[p].needEnd
            case .noFit:
                continue
            }
        }
    }

    mutating func closeWait(_ p: Int, on day: Day) {
        defer { people[p].relocating = false }
        if let w = openWait[p] {
            waits[w].to = day
            openWait[p] = nil
        }
    }
}
