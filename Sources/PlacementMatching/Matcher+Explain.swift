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
        let words = Words(language)
        // The stored reasons, worded now in the reader's language: the run is not solved again.
        lines += proposal.reasons.map { "  " + words.reason($0) }
        let chosen = proposal.residenceId.flatMap { id in residences.first { $0.id == id } }
        if let net = proposal.annualCostNet, let gross = proposal.annualCostGross, let r = chosen {
            if r.isOwn {
                // An own place's rate is what the report prices it at; what filling it adds is its variable part.
                lines.append("  " + words.ownRate(r.dailyRate))
                lines.append("  " + words.fillingAdds(gross: gross, net: net))
            } else {
                lines.append(da ? "  Årlig udgift \(f.kroner(gross)) brutto, \(f.kroner(net)) netto efter statsrefusion"
                                : "  Annual cost \(f.kroner(gross)) gross, \(f.kroner(net)) net of state refund")
            }
        }

        // Every own residence of the citizen's offer type, nearest first, with its one decisive reason.
        lines.append(da ? "Egne tilbud:" : "Own residences:")
        let winners = winners(of: proposals)
        let own = residences.indices.filter { residences[$0].isOwn && residences[$0].offerType == c.offerType }
            .map { r in (Costing.km(c, residences[r]), r) }
            .sorted { ($0.0 ?? Int.max, residences[$0.1].id) < ($1.0 ?? Int.max, residences[$1.1].id) }
        var verdicts: [(name: String, verdict: OwnVerdict)] = []
        for (km, r) in own {
            let v = ownVerdict(c, i, r, winners: winners, chosen: proposal.residenceId)
            verdicts.append((residences[r].name, v))
            lines.append("  " + words.reason(.residence(name: residences[r].name, km: km, verdict: stored(v))))
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
        lines.append(da ? "Kort fortalt:" : "In short:")
        lines.append("  " + words.story(c, proposal, residence: chosen, verdicts: verdicts.filter { $0.verdict.isReason }))
        return lines
    }
}
