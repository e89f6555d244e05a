import PlacementModel

extension Matcher {
    /// Everything the stages read, worked out once per run: residences in id order with their
    /// terms and yearly amounts, vacant places in classes, citizens in priority order with their
    /// distances and their own and external options.
    mutating func prepare() {
        let side = cache?.side(for: input.residences, policy: policy, costing: costing, kilometres: kilometres)
            ?? ResidenceSide(input.residences, costing: costing, kilometres: kilometres)
        residences = side.residences
        terms = side.terms
        externalRoom = residences.indices.map { side.isOwn[$0] ? 0 : (input.externalCapacity[residences[$0].id] ?? 0) }
        let index = side.index
        var byKey: [ClassKey: Int] = [:]
        for v in input.vacantPlaces.sorted(by: { ($0.residenceId, $0.availableFrom, $0.placeId.count, $0.placeId) < ($1.residenceId, $1.availableFrom, $1.placeId.count, $1.placeId) }) {
            guard let r = index[v.residenceId] else { continue }
            let key = ClassKey(residence: r, features: v.features, availableFrom: v.availableFrom)
            if let k = byKey[key] { classes[k].placeIds.append(v.placeId) } else {
                byKey[key] = classes.count
                classes.append(PlaceClass(residence: r, features: v.features, availableFrom: v.availableFrom, placeIds: [v.placeId]))
            }
        }
        ownAmounts = side.ownAmounts
        listAmounts = side.listAmounts
        classMoveIn = classes.map { max(input.asOf, $0.availableFrom) }
        classMoveInYear = classMoveIn.map { $0.year }
        asOfYear = input.asOf.year
        citizens = Priority(policy: policy).ordered(input.waiting)
        let external = residences.indices.filter { externalRoom[$0] > 0 }
        classesByResidence = Self.classesOf(classes, residenceCount: residences.count)
        ownResidencesByOffer = side.ownByOffer
        let externalByOffer = Dictionary(grouping: external, by: { residences[$0].offerType })
        distances = side.distances
        // The admitted lists depend on the residences' side and on which external residences have
        // room: kept from the last run while both are the same.
        let keptAdmitting = cache.map { $0.external == external } ?? false
        // Most citizen-residence pairs fail on target group or support level, and citizens share a
        // few of those profiles: the residences that pass both are listed once per profile.
        var admitting: [Fit.Profile: (own: [Int], external: [Int])] = keptAdmitting ? cache?.admitting ?? [:] : [:]
        // The lists are filled as locals and stored at the end: appending to `self`'s own while a
        // method of `self` runs would copy the whole buffer on every append (copy on write).
        var ownLists = OptionLists<OwnOption>(), extLists = OptionLists<ExtOption>()
        for c in citizens {
            let h = max(input.asOf, c.neededBy ?? input.asOf).adding(days: policy.allowedWaitDays)
            horizon.append(h)
            let kms = distances.row(for: c)
            km.append(kms)
            let profile = Fit.Profile(c)
            let candidates: (own: [Int], external: [Int])
            if let known = admitting[profile] { candidates = known } else {
                candidates = (Self.admitting(profile, ownResidencesByOffer[c.offerType] ?? [], terms),
                              Self.admitting(profile, externalByOffer[c.offerType] ?? [], terms))
                admitting[profile] = candidates
            }
            ownCandidates.append(candidates.own)
            appendOwnOptions(c, km: kms, horizon: h, own: candidates.own, classesByResidence: classesByResidence, to: &ownLists)
            ownLists.endList()
            appendExternalOptions(c, km: kms, external: candidates.external, to: &extLists)
            extLists.endList()
        }
        ownLists.trim()
        extLists.trim()
        ownOptions = ownLists
        extOptions = extLists
        if let cache {
            cache.external = external
            cache.admitting = admitting
            cache.side?.distances = distances  // with the rows asked for today
        }
    }

    /// The residences of `list` that admit `profile` (`Fit.admits`), in order.
    static func admitting(_ profile: Fit.Profile, _ list: [Int], _ terms: [ResidenceTerms]) -> [Int] {
        list.filter { Fit.admits(terms[$0], profile) }
    }

    /// Per residence index, its place classes (those in `classes` for which `include` holds), in order.
    static func classesOf(_ classes: [PlaceClass], residenceCount: Int, include: (Int) -> Bool = { _ in true }) -> [[Int]] {
        var out: [[Int]] = Array(repeating: [], count: residenceCount)
        for k in classes.indices where include(k) { out[classes[k].residence].append(k) }
        return out
    }

    // The loops below run for every waiting citizen and candidate residence, the engine's largest
    // loops in the capacity plan; they read each residence's `terms`, not the residence itself.

    /// Whether citizen `c` has excluded residence `r`, or wished for it (asked by id only when the
    /// citizen has such a list).
    func excludes(_ c: Citizen, _ r: Int) -> Bool { !c.excludedResidences.isEmpty && c.excludedResidences.contains(residences[r].id) }
    func wishes(_ c: Citizen, _ r: Int) -> Bool { !c.preferredResidences.isEmpty && c.preferredResidences.contains(residences[r].id) }

    /// The own places citizen `c` fits and can move into by `h`, with `kms` its distances by residence
    /// and `own` the own residences of its offer type.
    func ownOptionsFor(_ c: Citizen, km kms: DistanceTable.Row, horizon h: Day, own: [Int], classesByResidence: [[Int]]) -> [OwnOption] {
        var out = OptionLists<OwnOption>()
        appendOwnOptions(c, km: kms, horizon: h, own: own, classesByResidence: classesByResidence, to: &out)
        return out.all
    }

    /// `ownOptionsFor`, appended to the current list of `out`.
    func appendOwnOptions(_ c: Citizen, km kms: DistanceTable.Row, horizon h: Day, own: [Int], classesByResidence: [[Int]],
                          to out: inout OptionLists<OwnOption>) {
        classes.withUnsafeBufferPointer { classes in
            for r in own {
                let km = kms[r], t = terms[r], excluded = excludes(c, r)
                for k in classesByResidence[r] where classes[k].availableFrom <= h {
                    let moveIn = classMoveIn[k]
                    if Fit.failure(c, t, excluded: excluded, placeFeatures: classes[k].features, moveIn: moveIn,
                                   moveInYear: classMoveInYear[k], km: km) == nil {
                        out.append(OwnOption(cls: k, cost: costing.cost(ownAmounts[r], wished: wishes(c, r), km: km), km: km, moveIn: moveIn))
                    }
                }
            }
        }
    }

    /// The external residences with room that citizen `c` fits, from `external` (those of its
    /// offer type), appended to the current list of `out`.
    func appendExternalOptions(_ c: Citizen, km kms: DistanceTable.Row, external: [Int], to out: inout OptionLists<ExtOption>) {
        let asOf = input.asOf
        // An agreed rate replaces the residence's (as in `Costing.external`).
        let agreed = c.agreedDailyRate.map { costing.currentExternal(dailyRate: $0) }
        for r in external {
            let km = kms[r]
            if Fit.failure(c, terms[r], excluded: excludes(c, r), moveIn: asOf, moveInYear: asOfYear, km: km) == nil {
                out.append(ExtOption(res: r, cost: costing.cost(agreed ?? listAmounts[r], wished: wishes(c, r), km: km), km: km))
            }
        }
    }
}
