import PlacementModel

extension Matcher {
    /// The full reasoning for one citizen of a run: every own residence and the rule or
    /// competitor that decided it, the chosen option, and the runner-up with the difference.
    public func explain(citizenId: String, proposals: [Proposal]) -> [String]? {
        var m = Matcher(input, policy, language, options, kilometres)
        m.prepare()
        return m.explanation(citizenId, proposals)
    }

    func explanation(_ id: String, _ proposals: [Proposal]) -> [String]? {
        let f = DisplayFormat(language)
        let da = language == .da
        guard let proposal = proposals.first(where: { $0.citizenId == id }) else { return nil }
        var lines: [String] = []
        let c: Citizen
        let i: Int? = citizens.firstIndex { $0.id == id }
        if let i { c = citizens[i] } else if let stay = input.externalStays.first(where: { $0.citizen.id == id }) { c = stay.citizen } else { return nil }
        let groups = c.targetGroups.members.map { $0.name(language) }.joined(separator: ", ")
        lines.append(da ? "Borger \(c.id): \(c.offerType.shortName), \(groups), støtteniveau \(c.supportLevel)"
                        : "Citizen \(c.id): \(c.offerType.shortName), \(groups), support level \(c.supportLevel)")
        lines += proposal.reasons.map { "  " + $0 }
        if let net = proposal.annualCostNet {
            lines.append(da ? "  Årlig udgift \(f.kroner(proposal.annualCostGross ?? net)) brutto, \(f.kroner(net)) netto efter statsrefusion"
                            : "  Annual cost \(f.kroner(proposal.annualCostGross ?? net)) gross, \(f.kroner(net)) net of state refund")
        }

        // Every own residence of the citizen's offer type, nearest first.
        lines.append(da ? "Egne tilbud:" : "Own residences:")
        let h = i.map { horizon[$0] } ?? input.asOf.adding(days: policy.allowedWaitDays)
        let winnerOf: [String: [Proposal]] = Dictionary(grouping: proposals.filter { $0.action == .placeOwn || $0.action == .bringHome },
                                                        by: { $0.residenceId ?? "" })
        let own = residences.filter(\.isOwn).map { r in (Costing.km(c, r), r) }
            .sorted { ($0.0 ?? Int.max, $0.1.id) < ($1.0 ?? Int.max, $1.1.id) }
        for (km, r) in own {
            let ks = classes.indices.filter { residences[classes[$0].residence].id == r.id }
            let kmText = km.map { " (\($0) km)" } ?? ""
            var verdict: String
            if let rule = Fit.failure(c, r, moveIn: input.asOf, km: km), case .offerType = rule {
                continue  // another offer type is not a candidate at all
            } else if ks.isEmpty {
                verdict = da ? "ingen ledige pladser" : "no vacant places"
            } else if ks.allSatisfy({ classes[$0].availableFrom > h }) {
                verdict = FitFailure.noVacancy(until: h).text(language)
            } else if let rule = ks.lazy.compactMap({ k in
                Fit.failure(c, r, placeFeatures: self.classes[k].features, moveIn: max(self.input.asOf, self.classes[k].availableFrom), km: km)
            }).first, !(i.map { ownOptions[$0].contains { self.residences[self.classes[$0.cls].residence].id == r.id } } ?? false) {
                verdict = rule.text(language)
            } else if proposal.residenceId == r.id {
                verdict = da ? "valgt" : "chosen"
            } else {
                let others = (winnerOf[r.id] ?? []).filter { $0.citizenId != id }
                let higher = others.filter { $0.priority < proposal.priority }
                if !higher.isEmpty {
                    verdict = da ? "passer; pladserne gik til borgere med højere prioritet (\(higher.map(\.citizenId).joined(separator: ", ")))"
                                 : "fits; its places went to higher-priority citizens (\(higher.map(\.citizenId).joined(separator: ", ")))"
                } else if !others.isEmpty {
                    verdict = da ? "passer; pladserne gik til \(others.map(\.citizenId).joined(separator: ", ")), så flest kunne bo lokalt"
                                 : "fits; its places went to \(others.map(\.citizenId).joined(separator: ", ")) so that the most citizens stay local"
                } else {
                    verdict = da ? "passer, men dyrere end det valgte" : "fits, but costs more than the choice"
                }
            }
            lines.append("  \(r.name)\(kmText): \(verdict)")
        }

        // The runner-up: the cheapest other option by the engine's cost.
        if let i, let chosen = proposal.residenceId {
            var options: [(Int64, Money, String)] = []
            for o in ownOptions[i] where residences[classes[o.cls].residence].id != chosen {
                options.append((o.cost.objective, o.cost.net, residences[classes[o.cls].residence].name))
            }
            for o in extOptions[i] where residences[o.res].id != chosen {
                options.append((o.cost.objective, o.cost.net, residences[o.res].name))
            }
            if let best = options.min(by: { ($0.0, $0.2) < ($1.0, $1.2) }), let net = proposal.annualCostNet {
                let diff = best.1 - net
                lines.append(da ? "Næstbedste: \(best.2), \(f.kroner(best.1)) netto om året (\(diff.ore >= 0 ? "+" : "")\(f.kroner(diff)))"
                                : "Runner-up: \(best.2), \(f.kroner(best.1)) net a year (\(diff.ore >= 0 ? "+" : "")\(f.kroner(diff)))")
            } else {
                lines.append(da ? "Næstbedste: intet andet tilbud passer" : "Runner-up: no other residence fits")
            }
        }
        return lines
    }
}
