import PlacementModel

/// Reading the domain's words and numbers as planners write them (IMPORT.md): offer types as
/// `SEL108`, `§ 108`, `108`, `ABL § 105`; target groups and features in English or Danish;
/// lists split on `,` `;` `|` `/`; numbers with decimal comma or point.
enum Terms {
    static func key(_ text: String) -> String {
        String(text.lowercased().filter { !" _-.\u{A0}\t".contains($0) })
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }

    static func list(_ s: String) -> [String] {
        s.split(whereSeparator: { ",;|/".contains($0) }).map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    static func offerType(_ s: String) -> OfferType? {
        let upper = s.uppercased()
        let isABL = upper.contains("ABL") || upper.contains("ALMENBOLIG")
        let digits = String(upper.filter(\.isNumber))
        if let section = Int(digits) {
            if isABL && section != 105 { return nil }
            return OfferType.allCases.first { $0.section == section }
        }
        let k = key(s)
        return OfferType.allCases.first { key($0.rawValue) == k || key($0.danishName) == k || key($0.englishName) == k }
    }

    static let targetGroupAliases: [String: TargetGroup] = [
        "udviklingshæmmede": .intellectualDisability, "udviklingshæmmet": .intellectualDisability,
        "kognitivhandicap": .intellectualDisability, "id": .intellectualDisability,
        "autismespektrumforstyrrelse": .autism, "asf": .autism, "autist": .autism, "autisme": .autism,
        "sindslidende": .mentalIllness, "psykisksygdom": .mentalIllness, "psykiatri": .mentalIllness,
        "psykisklidelse": .mentalIllness,
        "hjerneskade": .acquiredBrainInjury, "abi": .acquiredBrainInjury,
        "fysiskfunktionsnedsættelse": .physicalDisability, "handicap": .physicalDisability,
        "rusmiddel": .substanceAbuse, "rusmidler": .substanceAbuse, "stofmisbrug": .substanceAbuse,
        "hjemløse": .homelessness, "hjemløs": .homelessness, "dobbeltdiagnoser": .dualDiagnosis,
    ]

    static let targetGroupHint = "e.g. autism, intellectual_disability, mental_illness; autisme, udviklingshæmning, sindslidelse"

    static func targetGroup(_ s: String) -> TargetGroup? {
        let k = key(s)
        if let g = targetGroupAliases[k] { return g }
        return TargetGroup.allCases.first { key($0.rawValue) == k || key($0.danishName) == k || key($0.englishName) == k }
    }

    static func targetGroups(_ s: String) -> TargetGroups? {
        let terms = list(s)
        guard !terms.isEmpty else { return nil }
        var out: [TargetGroup] = []
        for t in terms {
            guard let g = targetGroup(t) else { return nil }
            out.append(g)
        }
        return TargetGroups(out)
    }

    static func feature(_ s: String) -> Feature? {
        let extra: [String: Feature] = ["kørestol": .wheelchair, "kørestolsbruger": .wheelchair, "skærmning": .shielded,
                                        "parbolig": .couples, "dyr": .pets, "kæledyr": .pets]
        let k = key(s)
        if let f = extra[k] { return f }
        return Feature.allCases.first { key($0.rawValue) == k || key($0.danishName) == k }
    }

    /// An exact decimal as (digits, scale): `1.234,50` → (123450, 2), `2.5` → (25, 1). A single
    /// `.` or `,` followed by exactly three digits is a thousands separator (`1.850` kr.).
    static func decimal(_ text: String, plain: Bool = false) -> (Int64, Int)? {
        var t = trimmed(text).lowercased()
        for unit in ["kr.", "kr", "dkk", ",-", "%"] { t = t.replacingOccurrences(of: unit, with: "") }
        t = String(t.filter { $0 != " " && $0 != "\u{A0}" && $0 != "_" && $0 != "'" })
        guard !t.isEmpty else { return nil }
        let commas = t.filter { $0 == "," }.count, points = t.filter { $0 == "." }.count
        var decimalSep: Character? = nil
        if plain {
            decimalSep = "."
        } else if commas > 0 && points > 0 {
            decimalSep = (t.lastIndex(of: ",") ?? t.startIndex) > (t.lastIndex(of: ".") ?? t.startIndex) ? "," : "."
        } else if commas == 1 || points == 1 {
            let sep: Character = commas == 1 ? "," : "."
            let after = t.lastIndex(of: sep).map { t[t.index(after: $0)...] } ?? ""
            decimalSep = (after.count == 3 && after.allSatisfy(\.isNumber) && !t.hasPrefix("0")) ? nil : sep
        }
        var normal = ""
        for ch in t {
            if ch == decimalSep { normal.append(".") } else if ch == "," || ch == "." { continue } else { normal.append(ch) }
        }
        var chars = Substring(normal)
        var negative = false
        if chars.first == "-" { negative = true; chars.removeFirst() } else if chars.first == "+" { chars.removeFirst() }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty || (parts.count == 2 && !parts[1].isEmpty) else { return nil }
        var frac = parts.count == 2 ? Substring(parts[1]) : ""
        // "2150.0" from a TOML float: trailing zeros carry no precision.
        while frac.last == "0" { frac.removeLast() }
        let digits = parts[0] + frac
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 17, let v = Int64(digits) else {
            return digits.isEmpty && !parts[0].isEmpty ? (0, 0) : nil
        }
        return (negative ? -v : v, frac.count)
    }
}
