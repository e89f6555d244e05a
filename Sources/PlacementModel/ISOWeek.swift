/// An ISO 8601 week ("uge 48"): weeks start on Monday and week 1 is the week with the
/// year's first Thursday, so 29-12-2025 belongs to 2026-W01 and 2020 has a week 53.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init?(year: Int, week: Int) {
        guard week >= 1, week <= ISOWeek.weeksIn(year: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The ISO week that contains `day`.
    public init(containing day: Day) {
        // The Thursday of the same week decides the year.
        let thursday = day.adding(days: 4 - day.isoWeekday)
        let y = thursday.year
        let jan1 = Day(clampedYear: y, month: 1, day: 1)
        self.year = y
        self.week = jan1.days(until: thursday) / 7 + 1
    }

    /// Parses the ways planners write a week (`ISOWeek.written(_:)`); without a year, the week
    /// of `defaultYear`. Nil for other text and for a week the year does not have.
    public init?(parsing text: String, defaultYear: Int) {
        guard let (year, week) = Self.written(text) else { return nil }
        self.init(year: year ?? defaultYear, week: week)
    }

    /// The year (if given) and week number of `2026-W48`, `2026W48`, `W48`, `48`, `uge 48`,
    /// `uge 48 2026`, `week 48, 2026`, `48/2026` or `48-2026`, whether or not the week exists;
    /// nil for text of another shape.
    public static func written(_ text: String) -> (year: Int?, week: Int)? {
        func trimmed(_ s: Substring) -> Substring {
            s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed().reduce(into: "") { $0.append($1) }[...]
        }
        var t = trimmed(text.lowercased()[...])
        for word in ["uge", "week", "wk"] where t.hasPrefix(word) {
            t = trimmed(t.dropFirst(word.count))
            break
        }
        func number(_ s: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        let compact = t.filter { $0 != " " }
        if let w = compact.firstIndex(of: "w") {
            // 2026-W48, 2026W48, W48
            var yearPart = compact[..<w]
            if yearPart.hasSuffix("-") { yearPart.removeLast() }
            guard let week = number(compact[compact.index(after: w)...], digits: 1...2) else { return nil }
            if yearPart.isEmpty { return (nil, week) }
            guard let year = number(yearPart, digits: 4...4) else { return nil }
            return (year, week)
        }
        // 48, 48 2026, 48, 2026, 48/2026, 48-2026
        let parts = t.split(whereSeparator: { " /,-".contains($0) })
        guard let first = parts.first, parts.count <= 2, let week = number(first, digits: 1...2) else { return nil }
        guard parts.count == 2 else { return (nil, week) }
        guard let year = number(parts[1], digits: 4...4) else { return nil }
        return (year, week)
    }

    /// The Monday of the week.
    public var monday: Day {
        let jan4 = Day(clampedYear: year, month: 1, day: 4)
        let week1Monday = jan4.adding(days: 1 - jan4.isoWeekday)
        return week1Monday.adding(days: (week - 1) * 7)
    }

    public var sunday: Day { monday.adding(days: 6) }
    /// The day after Sunday: the week as a half-open interval is `[monday, nextMonday)`.
    public var nextMonday: Day { monday.adding(days: 7) }

    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }
    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func weeksIn(year: Int) -> Int {
        // A year has 53 weeks when 28 December falls in week 53 (its Thursday rule).
        guard let dec28 = Day(year: year, month: 12, day: 28) else { return 52 }
        let thursday = dec28.adding(days: 4 - dec28.isoWeekday)
        let jan1 = Day(clampedYear: thursday.year, month: 1, day: 1)
        return jan1.days(until: thursday) / 7 + 1
    }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
