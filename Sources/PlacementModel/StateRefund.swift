/// State refund for costly individual cases, SEL § 176 (persons under 67).
///
/// The state refunds a share of the annual cost above each threshold: 25 % above the first,
/// 50 % above the second, 75 % above the third (2022 levels: 860.000, 1.680.000 and
/// 2.120.000 kr.; indexed yearly, so the thresholds are configurable).
public struct StateRefund: Hashable, Sendable, Codable {
    public var thresholds: [Money]
    public var percents: [Int64]

    public init(thresholds: [Money], percents: [Int64]) {
        precondition(thresholds.count == percents.count)
        self.thresholds = thresholds
        self.percents = percents
    }

    public static let levels2022 = StateRefund(
        thresholds: [Money(kroner: 860_000), Money(kroner: 1_680_000), Money(kroner: 2_120_000)],
        percents: [25, 50, 75])

    /// The refund on an annual gross cost: each band between two thresholds is refunded at
    /// its own rate.
    public func refund(onAnnualCost gross: Money) -> Money {
        var refund = Money.zero
        for (i, lower) in thresholds.enumerated() where gross > lower {
            let upper = i + 1 < thresholds.count ? min(gross, thresholds[i + 1]) : gross
            refund += (upper - lower).percent(percents[i])
        }
        return refund
    }

    /// The municipality's own cost after the refund.
    public func netCost(ofAnnualCost gross: Money) -> Money { gross - refund(onAnnualCost: gross) }
}
