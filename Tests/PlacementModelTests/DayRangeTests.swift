import PlacementModel
import Testing

/// Days at and past the ends of the calendar: arithmetic that used to trap now stays total.
@Suite struct DayRangeTests {
    @Test func theSupportedRangeIs1900To2199() {
        #expect(Day.supported.lowerBound.iso == "1900-01-01")
        #expect(Day.supported.upperBound.iso == "2199-12-31")
        #expect(Day(iso: "1900-01-01")?.isSupported == true)
        #expect(Day(iso: "1899-12-31")?.isSupported == false)
        #expect(Day(iso: "2200-01-01")?.isSupported == false)
        #expect(Day.unsupportedPhrase(.da) == "ligger uden for de understøttede datoer 01-01-1900 til 31-12-2199")
    }

    /// `Day(year: 10000, ...)` is nil; adding years past 9999 once force-unwrapped it.
    @Test(arguments: [("9999-12-31", 1, "10000-12-31"), ("0001-01-01", -1, "0000-01-01"), ("2024-02-29", 1, "2025-02-28"),
                      ("2024-02-29", 4, "2028-02-29")])
    func addingYearsNeverTraps(from: String, years: Int, expected: String) throws {
        let d = try #require(Day(iso: from))
        #expect(d.adding(years: years).iso == expected)
    }

    @Test func addingHugeAmountsSaturates() throws {
        let d = try #require(Day(iso: "2026-11-23"))
        #expect(d.adding(years: Int.max) == d.adding(years: 2_000_000))
        #expect(d.adding(days: Int.max).daysSinceEpoch == Int32.max)
        #expect(d.adding(days: Int.min).daysSinceEpoch == Int32.min)
        #expect(Day(daysSinceEpoch: Int32.min).days(until: Day(daysSinceEpoch: Int32.max)) == Int(Int32.max) - Int(Int32.min))
    }

    @Test(arguments: [(1, 1), (9999, 52), (10000, 1), (0, 1)])
    func weeksOfAnyYearHaveAMonday(year: Int, week: Int) throws {
        let w = try #require(ISOWeek(year: year, week: week))
        #expect(w.monday.isoWeekday == 1)
        #expect(ISOWeek(containing: w.monday) == w)
    }

    @Test func clampedDaysAreTheNearestValidDay() {
        #expect(Day(clampedYear: 2025, month: 2, day: 31).iso == "2025-02-28")
        #expect(Day(clampedYear: 2026, month: 13, day: 0).iso == "2026-12-01")
    }
}

@Suite struct MoneyCheckedTests {
    @Test func checkedArithmeticReportsOverflow() {
        let big = Money(ore: Int64.max - 1)
        #expect(big.adding(Money(ore: 1)) == Money(ore: Int64.max))
        #expect(big.adding(Money(ore: 2)) == nil)
        #expect(Money(ore: Int64.max / 2 + 1).multiplied(by: 2) == nil)
        #expect(Money(ore: 300).multiplied(by: -3) == Money(ore: -900))
        #expect([Money(ore: Int64.max), Money(ore: 1)].checkedSum() == nil)
        #expect([Money(ore: 5), Money(ore: 7)].checkedSum() == Money(ore: 12))
    }

    @Test(arguments: [(Int64(380050), 2, Int64?(380050)), (380050, 1, 3800500), (3800, 0, 380000), (1, 3, nil),
                      (Int64.max, 0, nil), (Int64.max / 10 + 1, 1, nil), (Int64.max / 10, 1, Int64.max / 10 * 10), (92233720368547758, 2, 92233720368547758)])
    func kronerToOreIsExactOrNil(digits: Int64, scale: Int, ore: Int64?) {
        #expect(Money.fromKroner(digits: digits, scale: scale)?.ore == ore)
    }
}
