import PlacementModel
import Spreadsheet

/// How a `ReportValue` is printed for people (HTML, Markdown, the terminal): Danish or
/// English numbers from `DisplayFormat`, amounts in whole kroner (the unit is in the header),
/// shares as percentages with one decimal, changes with a sign. Rounding is `Rounding.divide`.
struct ValueText {
    let f: DisplayFormat
    let labels: Labels

    init(_ language: Language) {
        f = DisplayFormat(language)
        labels = Labels.of(language)
    }

    func text(_ v: ReportValue) -> String {
        switch v {
        case .empty: return ""
        case .text(let s), .citizen(let s): return s
        case .count(let n), .number(let n), .days(let n, _): return f.integer(n)
        case .median(let m, _): return f.decimal(m.tenths, scale: 1, decimals: 1)
        case .money(let m, _): return f.kronerNumber(m)
        case .ratio(let n, let d): return f.percent(numerator: n, denominator: d)
        case .date(let d): return f.date(d)
        case .week(let w): return labels.weekShort(w.week)
        case .masked: return PublicMasking.maskedText
        case .change(let inner): return signed(inner)
        }
    }

    /// An amount with its unit (`1.234 kr.`, `DKK 1,234`); other values as `text`.
    func amount(_ v: ReportValue) -> String {
        if case .money(let m, _) = v { return f.kroner(m) }
        return text(v)
    }

    /// A difference: `+3`, `-2`, `0`, `+1,5`, `+2,4 pct.-point`.
    func signed(_ v: ReportValue) -> String {
        let sign: (Bool, Bool) -> String = { positive, zero in zero ? "" : (positive ? "+" : "") }
        switch v {
        case .count(let n), .number(let n), .days(let n, _):
            return sign(n > 0, n == 0) + f.integer(n)
        case .median(let m, _):
            return sign(m.twice > 0, m.twice == 0) + f.decimal(m.tenths, scale: 1, decimals: 1)
        case .money(let m, _):
            return sign(m.roundedKroner > 0, m.roundedKroner == 0) + f.kronerNumber(m)
        case .ratio(let n, let d):
            guard d != 0 else { return "" }
            let tenths = Rounding.divide(n * 1000, by: d)
            return sign(tenths > 0, tenths == 0) + f.decimal(tenths, scale: 1, decimals: 1) + " " + labels.unitPercentagePoints
        default:
            return text(v)
        }
    }
}

/// Exact decimal arithmetic for printing and for spreadsheet cells.
enum Exact {
    /// `value / 10^scale` as plain decimal text with `.`: `123.45`, `-0.05`, `7`.
    static func decimalText(_ value: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(value) }
        var p: UInt64 = 1
        for _ in 0..<scale { p *= 10 }
        let m = value.magnitude
        let frac = String(m % p)
        return (value < 0 ? "-" : "") + String(m / p) + "." + String(repeating: "0", count: scale - frac.count) + frac
    }
}

/// How a `ReportValue` becomes a spreadsheet cell: real numbers and dates, amounts in
/// kroner with øre as decimals, shares as fractions (XLSX, shown with a percent format) or
/// as percentages with one decimal (CSV, whose header says %).
struct ValueCells {
    let language: Language
    let percentAsFraction: Bool

    func cell(_ v: ReportValue) -> Cell {
        switch v {
        case .empty: return .empty
        case .text(let s), .citizen(let s): return s.isEmpty ? .empty : .text(s)
        case .count(let n), .number(let n), .days(let n, _): return .number(String(n))
        case .median(let m, _): return .number(Exact.decimalText(Int64(m.twice) * 5, scale: 1))
        case .money(let m, _): return .number(Exact.decimalText(m.ore, scale: 2))
        case .ratio(let n, let d):
            guard d != 0 else { return .empty }
            return percentAsFraction
                ? .number(Exact.decimalText(Rounding.divide(n * 1_000_000, by: d), scale: 6))
                : .number(Exact.decimalText(Rounding.divide(n * 1000, by: d), scale: 1))
        case .date(let d):
            let c = d.components
            return CalendarDate(year: c.year, month: c.month, day: c.day).map(Cell.date) ?? .text(d.iso)
        case .week(let w): return .text(w.description)
        case .masked: return .text(PublicMasking.maskedText)
        case .change(let inner):
            // A change of a share is a difference of fractions (XLSX) or of percentages (CSV).
            return cell(inner)
        }
    }
}
