/// Masking of a report that leaves the department (`--public`), so that no single citizen
/// can be recognised:
/// - tables with one row per citizen are left out (their rows are removed and a note says so);
/// - every count below 5 is shown as "<5" (`ReportValue.masked`), zero included;
/// - days, medians and amounts that describe fewer than 5 citizens (their `basis`) are
///   withheld, as are shares whose denominator is below 5;
/// - a change from the week before is shown only when both weeks' values are shown;
/// - chart points describing fewer than 5 citizens are left out of the line.
/// Place counts of a residence (places, vacant, reserved, closed) are counts too and are
/// masked by the same rule. Amounts not about citizens (vacancy cost, daily rates) stay.
public enum PublicMasking {
    /// Counts below this are withheld.
    public static let threshold = 5
    /// How a withheld value is printed.
    public static let maskedText = "<5"

    public static func isSmall(_ n: Int) -> Bool { n < threshold }

    /// Whether a public report withholds `value` (the rule of every format, the JSON included).
    static func withholds(_ value: ReportValue) -> Bool {
        if case .masked = mask(value) { return true }
        return false
    }

    public static func apply(_ doc: ReportDocument) -> ReportDocument {
        var out = doc
        out.isPublic = true
        let notice = Labels.of(doc.language).publicNotice
        out.subtitle.append(notice)
        let omitted = Labels.of(doc.language).omittedInPublic
        out.sections = doc.sections.map { s in
            var s = s
            s.tables = s.tables.map { t in
                var t = t
                if t.isCitizenLevel {
                    t.rows = []
                    t.total = nil
                    t.emptyText = omitted
                    t.highlightedRows = []
                } else {
                    t.rows = t.rows.map(maskRow)
                    t.total = t.total.map(maskRow)
                }
                return t
            }
            s.charts = s.charts.map { c in
                var c = c
                c.points = c.points.map { p in
                    var p = p
                    if let b = p.basis, isSmall(b) { p.value = nil }
                    return p
                }
                return c
            }
            // Intro sentences about single citizens (the highlight note) go with their rows.
            if s.tables.contains(where: \.isCitizenLevel) && s.tables.allSatisfy(\.isCitizenLevel) {
                s.intro = Array(s.intro.prefix(1))
            }
            return s
        }
        return out
    }

    /// Masks the values of one row; a change is kept only when no other value of the row is masked.
    static func maskRow(_ row: [ReportValue]) -> [ReportValue] {
        let masked = row.map(mask)
        let anyMasked = masked.enumerated().contains { i, v in
            if case .masked = v, case .change = row[i] { return false }
            if case .masked = v { return true }
            return false
        }
        return masked.enumerated().map { i, v in
            if case .change = row[i], anyMasked { return .masked }
            return v
        }
    }

    static func mask(_ v: ReportValue) -> ReportValue {
        switch v {
        case .count(let n): return isSmall(n) ? .masked : v
        case .days(_, let basis?), .median(_, let basis?), .money(_, let basis?):
            return isSmall(basis) ? .masked : v
        case .ratio(_, let d): return d < Int64(threshold) ? .masked : v
        case .citizen: return .masked
        case .change: return v
        default: return v
        }
    }
}
