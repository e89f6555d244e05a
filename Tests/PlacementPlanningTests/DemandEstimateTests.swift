import PlacementModel
import PlacementPlanning
import PlacementTestSupport
import Testing

/// The demand estimate on a world small enough to compute by hand. The plan's day is
/// 2027-01-01 and the window the two years before: 2025-01-01 to 2026-12-31, 730 days.
@Suite struct DemandEstimateTests {
    static func world() -> SmallPlan {
        var w = SmallPlan(asOf: "2027-01-01")
        w.own("R1", places: 6)
        w.external("E1")
        // Segment S1 = § 108, autism, level 4.
        // In the window [2025-01-01, 2027-01-01): exits and days lived in stays.
        w.stay("c1", in: "R1", place: "1", from: "2024-01-01", to: "2025-07-01", referred: "2023-12-01")  // 181 days, exit
        w.stay("c2", in: "R1", place: "2", from: "2025-03-01", to: "2026-03-01", referred: "2025-02-01")  // 365 days, exit; referral
        w.stay("c3", in: "R1", place: "3", from: "2025-01-01", to: "2026-01-01", referred: "2024-12-01")  // 365 days, exit
        w.stay("c4", in: "R1", place: "4", from: "2026-06-01", to: "2026-12-01", referred: "2026-05-01")  // 183 days, exit; referral
        w.stay("c5", in: "R1", place: "5", from: "2020-01-01", to: "2025-04-01")                          // 90 days, exit
        w.stay("c6", in: "E1", from: "2025-11-01", to: nil, referred: "2025-10-01")                        // 426 days, open; referral
        w.waits("w1", since: "2026-10-01")                                                                   // referral
        // Before the window: shows the history goes back further, so the window is not shortened.
        w.stay("z1", in: "R1", place: "6", from: "2018-01-01", to: "2024-06-01")
        // Segment S2 = § 108, mental illness, level 5: one exit, too few for its own rate.
        w.stay("d1", groups: [.mentalIllness], support: 5, in: "E1", from: "2025-06-01", to: "2026-06-01", referred: "2025-05-01")  // 365, exit
        return w
    }

    let estimate = DemandEstimate(world: DemandEstimateTests.world().world, options: .init(historyYears: 2, minimumExits: 5))
    let s1 = DemandSegment(offerType: .sel108, targetGroups: TargetGroups([.autism]), supportLevel: 4)
    let s2 = DemandSegment(offerType: .sel108, targetGroups: TargetGroups([.mentalIllness]), supportLevel: 5)

    @Test func windowIsTheTwoYearsBeforeThePlan() {
        #expect(estimate.windowFrom == Build.day("2025-01-01"))
        #expect(estimate.windowTo == Build.day("2027-01-01"))
        #expect(estimate.windowDays == 730)
        #expect(estimate.notes.isEmpty)
    }

    @Test func referralsPerYearAreWaitingPeriodsStartedInTheWindowOverItsYears() throws {
        let a = try #require(estimate.segment(s1))
        #expect(a.referrals == 4)                                   // c2, c4, c6, w1
        #expect(estimate.referralsPerYearHundredths(a) == 200)      // 4 / 2 years = 2,00
        let b = try #require(estimate.segment(s2))
        #expect(b.referrals == 1)
        #expect(estimate.referralsPerYearHundredths(b) == 50)       // 1 / 2 years = 0,50
    }

    @Test func exitsAreEndedStaysOverYearsLivedInStays() throws {
        let a = try #require(estimate.segment(s1))
        #expect(a.exits == 5)                                       // c1, c2, c3, c4, c5
        #expect(a.exposureDays == 1610)                          // 181 + 365 + 365 + 183 + 90 + 426
        #expect(a.exitBasis == .segment)
        #expect(DemandEstimate.meanStayDays(a) == 1610.0 / 5)      // 322 days
        #expect(a.current == 2)                                     // c6 placed, w1 waiting
    }

    @Test func aSegmentWithFewExitsUsesItsOfferTypesRate() throws {
        let b = try #require(estimate.segment(s2))
        #expect(b.exits == 1)
        #expect(b.exitBasis == .pooled)
        #expect(b.basisExits == 6)
        #expect(b.basisExposureDays == 1610 + 365)
        #expect(DemandEstimate.meanStayDays(b) == 1975.0 / 6)
    }

    @Test func templatesAreTheCitizensReferredInTheWindow() throws {
        let a = try #require(estimate.segment(s1))
        let w = DemandEstimateTests.world().world
        #expect(Set(a.templates.map { w.citizens[$0].id }) == ["c2", "c4", "c6", "w1"])
    }

    @Test func aShorterHistoryShortensTheWindowAndSaysSo() {
        var w = DemandEstimateTests.world()
        w.placements.removeAll { $0.citizenId == "z1" || $0.citizenId == "c5" || $0.citizenId == "c1" }
        let e = DemandEstimate(world: w.world, options: .init(historyYears: 3))
        // The first ended stay is c3's on 2026-01-01.
        #expect(e.windowFrom == Build.day("2026-01-01"))
        #expect(e.notes == [.windowShortened(requestedYears: 3, from: Build.day("2026-01-01"))])
    }

    @Test func overridesChangeRatesAndStays() throws {
        let overrides = [
            Scenario.DemandOverride(offerType: .sel108, targetGroups: TargetGroups([.autism]), referralsPerYearHundredths: 600),
            Scenario.DemandOverride(offerType: .sel108, growthPerMille: 100, meanStayYearsHundredths: 250),
        ]
        let d = EffectiveDemand(estimate: estimate, overrides: overrides)
        let a = try #require(d.segment(s1))
        #expect(a.referralsPerYear == 6)
        #expect(abs(a.rate(yearIndex: 2) - 6 * 1.1 * 1.1) < 1e-9)
        #expect(a.meanStayDays == 2.5 * 365)
        #expect(a.referralsOverridden && a.stayOverridden)
        let b = try #require(d.segment(s2))
        #expect(b.referralsPerYear == 0.5)
    }
}
