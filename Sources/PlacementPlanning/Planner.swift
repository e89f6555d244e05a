import Foundation
import PlacementModel

/// `placement plan`: the baseline and each scenario simulated with the matching engine, many
/// seeded runs each, summarised as medians with 10-90 % bands.
public enum Planner {
    public static func plan(world: PlanWorld, scenarios: [Scenario], assumptions: [Scenario.DemandOverride] = [],
                            sheet: DemandSheet? = nil, options: PlanOptions = PlanOptions(), language: Language = .da,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> PlanResult {
        let started = Date()
        let all = [Scenario.baseline(language)] + scenarios
        let setup = try PlanSetup(world: world, scenarios: all, assumptions: assumptions, sheet: sheet, options: options)
        let output = try Simulation(setup: setup).run(progress: progress)
        let results = setup.scenarios.indices.map { s in
            ScenarioSummary(setup: setup, scenario: s, runs: output.figures[s], base: output.figures[0]).result(language)
        }
        let policy = world.policy
        return PlanResult(
            asOf: world.asOf, planningArea: world.planningArea, years: setup.years, options: options, estimate: setup.estimate,
            demandSheet: sheet, assumptions: assumptions, baselineDemand: setup.scenarios[0].demand, scenarios: results,
            vacancy: StrategicVacancy.advise(world: world, setup: setup),
            policy: PlanPolicyFacts(stateRefund: policy.stateRefund, variableCostSharePercent: policy.variableCostSharePercent,
                                    allowedWaitDays: policy.allowedWaitDays),
            seconds: Date().timeIntervalSince(started), matcherCalls: output.matcherCalls)
    }
}

/// One scenario's runs summarised: the years' bands, the payback and the value of one more place.
struct ScenarioSummary {
    let setup: PlanSetup
    /// The scenario's index (0: the baseline).
    let scenario: Int
    /// The scenario's and the baseline's figures, run by run and year by year.
    let runs: [[YearFigures]]
    let base: [[YearFigures]]

    var prepared: PlanSetup.PreparedScenario { setup.scenarios[scenario] }
    var runCount: Int { base.count }

    func result(_ language: Language) -> PlanResult.ScenarioResult {
        let (residenceValues, groupValues) = placeValues(language)
        return PlanResult.ScenarioResult(scenario: prepared.scenario, isBaseline: scenario == 0, years: years(), payback: payback(),
                                         residenceValues: residenceValues, groupValues: groupValues)
    }

    /// Each year's figures and differences from the baseline as bands, the cumulative saving,
    /// and the groups with demand or capacity.
    func years() -> [PlanResult.Year] {
        var years: [PlanResult.Year] = []
        var cumulative = Array(repeating: Int64(0), count: runCount)
        for y in 0..<setup.options.years {
            var figures: [Figure: Band] = [:]
            var difference: [Figure: Band] = [:]
            for f in Figure.allCases {
                figures[f] = Quantiles.band(runs.map { $0[y][f] })
                difference[f] = Quantiles.band((0..<runCount).map { runs[$0][y][f] - base[$0][y][f] })
            }
            for r in 0..<runCount { cumulative[r] += base[r][y][.totalCost] - runs[r][y][.totalCost] }
            var groups: [PlanResult.GroupRow] = []
            for (g, key) in setup.groupKeys.enumerated() {
                let row = PlanResult.GroupRow(
                    key: key, demand: Quantiles.band(runs.map { $0[y].groupDemand[g] }),
                    capacity: Quantiles.band(runs.map { $0[y].groupCapacity[g] }),
                    placedOwn: Quantiles.band(runs.map { $0[y].groupOwn[g] }),
                    placedExternal: Quantiles.band(runs.map { $0[y].groupExternal[g] }))
                if row.demand.high > 0 || row.capacity.high > 0 { groups.append(row) }
            }
            years.append(PlanResult.Year(year: setup.years[y], figures: figures, difference: difference,
                                         cumulativeSaving: Quantiles.band(cumulative), groups: groups))
        }
        return years
    }

    /// The year a scenario's investment is paid back by its savings, run by run (past the plan:
    /// extrapolated at the last year's saving), and the share of runs within the plan.
    func payback() -> PlanResult.Payback? {
        let investment = prepared.scenario.investment
        guard scenario > 0 && investment > .zero else { return nil }
        let nYears = setup.options.years
        var paybackYears: [Int64] = []
        var within = 0
        for r in 0..<runCount {
            var sum: Int64 = 0
            var year: Int64? = nil
            for y in 0..<nYears {
                sum += base[r][y][.totalCost] - runs[r][y][.totalCost]
                if year == nil && sum >= investment.ore { year = Int64(setup.years[y]) }
            }
            if year != nil { within += 1 }
            if year == nil {
                let last = base[r][nYears - 1][.totalCost] - runs[r][nYears - 1][.totalCost]
                if last > 0 {
                    let remaining = investment.ore - sum
                    year = Int64(setup.years[nYears - 1]) + (remaining + last - 1) / last
                } else {
                    year = Int64.max
                }
            }
            paybackYears.append(year ?? Int64.max)  // set on every path above
        }
        return PlanResult.Payback(investment: investment, year: Quantiles.band(paybackYears),
                                  withinPlanPercent: Int(Rounding.divide(Int64(within) * 100, by: Int64(runCount))))
    }

    /// Where one more place saves most: the plan years' mean, run by run, per own residence
    /// (not closed by the plan's start) and per offer type and target group, most first.
    func placeValues(_ language: Language) -> (residences: [PlanResult.PlaceValueRow], groups: [PlanResult.PlaceValueRow]) {
        var residenceValues: [PlanResult.PlaceValueRow] = []
        var groupValues: [PlanResult.PlaceValueRow] = []
        let newIds = Set(prepared.scenario.newResidences.map(\.residence.id))
        for (i, id) in setup.valuedResidences.enumerated() {
            guard let r = prepared.residenceIndex[id], let band = meanValue(i) else { continue }
            let res = prepared.residences[r]
            if let c = res.closesOn, c <= setup.planStart { continue }
            residenceValues.append(.init(kind: .residence, id: id, name: res.name, offerType: res.offerType,
                                         targetGroups: res.targetGroups, value: band, isNew: newIds.contains(id)))
        }
        for (j, probe) in setup.probes.enumerated() {
            guard let band = meanValue(setup.valuedResidences.count + j) else { continue }
            groupValues.append(.init(kind: .offerAndGroup, id: probe.key.key, name: probe.key.label(language),
                                     offerType: probe.key.offerType, targetGroups: TargetGroups([probe.key.targetGroup]),
                                     value: band, isNew: false))
        }
        let order: (PlanResult.PlaceValueRow, PlanResult.PlaceValueRow) -> Bool = {
            ($0.value.median, $0.value.high, $1.id) > ($1.value.median, $1.value.high, $0.id)
        }
        return (residenceValues.sorted(by: order), groupValues.sorted(by: order))
    }

    /// The mean over the plan years of value `i`, as a band over the runs; nil where it is not
    /// in this scenario.
    func meanValue(_ i: Int) -> Band? {
        var per: [Int64] = []
        for r in 0..<runCount {
            let v = runs[r].map { $0.placeValues[i] }
            if v.contains(Int64.min) { return nil }
            per.append(Rounding.divide(v.reduce(0, +), by: Int64(max(1, v.count))))
        }
        return Quantiles.band(per)
    }
}
