import PlacementModel
import PlacementStore

/// What a planner must know about a proposal beside its reasons, worded from the run's input
/// and policy (so `match` and `explain` of a stored run say the same): the bridge it ends, and
/// a warning when the vacancy it uses was not confirmed within `vacancy_confirm_days`.
public enum ProposalNotes {
    /// A proposal into a vacancy whose last confirmation is older than the policy allows.
    public static func staleVacancy(_ p: Proposal, input: MatchInput, policy: MatchPolicy) -> (place: MatchInput.VacantPlace, days: Int)? {
        guard p.action == .placeOwn || p.action == .bringHome, let placeId = p.placeId,
              let v = input.vacantPlaces.first(where: { $0.residenceId == p.residenceId && $0.placeId == placeId }),
              let confirmed = v.confirmedOn else { return nil }
        // The store's one rule for a stale vacancy, as the web app's residences page asks it.
        guard VacancyConfirmations.isStale(confirmedOn: confirmed, on: input.asOf, days: policy.vacancyConfirmDays) else { return nil }
        return (v, confirmed.days(until: input.asOf))
    }

    /// The notes on one proposal, each a line in `language`.
    public static func lines(_ p: Proposal, input: MatchInput, policy: MatchPolicy, language: Language) -> [String] {
        let f = DisplayFormat(language)
        let da = language == .da
        let names = Dictionary(input.residences.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out: [String] = []
        if let b = input.bridge(of: p.citizenId) {
            let place = "\(names[b.residenceId] ?? b.residenceId)\(b.placeId.map { " (\(da ? "plads" : "place") \($0))" } ?? "")"
            switch (p.action, p.annualSaving) {
            case (.placeOwn, let saving?), (.buyExternal, let saving?):
                out.append(da
                    ? "Overgangsophold på \(place) siden \(f.date(b.since)); indflytningen afslutter det og sparer \(f.kroner(saving)) om året, og pladsen bliver ledig for den næste borger."
                    : "Bridging in \(place) since \(f.date(b.since)); the move-in ends the bridge, saving \(f.kroner(saving)) a year, and its place becomes vacant for the next citizen.")
            default:
                out.append(da ? "Overgangsophold på \(place) siden \(f.date(b.since)); bliver der, til en plads passer."
                              : "Bridging in \(place) since \(f.date(b.since)); stays there until a place fits.")
            }
        }
        if let (v, days) = staleVacancy(p, input: input, policy: policy), let confirmed = v.confirmedOn {
            let name = names[v.residenceId] ?? v.residenceId
            out.append(da
                ? "Advarsel: den ledige plads \(v.placeId) på \(name) blev sidst bekræftet \(f.date(confirmed)), for \(days) dage siden (vacancy_confirm_days \(policy.vacancyConfirmDays)); bekræft den før indflytningen: placement confirm-vacancy \(v.residenceId) \(v.placeId)"
                : "Warning: the vacancy of place \(v.placeId) in \(name) was last confirmed on \(f.date(confirmed)), \(days) days ago (vacancy_confirm_days \(policy.vacancyConfirmDays)); confirm it before the move-in: placement confirm-vacancy \(v.residenceId) \(v.placeId)")
        }
        return out
    }

    /// The notes of a whole run, citizen by citizen in priority order, under a heading; empty
    /// when there are none.
    public static func block(_ proposals: [Proposal], input: MatchInput, policy: MatchPolicy, language: Language) -> [String] {
        var out: [String] = []
        for p in proposals {
            for line in lines(p, input: input, policy: policy, language: language) { out.append("  \(p.citizenId): \(line)") }
        }
        guard !out.isEmpty else { return [] }
        return [language == .da ? "Bemærk:" : "Notes:"] + out
    }
}
