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
                    p.reasons.insert(words.noFit, at: 0)
                    p.reasons += nearestExclusions(c, words: words)
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
    func whyNotLocal(_ i: Int, winners: [Int: [Int]], words: Words) -> [String] {
        let c = citizens[i]
        var lines: [(km: Int, text: String)] = []
        // Another offer type is never a candidate: the granted type is decided by the case worker.
        for r in ownResidencesByOffer[c.offerType] ?? [] {
            let ks = classesByResidence[r]
            guard !ks.isEmpty else { continue }
            let residence = residences[r]
            let km = self.km[i][r]
            guard let soonest = ks.map({ classes[$0].availableFrom }).min() else { continue }  // ks is not empty
            var text: String
            if soonest > horizon[i] {
                text = FitFailure.noVacancy(until: horizon[i]).text(language)
            } else if let f = ks.lazy.compactMap({ k2 -> FitFailure? in
                let moveIn = max(self.input.asOf, self.classes[k2].availableFrom)
                return Fit.failure(c, residence, placeFeatures: self.classes[k2].features, moveIn: moveIn, km: km)
            }).first, !ownOptions[i].contains(where: { classes[$0.cls].residence == r }) {
                text = f.text(language)
            } else if let w = winners[r]?.first(where: { $0 < i }) {
                text = words.wentTo(citizens[w], priority: w + 1)
            } else {
                continue
            }
            lines.append((km ?? Int.max, "\(residence.name): \(text)"))
        }
        let nearest = lines.sorted { ($0.km, $0.text) < ($1.km, $1.text) }.prefix(5).map(\.text)
        return nearest.isEmpty ? [words.noOwnVacancy(c.offerType)] : [words.whyNotLocalHeader] + nearest
    }

    /// For a citizen with no residence at all: the nearest candidates and what excluded them.
    func nearestExclusions(_ c: Citizen, words: Words) -> [String] {
        let scored = residences.map { r -> (Int, String, FitFailure?) in
            let km = Costing.km(c, r)
            var f = Fit.failure(c, r, moveIn: input.asOf, km: km)
            if f == nil && !r.isOwn && (input.externalCapacity[r.id] ?? 0) == 0 { f = .full }
            if f == nil && r.isOwn { f = .noVacancy(until: input.asOf.adding(days: policy.allowedWaitDays)) }
            return (km ?? Int.max, r.name, f)
        }
        // Same offer type first: those are the near misses worth explaining.
        let sameOffer = scored.enumerated().filter { residences[$0.offset].offerType == c.offerType }.map(\.element)
        let pool = sameOffer.isEmpty ? scored : sameOffer
        return pool.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).compactMap { km, name, f in
            f.map { "\(name)\(km == Int.max ? "" : " (\(km) km)"): \($0.text(language))" }
        }
    }
}
