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

    static func trimmed(_ s: String) -> String {
        // Nearly every cell starts and ends with a visible ASCII character: nothing to trim.
        if let first = s.utf8.first, let last = s.utf8.last, first > 32, first < 128, last > 32, last < 128 { return s }
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }

    // MARK: Numbers

    /// An exact decimal as (digits, scale): `1.234,50` → (123450, 2). The forms accepted
    /// (README, "Accepted number and date forms"): an optional sign; digits, grouped by
    /// thousands or not; a decimal comma or point; `kr.`, `kr`, `DKK` before or after, or
    /// `,-` after. Thousands are grouped by `.`, `,`, a space or `'`, with every group after
    /// the first exactly three digits (`1.234.567`); with both `.` and `,` the last one is the
    /// decimal separator. A single `.` or `,` followed by exactly three digits, after one to
    /// three digits, is read as a thousands separator (`1.850` kr. in a Danish file), since
    /// amounts do not come with three decimals. Anything else is refused, never guessed at:
    /// `1,2,3` is not 123.
    static func decimal(_ cell: Cell) -> (value: Int64, scale: Int)? {
        if case .number(let s) = cell { return plainDecimal(s) }
        // Most cells are plain digits: no units or separators to strip.
        let raw = cell.text
        if !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), raw.utf8.count <= 18, let v = Int64(raw) { return (v, 0) }
        var t = Substring(trimmed(raw).lowercased())
        for unit in ["kr.", "kr", "dkk"] where t.hasPrefix(unit) { t = t.dropFirst(unit.count); break }
        for unit in ["kr.", "kr", "dkk", ",-", ".-"] where t.hasSuffix(unit) { t = t.dropLast(unit.count); break }
        t = Substring(trimmed(String(t)))
        var sign = ""
        if let f = t.first, f == "-" || f == "+" { sign = f == "-" ? "-" : ""; t = t.dropFirst() }
        guard let first = t.first, first.isASCII, first.isNumber, let last = t.last, last.isASCII, last.isNumber else { return nil }
        let groupMarks: Set<Character> = [" ", "\u{A0}", "\u{202F}", "'"]
        guard t.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || groupMarks.contains($0) }) else { return nil }
        let commas = t.filter { $0 == "," }.count, points = t.filter { $0 == "." }.count
        var decimalSep: Character? = nil
        if commas > 0 && points > 0 {
            decimalSep = (t.lastIndex(of: ",") ?? t.startIndex) > (t.lastIndex(of: ".") ?? t.startIndex) ? "," : "."
            guard (decimalSep == "," ? commas : points) == 1 else { return nil }
        } else if commas == 1 || points == 1 {
            let sep: Character = commas == 1 ? "," : "."
            guard let at = t.lastIndex(of: sep) else { return nil }
            let before = t[..<at], after = t[t.index(after: at)...]
            let thousands = after.count == 3 && after.allSatisfy(\.isNumber) && before.allSatisfy(\.isNumber)
                && (1...3).contains(before.count) && before.first != "0"
            decimalSep = thousands ? nil : sep
        }
        let integerPart: Substring, fraction: Substring
        if let d = decimalSep, let at = t.lastIndex(of: d) {
            integerPart = t[..<at]
            fraction = t[t.index(after: at)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        } else {
            integerPart = t
            fraction = ""
        }
        // One kind of thousands separator, groups of three after the first.
        let separators = Set(integerPart.filter { !($0.isASCII && $0.isNumber) })
        guard separators.count <= 1 else { return nil }
        if let sep = separators.first {
            guard isGrouped(integerPart.split(separator: sep, omittingEmptySubsequences: false)) else { return nil }
        }
        let digits = integerPart.filter { $0.isASCII && $0.isNumber }
        return plainDecimal(sign + digits + (fraction.isEmpty ? "" : "." + fraction))
    }

    /// Whether digit groups are thousands groups: the first one to three digits, the rest
    /// exactly three.
    private static func isGrouped(_ groups: [Substring]) -> Bool {
        guard let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `-123.45` → (-12345, 2); nil for anything else (including exponents and >15 digits).
    static func plainDecimal(_ s: String) -> (value: Int64, scale: Int)? {
        var chars = Substring(s)
        var negative = false
        if chars.first == "-" { negative = true; chars.removeFirst() } else if chars.first == "+" { chars.removeFirst() }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        let digits = parts[0] + (parts.count == 2 ? parts[1] : "")
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 18, let v = Int64(digits) else { return nil }
        return (negative ? -v : v, parts.count == 2 ? parts[1].count : 0)
    }

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

    /// The terms of a list cell, split on `,` `;` `|` `/`.
    static func list(_ cell: Cell) -> [String] {
        let text = cell.text
        guard !text.isEmpty else { return [] }
        // The separators are ASCII, so splitting the bytes never cuts a character in two.
        return text.utf8.split(whereSeparator: { $0 == 44 || $0 == 59 || $0 == 124 || $0 == 47 })
            .map { trimmed(String(Substring($0))) }.filter { !$0.isEmpty }
    }

    /// The normalised names of a domain's terms (code, English, Danish and aliases), built once.
    struct TermTable<T: DomainTerm>: Sendable {
        let byKey: [String: T]
        /// The names exactly as written (codes, English, Danish), so the usual cell is found
        /// without normalising it first.
        let byName: [String: T]
        init(extra: [String: T] = [:]) {
            var table: [String: T] = [:], names: [String: T] = [:]
            for t in T.allCases {
                for name in [t.rawValue, t.englishName, t.danishName] {
                    table[HeaderKey(name).value] = table[HeaderKey(name).value] ?? t
                    names[name] = names[name] ?? t
                }
            }
            for (k, v) in extra { table[k] = v }
            byKey = table
            byName = names.filter { table[HeaderKey($0.key).value] == $0.value }
        }
        func callAsFunction(_ text: String) -> T? { byName[text] ?? byKey[HeaderKey(text).value] }
    }

    static let offerTypes = TermTable<OfferType>()
    static let targetGroupTable = TermTable<TargetGroup>(extra: targetGroupAliases)
    static let featureTable = TermTable<Feature>(extra: featureAliases)
    static let operatorTable = TermTable<OperatorKind>(extra: ["eget": .own, "egne": .own, "ownmunicipality": .own, "kommune": .municipal,
                                                               "region": .regional, "privattilbud": .private, "selvejende": .private])
    static let placeStatusTable = TermTable<PlaceStatus>(extra: ["fri": .vacant, "tom": .vacant, "belagt": .occupied, "ibrug": .occupied])
    static let citizenStatusTable = TermTable<CitizenStatus>(extra: ["venteliste": .waiting, "ventende": .waiting, "indskrevet": .placed,
                                                                     "ophørt": .left, "udskrevet": .left, "fraflyttet": .left])
    static let urgencyTable = TermTable<Urgency>(extra: ["hoej": .high, "haster": .high, "akutt": .acute, "lav": .normal, "": .normal])

    static func offerType(_ cell: Cell) -> Parsed<OfferType> {
        if let exact = offerTypes.byName[cell.text] { return .success(exact) }
        let expected = Expected("is not an offer type (e.g. § 108, SEL108, ABL § 105)")
        var t = trimmed(cell.text).uppercased()
        let isABL = t.contains("ABL") || t.contains("ALMENBOLIG")
        t = String(t.filter(\.isNumber))
        guard let section = Int(t) else {
            return offerTypes(cell.text).map { .success($0) } ?? .failure(expected)
        }
        if isABL && section != 105 { return .failure(expected) }
        return OfferType.allCases.first { $0.section == section }.map { .success($0) } ?? .failure(expected)
    }

    static let targetGroupAliases: [String: TargetGroup] = [
        "udviklingshæmmede": .intellectualDisability, "udviklingshæmmet": .intellectualDisability,
        "kognitivhandicap": .intellectualDisability, "id": .intellectualDisability,
        "autismespektrumforstyrrelse": .autism, "asf": .autism, "autist": .autism,
        "sindslidende": .mentalIllness, "psykisksygdom": .mentalIllness, "psykiatri": .mentalIllness,
        "psykisklidelse": .mentalIllness, "psykosociale": .mentalIllness,
        "hjerneskade": .acquiredBrainInjury, "abi": .acquiredBrainInjury, "erhvervethjerneskade": .acquiredBrainInjury,
        "fysiskfunktionsnedsættelse": .physicalDisability, "fysiskhandicappede": .physicalDisability,
        "handicap": .physicalDisability,
        "rusmiddel": .substanceAbuse, "rusmidler": .substanceAbuse, "stofmisbrug": .substanceAbuse,
        "alkoholmisbrug": .substanceAbuse,
        "hjemløse": .homelessness, "hjemløs": .homelessness,
        "dobbeltdiagnoser": .dualDiagnosis,
    ]

    static func targetGroups(_ cell: Cell) -> Parsed<TargetGroups> {
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

    static let featureAliases: [String: Feature] = [
        "kørestol": .wheelchair, "kørestolsbruger": .wheelchair, "handicapvenlig": .wheelchair,
        "skærmning": .shielded, "skærmede": .shielded, "parbolig": .couples, "dyr": .pets, "kæledyr": .pets,
    ]

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
