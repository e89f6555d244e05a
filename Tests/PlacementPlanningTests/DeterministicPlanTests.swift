import PlacementModel
import PlacementPlanning
import PlacementTestSupport
import Testing

/// The plan without randomness: referrals at the expected count, evenly spread, every stay
/// exactly its mean. Every yearly figure below is computed by hand (amounts in øre).
///
/// The world: on 2027-01-01 an own § 108 residence for autism with 2 vacant places (rate 2.000 kr.,
/// variable 500 kr. a day) and an external one at 3.000 kr. a day. No history; the assumptions
/// give 4 referrals a year (autism, level 3) who each stay 10 years.
@Suite struct DeterministicPlanTests {
    static func world() -> PlanWorld {
        var w = SmallPlan(asOf: "2027-01-01")
        w.own("R1", places: 2, rateKr: 2000, variableKr: 500)
        w.external("E1", rateKr: 3000)
        return w.world
    }

    static let assumptions = [Scenario.DemandOverride(offerType: .sel108, targetGroups: TargetGroups([.autism]), supportLevel: 3,
                                                      referralsPerYearHundredths: 400, meanStayYearsHundredths: 1000)]
    static let options = PlanOptions(years: 2, arrivals: .fixed)

    static func newResidence(_ id: String, groups: [TargetGroup], rateKr: Int64, investmentKr: Int64) -> Scenario.NewResidence {
        var r = Build.residence(id, own: true, groups: groups, places: 3, rateKr: rateKr, variableKr: 500)
        r.opensOn = Build.day("2027-01-01")
        return Scenario.NewResidence(residence: r, investment: Money(kroner: investmentKr))
    }

    static func plan(_ scenarios: [Scenario] = []) throws -> PlanResult {
        try Planner.plan(world: world(), scenarios: scenarios, assumptions: assumptions, options: options, language: .en)
    }

    @Test func baselineYearByYear() throws {
        let p = try Self.plan()
        // 2027: referrals on days 45, 136, 228 and 319 (2k+1)·365/8; the first two get the own
        // places, the last two are bought externally.
        #expect(median(p, year: 2027, .referrals) == 4)
        #expect(median(p, year: 2027, .placedOwn) == 2)
        #expect(median(p, year: 2027, .placedExternal) == 2)
        #expect(median(p, year: 2027, .waiting) == 0)
        #expect(median(p, year: 2027, .demand) == 4)
        #expect(median(p, year: 2027, .ownPlaces) == 2)
        #expect(median(p, year: 2027, .newOwn) == 2)
        #expect(median(p, year: 2027, .newExternal) == 2)
        // External: 137 + 46 days at 3.000 kr., less the refund of 25 % of (1.095.000 − 860.000)
        // = 58.750 kr. a year, pro rata: 41.100.000 − 2.205.137 + 13.800.000 − 740.411.
        #expect(median(p, year: 2027, .externalCost) == 51_954_452)
        // Own: fixed 1.500 kr. × 730 place-days + variable 500 kr. × (320 + 229) occupied days.
        #expect(median(p, year: 2027, .ownCost) == 109_500_000 + 27_450_000)
        #expect(median(p, year: 2027, .vacancyCost) == 150_000 * 181)
        #expect(median(p, year: 2027, .totalCost) == 188_904_452)
        #expect(median(p, year: 2027, .occupancyPerMille) == 752)  // 549 / 730

        // 2028 (366 days): four more referrals, all external; the own places are full.
        #expect(median(p, year: 2028, .placedOwn) == 2)
        #expect(median(p, year: 2028, .placedExternal) == 6)
        #expect(median(p, year: 2028, .demand) == 8)
        #expect(median(p, year: 2028, .newExternal) == 4)
        #expect(median(p, year: 2028, .newOwn) == 0)
        // 2 × 366 days and 321 + 229 + 138 + 46 days external, each less its refund pro rata.
        #expect(median(p, year: 2028, .externalCost) == 416_203_424)
        #expect(median(p, year: 2028, .ownCost) == 109_800_000 + 36_600_000)
        #expect(median(p, year: 2028, .vacancyCost) == 0)
        #expect(median(p, year: 2028, .totalCost) == 562_603_424)
        #expect(median(p, year: 2028, .occupancyPerMille) == 1000)
        // Without randomness every band is a single value.
        #expect(p.scenarios[0].years.allSatisfy { $0.figures.values.allSatisfy(\.isExact) })
    }

    @Test func placesForAGroupBoughtExternallyLowerExternalCost() throws {
        let build = Scenario(name: "build", newResidences: [Self.newResidence("N1", groups: [.autism], rateKr: 2000, investmentKr: 0)])
        let p = try Self.plan([build])
        // 2027: five own places for four referrals: nobody bought.
        #expect(median(p, scenario: 1, year: 2027, .externalCost) == 0)
        #expect(median(p, scenario: 1, year: 2027, .placedOwn) == 4)
        // 2028: one place left for the first referral; three bought (229, 138 and 46 days).
        #expect(median(p, scenario: 1, year: 2028, .placedExternal) == 3)
        #expect(median(p, scenario: 1, year: 2028, .externalCost) == 117_252_397)
        #expect(p.scenarios[1].years[1].difference[.externalCost]!.median == 117_252_397 - 416_203_424)
        // Own: fixed 1.500 kr. × 5 places × 365 days, variable 500 kr. × 732 occupied days.
        #expect(median(p, scenario: 1, year: 2027, .ownCost) == 150_000 * 1825 + 50_000 * 732)
    }

    @Test func placesNoOneFitsDoNotLowerExternalCost() throws {
        let misfit = Scenario(name: "misfit", newResidences: [Self.newResidence("N2", groups: [.physicalDisability], rateKr: 2000, investmentKr: 0)])
        let p = try Self.plan([misfit])
        for y in [2027, 2028] {
            #expect(median(p, scenario: 1, year: y, .externalCost) == median(p, year: y, .externalCost))
            #expect(median(p, scenario: 1, year: y, .placedExternal) == median(p, year: y, .placedExternal))
        }
        // It only adds the fixed cost of three empty places: 1.500 kr. × 3 × 365 days.
        #expect(p.scenarios[1].years[0].difference[.totalCost]!.median == 150_000 * 3 * 365)
        #expect(p.scenarios[1].years[0].difference[.vacancyCost]!.median == 150_000 * 3 * 365)
    }

    @Test func paybackYear() throws {
        // A cheaper new residence (1.000 kr. a day, 500 variable): 2027 costs 11.945.548 øre
        // more than the baseline (its fixed cost), 2028 saves 191.401.027 øre: cumulative
        // 1.794.554,79 kr. by the end of 2028.
        let cheap = Scenario(name: "cheap", newResidences: [Self.newResidence("N3", groups: [.autism], rateKr: 1000, investmentKr: 1_000_000)])
        let costly = Scenario(name: "costly", newResidences: [Self.newResidence("N4", groups: [.autism], rateKr: 1000, investmentKr: 5_000_000)])
        let p = try Self.plan([cheap, costly])
        #expect(p.scenarios[1].years[0].cumulativeSaving.median == -11_945_548)
        #expect(p.scenarios[1].years[1].cumulativeSaving.median == -11_945_548 + 191_401_027)
        let a = try #require(p.scenarios[1].payback)
        #expect(a.year == Band(exactly: 2028))
        #expect(a.withinPlanPercent == 100)
        // 5 mio. kr. is not reached within the plan: the rest (320.544.521 øre) at 2028's saving
        // takes two more years.
        let b = try #require(p.scenarios[2].payback)
        #expect(b.year == Band(exactly: 2030))
        #expect(b.withinPlanPercent == 0)
        #expect(p.scenarios[0].payback == nil)
    }

    @Test func theDemandSheetAddsKnownReferralsInItsYear() throws {
        let sheet = DemandSheet(file: "behov.csv", rows: [
            .init(year: 2028, offerType: .sel108, targetGroups: TargetGroups([.autism]), supportLevel: 3, count: 2, source: "børneområdet", line: 2),
        ])
        let p = try Planner.plan(world: Self.world(), scenarios: [], assumptions: Self.assumptions, sheet: sheet, options: Self.options)
        #expect(median(p, year: 2027, .referrals) == 4)
        #expect(median(p, year: 2028, .referrals) == 6)
    }
}
