import PlacementModel

/// Headers as planners write them: `Maks. afstand (km)`, `Døgntakst (kr.)`, `Post-nr.`.
///
/// `TermReading.key` (IMPORT.md's rule: case, spaces, `_`, `-`, `.` ignored) is tried first. A header
/// it does not find is then compared by its letters and digits alone (every other character,
/// parentheses included, ignored: `Maks. afstand (km)` is `maksafstandkm`, as
/// `maks_afstand_km` is), and then without what stands in parentheses, a unit
/// (`Døgntakst (kr.)` is `døgntakst`). A header that still names nothing gets the known
/// header it most resembles, for "did you mean".
enum HeaderMatch {
    /// Letters and digits only, lower-cased.
    static func loose(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The text without its parenthesised parts (`Døgntakst (kr.)` → `Døgntakst `).
    static func withoutParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "(" || ch == "[" { depth += 1 } else if ch == ")" || ch == "]" { depth = max(0, depth - 1) } else if depth == 0 { out.append(ch) }
        }
        return out
    }

    /// The column a header names, if any.
    static func column(_ text: String, in columns: [Column]) -> Column? {
        let key = TermReading.key(text)
        if let c = columns.first(where: { $0.keys.contains(key) }) { return c }
        for k in [loose(text), loose(withoutParentheses(text))] where !k.isEmpty {
            if let c = columns.first(where: { $0.looseKeys.contains(k) }) { return c }
        }
        return nil
    }

    /// The known header (a name or alias, as IMPORT.md spells it) that `text` most resembles,
    /// if one is close: at most a quarter of its letters different (at least one, at most
    /// three), or the one containing the other when the shorter has five letters or more.
    /// Columns in `taken` are left out: a header the sheet already has is no suggestion.
    static func suggestion(for text: String, in columns: [Column], taken: Set<String>) -> String? {
        let key = loose(withoutParentheses(text)), whole = loose(text)
        guard key.count >= 3 else { return nil }
        var best: (distance: Int, name: String)?
        for column in columns where !taken.contains(column.name) {
            for spelling in [column.name] + column.aliases {
                let candidate = loose(spelling)
                var d = min(editDistance(key, candidate), editDistance(whole, candidate))
                let shorter = min(key.count, candidate.count)
                if d > limit(candidate), shorter >= 5, key.contains(candidate) || candidate.contains(key) { d = limit(candidate) }
                guard d <= limit(candidate) else { continue }
                if d < (best?.distance ?? Int.max) { best = (d, spelling) }
            }
        }
        return best?.name
    }

    private static func limit(_ candidate: String) -> Int { min(3, max(1, candidate.count / 4)) }

    /// Levenshtein distance (insertions, deletions, substitutions), by characters.
    /// - Complexity: O(*m* × *n*) time, O(*n*) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Column {
    /// The name and aliases by their letters and digits alone (`HeaderMatch.loose`).
    var looseKeys: [String] { ([name] + aliases).map(HeaderMatch.loose) }
}
