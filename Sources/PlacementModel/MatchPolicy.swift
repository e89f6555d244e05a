import Foundation

/// The matching policy: every knob the engine uses, with documented defaults. It lives in the
/// database (`policy` table), is shown by `placement policy`, changed by `placement policy set`,
/// and copied into every run so a decision can be replayed exactly as it was made.
public struct MatchPolicy: Codable, Sendable, Equatable {
    /// How many days after `needed_by` (or the run date) a place may become vacant and still count.
    public var allowedWaitDays: Int = 30
    /// An own place's marginal cost when the residence gives no variable daily cost: this share
    /// of its daily rate (the rest, staff and building, is paid whether the place is used or not).
    public var variableCostSharePercent: Int64 = 25
    /// Cost per km per year between the citizen's network and the residence (visits, transport).
    public var pricePerKmKr: Int64 = 50
    /// Subtracted from the yearly cost of a residence the citizen wished for.
    public var wishBonusKr: Int64 = 20_000
    /// A consenting externally placed citizen is proposed a move home only above this yearly saving.
    public var bringHomeThresholdKr: Int64 = 100_000
    /// Priority of urgencies, first = highest.
    public var urgencyOrder: [Urgency] = [.acute, .high, .normal]
    /// Free choice: a wished residence at most this much above the proposal's rate is proposed.
    public var freeChoiceMarginPercent: Int64 = 10
    /// Costs are net of the state refund for costly cases (SEL § 176).
    public var stateRefund: Bool = true
    public var refund: StateRefund = .levels2022
    /// Waiting-time norms in days (reports): 13 weeks and 6 months.
    public var waitNormDays: [Int] = [91, 183]

    /// A proposal into a vacancy last confirmed more than this many days before the run is
    /// warned on, and the weekly report lists such vacancies (Rigsrevisionen 17/2022: a
    /// residence's own report of a vacancy is often stale).
    public var vacancyConfirmDays: Int {
        get { vacancyConfirmDaysSetting ?? Self.defaultVacancyConfirmDays }
        set { vacancyConfirmDaysSetting = newValue == Self.defaultVacancyConfirmDays ? nil : newValue }
    }
    public static let defaultVacancyConfirmDays = 30
    /// Stored only when not the default, so that runs stored before the key existed decode and
    /// a default policy encodes as it did.
    private var vacancyConfirmDaysSetting: Int?

    /// The norms as the reports count them: each once, ascending (`set` admits only
    /// positive days); the default norms when there are none.
    public var reportedWaitNorms: [Int] {
        let norms = Array(Set(waitNormDays)).sorted()
        return norms.isEmpty || norms[0] <= 0 ? MatchPolicy().waitNormDays : norms
    }

    public init() {}

    public static let keys = [
        "allowed_wait_days", "variable_cost_share_percent", "price_per_km_kr", "wish_bonus_kr",
        "bring_home_threshold_kr", "urgency_order", "free_choice_margin_percent", "state_refund",
        "refund_thresholds_kr", "refund_percents", "wait_norm_days", "vacancy_confirm_days",
    ]

    /// The value of `key` as stored and shown.
    public func value(_ key: String) -> String {
        switch key {
        case "allowed_wait_days": String(allowedWaitDays)
        case "variable_cost_share_percent": String(variableCostSharePercent)
        case "price_per_km_kr": String(pricePerKmKr)
        case "wish_bonus_kr": String(wishBonusKr)
        case "bring_home_threshold_kr": String(bringHomeThresholdKr)
        case "urgency_order": urgencyOrder.map(\.rawValue).joined(separator: ",")
        case "free_choice_margin_percent": String(freeChoiceMarginPercent)
        case "state_refund": stateRefund ? "on" : "off"
        case "refund_thresholds_kr": refund.thresholds.map { String($0.roundedKroner) }.joined(separator: ",")
        case "refund_percents": refund.percents.map(String.init).joined(separator: ",")
        case "wait_norm_days": waitNormDays.map(String.init).joined(separator: ",")
        case "vacancy_confirm_days": String(vacancyConfirmDays)
        default: ""
        }
    }

    public enum SetError: Error, CustomStringConvertible, Equatable {
        case unknownKey(String, suggestion: String?)
        case badValue(key: String, value: String, expected: String)

        public var description: String {
            switch self {
            case .unknownKey(let k, let s):
                "\"\(k)\" is not a policy key\(s.map { "; did you mean \"\($0)\"?" } ?? ""). Keys: \(MatchPolicy.keys.joined(separator: ", "))."
            case .badValue(let k, let v, let e):
                "\"\(v)\" is not a valid value for \(k): expected \(e)."
            }
        }
    }

    /// Sets `key` from its text, checking the value.
    public mutating func set(_ key: String, _ text: String) throws {
        func int(_ range: ClosedRange<Int64>, _ what: String) throws -> Int64 {
            guard let v = Int64(text.trimmingCharacters(in: .whitespaces)), range.contains(v) else {
                throw SetError.badValue(key: key, value: text, expected: what)
            }
            return v
        }
        func ints(_ what: String) throws -> [Int64] {
            let parts = text.split(separator: ",").map { Int64($0.trimmingCharacters(in: .whitespaces)) }
            let values = parts.compactMap { $0 }
            guard !parts.isEmpty, values.count == parts.count, values.allSatisfy({ $0 >= 0 }) else {
                throw SetError.badValue(key: key, value: text, expected: what)
            }
            return values
        }
        switch key {
        case "allowed_wait_days": allowedWaitDays = Int(try int(0...3650, "a number of days (0-3650)"))
        case "variable_cost_share_percent": variableCostSharePercent = try int(0...100, "a percentage (0-100)")
        case "price_per_km_kr": pricePerKmKr = try int(0...100_000, "kroner per km per year (0-100000)")
        case "wish_bonus_kr": wishBonusKr = try int(0...10_000_000, "kroner per year")
        case "bring_home_threshold_kr": bringHomeThresholdKr = try int(0...100_000_000, "kroner per year")
        case "free_choice_margin_percent": freeChoiceMarginPercent = try int(0...100, "a percentage (0-100)")
        case "urgency_order":
            let order = text.split(separator: ",").compactMap { Urgency(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
            guard Set(order) == Set(Urgency.allCases), order.count == 3 else {
                throw SetError.badValue(key: key, value: text, expected: "acute, high and normal in priority order, e.g. acute,high,normal")
            }
            urgencyOrder = order
        case "state_refund":
            switch text.lowercased() {
            case "on", "yes", "true", "1": stateRefund = true
            case "off", "no", "false", "0": stateRefund = false
            default: throw SetError.badValue(key: key, value: text, expected: "on or off")
            }
        case "refund_thresholds_kr":
            let t = try ints("increasing amounts in kroner, e.g. 860000,1680000,2120000")
            guard t.count == refund.percents.count, t == t.sorted() else {
                throw SetError.badValue(key: key, value: text, expected: "\(refund.percents.count) increasing amounts in kroner")
            }
            refund = StateRefund(thresholds: t.map { Money(kroner: $0) }, percents: refund.percents)
        case "refund_percents":
            let p = try ints("percentages, e.g. 25,50,75")
            guard p.count == refund.thresholds.count, p.allSatisfy({ $0 <= 100 }) else {
                throw SetError.badValue(key: key, value: text, expected: "\(refund.thresholds.count) percentages (0-100)")
            }
            refund = StateRefund(thresholds: refund.thresholds, percents: p)
        case "wait_norm_days":
            let days = try ints("days, e.g. 91,183")
            guard days.allSatisfy({ $0 > 0 && $0 <= 36_500 }) else {
                throw SetError.badValue(key: key, value: text, expected: "days, each 1 or more, e.g. 91,183")
            }
            waitNormDays = days.map { Int($0) }
        case "vacancy_confirm_days": vacancyConfirmDays = Int(try int(1...3650, "a number of days (1-3650)"))
        default:
            let suggestion = MatchPolicy.keys.min { a, b in a.editDistance(to: key) < b.editDistance(to: key) }
            throw SetError.unknownKey(key, suggestion: suggestion.flatMap { $0.editDistance(to: key) <= 4 ? $0 : nil })
        }
    }
}

extension String {
    /// Levenshtein distance, for "did you mean" suggestions.
    public func editDistance(to other: String) -> Int {
        let a = Array(self), b = Array(other)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
