/// A calendar date with no time and no time zone: the day a citizen was referred, moved in
/// or moved out. Stored as the number of days since 1970-01-01 so that ranges and
/// differences are integer arithmetic.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let daysSinceEpoch: Int32

    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// A valid Gregorian date, or nil (31 February, month 13, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.daysSinceEpoch = Int32(Day.daysFromCivil(year, month, day))
    }

    /// Parses `yyyy-mm-dd` exactly (the stored form).
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(Int(daysSinceEpoch)) }
    public var year: Int { components.year }

    /// `yyyy-mm-dd`, the form stored in the database and used in English output.
    public var iso: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    /// `dd-mm-yyyy`, the form Danish planners read and write.
    public var danish: String {
        let c = components
        return "\(Day.pad(c.day, 2))-\(Day.pad(c.month, 2))-\(Day.pad(c.year, 4))"
    }

    public var description: String { iso }

    /// 1 = Monday ... 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(daysSinceEpoch) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(days)) }
    public func days(until other: Day) -> Int { Int(other.daysSinceEpoch - daysSinceEpoch) }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    public func adding(years: Int) -> Day {
        let c = components
        let d = min(c.day, Day.daysInMonth(year: c.year + years, month: c.month))
        return Day(year: c.year + years, month: c.month, day: d)!
    }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Half-open range of days `[from, to)`: `to` is the first day no longer included, so a move-out
/// on day D and a move-in on day D never overlap. A nil `to` is open-ended.
public struct DayInterval: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day?

    public init(from: Day, to: Day?) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: Day) -> Bool { from <= day && (to.map { day < $0 } ?? true) }

    /// Number of days of this interval inside `[start, end)`.
    public func overlapDays(start: Day, end: Day) -> Int {
        let lo = max(from, start)
        let hi = min(to ?? end, end)
        return max(0, lo.days(until: hi))
    }
}
