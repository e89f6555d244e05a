import Foundation
import PlacementModel
import Spreadsheet

/// Reading one cell as the value a column expects. Each parser returns the value, or the
/// phrase that completes "\"VALUE\" ..." in an error message ("is not a date (dd-mm-yyyy)").
enum CellParsing {
    typealias Parsed<T> = Result<T, Expected>

    struct Expected: Error, Equatable {
        let phrase: String
        init(_ phrase: String) { self.phrase = phrase }
    }

    static func trimmed(_ s: String) -> String { TermReading.trimmed(s) }

    // MARK: Numbers

    /// An exact decimal as (digits, scale): `1.234,50` → (123450, 2), by `DecimalReading`;
    /// a number cell holds plain decimal text.
    static func decimal(_ cell: Cell) -> (value: Int64, scale: Int)? {
        if case .number(let s) = cell { return DecimalReading.plainDecimal(s) }
        return DecimalReading.decimal(cell.text)
    }

    static func plainDecimal(_ s: String) -> (value: Int64, scale: Int)? { DecimalReading.plainDecimal(s) }

    static func integer(_ cell: Cell, _ range: ClosedRange<Int>, _ what: String) -> Parsed<Int> {
        guard let (v, scale) = decimal(cell) else { return .failure(Expected("is not a whole number (\(what))")) }
        var value = v
        for _ in 0..<scale {
            guard value % 10 == 0 else { return .failure(Expected("is not a whole number (\(what))")) }
            value /= 10
        }
        guard range.contains(Int(value)) else { return .failure(Expected("is not \(what)")) }
        return .success(Int(value))
    }

    /// Kroner to exact øre; more than two decimals is refused rather than rounded.
    static func money(_ cell: Cell) -> Parsed<Money> {
        guard let (v, scale) = decimal(cell) else { return .failure(Expected("is not an amount in kroner (e.g. 1.850,00)")) }
        var ore = v
        if scale <= 2 {
            for _ in scale..<2 {
                let (scaled, overflow) = ore.multipliedReportingOverflow(by: 10)
                guard !overflow else { return .failure(Expected("is too large to be an amount in kroner")) }
                ore = scaled
            }
        } else {
            var s = scale
            while s > 2 {
                guard ore % 10 == 0 else { return .failure(Expected("has more than two decimals (øre)")) }
                ore /= 10
                s -= 1
            }
        }
        guard ore >= 0 else { return .failure(Expected("is negative; an amount must be 0 or more")) }
        guard ore <= 100_000_000 * 100 else { return .failure(Expected("is not a plausible daily amount")) }
        return .success(Money(ore: ore))
    }

    static func coordinate(_ cell: Cell, _ range: ClosedRange<Double>, _ what: String) -> Parsed<Double> {
        // Decimal degrees with a point or a comma, nothing else (no exponent, no grouping).
        let t = trimmed(cell.text).replacingOccurrences(of: ",", with: ".")
        guard plainDecimal(t) != nil, let d = Double(t), range.contains(d) else { return .failure(Expected("is not a \(what) in Denmark")) }
        return .success(d)
    }

    // MARK: Dates

    /// `2026-11-23`, `23-11-2026`, `23.11.2026`, `23/11/2026` (day first, as Danish files
    /// write it), `23-11-26` is refused as ambiguous; XLSX date cells and serial numbers.
    static func date(_ cell: Cell) -> Parsed<Day> {
        let expected = Expected("is not a date (dd-mm-yyyy or yyyy-mm-dd)")
        switch cell {
        case .date(let d):
            return Day(year: d.year, month: d.month, day: d.day).map { .success($0) } ?? .failure(expected)
        case .number(let s):
            // A date typed into a cell without a date format arrives as its serial number.
            if let serial = Int(s), (20_000...80_000).contains(serial),
               case .date(let d) = CalendarDate.fromExcelSerial(serial) {
                return Day(year: d.year, month: d.month, day: d.day).map { .success($0) } ?? .failure(expected)
            }
            return .failure(expected)
        default:
            break
        }
        if let day = isoOrDanishDate(cell.text) { return .success(day) }
        return strictDate(trimmed(cell.text)).map { .success($0) } ?? .failure(expected)
    }

    /// The general date reader: `yyyy-m-d` or `d-m-yyyy` with one separator (`-`, `.` or
    /// `/`) used twice, optionally followed by a time of day that some exports add
    /// (`23-11-2026 00:00:00`, `2026-11-23T08:30`), which is dropped. Nothing else: no sign,
    /// no missing part (`-2026-01-01`, `2026--01`), no two-digit year (`23-11-26`).
    static func strictDate(_ text: String) -> Day? {
        var t = Substring(text)
        if let cut = t.firstIndex(where: { $0 == " " || $0 == "T" }) {
            guard isTimeOfDay(t[t.index(after: cut)...]) else { return nil }
            t = t[..<cut]
        }
        guard let sep = t.first(where: { !($0.isASCII && $0.isNumber) }), sep == "-" || sep == "." || sep == "/" else { return nil }
        let parts = t.split(separator: sep, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let day: Day?
        if parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2 { day = Day(year: a, month: b, day: c) }
        else if parts[2].count == 4 && parts[0].count <= 2 && parts[1].count <= 2 { day = Day(year: c, month: b, day: a) }
        else { day = nil }
        guard let d = day, (1900...2200).contains(d.year) else { return nil }
        return d
    }

    /// `hh:mm`, `hh:mm:ss` or `hh:mm:ss.fff`.
    private static func isTimeOfDay(_ t: Substring) -> Bool {
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return false }
        for (i, p) in parts.enumerated() {
            let whole = i == 2 ? (p.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? p) : p
            guard (1...2).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(whole),
                  v < (i == 0 ? 24 : 60) else { return false }
            if i == 2, whole.count < p.count {
                let fraction = p.dropFirst(whole.count + 1)
                guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            }
        }
        return true
    }

    /// `yyyy-mm-dd` or `dd-mm-yyyy` exactly, read from the bytes: the two forms nearly every
    /// file uses, without the general parser's splitting. Nil means "try the general parser".
    static func isoOrDanishDate(_ text: String) -> Day? {
        guard text.utf8.count == 10 else { return nil }
        let day = text.utf8.withContiguousStorageIfAvailable { b -> Day? in
            func number(_ from: Int, _ length: Int) -> Int? {
                var v = 0
                for i in from..<(from + length) {
                    guard b[i] >= 48 && b[i] <= 57 else { return nil }
                    v = v * 10 + Int(b[i]) - 48
                }
                return v
            }
            if b[4] == 45 && b[7] == 45, let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) {
                return Day(year: y, month: m, day: d)
            }
            if b[2] == 45 && b[5] == 45, let d = number(0, 2), let m = number(3, 2), let y = number(6, 4) {
                return Day(year: y, month: m, day: d)
            }
            return nil
        }
        guard let day = day ?? nil, (1900...2200).contains(day.year) else { return nil }
        return day
    }

    // MARK: Words

    static func bool(_ cell: Cell) -> Parsed<Bool> {
        if case .bool(let b) = cell { return .success(b) }
        switch trimmed(cell.text).lowercased() {
        case "yes", "ja", "true", "sand", "1", "x", "y", "j": return .success(true)
        case "no", "nej", "false", "falsk", "0", "n", "": return .success(false)
        default: return .failure(Expected("is not yes/no (ja/nej)"))
        }
    }

    /// The terms of a list cell (`TermReading.list`).
    static func list(_ cell: Cell) -> [String] { TermReading.list(cell.text) }

    // The words of each term are `TermReading`'s, shared with the demand sheet and scenario files.
    static let targetGroupTable = TermReading.targetGroups
    static let featureTable = TermReading.features
    static let operatorTable = TermReading.operators
    static let placeStatusTable = TermReading.placeStatuses
    static let citizenStatusTable = TermReading.citizenStatuses
    static let urgencyTable = TermReading.urgencies

    static func offerType(_ cell: Cell) -> Parsed<OfferType> {
        TermReading.offerType(cell.text).map { .success($0) } ?? .failure(Expected("is not an offer type (e.g. § 108, SEL108, ABL § 105)"))
    }

    /// Each group alone as a set, made once: the usual cell names one group, and a set made
    /// from a list looks each group's bit up among all groups.
    static let singleGroups = Dictionary(uniqueKeysWithValues: TargetGroup.allCases.map { ($0, TargetGroups([$0])) })

    static func targetGroups(_ cell: Cell) -> Parsed<TargetGroups> {
        // The usual cell: one group, spelled exactly as one of its names (no list to split).
        if case .text(let s) = cell, !s.utf8.contains(where: { $0 == 44 || $0 == 59 || $0 == 124 || $0 == 47 }),
           let g = targetGroupTable.byName[s], let one = singleGroups[g] {
            return .success(one)
        }
        let terms = list(cell)
        guard !terms.isEmpty else { return .failure(Expected("is empty; at least one target group is needed")) }
        var groups: [TargetGroup] = []
        for t in terms {
            guard let g = targetGroupTable(t) else {
                return .failure(Expected("has \"\(t)\", not a target group (e.g. udviklingshæmning, autisme, sindslidelse)"))
            }
            groups.append(g)
        }
        return .success(TargetGroups(groups))
    }

    static func features(_ cell: Cell) -> Parsed<Features> {
        var out: [Feature] = []
        for t in list(cell) {
            guard let f = featureTable(t) else {
                return .failure(Expected("has \"\(t)\", not a feature (kørestolsegnet, skærmet, par, husdyr)"))
            }
            out.append(f)
        }
        return .success(Features(out))
    }

    static func operatorKind(_ cell: Cell) -> Parsed<OperatorKind> {
        operatorTable(cell.text).map { .success($0) } ?? .failure(Expected("is not an operator (egen, kommunal, regional, privat)"))
    }

    static func placeStatus(_ cell: Cell) -> Parsed<PlaceStatus> {
        placeStatusTable(cell.text).map { .success($0) } ?? .failure(Expected("is not a place status (ledig, optaget, reserveret, lukket)"))
    }

    static func citizenStatus(_ cell: Cell) -> Parsed<CitizenStatus> {
        citizenStatusTable(cell.text).map { .success($0) } ?? .failure(Expected("is not a status (venter, placeret)"))
    }

    static func urgency(_ cell: Cell) -> Parsed<Urgency> {
        urgencyTable(cell.text).map { .success($0) } ?? .failure(Expected("is not an urgency (normal, høj, akut)"))
    }

    static func municipality(_ cell: Cell) -> Parsed<Int> {
        ReferenceData.municipality(named: trimmed(cell.text)).map { .success($0.code) }
            ?? .failure(Expected("is not a Danish municipality code or name"))
    }

    static func postcode(_ cell: Cell) -> Parsed<Int> {
        let t = trimmed(cell.text)
        guard t.count == 4, let code = Int(t) else { return .failure(Expected("is not a postcode (4 digits)")) }
        guard ReferenceData.postcodeByCode[code] != nil else { return .failure(Expected("is not a known Danish postcode")) }
        return .success(code)
    }
}
