import PlacementModel

extension MatchPolicy {
    /// What each key means, for a person changing it: `policy` and the web app's policy page.
    public static func meaning(_ key: String, _ language: Language) -> String {
        let da = language == .da
        switch key {
        case "allowed_wait_days": return da ? "dage efter senest-dato (eller i dag) en plads må blive ledig og stadig tælle med" : "days after needed-by (or today) a place may become vacant and still count"
        case "variable_cost_share_percent": return da ? "andel af døgntaksten en egen plads koster, når ingen variabel udgift er angivet" : "share of the daily rate an own place costs when no variable cost is given"
        case "price_per_km_kr": return da ? "kroner om året pr. km mellem borgerens netværk og tilbuddet" : "kroner a year per km between the citizen's network and the residence"
        case "wish_bonus_kr": return da ? "kroner om året, der trækkes fra for et tilbud, borgeren har ønsket" : "kroner a year subtracted for a residence the citizen wished for"
        case "bring_home_threshold_kr": return da ? "mindste besparelse om året for at foreslå en hjemtagelse" : "least yearly saving for proposing a move home"
        case "urgency_order": return da ? "hastegradernes rækkefølge, den første vejer tungest" : "priority of urgencies, first is highest"
        case "free_choice_margin_percent": return da ? "et ønsket tilbud må koste så meget mere (frit valg)" : "a wished residence may cost this much more (free choice)"
        case "state_refund": return da ? "udgifter fratrukket statsrefusion for særligt dyre enkeltsager (SEL § 176)" : "costs net of the state refund for costly cases (SEL § 176)"
        case "refund_thresholds_kr": return da ? "refusionens tærskler, kroner om året" : "the refund's thresholds, kroner a year"
        case "refund_percents": return da ? "refusionens procentsatser over hver tærskel" : "the refund's percentages above each threshold"
        case "wait_norm_days": return da ? "normer for ventetid i dage til ugerapporten" : "waiting-time norms in days for the weekly report"
        case "vacancy_confirm_days": return da ? "dage en ledig plads' seneste bekræftelse må være gammel, før et forslag advarer" : "days a vacancy's last confirmation may be old before a proposal into it is warned on"
        default: return ""
        }
    }
}
