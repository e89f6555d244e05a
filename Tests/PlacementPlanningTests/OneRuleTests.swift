import PlacementMatching
import PlacementModel
@testable import PlacementPlanning
import PlacementTestSupport
import Testing

/// The plan prices and fits with the matching engine's rules (`Costing`, `Fit`), not copies:
/// on worlds small enough to know the answer, the plan's figures and decisions are the engine's.
@Suite struct OneRuleTests {
    static let noReferrals = [Scenario.DemandOverride(offerType: .sel108, referralsPerYearHundredths: 0, meanStayYearsHundredths: 1000)]
    static let options = PlanOptions(years: 1, runs: 1, arrivals: .fixed)

    static func plan(_ w: SmallPlan) throws -> PlanResult {
        try Planner.plan(world: w.world, scenarios: [], assumptions: noReferrals, options: options, language: .en)
    }

    /// One citizen in an external residence all of 2027 (365 days): the plan's external cost is
    /// the engine's yearly net cost of that stay.
    @Test func externalCostOfOneStayIsCosting() throws {
        var w = SmallPlan(asOf: "2027-01-01")
        w.external("E1", rateKr: 3000)
        w.stay("S", in: "E1", from: "2026-06-01", to: nil)
        let p = try Self.plan(w)
        let cost = Costing(policy: w.policy).external(w.citizens[0], w.residences[0], km: nil)
        // 3.000 kr. × 365 = 1.095.000 kr., less 25 % of what is above 860.000 kr.
        #expect(cost.net == Money(kroner: 1_095_000 - 58_750))
        #expect(median(p, year: 2027, .externalCost) == cost.net.ore)
        #expect(median(p, year: 2027, .ownCost) == 0)
    }

    /// One citizen in the one own place all of 2027: the plan's own cost is the place's fixed
    /// cost for the year plus the engine's yearly net cost of filling it.
    @Test func ownCostOfOneStayIsCosting() throws {
        var w = SmallPlan(asOf: "2027-01-01")
        w.own("R1", places: 1, rateKr: 3000, variableKr: 500)
        w.stay("S", in: "R1", place: "1", from: "2026-06-01", to: nil)
        let p = try Self.plan(w)
        let cost = Costing(policy: w.policy).own(w.citizens[0], w.residences[0], km: nil)
        // Variable 500 kr. × 365, less the refund on the case (3.000 kr. × 365: 58.750 kr.).
        #expect(cost.net == Money(kroner: 182_500 - 58_750))
        let fixed = Money(kroner: 2500) * 365
        #expect(median(p, year: 2027, .ownCost) == (fixed + cost.net).ore)
        #expect(median(p, year: 2027, .vacancyCost) == 0)
        #expect(median(p, year: 2027, .occupancyPerMille) == 1000)
    }

    /// Who the simulation leaves out of a matching day as fitting nowhere is exactly who the
    /// engine, given everyone and room everywhere, finds no place for.
    @Test func theSimulationsFitIsTheMatchers() throws {
        var w = SmallPlan(asOf: "2027-01-01")
        w.own("R1", places: 1)
        w.external("E1", places: 20)
        var e2 = Build.residence("E2", own: false, features: Features([.wheelchair]), places: 20, postcode: 8000, municipality: 751)
        e2.name = "E2"
        w.residences.append(e2)
        for id in ["fits", "group", "wheelchair", "excluded", "far", "near", "support"] {
            w.waits(id, groups: id == "group" ? [.mentalIllness] : [.autism], since: "2026-10-01")
        }
        func edit(_ id: String, _ change: (inout Citizen) -> Void) {
            if let i = w.citizens.firstIndex(where: { $0.id == id }) { change(&w.citizens[i]) }
        }
        edit("wheelchair") { $0.requiredFeatures = Features([.wheelchair]) }
        edit("excluded") { $0.excludedResidences = ["R1", "E1", "E2"] }
        edit("far") { $0.networkPostcode = 2100; $0.maxDistanceKm = 10 }
        edit("near") { $0.networkPostcode = 8000; $0.maxDistanceKm = 10 }
        edit("support") { $0.supportLevel = 6 }

        let setup = try PlanSetup(world: w.world, scenarios: [Scenario.baseline(.en)], assumptions: Self.noReferrals, sheet: nil,
                                  options: Self.options)
        var run = SimulationRun(setup: setup, scenario: 0, run: 0, offerType: .sel108)
        run.addInitial()
        run.fitsSomewhere = Array(repeating: nil, count: run.people.count)
        let asOf = w.world.asOf
        let everyone = Array(run.people.indices)
        let inputs = run.matchInputs(at: asOf, windows: [.sel108: asOf.adding(days: 90)], waiting: everyone,
                                     wait: w.policy.allowedWaitDays)
        let input = try #require(inputs.first)
        let result = try Matcher(input: input, policy: w.policy, language: .en, options: .simulation).run()
        let placedByMatcher = Set(result.proposals.filter { $0.action != .noFit }.map(\.citizenId))
        var fitsInPlan = Set<String>()
        for p in everyone where run.fitsSomeResidence(p) { fitsInPlan.insert(run.people[p].citizen.id) }
        #expect(fitsInPlan == ["fits", "wheelchair", "near"])
        #expect(placedByMatcher == fitsInPlan)
    }
}
