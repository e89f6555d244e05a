/// Which XLSX number formats show a number as a date.
enum NumberFormat {
    /// Built-in format ids that are dates (14-17: d/m/y, 22: date and time; 27-36 and
    /// 50-58: East Asian dates). 18-21 and 45-47 are times of day or durations: those
    /// cells stay numbers (the fraction of a day).
    static func isBuiltInDate(_ id: Int) -> Bool {
        switch id {
        case 14...17, 22, 27...36, 50...58: return true
        default: return false
        }
    }

    /// Whether a custom format code shows a date: after removing quoted text, `\`-escaped
    /// characters, `[...]` sections (colours, conditions, locales, elapsed `[h]`) and the
    /// `_x`/`*x` padding pairs, the first section contains `y` or `d`, or an `m` with no
    /// `h` or `s` next to it (`mm:ss` and `h:mm` are times, kept as numbers).
    static func isDate(code: String) -> Bool {
        var y = false, d = false, m = false, h = false, s = false
        var inQuote = false
        var inBracket = false
        var skipNext = false
        for ch in code.unicodeScalars {
            if skipNext { skipNext = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": skipNext = true
            case ";": return y || d || (m && !h && !s)
            case "y", "Y": y = true
            case "d", "D": d = true
            case "m", "M": m = true
            case "h", "H": h = true
            case "s", "S": s = true
            default: break
            }
        }
        return y || d || (m && !h && !s)
    }
}
