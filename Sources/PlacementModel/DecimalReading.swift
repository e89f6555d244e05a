/// Exact decimals as planners write them, one rule for every file kind (the import's sheets,
/// the demand sheet, scenario files): never through floating point, never guessed at.
public enum DecimalReading {
    /// An exact decimal as (digits, scale): `1.234,50` → (123450, 2). The forms accepted
    /// (README, "Accepted number and date forms"): an optional sign; digits, grouped by
    /// thousands or not; a decimal comma or point; `kr.`, `kr`, `DKK` before or after, or
    /// `,-` after. Thousands are grouped by `.`, `,`, a space or `'`, with every group after
    /// the first exactly three digits (`1.234.567`); with both `.` and `,` the last one is the
    /// decimal separator. A single `.` or `,` followed by exactly three digits, after one to
    /// three digits, is read as a thousands separator (`1.850` kr. in a Danish file), since
    /// amounts do not come with three decimals. Anything else is refused, never guessed at:
    /// `1,2,3` is not 123.
    public static func decimal(_ raw: String) -> (value: Int64, scale: Int)? {
        // Most cells are plain digits: no units or separators to strip.
        if !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), raw.utf8.count <= 18, let v = Int64(raw) { return (v, 0) }
        var t = Substring(TermReading.trimmed(raw).lowercased())
        for unit in ["kr.", "kr", "dkk"] where t.hasPrefix(unit) { t = t.dropFirst(unit.count); break }
        for unit in ["kr.", "kr", "dkk", ",-", ".-"] where t.hasSuffix(unit) { t = t.dropLast(unit.count); break }
        t = Substring(TermReading.trimmed(String(t)))
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
    public static func plainDecimal(_ s: String) -> (value: Int64, scale: Int)? {
        var chars = Substring(s)
        var negative = false
        if chars.first == "-" { negative = true; chars.removeFirst() } else if chars.first == "+" { chars.removeFirst() }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        let digits = parts[0] + (parts.count == 2 ? parts[1] : "")
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 18, let v = Int64(digits) else { return nil }
        return (negative ? -v : v, parts.count == 2 ? parts[1].count : 0)
    }
}
