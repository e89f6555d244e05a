import PlacementModel

extension Matcher {
    /// Turns the stages' choices into proposals with their reasons (when `options.reasons`), in
    /// priority order.
    func buildResult(choice: [Choice], freeChoice: [Int: (wished: Int, percentAbove: Int64, instead: Int)],
                     bringHome: [BringHome], placeValues: [PlaceValue]) -> MatchResult {
        let words = Words(language)
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
            if reasons { p.reasons.append(words.priority(i + 1, of: n, c)) }
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
                if reasons { p.reasons.insert(words.fitsOwn(r, km: o.km, moveIn: o.moveIn), at: 0) }
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
                    p.reasons.insert(words.buyExternal(r, km: o.km), at: 0)
                    p.reasons += whyNotLocal(i, winners: winners, words: words)
                }
                totals.boughtExternal += 1
                totals.externalAnnualCostGross += o.cost.gross
                totals.externalAnnualCostNet += o.cost.net
            case .none:
                if reasons {
                    // Fitting own places all taken is another story than nothing fitting at all.
                    p.reasons.insert(ownOptions[i].isEmpty && extOptions[i].isEmpty ? words.noFit : words.noFitTaken, at: 0)
                    p.reasons += nearestExclusions(i, winners: winners, words: words)
                }
                totals.noFit += 1
            }
            if reasons, let fc = freeChoice[i] {
                p.reasons.insert(words.freeChoice(residences[fc.wished], instead: residences[fc.instead],
                                                  percentAbove: fc.percentAbove, margin: policy.freeChoiceMarginPercent), at: 1)
            }
            proposals.append(p)
        }

        let stays = input.externalStays.filter(\.citizen.openToMove).sorted { $0.citizen.id < $1.citizen.id }
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
                let from = residences.first { $0.id == stay.residenceId }
                p.reasons = [words.bringHome(r, from: from, saving: b.saving, currentNet: current.net, ownNet: b.cost.net,
                                             threshold: Money(kroner: policy.bringHomeThresholdKr))]
            }
            totals.bringHome += 1
            totals.bringHomeAnnualSaving += b.saving
            proposals.append(p)
        }
        return MatchResult(asOf: input.asOf, proposals: proposals, totals: totals, placeValues: placeValues,
                           stages: stages, instances: instances)
    }

    /// For a citizen bought externally: each own residence with a vacancy in the citizen's
    /// horizon and the rule that ruled it out, or the higher-priority citizen who got it.
    /// The five nearest are kept; only residences that can be among them are worded, since a
    /// national run asks this for two thousand citizens over hundreds of residences each.
    func whyNotLocal(_ i: Int, winners: [Int: [Int]], words: Words) -> [String] {
        let c = citizens[i]
        // Another offer type is never a candidate: the granted type is decided by the case worker.
        let candidates = (ownResidencesByOffer[c.offerType] ?? []).filter { !classesByResidence[$0].isEmpty }
        let byDistance = candidates.map { (km: km[i][$0] ?? Int.max, r: $0) }.sorted { $0.km < $1.km }
        var lines: [(km: Int, text: String)] = []
        for v in byDistance {
            // Lines are ordered by (km, text): past the fifth line's km nothing can move up.
            if lines.count >= 5, v.km > lines[4].km { break }
            guard let text = whyNotLocalVerdict(i, v.r, winners: winners, words: words) else { continue }
            lines.append((v.km, text))
            if lines.count >= 5 { lines.sort { ($0.km, $0.text) < ($1.km, $1.text) } }
        }
        let nearest = lines.sorted { ($0.km, $0.text) < ($1.km, $1.text) }.prefix(5).map(\.text)
        return nearest.isEmpty ? [words.noOwnVacancy(c.offerType)] : [words.whyNotLocalHeader] + nearest
    }

    /// Why own residence `r` did not take citizen `i` (its one decisive reason), or nil when
    /// it is no reason to give.
    private func whyNotLocalVerdict(_ i: Int, _ r: Int, winners: [Int: [Int]], words: Words) -> String? {
        let v = ownVerdict(citizens[i], i, r, winners: winners, chosen: nil)
        guard v.isReason else { return nil }
        return "\(residences[r].name): \(text(v, words: words))"
    }

    /// For a citizen with no residence at all: the nearest candidates and what excluded them.
    /// The three nearest by (km, name) are chosen first and only they are checked and worded.
    func nearestExclusions(_ i: Int, winners: [Int: [Int]], words: Words) -> [String] {
        let c = citizens[i]
        // Same offer type first: those are the near misses worth explaining.
        var pool = residences.indices.filter { residences[$0].offerType == c.offerType }
        if pool.isEmpty { pool = Array(residences.indices) }
        // By km first (integers); names break ties only among those that can be in the three.
        let byKm = pool.map { (km: km[i][$0] ?? Int.max, r: $0) }.sorted { $0.km < $1.km }
        let third = byKm.count >= 3 ? byKm[2].km : Int.max
        let nearest = byKm.prefix { $0.km <= third }
            .sorted { ($0.km, residences[$0.r].name) < ($1.km, residences[$1.r].name) }
            .prefix(3)
        return nearest.compactMap { km, r in
            let residence = residences[r]
            let place = "\(residence.name)\(km == Int.max ? "" : " (\(km) km)")"
            // An own residence of the granted offer type: the same decisive reason as everywhere.
            if residence.isOwn && residence.offerType == c.offerType {
                return "\(place): \(text(ownVerdict(c, i, r, winners: winners, chosen: nil), words: words))"
            }
            var f = Fit.failure(c, residence, moveIn: input.asOf, km: km == Int.max ? nil : km)
            if f == nil && !residence.isOwn && (input.externalCapacity[residence.id] ?? 0) == 0 { f = .full }
            if f == nil && residence.isOwn { f = .noVacancy(until: input.asOf.adding(days: policy.allowedWaitDays)) }
            return f.map { "\(place): \($0.text(language))" }
        }
    }
}
