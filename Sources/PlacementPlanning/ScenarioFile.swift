import Foundation
import PlacementModel
import TOMLKit

/// Reads a scenario (or assumptions) file: TOML, documented with an example in
/// seeds/scenario-example.toml. Every problem is reported at once, located by table and key:
/// `A.toml: [[new_residence]] 1 "Engbo", key "offer_type": "§ 109" is not an offer type`.
/// Unknown keys are errors (a misspelt `place = 12` must not silently plan nothing). The
/// problems are worded in the planner's language (`language`); keys and table names are the
/// file's own and stay as written.
public enum ScenarioFile {
    public struct Problems: Error, CustomStringConvertible, Equatable {
        public var file: String
        public var messages: [String]
        public var description: String { messages.map { "\(file): \($0)" }.joined(separator: "\n") }
    }

    /// Where a new residence lies when the file gives no postcode: the planning area's first municipality.
    public struct Defaults: Sendable {
        public var municipalityCode: Int
        public init(municipalityCode: Int) { self.municipalityCode = municipalityCode }
    }

    public static func load(path: String, defaults: Defaults, language: Language = .en) throws -> Scenario {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw Problems(file: url.lastPathComponent, messages: [language.pick("filen findes ikke (\(path))", "there is no such file (\(path))")])
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Problems(file: url.lastPathComponent, messages: [language.pick("kan ikke læses som UTF-8-tekst", "cannot be read as UTF-8 text")])
        }
        var s = try parse(text, file: url.lastPathComponent, defaults: defaults, language: language)
        s.file = url.lastPathComponent
        return s
    }

    /// An assumptions file: like a scenario, with `[[demand]]` tables only; they apply to the
    /// baseline and every scenario.
    public static func loadAssumptions(path: String, defaults: Defaults, language: Language = .en) throws -> [Scenario.DemandOverride] {
        let s = try load(path: path, defaults: defaults, language: language)
        guard s.newResidences.isEmpty && s.closures.isEmpty && s.rateChanges.isEmpty else {
            throw Problems(file: URL(fileURLWithPath: path).lastPathComponent, messages: [language.pick(
                "en antagelsesfil rummer kun [[demand]]-tabeller; læg botilbud, lukninger og takstændringer i et scenarie",
                "an assumptions file holds only [[demand]] tables; put residences, closures and rate changes in a scenario")])
        }
        return s.demand
    }

    static let topKeys = ["name", "description", "new_residence", "closure", "rate_change", "demand"]
    static let residenceKeys = ["id", "name", "offer_type", "target_groups", "support_level_min", "support_level_max", "features",
                                "age_min", "age_max", "places", "daily_rate", "variable_daily_cost", "opens_on", "investment",
                                "postcode", "municipality_code"]
    static let closureKeys = ["residence_id", "closes_on"]
    static let rateKeys = ["residence_id", "from", "daily_rate", "change_percent", "variable_daily_cost"]
    static let demandKeys = ["offer_type", "target_groups", "support_level", "referrals_per_year", "growth_percent", "mean_stay_years"]

    public static func parse(_ text: String, file: String, defaults: Defaults, language: Language = .en) throws -> Scenario {
        let root: TOMLTable
        if let at = TOMLKeyShape.firstFault(in: text) {
            let (da, en) = switch at.fault {
            case .keyCannotStart: ("her skal et nøgle- eller tabelnavn begynde (et bogstav, et ciffer, _ eller -, eller et navn i anførselstegn)",
                                   "a key or table name must start here (a letter, digit, _ or -, or a name in quotes)")
            case .secondEquals: ("et andet = på linjen (hver nøgle står på sin egen linje, og en værdi uden anførselstegn har intet =)",
                                 "a second = on the line (each key goes on a line of its own, and a value without quotes has no =)")
            }
            throw Problems(file: file, messages: [language.pick("linje \(at.line), kolonne \(at.column): \(da)",
                                                                "line \(at.line), column \(at.column): \(en)")])
        }
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            // TOMLKit's own description is English: a Danish reader gets the place and the kind of fault.
            throw Problems(file: file, messages: [language.pick(
                "linje \(e.source.begin.line), kolonne \(e.source.begin.column): er ikke gyldig TOML",
                "line \(e.source.begin.line), column \(e.source.begin.column): \(e.description)")])
        }
        var r = Reader(language: language)
        r.checkKeys(root, topKeys, at: "")
        let name = r.string(root, "name", at: "") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let description = r.string(root, "description", at: "")
        var scenario = Scenario(name: name, description: description)
        var usedIds = Set<String>()
        for (i, t) in r.tables(root, "new_residence").enumerated() {
            let label = r.label(t, "new_residence", i)
            r.checkKeys(t, residenceKeys, at: label)
            let id = r.string(t, "id", at: label) ?? "NY-\(i + 1)"
            if !usedIds.insert(id).inserted { r.problem(label, "id", id, Wording("bruges af et andet nyt botilbud", "is used by another new residence")) }
            let offer = r.required(t, "offer_type", at: label, Reader.offerType)
            let groups = r.required(t, "target_groups", at: label, Reader.targetGroups)
            let lo = r.int(t, "support_level_min", at: label, 1...5) ?? 1
            let hi = r.int(t, "support_level_max", at: label, 1...5) ?? 5
            if lo > hi { r.problem(label, "support_level_max", String(hi), Wording("er under support_level_min (\(lo))", "is below support_level_min (\(lo))")) }
            let features = r.optional(t, "features", at: label, Reader.features) ?? []
            let ageMin = r.int(t, "age_min", at: label, 0...130), ageMax = r.int(t, "age_max", at: label, 0...130)
            let places = r.required(t, "places", at: label) { Reader.count($0, 1...10_000) }
            let rate = r.required(t, "daily_rate", at: label, Reader.dailyRate)
            let variable = r.optional(t, "variable_daily_cost", at: label, Reader.dailyRate)
            let opens = r.required(t, "opens_on", at: label, Reader.day)
            let investment = r.optional(t, "investment", at: label, Reader.amount) ?? .zero
            let postcode = r.optional(t, "postcode", at: label, Reader.postcode)
            var municipality = r.optional(t, "municipality_code", at: label, Reader.municipality) ?? defaults.municipalityCode
            if let pc = postcode, t["municipality_code"] == nil { municipality = ReferenceData.postcodeByCode[pc]?.municipalityCode ?? municipality }
            let location = postcode.flatMap { ReferenceData.postcodeByCode[$0]?.point }
                ?? ReferenceData.municipalityByCode[municipality]?.centroid
            guard let offer, let groups, let places, let rate, let opens, let location else { continue }
            let res = Residence(
                id: id, name: r.string(t, "name", at: label) ?? id, operatorKind: .own, municipalityCode: municipality,
                postcode: postcode, location: location, offerType: offer, targetGroups: groups, supportLevels: lo...max(lo, hi),
                features: features, ageRange: (ageMin != nil || ageMax != nil) ? (ageMin ?? 0)...max(ageMin ?? 0, ageMax ?? 130) : nil,
                places: places, dailyRate: rate, variableDailyCost: variable, opensOn: opens)
            scenario.newResidences.append(.init(residence: res, investment: investment))
        }
        for (i, t) in r.tables(root, "closure").enumerated() {
            let label = r.label(t, "closure", i)
            r.checkKeys(t, closureKeys, at: label)
            let id = r.required(t, "residence_id", at: label, Reader.text)
            let day = r.required(t, "closes_on", at: label, Reader.day)
            if let id, let day { scenario.closures.append(.init(residenceId: id, closesOn: day)) }
        }
        for (i, t) in r.tables(root, "rate_change").enumerated() {
            let label = r.label(t, "rate_change", i)
            r.checkKeys(t, rateKeys, at: label)
            let id = r.required(t, "residence_id", at: label, Reader.text)
            let from = r.optional(t, "from", at: label, Reader.day)
            let rate = r.optional(t, "daily_rate", at: label, Reader.dailyRate)
            let change = r.optional(t, "change_percent", at: label) { Reader.tenths($0, -1000...10_000) }
            let variable = r.optional(t, "variable_daily_cost", at: label, Reader.dailyRate)
            if rate != nil && change != nil { r.problem(label, "change_percent", nil, Wording("og daily_rate kan ikke begge angives", "and daily_rate cannot both be given")) }
            if rate == nil && change == nil && variable == nil {
                r.problem(label, nil, nil, Wording("kræver daily_rate, change_percent eller variable_daily_cost", "needs daily_rate, change_percent or variable_daily_cost"))
            }
            if let id { scenario.rateChanges.append(.init(residenceId: id, from: from, dailyRate: rate, changePerMille: change, variableDailyCost: variable)) }
        }
        scenario.demand = r.demandTables(root)
        if !r.messages.isEmpty { throw Problems(file: file, messages: r.messages) }
        return scenario
    }

    /// Typed reading of values, collecting problems.
    struct Reader {
        var language: Language
        var messages: [String] = []

        mutating func problem(_ at: String, _ key: String?, _ value: String?, _ text: Wording) {
            var m = at.isEmpty ? "" : at + ", "
            if let key { m += language.pick("nøglen", "key") + " \"\(key)\"" + (value.map { ": \"\($0)\"" } ?? "") + " " } else if let value { m += "\"\(value)\" " }
            m += text.text(language)
            messages.append(m)
        }

        func label(_ t: TOMLTable, _ table: String, _ i: Int) -> String {
            let name = t["name"]?.string ?? t["residence_id"]?.string
            return "[[\(table)]] \(i + 1)" + (name.map { " \"\($0)\"" } ?? "")
        }

        mutating func checkKeys(_ t: TOMLTable, _ known: [String], at: String) {
            for k in t.keys.sorted() where !known.contains(k) {
                let suggestion = known.min { Reader.distance($0, k) < Reader.distance($1, k) }
                    .flatMap { Reader.distance($0, k) <= 3 ? $0 : nil }
                problem(at, k, nil, Wording(
                    "er ikke en kendt nøgle" + (suggestion.map { "; mente du \"\($0)\"?" } ?? "") + " Kendte: \(known.joined(separator: ", ")).",
                    "is not a known key" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "") + " Known: \(known.joined(separator: ", "))."))
            }
        }

        mutating func tables(_ root: TOMLTable, _ key: String) -> [TOMLTable] {
            guard let v = root[key] else { return [] }
            if let a = v.array {
                var out: [TOMLTable] = []
                for x in a {
                    if let t = x.table { out.append(t) } else { problem("", key, nil, Wording("skal være tabeller: skriv [[\(key)]] over hver", "must be tables: write [[\(key)]] above each")) }
                }
                return out
            }
            if let t = v.table { return [t] }
            problem("", key, nil, Wording("skal være en tabel: skriv [[\(key)]] over dens nøgler", "must be a table: write [[\(key)]] above its keys"))
            return []
        }

        static func shown(_ v: any TOMLValueConvertible) -> String { v.string ?? v.debugDescription }

        mutating func required<T>(_ t: TOMLTable, _ key: String, at: String, _ parse: (any TOMLValueConvertible) -> Result<T, Expected>) -> T? {
            guard let v = t[key] else { problem(at, key, nil, Wording("mangler", "is missing")); return nil }
            switch parse(v) {
            case .success(let x): return x
            case .failure(let e): problem(at, key, Reader.shown(v), e.phrase); return nil
            }
        }

        mutating func optional<T>(_ t: TOMLTable, _ key: String, at: String, _ parse: (any TOMLValueConvertible) -> Result<T, Expected>) -> T? {
            guard let v = t[key] else { return nil }
            switch parse(v) {
            case .success(let x): return x
            case .failure(let e): problem(at, key, Reader.shown(v), e.phrase); return nil
            }
        }

        mutating func string(_ t: TOMLTable, _ key: String, at: String) -> String? { optional(t, key, at: at, Reader.text) }

        mutating func int(_ t: TOMLTable, _ key: String, at: String, _ range: ClosedRange<Int>) -> Int? {
            optional(t, key, at: at) { Reader.count($0, range) }
        }

        /// A value refused, in both languages (the parsing functions do not know the reader's).
        struct Expected: Error {
            let phrase: Wording
            init(_ danish: String, _ english: String) { phrase = Wording(danish, english) }
        }

        static func text(_ v: any TOMLValueConvertible) -> Result<String, Expected> {
            guard let s = v.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Expected("er ikke en tekst i anførselstegn", "is not a text in quotes")) }
            return .success(s)
        }

        static func count(_ v: any TOMLValueConvertible, _ range: ClosedRange<Int>) -> Result<Int, Expected> {
            guard let (n, scale) = Reader.decimal(v), scale == 0, range.contains(Int(n)) else {
                return .failure(Expected("er ikke et helt tal fra \(range.lowerBound) til \(range.upperBound)", "is not a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(Int(n))
        }

        /// Kroner with at most two decimals, as exact øre: `3800`, `3800.50`, `"3.800,50"`, `45_000_000`,
        /// from 0 to `max` (the limits in `Money` keep a plan's sums exact).
        static func money(_ v: any TOMLValueConvertible, max: Money) -> Result<Money, Expected> {
            guard let (n, scale) = Reader.decimal(v), scale <= 2, n >= 0 else {
                return .failure(Expected("er ikke et beløb i kroner (fx 3800 eller 3800,50)", "is not an amount in kroner (e.g. 3800 or 3800.50)"))
            }
            guard let m = Money.fromKroner(digits: n, scale: scale), m <= max else {
                return .failure(Expected("er mere end \(max.roundedKroner) kroner, det højeste beløbet kan være", "is more than \(max.roundedKroner) kroner, the most this amount can be"))
            }
            return .success(m)
        }

        static func dailyRate(_ v: any TOMLValueConvertible) -> Result<Money, Expected> { money(v, max: .maximumDailyRate) }
        static func amount(_ v: any TOMLValueConvertible) -> Result<Money, Expected> { money(v, max: .maximumAmount) }

        /// A number with at most one decimal, in tenths (2.5 → 25).
        static func tenths(_ v: any TOMLValueConvertible, _ range: ClosedRange<Int64>) -> Result<Int64, Expected> {
            guard let (n, scale) = Reader.decimal(v), scale <= 1 else { return .failure(Expected("er ikke et tal med højst én decimal", "is not a number with at most one decimal")) }
            let (t, overflow) = scale == 0 ? n.multipliedReportingOverflow(by: 10) : (n, false)
            guard !overflow, range.contains(t) else {
                let low = "\(Double(range.lowerBound) / 10)", high = "\(Double(range.upperBound) / 10)"
                return .failure(Expected("er uden for intervallet (\(low.replacingOccurrences(of: ".", with: ",")) til \(high.replacingOccurrences(of: ".", with: ",")))",
                                         "is out of range (\(low) to \(high))"))
            }
            return .success(t)
        }

        /// A number from 0 to `max` with at most two decimals, in hundredths (6.5 → 650).
        static func hundredths(_ v: any TOMLValueConvertible, max: Int64) -> Result<Int64, Expected> {
            guard let (n, scale) = Reader.decimal(v), scale <= 2, n >= 0 else {
                return .failure(Expected("er ikke et tal på 0 eller mere med højst to decimaler", "is not a number of 0 or more with at most two decimals"))
            }
            // The same scaling as øre from kroner; checked, then bounded.
            guard let h = Money.fromKroner(digits: n, scale: scale)?.ore, h <= max * 100 else {
                return .failure(Expected("er mere end \(max), det højeste det kan være", "is more than \(max), the most it can be"))
            }
            return .success(h)
        }

        static func day(_ v: any TOMLValueConvertible) -> Result<Day, Expected> {
            switch anyDay(v) {
            case .success(let d) where !d.isSupported: return .failure(Expected(Day.unsupportedPhrase(.da), Day.unsupportedPhrase(.en)))
            case let other: return other
            }
        }

        static func anyDay(_ v: any TOMLValueConvertible) -> Result<Day, Expected> {
            let bad = Expected("er ikke en dato (skriv 2028-01-01)", "is not a date (write 2028-01-01)")
            if let d = v.date { return Day(year: d.year, month: d.month, day: d.day).map { .success($0) } ?? .failure(bad) }
            guard let s = v.string else { return .failure(bad) }
            if let d = Day(iso: s) { return .success(d) }
            let p = s.split(whereSeparator: { "-./".contains($0) })
            if p.count == 3, p[2].count == 4, let dd = Int(p[0]), let mm = Int(p[1]), let yy = Int(p[2]),
               let d = Day(year: yy, month: mm, day: dd) { return .success(d) }
            return .failure(bad)
        }

        static func offerType(_ v: any TOMLValueConvertible) -> Result<OfferType, Expected> {
            let bad = Expected("er ikke en tilbudstype (fx SEL108, § 108, ABL105)", "is not an offer type (e.g. SEL108, § 108, ABL105)")
            if let n = v.int { return OfferType.allCases.first { $0.section == n }.map { .success($0) } ?? .failure(bad) }
            guard let s = v.string else { return .failure(bad) }
            return Terms.offerType(s).map { .success($0) } ?? .failure(bad)
        }

        static func targetGroups(_ v: any TOMLValueConvertible) -> Result<TargetGroups, Expected> {
            var terms: [String] = []
            if let a = v.array { terms = a.compactMap(\.string) } else if let s = v.string { terms = Terms.list(s) }
            guard !terms.isEmpty else { return .failure(Expected("er ikke en liste af målgrupper, fx [\"autisme\", \"udviklingshæmning\"]",
                                                                                   "is not a list of target groups, e.g. [\"autism\", \"intellectual_disability\"]")) }
            var groups: [TargetGroup] = []
            for t in terms {
                guard let g = Terms.targetGroup(t) else { return .failure(Expected("har \"\(t)\", som ikke er en målgruppe (\(Terms.targetGroupHintDanish))",
                                                                      "has \"\(t)\", not a target group (\(Terms.targetGroupHint))")) }
                groups.append(g)
            }
            return .success(TargetGroups(groups))
        }

        static func features(_ v: any TOMLValueConvertible) -> Result<Features, Expected> {
            var terms: [String] = []
            if let a = v.array { terms = a.compactMap(\.string) } else if let s = v.string { terms = Terms.list(s) }
            var out: [Feature] = []
            for t in terms {
                guard let f = Terms.feature(t) else { return .failure(Expected("har \"\(t)\", som ikke er en egenskab (kørestolsegnet, skærmet, par, husdyr)",
                                                                   "has \"\(t)\", not a feature (wheelchair, shielded, couples, pets)")) }
                out.append(f)
            }
            return .success(Features(out))
        }

        static func postcode(_ v: any TOMLValueConvertible) -> Result<Int, Expected> {
            let n = v.int ?? v.string.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard let n, ReferenceData.postcodeByCode[n] != nil else { return .failure(Expected("er ikke et dansk postnummer", "is not a Danish postcode")) }
            return .success(n)
        }

        static func municipality(_ v: any TOMLValueConvertible) -> Result<Int, Expected> {
            let m = v.int.flatMap { ReferenceData.municipalityByCode[$0] } ?? v.string.flatMap { ReferenceData.municipality(named: $0) }
            return m.map { .success($0.code) } ?? .failure(Expected("er ikke en dansk kommunekode eller et kommunenavn", "is not a Danish municipality code or name"))
        }

        mutating func demandTables(_ root: TOMLTable) -> [Scenario.DemandOverride] {
            var out: [Scenario.DemandOverride] = []
            for (i, t) in tables(root, "demand").enumerated() {
                let label = "[[demand]] \(i + 1)"
                checkKeys(t, ScenarioFile.demandKeys, at: label)
                let offer = required(t, "offer_type", at: label, Reader.offerType)
                let groups = optional(t, "target_groups", at: label, Reader.targetGroups)
                let level = int(t, "support_level", at: label, 1...5)
                let referrals = optional(t, "referrals_per_year", at: label) { Reader.hundredths($0, max: 100_000) }
                let growth = optional(t, "growth_percent", at: label) { Reader.tenths($0, -1000...10_000) }
                let stay = optional(t, "mean_stay_years", at: label) { Reader.hundredths($0, max: 100) }
                if stay == 0 { problem(label, "mean_stay_years", "0", Wording("skal være mere end 0", "must be more than 0")) }
                if referrals == nil && growth == nil && stay == nil {
                    problem(label, nil, nil, Wording("kræver referrals_per_year, growth_percent eller mean_stay_years", "needs referrals_per_year, growth_percent or mean_stay_years"))
                }
                if let offer {
                    out.append(.init(offerType: offer, targetGroups: groups, supportLevel: level, referralsPerYearHundredths: referrals,
                                     growthPerMille: growth, meanStayYearsHundredths: stay))
                }
            }
            return out
        }

        /// An exact decimal from a TOML integer, float (its shortest text) or string (`3.800,50`).
        static func decimal(_ v: any TOMLValueConvertible) -> (Int64, Int)? {
            if let i = v.int { return (Int64(i), 0) }
            if let d = v.double {
                guard d.isFinite, abs(d) < 1e15 else { return nil }
                return Terms.decimal(String(d), plain: true)
            }
            if let s = v.string { return Terms.decimal(s) }
            return nil
        }

        /// Levenshtein distance, for "did you mean" (the policy's: `String.editDistance`).
        static func distance(_ a: String, _ b: String) -> Int { a.editDistance(to: b) }
    }
}
