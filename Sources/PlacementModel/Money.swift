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
    public var roundedKroner: Int64 {
        let (q, r) = ore.quotientAndRemainder(dividingBy: 100)
        if r >= 50 { return q + 1 }
        if r <= -50 { return q - 1 }
        return q
    }

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
        Money(ore: Self.divideRounded(ore * percent, 100))
    }

    /// The amount times `numerator / denominator`, rounded half away from zero to whole øre.
    public func scaled(_ numerator: Int64, _ denominator: Int64) -> Money {
        Money(ore: Self.divideRounded(ore * numerator, denominator))
    }

    /// `a / b` rounded half away from zero (b > 0).
    public static func divideRounded(_ a: Int64, _ b: Int64) -> Int64 {
        precondition(b > 0)
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        if 2 * r >= b { return q + 1 }
        if 2 * r <= -b { return q - 1 }
        return q
    }

    /// A year of a daily amount. The law and the municipalities count a year as 365 days.
    public var perYear: Money { self * 365 }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}
