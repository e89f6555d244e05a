import PlacementModel

/// The world's residences: each planning municipality's own residences and the external
/// catalogue that is bought from, built before any citizen so that every stay can be drawn
/// to fit a residence that exists.
struct ResidenceCatalogue {
    /// Own residences per municipality of the planning area (same order as the area).
    var own: [[GeneratedResidence]] = []
    var external: [GeneratedResidence] = []
    /// Indices into `external` by the region the residence lies in.
    var externalInRegion: [Int: [Int]] = [:]
    /// Indices into `external` by offer type.
    var externalByOffer: [OfferType: [Int]] = [:]
    /// Indices into `external` of specialised, costly residences.
    var externalSpecialised: [Int] = []

    /// Builds the catalogue. `sizes` are the municipalities' sizes (1 = Horsens).
    init(area: [Int], sizes: [Double], asOf: Day, seed: UInt64, geography: Geography) {
        var names = ResidenceNames()
        var rng = XoshiroRandom(seed: seed, stream: 1)
        for (code, size) in zip(area, sizes) {
            own.append(Self.ownResidences(code: code, size: size, asOf: asOf, names: &names, rng: &rng, geography: geography))
        }
        let total = sizes.reduce(0, +)
        let count = max(12, Int((150 * pow085(total)).rounded()))
        let inArea = Set(area)
        let areaRegions = area.map { geography.regionOf[$0] ?? 0 }
        for i in 0..<count {
            let a = Self.pickExternalArchetype(i, rng: &rng)
            // Concentrated in the planning area's region(s); the rest anywhere in Denmark.
            let code: Int
            if rng.chance(0.65) {
                let region = areaRegions[rng.weightedIndex(sizes)]
                code = rng.pick(geography.municipalitiesInRegion[region] ?? [])
            } else {
                code = rng.pick(geography.allCodes)
            }
            let op: OperatorKind
            if inArea.contains(code) {
                op = rng.chance(0.65) ? .private : .regional
            } else if a.specialised {
                op = rng.chance(0.5) ? .regional : .private
            } else {
                let x = rng.unit()
                op = x < 0.6 ? .municipal : (x < 0.9 ? .private : .regional)
            }
            let id = "E" + Self.pad(i + 1, 4)
            let r = Self.residence(id: id, archetype: a, op: op, code: code, asOf: asOf, names: &names, rng: &rng, geography: geography)
            externalInRegion[r.regionCode, default: []].append(external.count)
            externalByOffer[r.offer, default: []].append(external.count)
            if r.specialised { externalSpecialised.append(external.count) }
            external.append(r)
        }
    }

    /// x^0.85 from the deterministic logarithm and exponential (x > 0).
    private func pow085(_ x: Double) -> Double {
        // e^(0.85 ln x), split so the exponential's argument stays small.
        var y = 0.85 * DeterministicMath.ln(x)
        var result = 1.0
        while y > 1 { result *= 2.718_281_828_459_045; y -= 1 }
        while y < -1 { result /= 2.718_281_828_459_045; y += 1 }
        return result * DeterministicMath.exp(y)
    }

    private static func pickExternalArchetype(_ i: Int, rng: inout XoshiroRandom) -> Archetype {
        // The first few are specialised so that even a tiny world has somewhere to buy the
        // most complex places.
        if i < 2 { return Archetype.external.filter(\.specialised)[i] }
        return Archetype.external[rng.weightedIndex(Archetype.external.map(\.weight))]
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func ownResidences(code: Int, size: Double, asOf: Day, names: inout ResidenceNames,
                                      rng: inout XoshiroRandom, geography: Geography) -> [GeneratedResidence] {
        var kinds: [Archetype] = []
        for a in Archetype.own {
            kinds += Array(repeating: a, count: rng.stochasticRound(a.weight * size))
        }
        if kinds.isEmpty { kinds.append(Archetype.own[0]) }
        let newBuilds = rng.stochasticRound(size)
        let recentlyOpened = rng.stochasticRound(size)
        var slots: [(Archetype, Bool)] = kinds.map { ($0, false) }
        for _ in 0..<newBuilds { slots.append((rng.pick(Archetype.ownNewBuild), true)) }
        rng.shuffle(&slots)
        let width = max(3, String(slots.count).count)
        var out: [GeneratedResidence] = []
        for (n, (a, isNew)) in slots.enumerated() {
            var r = residence(id: "\(code)-\(pad(n + 1, width))", archetype: a, op: .own, code: code, asOf: asOf,
                              names: &names, rng: &rng, geography: geography)
            let members = r.residence.features.members
            if r.offer.isResidential && members.count == 1 && rng.chance(0.25) {
                // A few flats for couples or with pets in a residence that otherwise has none.
                let extra: Feature = members[0] == .couples ? .pets : .couples
                r.residence.features.insert(Features([extra]))
                r.partialFeature = (extra, 0.2)
            } else if r.offer.isResidential && members.count >= 2 && rng.chance(0.3) {
                r.partialFeature = (rng.pick(members), 0.65)
            }
            if isNew {
                // Under construction: opens in the coming months, places closed until then.
                r.isNewBuild = true
                r.residence.opensOn = asOf.adding(days: rng.int(45...150))
                r.residence.places = rng.int(10...16)
            }
            out.append(r)
        }
        balancePlaces(&out, kinds: slots.map(\.0), rng: &rng)
        // A residence opened in the last one or two years: all its stays begin after that.
        let candidates = out.indices.filter { !out[$0].isNewBuild && out[$0].offer.isResidential }
        if !candidates.isEmpty {
            for _ in 0..<recentlyOpened {
                let i = rng.pick(candidates)
                out[i].residence.opensOn = asOf.adding(days: -rng.int(180...540))
            }
        }
        return out
    }

    /// Nudges the residences' sizes, one place at a time and within each kind's range, until
    /// the municipality's places are within 2 % of what its kinds of residence hold on
    /// average: the capacity of a municipality then depends on its size, not on the luck of
    /// the draw (the default world has about 600 own places for every seed).
    private static func balancePlaces(_ residences: inout [GeneratedResidence], kinds: [Archetype], rng: inout XoshiroRandom) {
        let open = residences.indices.filter { !residences[$0].isNewBuild }
        guard !open.isEmpty else { return }
        let expected = open.reduce(0.0) { $0 + Double(kinds[$1].places.lowerBound + kinds[$1].places.upperBound) / 2 }
        var total = open.reduce(0) { $0 + residences[$1].residence.places }
        for _ in 0..<(10 * open.count) {
            let step: Int
            if Double(total) > expected * 1.02 { step = -1 } else if Double(total) < expected * 0.98 { step = 1 } else { break }
            let i = rng.pick(open)
            let n = residences[i].residence.places + step
            if kinds[i].places.contains(n) {
                residences[i].residence.places = n
                total += step
            }
        }
    }

    private static func residence(id: String, archetype a: Archetype, op: OperatorKind, code: Int, asOf: Day,
                                  names: inout ResidenceNames, rng: inout XoshiroRandom, geography: Geography) -> GeneratedResidence {
        let postcode = rng.pick(geography.postcodesIn[code] ?? [])
        let point = ReferenceData.postcodeByCode[postcode]?.point ?? Coordinate(latitude: 56, longitude: 10)
        var latE5: Int? = nil, lonE5: Int? = nil
        var location = point
        if rng.chance(0.8) {
            // The postcode's point moved by at most about 1,3 km.
            let la = Int((point.latitude * 100_000).rounded()) + rng.int(-1_200...1_200)
            let lo = Int((point.longitude * 100_000).rounded()) + rng.int(-2_000...2_000)
            latE5 = la
            lonE5 = lo
            location = Coordinate(latitude: Double(la) / 100_000, longitude: Double(lo) / 100_000)
        }
        var support = a.support
        if support.count >= 3 && rng.chance(0.25) {
            support = rng.chance(0.5) ? support.lowerBound...(support.upperBound - 1) : (support.lowerBound + 1)...support.upperBound
        }
        var features = Features(a.features)
        for (f, p) in a.optionalFeatures where rng.chance(p) { features.insert(Features([f])) }
        let ageRange: ClosedRange<Int>?
        if rng.chance(a.youngAdults) {
            ageRange = 18...30
        } else if rng.chance(a.seniors) {
            ageRange = 50...130
        } else {
            ageRange = rng.chance(0.75) ? 18...130 : nil
        }
        let groups = TargetGroups(a.groups)
        let rate = DailyRates.rate(a.offer, groups: groups, support: support, features: features, operator: op,
                                   specialised: a.specialised, rng: &rng)
        var variable: Money? = nil
        if op == .own && rng.chance(0.85) {
            variable = Money(kroner: Int64((Double(rate.ore) / 100 * (0.20 + 0.15 * rng.unit())).rounded()))
        }
        let municipality = ReferenceData.municipalityByCode[code]
        let name = names.name(a.offer, op, specialised: a.specialised,
                              town: ReferenceData.postcodeByCode[postcode]?.name ?? "", rng: &rng)
        let residence = Residence(
            id: id, name: name, operatorKind: op, municipalityCode: code, postcode: postcode, location: location,
            offerType: a.offer, targetGroups: groups, supportLevels: support, features: features, ageRange: ageRange,
            places: rng.int(a.places), dailyRate: rate, variableDailyCost: variable)
        return GeneratedResidence(residence: residence, latitudeE5: latE5, longitudeE5: lonE5,
                                  regionCode: municipality?.regionCode ?? 0, specialised: a.specialised)
    }
}

/// Lookups into the reference data the generator needs, built once per world. Arrays are
/// sorted so that draws from them do not depend on dictionary order.
struct Geography: Sendable {
    var allCodes: [Int]
    var regionOf: [Int: Int]
    var municipalitiesInRegion: [Int: [Int]]
    /// A municipality's postcodes, the main town's repeated (draw uniformly from it).
    var postcodesIn: [Int: [Int]]
    var postcodesInRegion: [Int: [Int]]
    var allPostcodes: [Int]

    static let shared = Geography()

    private init() {
        allCodes = ReferenceData.municipalities.map(\.code).sorted()
        regionOf = Dictionary(uniqueKeysWithValues: ReferenceData.municipalities.map { ($0.code, $0.regionCode) })
        var inRegion: [Int: [Int]] = [:]
        for m in ReferenceData.municipalities { inRegion[m.regionCode, default: []].append(m.code) }
        municipalitiesInRegion = inRegion.mapValues { $0.sorted() }
        // The main town's postcodes (named like the municipality) count five times: more
        // residences and more citizens' families live there than on Endelave.
        var pc: [Int: [Int]] = [:], pr: [Int: [Int]] = [:]
        for p in ReferenceData.postcodes {
            let name = ReferenceData.municipalityByCode[p.municipalityCode]?.name ?? ""
            let weight = p.name.hasPrefix(name) ? 5 : 1
            pc[p.municipalityCode, default: []] += Array(repeating: p.code, count: weight)
            if let region = regionOf[p.municipalityCode] { pr[region, default: []].append(p.code) }
        }
        postcodesIn = pc.mapValues { $0.sorted() }
        postcodesInRegion = pr.mapValues { $0.sorted() }
        allPostcodes = ReferenceData.postcodes.map(\.code).sorted()
    }
}
