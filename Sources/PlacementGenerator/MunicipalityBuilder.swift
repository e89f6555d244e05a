import PlacementModel

/// Builds one planning municipality's citizens: the occupants of its own places (now and in
/// the history window), its citizens placed in the external catalogue, and its waiting list.
/// Rows are written as they are made; only the vacancies are kept for the waiting list.
///
/// Every citizen is drawn to fit the residence they live in (`Fit`), and every stay is laid
/// out on a timeline that cannot overlap: a place's occupants are built backwards from today,
/// each ending before the next begins.
struct MunicipalityBuilder {
    let code: Int
    let regionCode: Int
    let size: Double
    let asOf: Day
    /// The history window starts here: stays that ended after it are written.
    let horizon: Day
    let residences: [GeneratedResidence]
    let catalogue: ResidenceCatalogue
    let geography: Geography
    let out: WorldOutput
    var rng: XoshiroRandom
    /// Draws added after the seeds' first version (bridges, vacancy confirmations) come from a
    /// stream of their own, so every earlier draw, and so the rest of the world, stays as it was.
    var sideRng: XoshiroRandom

    /// Own residences by offer type (indices into `residences`), for wishes and moves.
    let ownByOffer: [OfferType: [Int]]
    /// Vacant own places at `asOf`: residence index and the place's features.
    var vacancies: [(residence: Int, features: Features)] = []
    var occupiedOwn = 0
    var ownPlaceCount = 0

    init(code: Int, size: Double, spec: WorldSpec, residences: [GeneratedResidence], catalogue: ResidenceCatalogue,
         geography: Geography, out: WorldOutput) {
        self.code = code
        self.regionCode = geography.regionOf[code] ?? 0
        self.size = size
        self.asOf = spec.asOf
        self.horizon = spec.asOf.adding(years: -spec.historyYears)
        self.residences = residences
        self.catalogue = catalogue
        self.geography = geography
        self.out = out
        self.rng = XoshiroRandom(seed: spec.seed, stream: 1_000 + UInt64(code))
        self.sideRng = XoshiroRandom(seed: spec.seed, stream: 5_000 + UInt64(code))
        var byOffer: [OfferType: [Int]] = [:]
        for (i, g) in residences.enumerated() where !g.isNewBuild { byOffer[g.offer, default: []].append(i) }
        self.ownByOffer = byOffer
    }

    mutating func run(externalLoad: inout [Int]) throws {
        try buildOwnPlaces()
        try buildExternalStays(load: &externalLoad)
        try buildWaitingList()
    }

    // MARK: Drawing a citizen

    /// Target groups, support level and required features that fit residence `r` whose place
    /// has `placeFeatures`.
    mutating func needs(fitting r: Residence, placeFeatures: Features, highLevel: Bool = false)
        -> (groups: TargetGroups, level: Int, features: Features) {
        let members = r.targetGroups.members
        var groups = TargetGroups([rng.pick(members)])
        if members.count > 1 && rng.chance(0.35) { groups.insert(TargetGroups([rng.pick(members)])) }
        // Another diagnosis the residence is not for (it shares one group, which is enough).
        if rng.chance(0.06) { groups.insert(TargetGroups([rng.pick([TargetGroup.autism, .mentalIllness, .substanceAbuse])])) }
        var level = rng.int(r.supportLevels)
        if highLevel { level = max(level, rng.int(r.supportLevels)) }
        var features = Features()
        for f in placeFeatures.members {
            let p: Double = switch f {
            case .wheelchair: 0.5
            case .shielded: 0.6
            case .couples: 0.15
            case .pets: 0.15
            }
            if rng.chance(p) { features.insert(Features([f])) }
        }
        return (groups, level, features)
    }

    /// A birth year that keeps the age inside `r`'s age range (and 18-85) in every year of
    /// `years`, or nil if the span is too long for the range.
    mutating func birthYear(for r: Residence, years: ClosedRange<Int>) -> Int? {
        let minAge = max(18, r.ageRange?.lowerBound ?? 18)
        let maxAge = min(85, r.ageRange?.upperBound ?? 85)
        let lo = years.upperBound - maxAge, hi = years.lowerBound - minAge
        guard lo <= hi else { return nil }
        // The mean of two uniform draws: ages bunch in the middle of the range.
        return lo + (rng.below(hi - lo + 1) + rng.below(hi - lo + 1)) / 2
    }

    /// The longest stay in `r` that a citizen's age can span (at most 30 years).
    func maxStayDays(_ r: Residence) -> Int {
        let minAge = max(18, r.ageRange?.lowerBound ?? 18)
        let maxAge = min(85, r.ageRange?.upperBound ?? 85)
        return min(StayPattern.maxStayDays, max(30, (maxAge - minAge - 2) * 365))
    }

    /// A stay length in days for residence `r`: exponential around the offer type's mean.
    mutating func stayDays(_ r: Residence) -> Int {
        let d = Int(rng.exponential(mean: StayPattern.meanStay(r.offerType)))
        return min(maxStayDays(r), max(StayPattern.minStay(r.offerType), d))
    }

    /// When the waiting before a stay that began on `day` started.
    mutating func referral(before day: Day, offer: OfferType) -> Day {
        let wait: Int = switch offer {
        case .sel110: rng.int(0...10)
        case .sel107: min(rng.int(5...150), rng.int(5...150))
        default: min(rng.int(14...500), rng.int(14...500))
        }
        return day.adding(days: -wait)
    }

    /// Where a citizen's family and network live: mostly the home municipality.
    mutating func networkPostcode() -> Int {
        let x = rng.unit()
        if x < 0.85 { return rng.pick(geography.postcodesIn[code] ?? []) }
        if x < 0.95 { return rng.pick(geography.postcodesInRegion[regionCode] ?? []) }
        return rng.pick(geography.allPostcodes)
    }

    /// A new citizen record with the given needs; the caller fills in the rest.
    mutating func citizen(_ needs: (groups: TargetGroups, level: Int, features: Features), offer: OfferType,
                          birthYear: Int?, status: CitizenStatus) -> Citizen {
        Citizen(id: out.nextCitizenId(), birthYear: birthYear, homeMunicipalityCode: code, networkPostcode: networkPostcode(),
                targetGroups: needs.groups, offerType: offer, supportLevel: needs.level, requiredFeatures: needs.features,
                status: status)
    }

    /// The rate paid during a past stay: today's rate (or the agreed one) less the yearly rise.
    func historicRate(_ rate: Money, from: Day, to: Day) -> Money {
        let midpoint = from.adding(days: from.days(until: to) / 2)
        return DailyRates.deflated(rate, yearsBefore: Double(midpoint.days(until: asOf)) / 365)
    }

    /// An individually agreed rate above the residence's (extra one-to-one support).
    mutating func agreedRate(above rate: Money) -> Money {
        Money(kroner: Int64((Double(rate.ore) / 100 * (1.08 + 0.42 * rng.unit())).rounded()))
    }

    /// A residence of the external catalogue with the same offer type that fits a citizen
    /// born in `birthYear` over `years`, other than `excluding`; a few random tries.
    mutating func fittingExternal(offer: OfferType, groups: TargetGroups, level: Int, features: Features,
                                  birthYear: Int, years: ClosedRange<Int>, excluding: Int? = nil) -> Int? {
        guard let pool = catalogue.externalByOffer[offer], !pool.isEmpty else { return nil }
        let profile = Fit.Profile(offerType: offer, targetGroups: groups, supportLevel: level)
        for _ in 0..<40 {
            let i = rng.pick(pool)
            let r = catalogue.external[i].residence
            let terms = ResidenceTerms(r)
            // The rules a stay keeps with its residence are the model's, which the importer and the planner check.
            if i != excluding && Fit.admits(terms, profile, requiredFeatures: features)
                && Fit.admitsAge(terms, birthYear: birthYear, years: years) {
                return i
            }
        }
        return nil
    }

    /// Up to `count` own residences that fit the needs (for wishes), in a random order.
    mutating func fittingOwn(offer: OfferType, groups: TargetGroups, level: Int, features: Features, count: Int) -> [String] {
        guard let pool = ownByOffer[offer] else { return [] }
        let profile = Fit.Profile(offerType: offer, targetGroups: groups, supportLevel: level)
        var found: [String] = []
        for _ in 0..<min(20, 2 * pool.count) where found.count < count {
            let r = residences[rng.pick(pool)].residence
            if Fit.admits(ResidenceTerms(r), profile, requiredFeatures: features) && !found.contains(r.id) {
                found.append(r.id)
            }
        }
        return found
    }
}
