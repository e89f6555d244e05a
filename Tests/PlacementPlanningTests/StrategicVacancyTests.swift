import PlacementModel
import PlacementPlanning
import PlacementTestSupport
import Testing

/// Hold a vacant own place for a local citizen, or not: a hand-built case.
///
/// Own § 108 residence R (2.000 kr. a day, 500 variable: an empty place costs 1.500 kr. a day)
/// with one vacant place; referrals that fit it were 4 in the last year (λ = 4 a year).
@Suite struct StrategicVacancyTests {
    static func world(referrals: Int, externalRateKr: Int64, waiting: Bool = false) -> PlanWorld {
        var w = SmallPlan(asOf: "2027-01-01")
        w.own("R", places: 1, rateKr: 2000, variableKr: 500)
        w.external("E", rateKr: externalRateKr)
        w.stay("z", in: "E", from: "2018-01-01", to: "2025-06-01")
        for i in 0..<referrals {
            let month = 2 + 2 * i
            let m = month < 10 ? "0\(month)" : "\(month)"
            w.stay("t\(i)", support: 3, in: "E", from: "2026-\(m)-15", to: nil, referred: "2026-\(m)-01")
        }
        if waiting { w.waits("w", support: 3, since: "2026-12-01") }
        return w.world
    }

    static func advice(_ world: PlanWorld) throws -> VacancyAdvice {
        let p = try Planner.plan(world: world, scenarios: [], options: PlanOptions(years: 1, arrivals: .fixed, estimate: .init(historyYears: 1)))
        return try #require(p.vacancy.first { $0.residenceId == "R" })
    }

    @Test func holdWhenTheWaitCostsLessThanAYearsSaving() throws {
        let a = try Self.advice(Self.world(referrals: 4, externalRateKr: 2500))
        #expect(a.vacantPlaces == 1)
        #expect(a.fittingWaiting == 0)
        #expect(a.fittingReferralsPerYearHundredths == 400)
        #expect(a.expectedDays == 91)                          // 365 / 4
        #expect(a.days == Band(low: 10, median: 63, high: 210)) // −ln 0,9 · 91,25; ln 2 · 91,25; −ln 0,1 · 91,25
        #expect(a.vacancyDailyCost == Money(kroner: 1500))
        #expect(a.vacancyCostOfWait == Money(kroner: 136_500))  // 91 × 1.500
        // External: 2.500 × 365 = 912.500 less 25 % of (912.500 − 860.000) = 899.375 kr.;
        // own: 500 × 365 = 182.500 kr. (no refund below 860.000 kr.).
        #expect(a.externalAnnualCost == Money(kroner: 899_375))
        #expect(a.annualSaving == Money(kroner: 716_875))
        #expect(a.advice == .hold)
    }

    @Test func doNotHoldWhenTheWaitCostsMore() throws {
        // One referral a year and a cheap external place (1.000 kr. a day): 365 days × 1.500 kr.
        // = 547.500 kr. of vacancy against a saving of 365.000 − 182.500 = 182.500 kr. a year.
        let a = try Self.advice(Self.world(referrals: 1, externalRateKr: 1000))
        #expect(a.expectedDays == 365)
        #expect(a.vacancyCostOfWait == Money(kroner: 547_500))
        #expect(a.annualSaving == Money(kroner: 182_500))
        #expect(a.advice == .doNotHold)
    }

    @Test func fillNowWhenAFittingCitizenWaits() throws {
        let a = try Self.advice(Self.world(referrals: 4, externalRateKr: 2500, waiting: true))
        #expect(a.fittingWaiting == 1)
        #expect(a.advice == .fillNow)
    }
}

/// The advice's averages are exact øre: whole weights, one rounding half away from zero.
@Suite struct WeightedMoneyMeanTests {
    @Test(arguments: [
        // (amounts in øre with weights, mean in øre)
        ([(100, 1), (200, 1)], 150),
        ([(1, 1), (2, 1)], 2),              // 1,5 → 2
        ([(-1, 1), (-2, 1)], -2),           // −1,5 → −2: half away from zero
        ([(0, 1), (2, 3)], 2),              // 6 / 4 = 1,5 → 2
        ([(899_375_00, 3), (716_875_00, 1)], 853_750_00),
    ] as [([(Int64, Int64)], Int64)])
    func meanToTheOre(_ amounts: [(Int64, Int64)], _ expected: Int64) {
        var m = WeightedMoneyMean()
        for (ore, w) in amounts { m.add(Money(ore: ore), weight: Int128(w)) }
        #expect(m.mean == Money(ore: expected))
    }

    @Test func noWeightNoMean() {
        var m = WeightedMoneyMean()
        #expect(m.mean == nil)
        m.add(Money(kroner: 5), weight: 0)
        #expect(m.mean == nil)
    }

    @Test func sumsBeyond64BitsStayExact() {
        // 3 × a + (a − 1) over 4 is a − ¼: a, to the øre, where a Double has no øre left.
        let a = Int64.max / 2
        var m = WeightedMoneyMean()
        m.add(Money(ore: a), weight: 3)
        m.add(Money(ore: a - 1), weight: 1)
        #expect(m.mean == Money(ore: a))
    }

    @Test(arguments: [
        // (referrals a year, people, weight in 10⁻¹⁵ referrals a year each)
        (4.0, 4, 1_000_000_000_000_000), (1.0, 3, 333_333_333_333_333), (2.0, 3, 666_666_666_666_667),
        (0.0, 2, 0), (3.0, 0, 0), (.infinity, 1, 0),
    ] as [(Double, Int, Int128)])
    func aSegmentsRateSharedAmongItsPeople(_ rate: Double, _ people: Int, _ expected: Int128) {
        #expect(WeightedMoneyMean.weight(referralsPerYear: rate, among: people) == expected)
    }
}
