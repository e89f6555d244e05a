/// A day in the proleptic Gregorian calendar: no time, no time zone, no `Foundation.Date`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (month 1...12, day within the month, year 1...9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01; nil outside years 1...9999.
    public init?(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    /// `yyyy-mm-dd`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

// MARK: - Excel serial day numbers

extension CalendarDate {
    /// What an Excel serial day number means.
    public enum SerialResult: Sendable, Equatable {
        case date(CalendarDate)
        /// Serial 60 in the 1900 date system: 29 February 1900, which Excel counts
        /// (Lotus 1-2-3's leap-year bug) but which never existed.
        case nonexistentLeapDay
        /// Below the first day of the date system (serial < 1 in 1900, < 0 in 1904) or past 9999.
        case outOfRange
    }

    private static let epoch1900 = -25_569 // days from 1970-01-01 back to 1899-12-30
    private static let epoch1904 = -24_107 // days from 1970-01-01 back to 1904-01-01

    /// Converts a whole serial day number (the integer part of an Excel date value).
    ///
    /// 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the non-existent 1900-02-29,
    /// 61 = 1900-03-01. 1904 system (old Mac Excel, `workbookPr date1904`): 0 = 1904-01-01.
    public static func fromExcelSerial(_ serial: Int, date1904: Bool = false) -> SerialResult {
        if date1904 {
            guard serial >= 0, let d = CalendarDate(daysSinceEpoch: epoch1904 + serial) else { return .outOfRange }
            return .date(d)
        }
        if serial < 1 { return .outOfRange }
        if serial == 60 { return .nonexistentLeapDay }
        // Before the fake leap day every serial is one day "too late".
        let offset = serial < 60 ? serial + 1 : serial
        guard let d = CalendarDate(daysSinceEpoch: epoch1900 + offset) else { return .outOfRange }
        return .date(d)
    }

    /// The Excel serial day number of this date, or nil when the date system cannot
    /// hold it (before 1900-01-01, or before 1904-01-01 in the 1904 system).
    public func excelSerial(date1904: Bool = false) -> Int? {
        let days = daysSinceEpoch
        if date1904 {
            let s = days - CalendarDate.epoch1904
            return s >= 0 ? s : nil
        }
        let s = days - CalendarDate.epoch1900
        if s >= 61 { return s }
        let early = s - 1
        return early >= 1 ? early : nil
    }
}
