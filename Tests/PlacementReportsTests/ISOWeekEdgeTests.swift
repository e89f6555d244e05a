import PlacementModel
import PlacementReports
import PlacementStore
import PlacementTestSupport
import Testing

/// The weeks around New Year: 2026 has an ISO week 53 (Monday 28-12-2026 to Sunday
/// 03-01-2027); 29-12-2025 belongs to 2026-W01.
@Suite struct ISOWeekEdgeTests {
    static let w53 = ISOWeek(year: 2026, week: 53)!

    /// One own place (1.000 kr./day) taken on Friday 01-01-2027; one referral on 31-12-2026.
    static func newYearWorld() throws -> PlacementDatabase {
        let db = try Build.database()
        try db.write { d in
            try Residences.insert(d, Build.residence("R1", places: 1, rateKr: 1000))
            try Places.insert(d, Place(residenceId: "R1", id: "1"))
            try Citizens.insert(d, Build.citizen("P", status: .placed, referred: "2026-12-01"))
            try Citizens.insert(d, Build.citizen("Q", referred: "2026-12-31"))
            try WaitingPeriods.insert(d, WaitingPeriod(citizenId: "P", period: DayInterval(from: Build.day("2026-12-01"), to: Build.day("2027-01-01")), outcome: .placed))
            try Placements.insert(d, Placement(citizenId: "P", residenceId: "R1", placeId: "1",
                                               period: DayInterval(from: Build.day("2027-01-01"), to: nil)))
            try WaitingPeriods.insert(d, WaitingPeriod(citizenId: "Q", period: DayInterval(from: Build.day("2026-12-31"), to: nil)))
        }
        return db
    }

    @Test func week53SpansNewYear() throws {
        #expect(Self.w53.monday == Build.day("2026-12-28") && Self.w53.sunday == Build.day("2027-01-03"))
        let f = try Self.newYearWorld().weeklyFigures(Self.w53)
        let h = f.headline
        #expect(h.referrals == 1)                               // Q on 31-12-2026
        #expect(h.placementsOwn == 1 && h.placementsExternal == 0)  // P on 01-01-2027
        #expect(h.waiting == 1 && h.medianWaitDays == Median(days: 3) && h.longestWaitDays == 3)
        // The place is vacant Monday to Thursday: 4 days × 1.000 kr.
        #expect(h.vacancyDays == 4 && h.vacancyCost == Money(kroner: 4000))
        #expect(h.placesOccupied == 1 && h.placesVacant == 0)
        #expect(f.previousHeadline.week == ISOWeek(year: 2026, week: 52))
        // Week 52: P waits (21 days on 27-12), the place is vacant all week.
        #expect(f.previousHeadline.waiting == 1 && f.previousHeadline.longestWaitDays == 26)
        #expect(f.previousHeadline.vacancyDays == 7 && f.previousHeadline.vacancyCost == Money(kroner: 7000))
        #expect(f.changes.map(\.kind) == [.referred, .placed])
    }

    @Test func theWeekAfter53IsWeek1AndTheTrendCrossesNewYear() throws {
        let db = try Self.newYearWorld()
        let w1 = ISOWeek(year: 2027, week: 1)!
        #expect(w1.previous == Self.w53 && Self.w53.next == w1)
        let f = try db.weeklyFigures(ISOWeek(year: 2027, week: 2)!)
        #expect(f.trend.count == 26)
        let weeks = f.trend.map(\.week).suffix(4).map(\.description)
        #expect(weeks == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"])
        #expect(f.trend.suffix(4).map(\.placesOccupied) == [0, 1, 1, 1])
        let doc = ReportBuilder.document(f, language: .da)
        let chart = try #require(doc.sections.first { $0.key == "trends" }?.charts.first)
        #expect(chart.points.suffix(4).map(\.label) == ["uge 52", "uge 53", "uge 1", "uge 2"])
        let html = HTMLReport.render(ReportBuilder.document(try db.weeklyFigures(Self.w53), language: .da))
        #expect(html.contains("Uge 53 2026"))
        #expect(html.contains("Mandag 28-12-2026 – søndag 03-01-2027"))
    }

    @Test func weekArguments() throws {
        let today = Build.day("2026-11-23")
        func week(_ text: String?, asOf: String? = nil, today: Day = today) throws -> String {
            try WeeklyReport.week(text: text, asOf: asOf.map(Build.day), today: today).description
        }
        #expect(try week(nil) == "2026-W48")
        #expect(try week("48") == "2026-W48")
        #expect(try week("2026-W48") == "2026-W48")
        #expect(try week("2026w48") == "2026-W48")
        #expect(try week("W5") == "2026-W05")
        #expect(try week(nil, asOf: "2027-01-03") == "2026-W53")
        #expect(try week(nil, asOf: "2025-12-29") == "2026-W01")
        #expect(try week(nil, asOf: "2024-12-30") == "2025-W01")
        #expect(try week("2020-W53") == "2020-W53")
        // "Week 53" on New Year's Day 2027 is the week that day lies in.
        #expect(try week("53", today: Build.day("2027-01-01")) == "2026-W53")
        #expect(throws: WeekError.self) { try week("53", today: Build.day("2027-01-05")) }
        #expect(throws: WeekError.self) { try week("2025-W53") }
        #expect(throws: WeekError.self) { try week("0") }
        #expect(throws: WeekError.self) { try week("uge") }
        do {
            _ = try week("2027-W53")
        } catch let e as WeekError {
            #expect(e.description == "2027 has 52 ISO weeks; there is no week 53.")
        }
    }

    /// The ways planners write a week; "uge 48" once answered "2026 has 53 ISO weeks; there is
    /// no week 48".
    @Test(arguments: [
        ("2026-W48", "2026-W48"), ("48", "2026-W48"), ("uge 48", "2026-W48"), ("Uge 48", "2026-W48"),
        ("uge 48 2026", "2026-W48"), ("uge 48, 2026", "2026-W48"), ("48/2026", "2026-W48"), ("48-2026", "2026-W48"),
        ("week 48", "2026-W48"), ("uge 5 2027", "2027-W05"), ("53/2026", "2026-W53"), ("uge w48", "2026-W48"),
    ])
    func weekAsPlannersWriteIt(text: String, week: String) throws {
        #expect(try WeeklyReport.week(text: text, asOf: nil, today: Build.day("2026-11-23")).description == week)
    }

    @Test(arguments: [
        ("uge 53 2027", "2027 has 52 ISO weeks; there is no week 53."),
        ("53/2027", "2027 has 52 ISO weeks; there is no week 53."),
        ("uge 0", "2026 has 53 ISO weeks; there is no week 0."),
        ("uge", "\"uge\" is not a week; write 2026-W48, uge 48, 48/2026, or 48 for week 48 of 2026."),
        ("2026/48", "\"2026/48\" is not a week; write 2026-W48, uge 48, 48/2026, or 48 for week 48 of 2026."),
        ("uge 48 26", "\"uge 48 26\" is not a week; write 2026-W48, uge 48, 48/2026, or 48 for week 48 of 2026."),
    ])
    func aWeekThatIsNotIsRefusedSayingWhy(text: String, message: String) {
        let error = #expect(throws: WeekError.self) { try WeeklyReport.week(text: text, asOf: nil, today: Build.day("2026-11-23")) }
        #expect(error?.description == message)
    }
}
