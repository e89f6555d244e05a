import PlacementModel

/// Why an own residence did or did not take a citizen: the one decisive reason, used by the
/// proposal's reasons and by `explain` alike, so the two never say different things about the
/// same residence.
enum OwnVerdict: Equatable {
    /// No place of the residence is vacant or becomes vacant.
    case noPlaces
    /// Its places become vacant only after the citizen's horizon.
    case noVacancy(until: Day)
    /// A rule rules out every place that is vacant in time.
    case rule(FitFailure)
    case chosen
    /// It fits; its places went to citizens of higher priority (indices, priority order).
    case wentToHigher([Int])
    /// It fits; its places went to citizens of lower priority, so that the most stay local.
    case wentToOthers([Int])
    /// It fits and a place was left, but the choice costs the engine less.
    case costsMore

    /// The residence is a reason the citizen did not get an own place.
    var isReason: Bool { self != .chosen }
    // Whether the residence fits is asked of the stored verdict (`ResidenceVerdict.fits`),
    // the one the reasons print; this working verdict has no second copy of that rule.
}

extension Matcher {
    /// The decisive reason for own residence `r` and waiting citizen `i` (nil `i`: a citizen
    /// outside the waiting list, one who may move home). `winners` holds, per residence, the
    /// waiting citizens it went to in priority order; `chosen` the citizen's own choice.
    func ownVerdict(_ c: Citizen, _ i: Int?, _ r: Int, winners: [Int: [Int]], chosen: String?) -> OwnVerdict {
        let ks = classesByResidence[r]
        guard !ks.isEmpty else { return .noPlaces }
        let h = i.map { horizon[$0] } ?? input.asOf.adding(days: policy.allowedWaitDays)
        let inTime = ks.filter { classes[$0].availableFrom <= h }
        guard !inTime.isEmpty else { return .noVacancy(until: h) }
        let residence = residences[r]
        // Measured once: the table's km for a waiting citizen, else from the citizen's network.
        let km = i.flatMap { self.km[$0][r] } ?? Costing.km(c, residence)
        let fits = i.map { i in ownOptions[i].contains { classes[$0.cls].residence == r } }
            ?? inTime.contains { Fit.failure(c, residence, placeFeatures: classes[$0].features,
                                             moveIn: max(input.asOf, classes[$0].availableFrom), km: km) == nil }
        if !fits {
            let rule = inTime.lazy.compactMap { k in
                Fit.failure(c, residence, placeFeatures: self.classes[k].features,
                            moveIn: max(self.input.asOf, self.classes[k].availableFrom), km: km)
            }.first
            return rule.map(OwnVerdict.rule) ?? .noVacancy(until: h)
        }
        if chosen == residence.id { return .chosen }
        let others = (winners[r] ?? []).filter { $0 != i }
        let higher = others.filter { w in i.map { w < $0 } ?? true }
        if !higher.isEmpty { return .wentToHigher(higher) }
        if !others.isEmpty { return .wentToOthers(others) }
        return .costsMore
    }

    /// The verdict as it is stored with a run: the citizens it names by id, priority and urgency.
    func stored(_ v: OwnVerdict) -> ResidenceVerdict {
        switch v {
        case .noPlaces: .noVacantPlaces
        case .noVacancy(let h): .rule(failure: .noVacancy(until: h))
        case .rule(let f): .rule(failure: f)
        case .chosen: .chosen
        case .wentToHigher(let ws): .wentToHigher(competitors: ws.map { Competitor(citizenId: citizens[$0].id, priority: $0 + 1, urgency: citizens[$0].urgency) })
        case .wentToOthers(let ws): .wentToOthers(citizenIds: ws.map { citizens[$0].id })
        case .costsMore: .costsMore
        }
    }

    /// Each residence's waiting citizens placed there, in priority order, from a run's proposals.
    func winners(of proposals: [Proposal]) -> [Int: [Int]] {
        let index = Dictionary(residences.indices.map { (residences[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Int: [Int]] = [:]
        for p in proposals.sorted(by: { $0.priority < $1.priority }) where p.action == .placeOwn {
            if let id = p.residenceId, let r = index[id], p.priority - 1 < citizens.count { out[r, default: []].append(p.priority - 1) }
        }
        return out
    }
}
