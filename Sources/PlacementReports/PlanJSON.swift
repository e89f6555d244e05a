import PlacementModel
import PlacementPlanning

/// The plan as JSON for scripts: every figure as `{median, p10, p90}` with its unit in the key
/// (`_kr_per_year` in whole kroner, `_citizens`, `_places`, `_percent`), rates in exact øre
/// (`_ore`), fractions as exact decimals: the conventions of the one writer (`JSON`). Same
/// seed, same bytes.
public enum PlanJSON {
    struct B: Encodable {
        let median: JSONDecimal, p10: JSONDecimal, p90: JSONDecimal
        init(_ b: Band, _ unit: Figure.Unit) {
            func v(_ x: Int64) -> JSONDecimal {
                switch unit {
                case .money: JSONDecimal(Money(ore: x).roundedKroner, scale: 0)
                case .perMille: JSONDecimal(x, scale: 1)
                default: JSONDecimal(x, scale: 0)
                }
            }
            median = v(b.median); p10 = v(b.low); p90 = v(b.high)
        }
    }

    struct YearB: Encodable { let median: Int64?, p10: Int64?, p90: Int64?, never: Bool }

    static func key(_ f: Figure) -> String {
        let base: String
        switch f {
        case .referrals: base = "referrals"
        case .demand: base = "demand"
        case .ownPlaces: base = "own_places"
        case .placedOwn: base = "placed_local"
        case .placedExternal: base = "placed_external"
        case .waiting: base = "waiting"
        case .newOwn: base = "moves_into_own"
        case .newExternal: base = "new_external_purchases"
        case .broughtHome: base = "moves_home"
        case .externalCost: base = "external_cost"
        case .ownCost: base = "own_cost"
        case .vacancyCost: base = "vacancy_cost"
        case .totalCost: base = "total_cost"
        case .occupancyPerMille: base = "own_occupancy"
        }
        switch f.unit {
        case .citizens: return base + "_citizens"
        case .places: return base + "_places"
        case .money: return base + "_kr_per_year"
        case .perMille: return base + "_percent"
        }
    }

    struct Group: Encodable {
        let offer_type: String, target_group: String
        let demand_citizens: B, own_places: B, placed_local_citizens: B, placed_external_citizens: B
    }
    struct Year: Encodable {
        let year: Int
        let figures: [String: B]
        let difference_from_baseline: [String: B]?
        let cumulative_saving_kr: B?
        let by_offer_type_and_target_group: [Group]
    }
    struct Value: Encodable { let id: String, name: String, offer_type: String, target_groups: [String], new: Bool, value_kr_per_year: B }
    struct Payback: Encodable { let investment_kr: Int64, year: YearB, within_plan_percent: Int }
    struct NewResidence: Encodable {
        let id: String, name: String, offer_type: String, target_groups: [String], support_levels: [Int], features: [String]
        let places: Int, daily_rate_ore: Int64, variable_daily_cost_ore: Int64?, opens_on: String?, investment_kr: Int64
    }
    struct Scen: Encodable {
        let name: String, baseline: Bool, file: String?, description: String?
        let new_residences: [NewResidence]
        let closures: [[String: String]]
        let rate_changes: [RateChange]
        let demand_changes: Int
        let years: [Year]
        let payback: Payback?
        let value_of_one_more_place_by_residence: [Value]
        let value_of_one_more_place_by_offer_type_and_target_group: [Value]
    }
    struct RateChange: Encodable {
        let residence_id: String, from: String?, daily_rate_ore: Int64?, change_percent: JSONDecimal?, variable_daily_cost_ore: Int64?
    }
    struct Segment: Encodable {
        let offer_type: String, target_groups: [String], support_level: Int
        let referrals_in_window: Int, referrals_per_year: JSONDecimal, referrals_per_year_used: Double?
        let ended_stays: Int, years_in_stays: Double, mean_stay_years_used: Double?, stay_basis: String, citizens_today: Int
    }
    struct Vacancy: Encodable {
        let residence_id: String, name: String, offer_type: String, vacant_places: Int, fitting_waiting_citizens: Int
        let fitting_referrals_per_year: JSONDecimal, expected_days: Int?, days: B?, vacancy_cost_per_day_kr: Int64
        let vacancy_cost_of_wait_kr: Int64?, external_purchase_kr_per_year: Int64?, saving_kr_per_year: Int64?, advice: String
    }
    struct SheetRow: Encodable { let year: Int, offer_type: String, target_groups: [String], support_level: Int?, count: Int, source: String? }
    struct Doc: Encodable {
        let as_of: String, planning_area: [Int], years: [Int]
        let runs: Int, seed: UInt64, arrivals: String, matches_per_year: Int, history_years: Int
        let amounts: String
        let estimate_window: [String: String]
        let estimate: [Segment]
        let demand_sheet: [SheetRow]?
        let scenarios: [Scen]
        let strategic_vacancy: [Vacancy]
    }

    public static func render(_ plan: PlanResult) -> String {
        func groups(_ g: TargetGroups) -> [String] { g.members.map(\.rawValue) }
        func h(_ x: Double) -> Double { (x * 100).rounded() / 100 }
        let e = plan.estimate
        let scenarios = plan.scenarios.map { s -> Scen in
            let years = s.years.map { y -> Year in
                var f: [String: B] = [:], d: [String: B] = [:]
                for fig in Figure.allCases {
                    f[key(fig)] = B(y.figure(fig), fig.unit)
                    d[key(fig)] = B(y.differenceIn(fig), fig.unit)
                }
                return Year(year: y.year, figures: f, difference_from_baseline: s.isBaseline ? nil : d,
                            cumulative_saving_kr: s.isBaseline ? nil : B(y.cumulativeSaving, .money),
                            by_offer_type_and_target_group: y.groups.map {
                                Group(offer_type: $0.key.offerType.rawValue, target_group: $0.key.targetGroup.rawValue,
                                      demand_citizens: B($0.demand, .citizens), own_places: B($0.capacity, .places),
                                      placed_local_citizens: B($0.placedOwn, .citizens), placed_external_citizens: B($0.placedExternal, .citizens))
                            })
            }
            func values(_ list: [PlanResult.PlaceValueRow]) -> [Value] {
                list.map { Value(id: $0.id, name: $0.name, offer_type: $0.offerType.rawValue, target_groups: groups($0.targetGroups),
                                 new: $0.isNew, value_kr_per_year: B($0.value, .money)) }
            }
            func yb(_ b: Band) -> YearB {
                func v(_ x: Int64) -> Int64? { x == Int64.max ? nil : x }
                return YearB(median: v(b.median), p10: v(b.low), p90: v(b.high), never: b.median == Int64.max)
            }
            let sc = s.scenario
            return Scen(
                name: sc.name, baseline: s.isBaseline, file: sc.file, description: sc.description,
                new_residences: sc.newResidences.map { n in
                    let r = n.residence
                    return NewResidence(id: r.id, name: r.name, offer_type: r.offerType.rawValue, target_groups: groups(r.targetGroups),
                                        support_levels: Array(r.supportLevels), features: r.features.members.map(\.rawValue), places: r.places,
                                        daily_rate_ore: r.dailyRate.ore, variable_daily_cost_ore: r.variableDailyCost?.ore,
                                        opens_on: r.opensOn?.iso, investment_kr: n.investment.roundedKroner)
                },
                closures: sc.closures.map { ["residence_id": $0.residenceId, "closes_on": $0.closesOn.iso] },
                rate_changes: sc.rateChanges.map { c in
                    RateChange(residence_id: c.residenceId, from: c.from?.iso, daily_rate_ore: c.dailyRate?.ore,
                               change_percent: c.changePerMille.map { JSONDecimal(Int64($0), scale: 1) }, variable_daily_cost_ore: c.variableDailyCost?.ore)
                },
                demand_changes: sc.demand.count, years: years,
                payback: s.payback.map { Payback(investment_kr: $0.investment.roundedKroner, year: yb($0.year), within_plan_percent: $0.withinPlanPercent) },
                value_of_one_more_place_by_residence: values(s.residenceValues),
                value_of_one_more_place_by_offer_type_and_target_group: values(s.groupValues))
        }
        let doc = Doc(
            as_of: plan.asOf.iso, planning_area: plan.planningArea, years: plan.years, runs: PlanText.runsShown(plan), seed: plan.options.seed,
            arrivals: plan.options.arrivals.rawValue, matches_per_year: plan.options.matchesPerYear, history_years: plan.options.estimate.historyYears,
            amounts: "kroner per year, net of the state refund when the policy has it on",
            estimate_window: ["from": e.windowFrom.iso, "to": e.windowTo.adding(days: -1).iso],
            estimate: e.segments.map { s in
                let used = plan.baselineDemand.segment(s.segment)
                return Segment(offer_type: s.segment.offerType.rawValue, target_groups: groups(s.segment.targetGroups), support_level: s.segment.supportLevel,
                               referrals_in_window: s.referrals, referrals_per_year: JSONDecimal(Int64(e.referralsPerYearHundredths(s)), scale: 2),
                               referrals_per_year_used: used.map { h($0.referralsPerYear) }, ended_stays: s.exits,
                               years_in_stays: h(Double(s.exposureDays) / 365), mean_stay_years_used: used?.meanStayDays.map { h($0 / 365) },
                               stay_basis: used?.stayOverridden == true ? "overridden" : s.exitBasis.rawValue, citizens_today: s.current)
            },
            demand_sheet: plan.demandSheet?.rows.map { SheetRow(year: $0.year, offer_type: $0.offerType.rawValue, target_groups: groups($0.targetGroups),
                                                                support_level: $0.supportLevel, count: $0.count, source: $0.source) },
            scenarios: scenarios,
            strategic_vacancy: plan.vacancy.map { a in
                Vacancy(residence_id: a.residenceId, name: a.residenceName, offer_type: a.offerType.rawValue, vacant_places: a.vacantPlaces,
                        fitting_waiting_citizens: a.fittingWaiting, fitting_referrals_per_year: JSONDecimal(Int64(a.fittingReferralsPerYearHundredths), scale: 2),
                        expected_days: a.expectedDays, days: a.days.map { B($0, .citizens) }, vacancy_cost_per_day_kr: a.vacancyDailyCost.roundedKroner,
                        vacancy_cost_of_wait_kr: a.vacancyCostOfWait?.roundedKroner, external_purchase_kr_per_year: a.externalAnnualCost?.roundedKroner,
                        saving_kr_per_year: a.annualSaving?.roundedKroner, advice: a.advice.rawValue)
            })
        return JSONOutput.text(doc)
    }
}
