extension MatchPolicy {
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
