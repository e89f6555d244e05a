import PlacementMatching
import PlacementModel

/// The steps of preparing a plan (`PlanSetup.init`), one purpose each.
extension PlanSetup {
    /// The plan's calendar: its first day (the next 1 January), the years' starts and the
    /// matching days (the plan's day, then `matchesPerYear` a year).
    struct PlanCalendar {
        let planStart: Day
        let yearStarts: [Day]
        let stepDays: [Day]
        let stepInYear: [Int]

        init(asOf: Day, options: PlanOptions) throws {
            // The calendar is exact only within the supported days (and the plan's years after).
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
        }
    }

    /// The key of a place in `placeIndex`: residence id and place id (hashed as they are, with
    /// no string joined from them on every lookup).
    struct PlaceKey: Hashable {
        let residenceId: String
        let placeId: String
    }

    static func placeKey(_ residenceId: String, _ placeId: String) -> PlaceKey { PlaceKey(residenceId: residenceId, placeId: placeId) }

    /// The own places in use on the plan's day (vacant or occupied), of known residences.
    static func ownPlaces(_ world: PlanWorld) -> [PlaceSpec] {
        let rIndex = Dictionary(uniqueKeysWithValues: world.residences.enumerated().map { ($1.id, $0) })
        return world.ownPlaces.filter { $0.status == .vacant || $0.status == .occupied }.compactMap { p in
            rIndex[p.residenceId].map { PlaceSpec(residence: $0, placeId: p.placeId, features: p.features, opensOn: nil) }
        }
    }

    /// Who is where on the plan's day: each current stay (a citizen once, a place once; own
    /// stays without a place id take a free place of their residence), then the waiting.
    static func initialStays(_ world: PlanWorld, places: [PlaceSpec]) -> [Initial] {
        let asOf = world.asOf
        let residences = world.residences
        let rIndex = Dictionary(uniqueKeysWithValues: residences.enumerated().map { ($1.id, $0) })
        let cIndex = Dictionary(uniqueKeysWithValues: world.citizens.enumerated().map { ($1.id, $0) })
        var placeIndex: [PlaceKey: Int] = [:]
        for (i, p) in places.enumerated() { placeIndex[placeKey(residences[p.residence].id, p.placeId)] = i }
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
                guard let pid = p.placeId, let k = placeIndex[placeKey(p.residenceId, pid)] else { unplaced.append(p); continue }
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
            guard let k = places.indices.first(where: { residences[places[$0].residence].id == p.residenceId && !takenPlaces.contains($0) }) else { continue }
            takenPlaces.insert(k)
            let ci = p.citizenId.flatMap { cIndex[$0] }
            var segment = ci.map { DemandSegment(world.citizens[$0]) }
            segment?.offerType = residences[places[k].residence].offerType
            initial.append(Initial(citizen: ci, segment: segment, at: .own(place: k), plannedEnd: p.period.to))
            if let id = p.citizenId { placedCitizens.insert(id) }
        }
        let openWaiting = Dictionary(world.waitingPeriods.filter { $0.period.to == nil }.map { ($0.citizenId, $0.period.from) },
                                     uniquingKeysWith: { min($0, $1) })
        for (i, c) in world.citizens.enumerated() where c.status == .waiting && !placedCitizens.contains(c.id) {
            guard let since = openWaiting[c.id] ?? c.referredOn, since <= asOf else { continue }
            initial.append(Initial(citizen: i, segment: DemandSegment(c), at: .waiting(since: since), plannedEnd: nil))
        }
        return initial
    }

    /// One scenario on the world: its new residences and their places, closures, rate steps
    /// (checked against the largest daily rate, individual rates too) and demand.
    static func prepare(_ s: Scenario, world: PlanWorld, places basePlaces: [PlaceSpec], initial: [Initial], planStart: Day,
                        demand: () -> EffectiveDemand) throws -> PreparedScenario {
        var res = world.residences
        var places = basePlaces
        for n in s.newResidences {
            guard !res.contains(where: { $0.id == n.residence.id }) else {
                throw PlanError.duplicateResidence(scenario: s.name, id: n.residence.id)
            }
            res.append(n.residence)
            for k in 0..<n.residence.places {
                places.append(PlaceSpec(residence: res.count - 1, placeId: String(k + 1), features: n.residence.features,
                                        opensOn: n.residence.opensOn))
            }
        }
        let index = Dictionary(uniqueKeysWithValues: res.enumerated().map { ($1.id, $0) })
        for cl in s.closures {
            guard let r = index[cl.residenceId] else { throw PlanError.unknownResidence(scenario: s.name, id: cl.residenceId) }
            res[r].closesOn = min(res[r].closesOn ?? cl.closesOn, cl.closesOn)
        }
        let (rates, factors) = try rateSteps(s, residences: res, index: index, planStart: planStart)
        try checkIndividualRates(s, initial: initial, factors: factors, residences: res)
        var pIndex: [PlaceKey: Int] = [:]
        for (i, p) in places.enumerated() { pIndex[placeKey(res[p.residence].id, p.placeId)] = i }
        var allFeatures = res.map(\.features)
        for p in places { allFeatures[p.residence].formUnion(p.features) }
        return PreparedScenario(scenario: s, residences: res, residenceIndex: index, places: places, placeIndex: pIndex,
                                rates: rates, demand: demand(),
                                rateFactorSteps: factors, featuresOfResidence: allFeatures,
                                residencesWithRateSteps: rates.indices.filter { rates[$0].count > 1 },
                                residencesOfType: Dictionary(grouping: res.indices, by: { res[$0].offerType }),
                                placesOfType: Dictionary(grouping: places.indices, by: { res[places[$0].residence].offerType }))
    }

    /// Each residence's rate steps under a scenario's rate changes, in day order, and the
    /// percentage changes (per mille) that individual rates follow.
    static func rateSteps(_ s: Scenario, residences res: [Residence], index: [String: Int], planStart start: Day) throws
        -> (rates: [[(from: Day, rate: Money, variable: Money?)]], factors: [[(from: Day, perMille: Int64)]]) {
        var rates = res.map { [(from: Day(daysSinceEpoch: Int32.min / 2), rate: $0.dailyRate, variable: $0.variableDailyCost)] }
        var factors: [[(from: Day, perMille: Int64)]] = res.map { _ in [] }
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
        return (rates, factors)
    }

    /// Individual rates (external stays on the plan's day) follow the percentage changes too;
    /// checked here once, so the simulation's `dailyRate(of:on:)` stays within the limit.
    static func checkIndividualRates(_ s: Scenario, initial: [Initial], factors: [[(from: Day, perMille: Int64)]],
                                     residences res: [Residence]) throws {
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
    }

    /// Offer types with long stays are matched less often: every other matching day when stays
    /// last two years or more on average, every fourth when five years or more, so a place is
    /// hardly ever freed twice between two matching days.
    static func matchingIntervals(_ demand: EffectiveDemand, options: PlanOptions) -> [OfferType: Int] {
        let perYear = max(1, options.matchesPerYear)
        var every: [OfferType: Int] = [:]
        for o in OfferType.allCases {
            let segs = demand.segments.filter { $0.segment.offerType == o && $0.referralsPerYear > 0 }
            let weight = segs.map(\.referralsPerYear).reduce(0, +)
            let stay = weight > 0 ? segs.map { ($0.meanStayDays ?? 36_500) * $0.referralsPerYear }.reduce(0, +) / weight : 0
            var n = 1
            if options.adaptiveMatching && stay >= 730 { n = stay >= 1825 ? 4 : 2 }
            while n > 1 && perYear % n != 0 { n /= 2 }
            every[o] = n
        }
        return every
    }

    /// Per scenario, the offer types simulated: for the baseline every offer type with places,
    /// citizens or referrals; for a scenario those it changes.
    static func simulatedOfferTypes(_ prepared: [PreparedScenario], initial: [Initial], sheet: DemandSheet?) -> [Set<OfferType>] {
        let base = prepared[0]
        var active = Set<OfferType>()
        for p in base.places { active.insert(base.residences[p.residence].offerType) }
        for i in initial {
            switch i.at {
            case .own(let k): active.insert(base.residences[base.places[k].residence].offerType)
            case .external(let r, _, _): active.insert(base.residences[r].offerType)
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
        return simulated
    }

    /// The offer types and target groups the plan reports on: those with demand, own places,
    /// demand sheet rows or people on the plan's day, in order.
    static func reportedGroupKeys(_ prepared: [PreparedScenario], initial: [Initial], sheet: DemandSheet?) -> [GroupKey] {
        var keys = Set<GroupKey>()
        for p in prepared {
            for s in p.demand.segments where s.referralsPerYear > 0 { keys.formUnion(GroupKey.keys(s.segment.offerType, s.segment.targetGroups)) }
            for r in p.residences where r.isOwn { keys.formUnion(GroupKey.keys(r.offerType, r.targetGroups)) }
        }
        for r in sheet?.rows ?? [] { keys.formUnion(GroupKey.keys(r.offerType, r.targetGroups)) }
        for i in initial { if let s = i.segment { keys.formUnion(GroupKey.keys(s.offerType, s.targetGroups)) } }
        return keys.sorted()
    }

    /// One more place of an offer type for a target group: a probe residence per group key, in
    /// the home municipality at the median own rate of its offer type (any rate if none is own).
    static func probeResidences(_ groupKeys: [GroupKey], world: PlanWorld) -> [(key: GroupKey, residence: Residence)] {
        let residences = world.residences
        let home = world.planningArea.first.flatMap { ReferenceData.municipalityByCode[$0] }
        return groupKeys.compactMap { key -> (GroupKey, Residence)? in
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
    }
}
