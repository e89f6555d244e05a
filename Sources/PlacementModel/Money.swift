/// An exact amount of Danish money, counted in øre (1 kr. = 100 øre).
///
/// Money never passes through floating point: rates, costs and savings are added and
/// multiplied as integers, and rounding happens only when an amount is printed.
public struct Money: Hashable, Comparable, Sendable, Codable {
    public var ore: Int64

    public init(ore: Int64) { self.ore = ore }
    public init(kroner: Int64) { self.ore = kroner * 100 }

    public static let zero = Money(ore: 0)

    /// Whole kroner, rounded half away from zero (how amounts are shown).
    public var roundedKroner: Int64 { Rounding.divide(ore, by: 100) }

    public static func + (a: Money, b: Money) -> Money { Money(ore: a.ore + b.ore) }
    public static func - (a: Money, b: Money) -> Money { Money(ore: a.ore - b.ore) }
    public static prefix func - (a: Money) -> Money { Money(ore: -a.ore) }
    public static func += (a: inout Money, b: Money) { a.ore += b.ore }
    public static func -= (a: inout Money, b: Money) { a.ore -= b.ore }
    public static func * (a: Money, n: Int64) -> Money { Money(ore: a.ore * n) }
    public static func * (n: Int64, a: Money) -> Money { Money(ore: a.ore * n) }
    public static func < (a: Money, b: Money) -> Bool { a.ore < b.ore }

    /// The amount times `percent` / 100, rounded half away from zero to whole øre.
    public func percent(_ percent: Int64) -> Money {
        Money(ore: Rounding.divide(ore * percent, by: 100))
    }

    /// The amount times `numerator / denominator`, rounded half away from zero to whole øre.
    public func scaled(_ numerator: Int64, _ denominator: Int64) -> Money {
        Money(ore: Rounding.divide(ore * numerator, by: denominator))
    }

    /// A year of a daily amount. The law and the municipalities count a year as 365 days.
    public var perYear: Money { self * 365 }

    // MARK: Limits and checked arithmetic
    //
    // Amounts from input are refused above these limits, so that sums over a plan (a daily rate
    // over a year of a residence, 1e10 øre × 366 days × 100,000 places, is 3.7e17) stay below Int64's 9.2e18.
    // Arithmetic on amounts that may still be large uses the checked forms below, which report
    // an overflow instead of trapping.

    /// The highest daily rate or daily cost accepted from input: 100.000.000 kr. a day (as the import).
    public static let maximumDailyRate = Money(kroner: 100_000_000)
    /// The highest single amount (an investment) accepted from input: 100 milliarder kr.
    public static let maximumAmount = Money(kroner: 100_000_000_000)

    /// `a + b`, or nil when the sum does not fit in øre.
    public func adding(_ other: Money) -> Money? {
        let (r, o) = ore.addingReportingOverflow(other.ore)
        return o ? nil : Money(ore: r)
    }

    /// `a × n`, or nil when the product does not fit in øre.
    public func multiplied(by n: Int64) -> Money? {
        let (r, o) = ore.multipliedReportingOverflow(by: n)
        return o ? nil : Money(ore: r)
    }

    /// `scaled(numerator, denominator)`, or nil when the product does not fit in øre.
    public func scaledChecked(_ numerator: Int64, _ denominator: Int64) -> Money? {
        guard denominator > 0 else { return nil }
        let (p, o) = ore.multipliedReportingOverflow(by: numerator)
        return o ? nil : Money(ore: Rounding.divide(p, by: denominator))
    }

    /// Exact øre from a decimal of kroner given as (digits, scale): (380050, 2) → 3800,50 kr.
    /// nil when the scale is above 2 or the øre do not fit.
    public static func fromKroner(digits: Int64, scale: Int) -> Money? {
        guard (0...2).contains(scale) else { return nil }
        var ore = digits
        for _ in scale..<2 {
            let (r, o) = ore.multipliedReportingOverflow(by: 10)
            if o { return nil }
            ore = r
        }
        return Money(ore: ore)
    }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }

    /// The sum, or nil when it does not fit in øre.
    public func checkedSum() -> Money? {
        var total = Money.zero
        for m in self {
            guard let t = total.adding(m) else { return nil }
            total = t
        }
        return total
    }
}
