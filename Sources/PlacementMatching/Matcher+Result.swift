import PlacementModel

extension Matcher {
    /// Turns the stages' choices into proposals with their reasons (when `options.reasons`), in
    /// priority order; the place values come after (`placeValues`).
    func buildResult(choice: [Choice], freeChoice: [Int: (wished: Int, percentAbove: Int64, instead: Int)],
                     bringHome: [BringHome]) -> MatchResult {
        let reasons = options.reasons
        let n = citizens.count
        var proposals: [Proposal] = []
        var totals = MatchTotals()
        totals.waiting = n
        // Places of a class go to its citizens in priority order, in place-id order.
        var nextPlace = Array(repeating: 0, count: classes.count)
        var winners: [Int: [Int]] = [:]  // residence → citizens placed there, priority order
        for i in 0..<n { if case .own(let k) = choice[i] { winners[classes[k].residence, default: []].append(i) } }

        for i in 0..<n {
            let c = citizens[i]
            var p = Proposal(citizenId: c.id, action: .noFit, priority: i + 1, reasons: [])
            if reasons { p.reasons.append(.priority(rank: i + 1, of: n, urgency: c.urgency, waitingSince: c.referredOn)) }
            switch choice[i] {
            case .own(let k):
                let r = residences[classes[k].residence]
                let o = ownOptions[i].first { $0.cls == k }!
                p.action = .placeOwn
                p.residenceId = r.id
                p.placeId = classes[k].placeIds[nextPlace[k]]
                nextPlace[k] += 1
                p.moveIn = o.moveIn
                p.annualCostGross = o.cost.gross
                p.annualCostNet = o.cost.net
                p.distanceKm = o.km
                if reasons {
                    p.reasons.insert(.fitsOwn(residence: r.name, offerType: r.offerType, supportLevels: r.supportLevels,
                                              km: o.km, moveIn: o.moveIn), at: 0)
                }
                totals.placedOwn += 1
                totals.ownAnnualCostNet += o.cost.net
            case .external(let rIndex):
                let r = residences[rIndex]
                let o = extOptions[i].first { $0.res == rIndex }!
                p.action = .buyExternal
                p.residenceId = r.id
                p.moveIn = input.asOf
                p.annualCostGross = o.cost.gross
                p.annualCostNet = o.cost.net
                p.distanceKm = o.km
                if reasons {
                    p.reasons.insert(.buyExternal(residence: r.name, km: o.km), at: 0)
                    p.reasons += whyNotLocal(i, winners: winners)
                }
                totals.boughtExternal += 1
                totals.externalAnnualCostGross += o.cost.gross
                totals.externalAnnualCostNet += o.cost.net
            case .none:
                if reasons {
                    // Fitting own places all taken is another story than nothing fitting at all.
                    p.reasons.insert(ownOptions[i].isEmpty && extOptions[i].isEmpty ? .noFit : .noFitTaken, at: 0)
                    p.reasons += nearestExclusions(i, winners: winners)
                }
                totals.noFit += 1
            }
            if reasons, let fc = freeChoice[i] {
                p.reasons.insert(.freeChoice(wished: residences[fc.wished].name, instead: residences[fc.instead].name,
                                             percentAbove: fc.percentAbove, marginPercent: policy.freeChoiceMarginPercent), at: 1)
            }
            proposals.append(p)
        }

        let stays = input.externalStays.filter { $0.citizen.openToMove }.sorted { $0.citizen.id < $1.citizen.id }
        // Where each stay is now, by residence id (ids are unique; `prepare` indexes them alike).
        let residenceIndex = bringHome.isEmpty || !reasons ? [:]
            : Dictionary(uniqueKeysWithValues: residences.enumerated().map { ($1.id, $0) })
        for (rank, b) in bringHome.sorted(by: { stays[$0.stay].citizen.id < stays[$1.stay].citizen.id }).enumerated() {
            let stay = stays[b.stay]
            let r = residences[classes[b.cls].residence]
            let current = costing.currentExternal(dailyRate: stay.dailyRate)
            var p = Proposal(citizenId: stay.citizen.id, action: .bringHome, priority: n + rank + 1, reasons: [])
            p.residenceId = r.id
            p.placeId = classes[b.cls].placeIds[nextPlace[b.cls]]
            nextPlace[b.cls] += 1
            p.moveIn = b.moveIn
            p.annualCostGross = b.cost.gross
            p.annualCostNet = b.cost.net
            p.annualSaving = b.saving
            p.distanceKm = b.km
            if reasons {
                let from = residenceIndex[stay.residenceId].map { residences[$0] }
                p.reasons = [.bringHome(residence: r.name, from: from?.name, saving: b.saving, currentNet: current.net,
                                        ownNet: b.cost.net, threshold: Money(kroner: policy.bringHomeThresholdKr))]
            }
            totals.bringHome += 1
            totals.bringHomeAnnualSaving += b.saving
            proposals.append(p)
        }
        return MatchResult(asOf: input.asOf, proposals: proposals, totals: totals, placeValues: [],
                           stages: stages, instances: instances)
    }

    /// For a citizen bought externally: each own residence with a vacancy in the citizen's
    /// horizon and the rule that ruled it out, or the higher-priority citizen who got it.
    /// The five nearest are kept, by km and then name, so the order is the same in every
    /// language; only residences that can be among them are judged, since a national run asks
    /// this for two thousand citizens over hundreds of residences each.
    func whyNotLocal(_ i: Int, winners: [Int: [Int]]) -> [MatchReason] {
        let c = citizens[i]
        // Another offer type is never a candidate: the granted type is decided by the case worker.
        let candidates = (ownResidencesByOffer[c.offerType] ?? []).filter { !classesByResidence[$0].isEmpty }
        // By km, ties in residence order (as a stable sort by km left them): each (km, residence)
        // packed into one integer, so the sort compares integers, not tuples through a closure.
        let row = km[i]
        var byDistance = candidates.map { Self.packedDistance(row[$0] ?? Int.max, $0) }
        byDistance.sort()
        // "Name:" sorts as the worded line "Name: …" did: a name before a longer one it begins.
        var lines: [(km: Int, key: String, reason: MatchReason)] = []
        for packed in byDistance {
            let v = Self.unpackedDistance(packed)
            // Lines are ordered by (km, name): past the fifth line's km nothing can move up.
            if lines.count >= 5, v.km > lines[4].km { break }
            guard let reason = whyNotLocalVerdict(i, v.r, winners: winners) else { continue }
            lines.append((v.km, residences[v.r].name + ":", reason))
            if lines.count >= 5 { lines.sort { ($0.km, $0.key) < ($1.km, $1.key) } }
        }
        let nearest = lines.sorted { ($0.km, $0.key) < ($1.km, $1.key) }.prefix(5).map(\.reason)
        return nearest.isEmpty ? [.noOwnVacancy(offerType: c.offerType)] : [.whyNotLocal] + nearest
    }

    /// Why own residence `r` did not take citizen `i` (its one decisive reason), or nil when
    /// it is no reason to give.
    private func whyNotLocalVerdict(_ i: Int, _ r: Int, winners: [Int: [Int]]) -> MatchReason? {
        let v = ownVerdict(citizens[i], i, r, winners: winners, chosen: nil)
        guard v.isReason else { return nil }
        return .residence(name: residences[r].name, km: nil, verdict: stored(v))
    }

    /// For a citizen with no residence at all: the nearest candidates and what excluded them.
    /// The three nearest by (km, name) are chosen first and only they are checked.
    func nearestExclusions(_ i: Int, winners: [Int: [Int]]) -> [MatchReason] {
        let c = citizens[i]
        // Same offer type first: those are the near misses worth explaining.
        var pool = residences.indices.filter { residences[$0].offerType == c.offerType }
        if pool.isEmpty { pool = Array(residences.indices) }
        // By km first (integers); names break ties only among those that can be in the three:
        // every residence no farther than the third nearest, in residence order, sorted by
        // (km, name) with a stable sort (what sorting the whole pool by km first gave, in one pass).
        let row = km[i]
        let byKm = pool.map { (km: row[$0] ?? Int.max, r: $0) }
        let third = Self.thirdSmallest(byKm.lazy.map(\.km))
        let nearest = byKm.filter { $0.km <= third }
            .sorted { ($0.km, residences[$0.r].name) < ($1.km, residences[$1.r].name) }
            .prefix(3)
        return nearest.compactMap { km, r in
            let residence = residences[r]
            let shownKm = km == Int.max ? nil : km
            // An own residence of the granted offer type: the same decisive reason as everywhere.
            if residence.isOwn && residence.offerType == c.offerType {
                return .residence(name: residence.name, km: shownKm, verdict: stored(ownVerdict(c, i, r, winners: winners, chosen: nil)))
            }
            var f = Fit.failure(c, residence, moveIn: input.asOf, km: shownKm)
            if f == nil && !residence.isOwn && (input.externalCapacity[residence.id] ?? 0) == 0 { f = .full }
            if f == nil && residence.isOwn { f = .noVacancy(until: input.asOf.adding(days: policy.allowedWaitDays)) }
            return f.map { .residence(name: residence.name, km: shownKm, verdict: .rule(failure: $0)) }
        }
    }

    /// A distance and a residence index in one integer that orders as the pair (km, residence):
    /// km in the high 32 bits (`Int.max`, no distance, as the largest; no distance on Earth
    /// comes near 2³² km), the index in the low 32.
    static func packedDistance(_ km: Int, _ r: Int) -> UInt64 { UInt64(UInt32(clamping: km)) << 32 | UInt64(UInt32(r)) }

    static func unpackedDistance(_ packed: UInt64) -> (km: Int, r: Int) {
        let high = UInt32(truncatingIfNeeded: packed >> 32)
        return (high == .max ? Int.max : Int(high), Int(UInt32(truncatingIfNeeded: packed)))
    }

    /// The third smallest of `values` counting repeats (`Int.max` when there are fewer than three).
    ///
    /// - Complexity: O(n), one pass.
    static func thirdSmallest(_ values: some Sequence<Int>) -> Int {
        var a = Int.max, b = Int.max, c = Int.max   // the three smallest so far, a <= b <= c
        for v in values where v < c {
            if v < a { (a, b, c) = (v, a, b) } else if v < b { (b, c) = (v, b) } else { c = v }
        }
        return c
    }
}
