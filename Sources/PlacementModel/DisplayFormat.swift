/// Numbers, money and dates as Danish or English readers expect them: `1.234.567 kr.` and
/// `23-11-2026` in Danish, `DKK 1,234,567` and `2026-11-23` in English. Shares and
/// amounts round by `Rounding.divide`.
public struct DisplayFormat: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    var groupSeparator: Character { language == .da ? "." : "," }
    var decimalSeparator: Character { language == .da ? "," : "." }

    /// An integer with thousands separators: `1.234.567` / `1,234,567`.
    public func integer(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(groupSeparator) }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    public func integer(_ n: Int) -> String { integer(Int64(n)) }

    /// A fixed-point number given as `value / 10^scale`, shown with `decimals` digits.
    public func decimal(_ value: Int64, scale: Int, decimals: Int) -> String {
        var v = value
        var s = scale
        // Down to the wanted number of decimals in one rounding (the tool's rule), not digit
        // by digit: 1,449 is 1,4, where rounding each digit in turn would make 1,45 and then 1,5.
        if s > decimals {
            var unit: Int64 = 1
            for _ in decimals..<s { unit *= 10 }
            v = Rounding.divide(v, by: unit)
            s = decimals
        }
        while s < decimals { v *= 10; s += 1 }
        var p: Int64 = 1
        for _ in 0..<decimals { p *= 10 }
        let whole = integer(v / p)
        guard decimals > 0 else { return whole }
        let frac = String(v.magnitude % UInt64(p))
        let padded = String(repeating: "0", count: decimals - frac.count) + frac
        let sign = (v < 0 && v / p == 0) ? "-" : ""
        return sign + whole + String(decimalSeparator) + padded
    }

    /// Money in whole kroner: `1.234.567 kr.` / `DKK 1,234,567`.
    public func kroner(_ m: Money) -> String {
        language == .da ? "\(integer(m.roundedKroner)) kr." : "DKK \(integer(m.roundedKroner))"
    }

    /// Money in kroner without the unit, for table cells whose header carries it.
    public func kronerNumber(_ m: Money) -> String { integer(m.roundedKroner) }

    /// Money with øre: `1.234,50 kr.`.
    public func kronerAndOre(_ m: Money) -> String {
        let n = decimal(m.ore, scale: 2, decimals: 2)
        return language == .da ? "\(n) kr." : "DKK \(n)"
    }

    /// A share as a percentage with one decimal: `95,3 %` / `95.3%`.
    public func percent(numerator: Int64, denominator: Int64) -> String {
        guard denominator != 0 else { return "–" }
        // Tenths of a percent, rounded half away from zero.
        let tenths = Rounding.divide(numerator * 1000, by: denominator)
        let n = decimal(tenths, scale: 1, decimals: 1)
        return language == .da ? "\(n) %" : "\(n)%"
    }

    public func date(_ d: Day) -> String { language == .da ? d.danish : d.iso }

    public func week(_ w: ISOWeek) -> String {
        language == .da ? "uge \(w.week) \(w.year)" : "week \(w.week) \(w.year)"
    }
}
