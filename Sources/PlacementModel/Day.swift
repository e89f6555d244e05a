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

    /// The day `days` later. Saturates at the ends of `Int32` days (±5.8 million years) instead of
    /// trapping: days from input are refused outside `Day.supported` long before that, so only a
    /// computed "never" (a stay drawn longer than any plan) can get there.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = Int(daysSinceEpoch).addingReportingOverflow(days)
        return Day(daysSinceEpoch: overflow ? (days < 0 ? Int32.min : Int32.max) : Int32(clamping: sum))
    }

    public func days(until other: Day) -> Int { Int(other.daysSinceEpoch) - Int(daysSinceEpoch) }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    public func adding(years: Int) -> Day {
        let c = components
        let (y, overflow) = c.year.addingReportingOverflow(years)
        return Day(clampedYear: overflow ? (years < 0 ? Int.min : Int.max) : y, month: c.month, day: c.day)
    }

    /// A computed date that cannot fail: the month is clamped to 1...12, the day to the month's
    /// length and the year to ±1,000,000. For dates made from parts that are valid by
    /// construction (1 January of a plan year, the first of a quarter); parse input with the
    /// failable `init(year:month:day:)` and check it against `Day.supported`.
    public init(clampedYear year: Int, month: Int, day: Int) {
        let y = min(max(year, -1_000_000), 1_000_000)
        let m = min(max(month, 1), 12)
        let d = min(max(day, 1), Day.daysInMonth(year: y, month: m))
        self.daysSinceEpoch = Int32(Day.daysFromCivil(y, m, d))
    }

    /// The days the program accepts from input and from the database: 1900-01-01 to 2199-12-31.
    /// Wide enough for any birth, referral or plan year, narrow enough that a plan's years,
    /// stays and sums of daily rates over them stay far from any integer limit.
    public static let supported: ClosedRange<Day> =
        Day(clampedYear: 1900, month: 1, day: 1)...Day(clampedYear: 2199, month: 12, day: 31)

    /// Whether the day lies in `Day.supported`.
    public var isSupported: Bool { Day.supported.contains(self) }

    /// "is outside the supported dates 1900-01-01 to 2199-12-31" in the language asked for,
    /// with the dates in that language's form: the one wording of the refusal.
    public static func unsupportedPhrase(_ language: Language) -> String {
        language == .da
            ? "ligger uden for de understøttede datoer \(supported.lowerBound.danish) til \(supported.upperBound.danish)"
            : "is outside the supported dates \(supported.lowerBound.iso) to \(supported.upperBound.iso)"
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

    /// Whether the two intervals share a day (both half-open; nil `to`: open-ended), the rule
    /// by which two stays in one place collide.
    public func overlaps(_ other: DayInterval) -> Bool {
        (other.to.map { from < $0 } ?? true) && (to.map { other.from < $0 } ?? true)
    }

    /// Number of days of this interval inside `[start, end)`.
    public func overlapDays(start: Day, end: Day) -> Int {
        let lo = max(from, start)
        let hi = min(to ?? end, end)
        return max(0, lo.days(until: hi))
    }
}
