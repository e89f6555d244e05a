import PlacementModel

/// The waiting list: about one waiting citizen per ten own places, referred over the last
/// year, a few acute and some urgent. Some fit a vacant own place, some the residence being
/// built; most need what no vacancy offers today (a higher support level, another group).
extension MunicipalityBuilder {
    static let waitingPerOwnPlace = 0.098
    static let distances = [10, 15, 20, 25, 30, 40, 50, 75]

    mutating func buildWaitingList() throws {
        let count = max(1, Int((Self.waitingPerOwnPlace * Double(ownPlaceCount)).rounded()))
        let acute = Int((0.035 * Double(count)).rounded())
        // What each waiting citizen was referred for: a residence kind they fit.
        var templates: [(residence: Residence, features: Features, highLevel: Bool)] = []
        var open = vacancies
        rng.shuffle(&open)
        for v in open where templates.count < count / 4 && rng.chance(0.5) {
            templates.append((residences[v.residence].residence, v.features, false))
        }
        for g in residences where g.isNewBuild {
            for _ in 0..<rng.int(2...4) where templates.count < count / 2 {
                templates.append((g.residence, g.residence.features, false))
            }
        }
        let regional = catalogue.externalInRegion[regionCode] ?? []
        let placed = residences.filter { !$0.isNewBuild }
        while templates.count < count {
            let r: Residence
            if rng.chance(0.55) || catalogue.external.isEmpty {
                r = rng.pick(placed).residence
            } else {
                r = catalogue.external[regional.isEmpty ? rng.below(catalogue.external.count) : rng.pick(regional)].residence
            }
            templates.append((r, r.features, true))
        }
        rng.shuffle(&templates)
        for (k, t) in templates.enumerated() {
            try writeWaiting(t.residence, features: t.features, highLevel: t.highLevel,
                             urgency: k < acute ? .acute : (rng.chance(0.03) ? .acute : (rng.chance(0.15) ? .high : .normal)))
        }
    }

    private mutating func writeWaiting(_ r: Residence, features: Features, highLevel: Bool, urgency: Urgency) throws {
        let n = needs(fitting: r, placeFeatures: features, highLevel: highLevel)
        var c = citizen(n, offer: r.offerType, birthYear: birthYear(for: r, years: asOf.year...asOf.year), status: .waiting)
        c.urgency = urgency
        let referred: Day
        switch urgency {
        case .acute:
            referred = asOf.adding(days: -rng.int(0...21))
            c.neededBy = referred.adding(days: rng.int(7...14))
        case .high:
            referred = asOf.adding(days: -rng.int(0...200))
            c.neededBy = referred.adding(days: rng.int(30...90))
        case .normal:
            let x = rng.unit()
            referred = asOf.adding(days: -(x < 0.35 ? rng.int(0...60) : (x < 0.95 ? rng.int(61...365) : rng.int(366...450))))
            if rng.chance(0.25) { c.neededBy = referred.adding(days: rng.int(60...240)) }
        }
        c.referredOn = referred
        if rng.chance(0.12) {
            // Free choice: wishes for residences that fit.
            c.preferredResidences = fittingOwn(offer: r.offerType, groups: n.groups, level: n.level, features: n.features,
                                               count: rng.int(1...2))
            if !r.isOwn && r.offerType.hasFreeChoice && rng.chance(0.4) { c.preferredResidences.append(r.id) }
        }
        if r.isOwn && r.opensOn.map({ $0 > asOf }) == true && rng.chance(0.5) {
            // Waiting for the residence being built.
            c.preferredResidences = [r.id]
        }
        if rng.chance(0.05), let pool = ownByOffer[r.offerType] {
            let x = residences[rng.pick(pool)].id
            if !c.preferredResidences.contains(x) { c.excludedResidences = [x] }
        }
        if rng.chance(0.15) { c.maxDistanceKm = rng.pick(Self.distances) }
        try out.write(c, stay: nil)
    }
}
