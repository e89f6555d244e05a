import PlacementModel
import Testing

@Suite struct DayTests {
    @Test func roundTripsThroughISOText() {
        let d = Day(year: 2026, month: 11, day: 23)!
        #expect(d.iso == "2026-11-23")
        #expect(d.danish == "23-11-2026")
        #expect(Day(iso: "2026-11-23") == d)
        #expect(d.isoWeekday == 1)  // a Monday
    }

    @Test(arguments: [(2024, 2, 30), (2025, 2, 29), (2026, 13, 1), (2026, 4, 31), (2026, 0, 10)])
    func rejectsDaysThatDoNotExist(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test func countsDaysAcrossLeapYears() {
        #expect(Day(iso: "2024-02-28")!.days(until: Day(iso: "2024-03-01")!) == 2)
        #expect(Day(iso: "2025-01-01")!.days(until: Day(iso: "2026-01-01")!) == 365)
        #expect(Day(iso: "2024-02-29")!.adding(years: 1) == Day(iso: "2025-02-28"))
        #expect(Day(iso: "1969-12-31")!.daysSinceEpoch == -1)
    }

    @Test func halfOpenIntervalsDoNotOverlapAtTheMoveDay() {
        let stay = DayInterval(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-02-01")!)
        #expect(stay.contains(Day(iso: "2026-01-31")!))
        #expect(!stay.contains(Day(iso: "2026-02-01")!))
        #expect(stay.overlapDays(start: Day(iso: "2026-01-26")!, end: Day(iso: "2026-02-02")!) == 6)
    }

    /// Two stays collide when they share a day: the move day itself is shared by none.
    @Test(arguments: [
        ("2026-01-01", "2026-02-01", "2026-02-01", nil, false),   // one moves out the day the other moves in
        ("2026-01-01", "2026-02-01", "2026-01-31", "2026-03-01", true),
        ("2026-01-01", nil, "2030-01-01", nil, true),              // both open-ended
        ("2026-03-01", nil, "2026-01-01", "2026-03-01", false),
        ("2026-03-01", nil, "2026-01-01", "2026-03-02", true),
        ("2026-01-10", "2026-01-20", "2026-01-01", "2026-02-01", true), // one inside the other
    ] as [(String, String?, String, String?, Bool)])
    func twoIntervalsOverlapWhenTheyShareADay(aFrom: String, aTo: String?, bFrom: String, bTo: String?, overlap: Bool) {
        let a = DayInterval(from: Day(iso: aFrom)!, to: aTo.flatMap(Day.init(iso:)))
        let b = DayInterval(from: Day(iso: bFrom)!, to: bTo.flatMap(Day.init(iso:)))
        #expect(a.overlaps(b) == overlap)
        #expect(b.overlaps(a) == overlap)
    }
}

@Suite struct ISOWeekTests {
    @Test(arguments: [
        ("2026-11-23", 2026, 48), ("2026-01-01", 2026, 1), ("2025-12-29", 2026, 1), ("2021-01-03", 2020, 53),
        ("2020-12-31", 2020, 53), ("2027-01-01", 2026, 53), ("2027-01-04", 2027, 1), ("2024-12-30", 2025, 1),
    ])
    func weekOfADay(iso: String, year: Int, week: Int) {
        let w = ISOWeek(containing: Day(iso: iso)!)
        #expect(w.year == year && w.week == week)
    }

    @Test func weekBoundsAndNeighbours() {
        let w = ISOWeek(year: 2026, week: 53)!
        #expect(w.monday.iso == "2026-12-28")
        #expect(w.sunday.iso == "2027-01-03")
        #expect(w.next.description == "2027-W01")
        #expect(ISOWeek(year: 2027, week: 1)!.previous == w)
        #expect(ISOWeek(year: 2025, week: 53) == nil)
        #expect(ISOWeek.weeksIn(year: 2026) == 53)
        #expect(ISOWeek.weeksIn(year: 2025) == 52)
    }

    @Test func parsesWhatPlannersType() {
        #expect(ISOWeek(parsing: "2026-W48", defaultYear: 2000) == ISOWeek(year: 2026, week: 48))
        #expect(ISOWeek(parsing: "48", defaultYear: 2026) == ISOWeek(year: 2026, week: 48))
        #expect(ISOWeek(parsing: "w5", defaultYear: 2026) == ISOWeek(year: 2026, week: 5))
        #expect(ISOWeek(parsing: "54", defaultYear: 2026) == nil)
    }
}
