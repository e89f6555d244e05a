/// Danish personal identity numbers (CPR): recognised in every spelling planners' files and
/// hands produce, so that none is stored or printed in clear. The importer replaces a citizen
/// id that is one by a keyed pseudonym; free text and messages get it masked whole.
///
/// The rules (one home; the importer, the commands, the store and the audit log call them):
///
/// * A **citizen id** is a CPR number when, after trimming spaces and one leading apostrophe
///   (Excel's "store as text" mark, `'` or `’`), it is
///   - ten digits `ddmmyyxxxx`, or six and four digits with one separator between them:
///     `-`, an en or em dash, a non-breaking hyphen, a minus sign, `.`, `/` or a space; or
///   - nine digits: a CPR number whose leading zero Excel dropped (a number cell, or a CSV
///     saved from one); read with the zero restored.
///
///   and the first six digits are a day and month: month 01-12, day 01-31 (any month: the
///   century, and so 29 February, is not known without the seventh digit) or 61-91 (a
///   replacement number, "erstatningspersonnummer", adds 60 to the day). No modulus-11 check:
///   numbers issued since 2007 need not pass it. A case number such as `B0001344` starts with
///   a letter and is never one; a nine-digit number is one only when its second and third
///   digits are a month (about one nine-digit number in nine), which errs on the side of
///   privacy: such a case number is pseudonymised, consistently, never stored in clear.
/// * In **free text** (a decline's note, an audit detail, a message) a CPR number is ten
///   digits or six and four with one separator as above, standing alone: no letter or digit
///   directly before or after it, and not after a letter and a hyphen (the digits of a
///   pseudonym such as `P-2301234567`). Nine digits are not taken for one in free text: only
///   number cells lose their zero. Postcodes alone (4 digits), amounts (grouped in threes)
///   and dates (`01-01-1990`, `2026-11-23`) never match; a date-like six-digit number, a space
///   and four digits does, and is masked: privacy before readability.
/// * A CPR number is **masked whole** (`******-****`): the date part is a birth date.
public enum CPR {
    /// How a CPR number reads in a message or stored note.
    public static let masked = "******-****"

    /// The ten digits of a citizen id that is a CPR number in any spelling, else nil.
    public static func digits(_ text: String) -> String? {
        // Most ids (case numbers such as "B0012345") fail at their first character.
        guard let lead = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
              (0x30...0x39).contains(lead) || lead == 0x27 || lead == 0xE2 || lead == 0xC2 else { return nil }  // digit, ', ’, no-break space
        var s = Array(text.unicodeScalars)
        trimSpaces(&s)
        if let f = s.first, f == "'" || f == "\u{2019}" { s.removeFirst() }
        trimSpaces(&s)
        guard let first = s.first, isDigit(first) else { return nil }
        let d: [Unicode.Scalar]
        if s.count == 9, s.allSatisfy(isDigit) {
            d = ["0"] + s
        } else if s.count == 10, s.allSatisfy(isDigit) {
            d = s
        } else if s.count == 11, s[0..<6].allSatisfy(isDigit), isSeparator(s[6]), s.suffix(4).allSatisfy(isDigit) {
            d = Array(s[0..<6]) + s.suffix(4)
        } else {
            return nil
        }
        guard isDayAndMonth(d) else { return nil }
        var out = ""
        out.unicodeScalars.append(contentsOf: d)
        return out
    }

    public static func looksLikeCPR(_ text: String) -> Bool { digits(text) != nil }

    /// A value for a message: a CPR number is masked whole; one inside a longer text too.
    public static func mask(_ value: String) -> String {
        digits(value) != nil ? masked : maskText(value)
    }

    /// `text` with every CPR number in it (the free-text rule) replaced by `******-****`.
    public static func maskText(_ text: String) -> String {
        guard mayHoldOne(text) else { return text }
        let s = Array(text.unicodeScalars)
        let found = ranges(in: s)
        guard !found.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        var at = 0
        for r in found {
            out.append(contentsOf: s[at..<r.lowerBound])
            out.append(contentsOf: masked.unicodeScalars)
            at = r.upperBound
        }
        out.append(contentsOf: s[at...])
        return String(out)
    }

    /// Whether free text holds a CPR number.
    public static func containsCPR(_ text: String) -> Bool {
        mayHoldOne(text) && !ranges(in: Array(text.unicodeScalars)).isEmpty
    }

    // MARK: The rules, character by character

    /// Fewer than ten digits cannot hold one: most texts are let through without a closer look.
    private static func mayHoldOne(_ text: String) -> Bool {
        var n = 0
        for c in text.utf8 where c >= 0x30 && c <= 0x39 {
            n += 1
            if n == 10 { return true }
        }
        return false
    }

    /// The ranges of free-text CPR numbers in `s`.
    static func ranges(in s: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard isDigit(s[i]) else { i += 1; continue }
            let run = skipDigits(s, from: i)
            // Six digits standing alone on the left, then an optional separator and four digits
            // standing alone on the right; or ten digits alone.
            if !endsWord(s, before: i) {
                if run - i == 10, !startsWord(s, at: run), isDayAndMonth(Array(s[i..<run])) {
                    found.append(i..<run)
                } else if run - i == 6, run + 5 <= s.count, isSeparator(s[run]),
                          skipDigits(s, from: run + 1) == run + 5, !startsWord(s, at: run + 5),
                          isDayAndMonth(Array(s[i..<run]) + s[(run + 1)..<(run + 5)]) {
                    found.append(i..<(run + 5))
                    i = run + 5
                    continue
                }
            }
            i = run
        }
        return found
    }

    private static func skipDigits(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < s.count, isDigit(s[j]) { j += 1 }
        return j
    }

    /// `-`, en and em dash, non-breaking hyphen, minus sign, `.`, `/`, space.
    private static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "\u{2013}", "\u{2014}", "\u{2011}", "\u{2212}", ".", "/", " ": true
        default: false
        }
    }

    /// Whether the text before `i` runs into the digits: a letter or digit directly before, or
    /// a letter or digit and a hyphen (an id such as `P-…` or `B-…`).
    private static func endsWord(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        guard i > 0 else { return false }
        if isWord(s[i - 1]) { return true }
        if s[i - 1] == "-", i > 1, isWord(s[i - 2]) { return true }
        return false
    }

    private static func startsWord(_ s: [Unicode.Scalar], at i: Int) -> Bool { i < s.count && isWord(s[i]) }

    private static func isWord(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || isDigit(c) }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func trimSpaces(_ s: inout [Unicode.Scalar]) {
        while let f = s.first, f.properties.isWhitespace { s.removeFirst() }
        while let l = s.last, l.properties.isWhitespace { s.removeLast() }
    }

    /// The first four of ten digits are a day (01-31, or 61-91 for a replacement number) and a month.
    private static func isDayAndMonth(_ d: [Unicode.Scalar]) -> Bool {
        let v = d.prefix(4).map { Int($0.value) - 48 }
        let day = v[0] * 10 + v[1], month = v[2] * 10 + v[3]
        return (1...12).contains(month) && ((1...31).contains(day) || (61...91).contains(day))
    }
}
