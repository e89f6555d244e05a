import PlacementMatching
import PlacementModel

/// `explain` as lines, in the reader's language: the citizen, the proposal's reasons, what the
/// place costs, every own residence with what decided it, the runner-up and the short
/// paragraph. The terminal and the web app's citizen page print these lines.
public enum ExplanationText {
    public static func lines(_ e: Explanation, language: Language) -> [String] {
        let f = DisplayFormat(language)
        let da = language == .da
        var lines: [String] = []
        let groups = e.targetGroups.members.map { $0.name(language) }.joined(separator: ", ")
        lines.append(da ? "Borger \(e.citizenId): \(e.offerType.shortName), \(groups), støtteniveau \(e.supportLevel)"
                        : "Citizen \(e.citizenId): \(e.offerType.shortName), \(groups), support level \(e.supportLevel)")
        lines += e.reasons.map { "  " + $0.text(language) }
        switch e.cost {
        case .own: lines += e.ownCostLines(language).map { "  " + $0 }
        case .external(let gross, let net):
            lines.append(da ? "  Årlig udgift \(f.kroner(gross)) brutto, \(f.kroner(net)) netto efter statsrefusion"
                            : "  Annual cost \(f.kroner(gross)) gross, \(f.kroner(net)) net of state refund")
        case nil: break
        }
        lines.append(da ? "Egne tilbud:" : "Own residences:")
        lines += e.ownResidences.map { "  " + $0.text(language) }
        switch e.runnerUp {
        case .residence(let name, let net, let diff):
            lines.append(da ? "Næstbedste: \(name), \(f.kroner(net)) netto om året (\(diff.ore >= 0 ? "+" : "")\(f.kroner(diff)))"
                            : "Runner-up: \(name), \(f.kroner(net)) net a year (\(diff.ore >= 0 ? "+" : "")\(f.kroner(diff)))")
        case .nothingElseFits:
            lines.append(da ? "Næstbedste: intet andet tilbud passer" : "Runner-up: no other residence fits")
        case nil: break
        }
        lines.append(da ? "Kort fortalt:" : "In short:")
        lines.append("  " + e.storyText(language))
        return lines
    }
}
