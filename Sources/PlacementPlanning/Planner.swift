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
        let runs = output.figures[0].count
        let nYears = options.years
        let base = output.figures[0]

        var results: [PlanResult.ScenarioResult] = []
        for (s, prepared) in setup.scenarios.enumerated() {
            let runsOf = output.figures[s]
            var years: [PlanResult.Year] = []
            var cumulative = Array(repeating: Int64(0), count: runs)
            for y in 0..<nYears {
                var figures: [Figure: Band] = [:]
                var difference: [Figure: Band] = [:]
                for f in Figure.allCases {
                    figures[f] = Quantiles.band(runsOf.map { $0[y][f] })
                    difference[f] = Quantiles.band((0..<runs).map { runsOf[$0][y][f] - base[$0][y][f] })
                }
                for r in 0..<runs { cumulative[r] += base[r][y][.totalCost] - runsOf[r][y][.totalCost] }
                var groups: [PlanResult.GroupRow] = []
                for (g, key) in setup.groupKeys.enumerated() {
                    let row = PlanResult.GroupRow(
                        key: key, demand: Quantiles.band(runsOf.map { $0[y].groupDemand[g] }),
                        capacity: Quantiles.band(runsOf.map { $0[y].groupCapacity[g] }),
                        placedOwn: Quantiles.band(runsOf.map { $0[y].groupOwn[g] }),
                        placedExternal: Quantiles.band(runsOf.map { $0[y].groupExternal[g] }))
                    if row.demand.high > 0 || row.capacity.high > 0 { groups.append(row) }
                }
                years.append(PlanResult.Year(year: setup.years[y], figures: figures, difference: difference,
                                             cumulativeSaving: Quantiles.band(cumulative), groups: groups))
            }

            // Payback, run by run.
            var payback: PlanResult.Payback? = nil
            let investment = prepared.scenario.investment
            if s > 0 && investment > .zero {
                var paybackYears: [Int64] = []
                var within = 0
                for r in 0..<runs {
                    var sum: Int64 = 0
                    var year: Int64? = nil
                    for y in 0..<nYears {
                        sum += base[r][y][.totalCost] - runsOf[r][y][.totalCost]
                        if year == nil && sum >= investment.ore { year = Int64(setup.years[y]) }
                    }
                    if year != nil { within += 1 }
                    if year == nil {
                        let last = base[r][nYears - 1][.totalCost] - runsOf[r][nYears - 1][.totalCost]
                        if last > 0 {
                            let remaining = investment.ore - sum
                            year = Int64(setup.years[nYears - 1]) + (remaining + last - 1) / last
                        } else {
                            year = Int64.max
                        }
                    }
                    paybackYears.append(year ?? Int64.max)  // set on every path above
                }
                payback = PlanResult.Payback(investment: investment, year: Quantiles.band(paybackYears),
                                             withinPlanPercent: Int((Int64(within) * 100 + Int64(runs) / 2) / Int64(runs)))
            }

            // Where one more place saves most: the plan years' mean, run by run.
            var residenceValues: [PlanResult.PlaceValueRow] = []
            var groupValues: [PlanResult.PlaceValueRow] = []
            let newIds = Set(prepared.scenario.newResidences.map(\.residence.id))
            func meanValue(_ i: Int) -> Band? {
                var per: [Int64] = []
                for r in 0..<runs {
                    let v = runsOf[r].map { $0.placeValues[i] }
                    if v.contains(Int64.min) { return nil }
                    per.append(Rounding.divide(v.reduce(0, +), by: Int64(max(1, v.count))))
                }
                return Quantiles.band(per)
            }
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
            residenceValues.sort(by: order)
            groupValues.sort(by: order)
            results.append(PlanResult.ScenarioResult(scenario: prepared.scenario, isBaseline: s == 0, years: years, payback: payback,
                                                     residenceValues: residenceValues, groupValues: groupValues))
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
