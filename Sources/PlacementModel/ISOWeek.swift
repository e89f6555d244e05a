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

    /// Parses `2026-W48`, `2026W48`, `W48` / `48` (in `defaultYear`).
    public init?(parsing text: String, defaultYear: Int) {
        let t = String(text.uppercased().filter { $0 != " " })
        if let w = t.firstIndex(of: "W") {
            var yearPart = String(t[..<w])
            if yearPart.hasSuffix("-") { yearPart.removeLast() }
            guard let wk = Int(t[t.index(after: w)...]) else { return nil }
            if yearPart.isEmpty { self.init(year: defaultYear, week: wk) } else {
                guard let y = Int(yearPart) else { return nil }
                self.init(year: y, week: wk)
            }
        } else {
            guard let wk = Int(t) else { return nil }
            self.init(year: defaultYear, week: wk)
        }
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
