extension MatchPolicy {
    /// What each key means, for a person changing it: `policy` and the web app's policy page
    /// show it beside the key's value (`shownValue`), so the two live in this one file.
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

    /// A key's value as a reader of `format`'s language writes it: thousands grouped, kroner
    /// as money (`20.000 kr.` / `DKK 20,000`), percentages with their sign, and a list's items
    /// separated by "; " (in Danish a comma is the decimal sign). `set` reads this form back,
    /// so a form can offer it for editing. Urgencies are named in the language (`akut, høj,
    /// normal`), the refund is on or off in its words (`til`/`fra`).
    public func shownValue(_ key: String, _ format: DisplayFormat) -> String {
        let numbers: [Int64]
        switch key {
        case "allowed_wait_days": numbers = [Int64(allowedWaitDays)]
        case "variable_cost_share_percent": numbers = [variableCostSharePercent]
        case "price_per_km_kr": numbers = [pricePerKmKr]
        case "wish_bonus_kr": numbers = [wishBonusKr]
        case "bring_home_threshold_kr": numbers = [bringHomeThresholdKr]
        case "free_choice_margin_percent": numbers = [freeChoiceMarginPercent]
        case "refund_thresholds_kr": numbers = refund.thresholds.map(\.roundedKroner)
        case "refund_percents": numbers = refund.percents
        case "wait_norm_days": numbers = waitNormDays.map(Int64.init)
        case "vacancy_confirm_days": numbers = [Int64(vacancyConfirmDays)]
        case "urgency_order": return urgencyOrder.map { $0.name(format.language) }.joined(separator: ", ")
        case "state_refund": return format.language == .da ? (stateRefund ? "til" : "fra") : (stateRefund ? "on" : "off")
        default: return value(key)
        }
        let da = format.language == .da
        let shown: (Int64) -> String
        if key.hasSuffix("_kr") {
            shown = { format.kroner(Money(kroner: $0)) }
        } else if key.hasSuffix("_percent") || key.hasSuffix("_percents") {
            shown = { format.integer($0) + (da ? " %" : "%") }
        } else {
            shown = { format.integer($0) }
        }
        return numbers.map(shown).joined(separator: "; ")
    }

    /// An urgency by its key or its Danish or English name (`acute`, `akut`, `høj`).
    static func writtenUrgency(_ text: String) -> Urgency? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        return Urgency(rawValue: t) ?? Urgency.allCases.first { $0.danishName.lowercased() == t || $0.englishName.lowercased() == t }
    }

    /// A whole number as a planner writes it (`20.000`, `20.000 kr.`, `DKK 20,000`, `25 %`),
    /// by the import's rule for numbers (`DecimalReading`); nil for anything else.
    static func writtenInteger(_ text: String) -> Int64? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        if let plain = Int64(t) { return plain }
        guard let (value, scale) = DecimalReading.decimal(t), scale == 0 else { return nil }
        return value
    }
}
