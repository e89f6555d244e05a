import PlacementModel
import PlacementPlanning

/// Figures as text, with PlacementModel's `DisplayFormat` (Danish: `1.234.567`, `512,3`).
struct PlanFormat {
    let fm: DisplayFormat
    let l: PlanLabels

    init(_ language: Language) {
        fm = DisplayFormat(language)
        l = PlanLabels(language)
    }

    /// øre as million kroner with one decimal.
    func millions(_ ore: Int64) -> String { fm.decimal(ore, scale: 8, decimals: 1) }

    func kroner(_ ore: Int64) -> String { fm.integer(Money(ore: ore).roundedKroner) }

    func value(_ v: Int64, _ unit: Figure.Unit, millions m: Bool) -> String {
        switch unit {
        case .money: m ? millions(v) : kroner(v)
        case .perMille: fm.decimal(v, scale: 1, decimals: 1)
        default: fm.integer(v)
        }
    }

    /// `42 (35–50)`, or `42` when every run had the same. With a negative bound the dash would
    /// meet a minus sign (`-47,8–-21,3`), so the bounds are joined by a word instead.
    func band(_ b: Band, _ unit: Figure.Unit, millions m: Bool = true) -> String {
        let med = value(b.median, unit, millions: m)
        if b.isExact { return med }
        let to = b.low < 0 || b.high < 0 ? l.negativeRangeWord : "–"
        return "\(med) (\(value(b.low, unit, millions: m))\(to)\(value(b.high, unit, millions: m)))"
    }

    func year(_ y: Int64) -> String { y == Int64.max ? l.never : String(y) }

    func yearBand(_ b: Band) -> String {
        if b.isExact { return year(b.median) }
        return "\(year(b.median)) (\(year(b.low))–\(year(b.high)))"
    }

    func hundredths(_ h: Int64) -> String { fm.decimal(h, scale: 2, decimals: 2) }

    func decimal1(_ x: Double) -> String { fm.decimal(Int64((x * 10).rounded()), scale: 1, decimals: 1) }
    func decimal2(_ x: Double) -> String { fm.decimal(Int64((x * 100).rounded()), scale: 2, decimals: 2) }

    func area(_ codes: [Int]) -> String {
        let names = codes.map { "\(ReferenceData.municipalityByCode[$0]?.name ?? "?") (\($0))" }
        return names.count > 4 ? "\(names.count) \(l.municipalities)" : names.joined(separator: ", ")
    }

    func groups(_ g: TargetGroups) -> String { g.members.map { $0.name(fm.language) }.joined(separator: ", ") }

    /// Pads to a width, counting characters (Danish letters are one each).
    static func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
        let n = s.count
        guard n < w else { return s }
        let fill = String(repeating: " ", count: w - n)
        return right ? fill + s : s + fill
    }
}
