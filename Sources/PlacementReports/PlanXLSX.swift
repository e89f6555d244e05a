import Foundation
import PlacementModel
import PlacementPlanning
import Spreadsheet

/// The plan as a workbook: one sheet per table, real number cells (kroner, counts, percent),
/// the unit in every header, medians with their 10 % and 90 % columns.
public enum PlanXLSX {
    public static func write(_ plan: PlanResult, language: Language, to url: URL) throws {
        try workbook(plan, language: language).write(to: url)
    }

    public static func data(_ plan: PlanResult, language: Language) throws -> Data {
        try workbook(plan, language: language).data()
    }

    // Cells as the report's spreadsheets write them (`Exact`): kroner with øre as decimals.
    static func kroner(_ ore: Int64) -> Cell { .number(Exact.decimalText(ore, scale: 2)) }
    static func int(_ n: Int64) -> Cell { .number(String(n)) }
    static func int(_ n: Int) -> Cell { .number(String(n)) }
    static func tenths(_ n: Int64) -> Cell { .number(Exact.decimalText(n, scale: 1)) }
    static func hundredths(_ n: Int64) -> Cell { .number(Exact.decimalText(n, scale: 2)) }

    static func value(_ v: Int64, _ unit: Figure.Unit) -> Cell {
        switch unit {
        case .money: kroner(v)
        case .perMille: tenths(v)
        default: int(v)
        }
    }

    static func workbook(_ plan: PlanResult, language: Language) throws -> XLSXWriter {
        let l = PlanLabels(language), f = PlanFormat(language)
        var w = XLSXWriter(defaultDateFormat: language == .da ? "dd-mm-yyyy" : "yyyy-mm-dd")
        let kr = "#,##0", count = "#,##0", pct = "0.0"
        func unitText(_ u: Figure.Unit) -> String { u == .perMille ? "%" : l.unitName(u) }
        func fmt(_ u: Figure.Unit) -> String { u == .money ? kr : u == .perMille ? pct : count }

        // Figures and differences.
        for difference in [false, true] {
            var rows: [[Cell]] = []
            for s in plan.scenarios where !(difference && s.isBaseline) {
                for y in s.years {
                    for fig in Figure.allCases {
                        let b = difference ? y.differenceIn(fig) : y.figure(fig)
                        rows.append([.text(s.scenario.name), int(y.year), .text(l.figureName(fig)), .text(unitText(fig.unit)),
                                     value(b.median, fig.unit), value(b.low, fig.unit), value(b.high, fig.unit)])
                    }
                    if !difference {
                        let b = y.cumulativeSaving
                        rows.append([.text(s.scenario.name), int(y.year), .text(l.cumulativeSaving), .text(l.kr),
                                     kroner(b.median), kroner(b.low), kroner(b.high)])
                    }
                }
            }
            try w.addSheet(name: difference ? l.differenceSheet : l.figuresSheet, columns: [
                .init(l.scenario), .init(l.year, numberFormat: "0"), .init(l.figure), .init(l.unit),
                .init(l.median), .init(l.low), .init(l.high),
            ], rows: rows)
        }

        // Demand and capacity.
        var groupRows: [[Cell]] = []
        for s in plan.scenarios {
            for y in s.years {
                for g in y.groups {
                    groupRows.append([.text(s.scenario.name), int(y.year), .text(g.key.offerType.shortName), .text(g.key.targetGroup.name(language)),
                                      int(g.demand.median), int(g.demand.low), int(g.demand.high), int(g.capacity.median),
                                      int(g.placedOwn.median), int(g.placedOwn.low), int(g.placedOwn.high),
                                      int(g.placedExternal.median), int(g.placedExternal.low), int(g.placedExternal.high)])
                }
            }
        }
        let m = l.median.lowercased()
        try w.addSheet(name: l.capacitySheet, columns: [
            .init(l.scenario), .init(l.year, numberFormat: "0"), .init(l.offerType), .init(l.targetGroup),
            .init("\(l.demandCol), \(m)", numberFormat: count), .init("\(l.demandCol), 10 %", numberFormat: count), .init("\(l.demandCol), 90 %", numberFormat: count),
            .init("\(l.capacityCol), \(l.placesUnit)", numberFormat: count),
            .init("\(l.ownCol), \(m)", numberFormat: count), .init("\(l.ownCol), 10 %", numberFormat: count), .init("\(l.ownCol), 90 %", numberFormat: count),
            .init("\(l.externalCol), \(m)", numberFormat: count), .init("\(l.externalCol), 10 %", numberFormat: count), .init("\(l.externalCol), 90 %", numberFormat: count),
        ], rows: groupRows)

        // Payback.
        var paybackRows: [[Cell]] = []
        for s in plan.scenarios where !s.isBaseline {
            guard let p = s.payback else {
                paybackRows.append([.text(s.scenario.name), kroner(0), .text(l.noInvestment), .empty, .empty, .empty])
                continue
            }
            func yc(_ y: Int64) -> Cell { y == Int64.max ? .text(l.never) : int(y) }
            paybackRows.append([.text(s.scenario.name), kroner(p.investment.ore), yc(p.year.median), yc(p.year.low), yc(p.year.high), int(p.withinPlanPercent)])
        }
        try w.addSheet(name: l.paybackTitle, columns: [
            .init(l.scenario), .init("\(l.investment), \(l.kr)", numberFormat: kr), .init("\(l.paybackYear), \(m)", numberFormat: "0"),
            .init("\(l.paybackYear), 10 %", numberFormat: "0"), .init("\(l.paybackYear), 90 %", numberFormat: "0"),
            .init("\(l.withinPlan), % \(l.ofRuns)", numberFormat: "0"),
        ], rows: paybackRows)

        // Place values.
        var valueRows: [[Cell]] = []
        for s in plan.scenarios {
            for (kind, list) in [(l.offerAndGroup, s.groupValues), (l.residence, s.residenceValues)] {
                for (i, v) in list.enumerated() {
                    valueRows.append([.text(s.scenario.name), .text(kind), int(i + 1), .text(v.name + (v.isNew ? " " + l.newMark : "")),
                                      .text(v.offerType.shortName), .text(f.groups(v.targetGroups)),
                                      kroner(v.value.median), kroner(v.value.low), kroner(v.value.high)])
                }
            }
        }
        try w.addSheet(name: l.placeValueSheet, columns: [
            .init(l.scenario), .init(l.kind), .init(l.rank, numberFormat: "0"), .init(l.name), .init(l.offerType),
            .init(l.targetGroups), .init("\(l.valuePerPlace), \(m)", numberFormat: kr), .init("\(l.valuePerPlace), 10 %", numberFormat: kr),
            .init("\(l.valuePerPlace), 90 %", numberFormat: kr),
        ], rows: valueRows)

        // Strategic vacancy.
        let vacancyRows: [[Cell]] = plan.vacancy.map { a in
            [.text(a.residenceName), .text(a.offerType.shortName), int(a.vacantPlaces), int(a.fittingWaiting),
             hundredths(a.fittingReferralsPerYearHundredths), a.expectedDays.map { int($0) } ?? .text(l.noneExpected),
             a.days.map { int($0.median) } ?? .empty, a.days.map { int($0.low) } ?? .empty, a.days.map { int($0.high) } ?? .empty,
             kroner(a.vacancyDailyCost.ore), a.vacancyCostOfWait.map { kroner($0.ore) } ?? .empty,
             a.externalAnnualCost.map { kroner($0.ore) } ?? .empty, a.annualSaving.map { kroner($0.ore) } ?? .empty,
             .text(l.adviceText(a.advice))]
        }
        try w.addSheet(name: l.vacancyTitle, columns: [
            .init(l.residence), .init(l.offerType), .init("\(l.vacant), \(l.placesUnit)", numberFormat: count),
            .init("\(l.fittingWaiting), \(l.citizensUnit)", numberFormat: count), .init(l.fittingRate, numberFormat: "0.00"),
            .init(l.expectedDays, numberFormat: count), .init("\(l.wait), \(m), \(l.daysUnit)", numberFormat: count),
            .init("10 %, \(l.daysUnit)", numberFormat: count), .init("90 %, \(l.daysUnit)", numberFormat: count),
            .init(l.vacancyDaily, numberFormat: kr), .init(l.vacancyCostOfWait, numberFormat: kr), .init(l.externalAnnual, numberFormat: kr),
            .init(l.annualSaving, numberFormat: kr), .init(l.advice),
        ], rows: vacancyRows)

        // Basis of the estimate.
        let e = plan.estimate
        let basisRows: [[Cell]] = e.segments.map { s in
            let used = plan.baselineDemand.segment(s.segment)
            let stay = used?.meanStayDays
            return [.text(s.segment.offerType.shortName), .text(f.groups(s.segment.targetGroups)), int(s.segment.supportLevel),
                    int(s.referrals), hundredths(e.referralsPerYearHundredths(s)),
                    used.map { hundredths(Int64(($0.referralsPerYear * 100).rounded())) } ?? .empty,
                    int(s.exits), hundredths(Int64((Double(s.exposureDays) / 365 * 100).rounded())),
                    stay.map { hundredths(Int64(($0 / 365 * 100).rounded())) } ?? .text(l.noneExpected),
                    .text(l.basisName(used?.stayOverridden == true ? .overridden : s.exitBasis)), int(s.current)]
        }
        try w.addSheet(name: l.basisSheet, columns: [
            .init(l.offerType), .init(l.targetGroups), .init(l.supportLevel, numberFormat: "0"),
            .init("\(l.referralsCount) \(f.fm.date(e.windowFrom))–\(f.fm.date(e.windowTo.adding(days: -1))), \(l.citizensUnit)", numberFormat: count),
            .init(l.referralsPerYear, numberFormat: "0.00"), .init(l.usedPerYear, numberFormat: "0.00"),
            .init(l.exits, numberFormat: count), .init(l.yearsInStays, numberFormat: "0.00"), .init(l.meanStay, numberFormat: "0.00"),
            .init(l.exitBasis), .init("\(l.currentCol), \(l.citizensUnit)", numberFormat: count),
        ], rows: basisRows)

        if let sheet = plan.demandSheet {
            try w.addSheet(name: l.demandSheetName, columns: [
                .init(l.year, numberFormat: "0"), .init(l.offerType), .init(l.targetGroups), .init(l.supportLevel),
                .init(l.count, numberFormat: count), .init(l.source),
            ], rows: sheet.rows.map { r in
                [int(r.year), .text(r.offerType.shortName), .text(f.groups(r.targetGroups)), r.supportLevel.map { int($0) } ?? .text(l.anyLevel),
                 int(r.count), .text(r.source ?? "")]
            })
        }

        // The scenarios themselves.
        var scenarioRows: [[Cell]] = []
        for s in plan.scenarios where !s.isBaseline {
            for n in s.scenario.newResidences {
                let r = n.residence
                scenarioRows.append([.text(s.scenario.name), .text(l.newResidence), .text(r.name), .text(r.offerType.shortName),
                                     .text(f.groups(r.targetGroups)), .text("\(r.supportLevels.lowerBound)-\(r.supportLevels.upperBound)"),
                                     int(r.places), kroner(r.dailyRate.ore), r.variableDailyCost.map { kroner($0.ore) } ?? .empty,
                                     r.opensOn.map { .text(f.fm.date($0)) } ?? .empty, kroner(n.investment.ore)])
            }
            for c in s.scenario.closures {
                scenarioRows.append([.text(s.scenario.name), .text(l.closure), .text(c.residenceId), .empty, .empty, .empty,
                                     .empty, .empty, .empty, .text(f.fm.date(c.closesOn)), .empty])
            }
            for c in s.scenario.rateChanges {
                scenarioRows.append([.text(s.scenario.name), .text(l.rateChange), .text(c.residenceId), .empty, .empty,
                                     .text(c.changePerMille.map { "\(f.fm.decimal($0, scale: 1, decimals: 1)) %" } ?? ""), .empty,
                                     c.dailyRate.map { kroner($0.ore) } ?? .empty, c.variableDailyCost.map { kroner($0.ore) } ?? .empty,
                                     c.from.map { .text(f.fm.date($0)) } ?? .empty, .empty])
            }
        }
        try w.addSheet(name: l.scenarios, columns: [
            .init(l.scenario), .init(l.change), .init(l.residenceColumn), .init(l.offerType), .init(l.targetGroups),
            .init(l.supportLevel), .init(l.placesUnit.capitalized, numberFormat: count), .init(l.dailyRateKr, numberFormat: "#,##0.00"),
            .init(l.variableDailyCostKr, numberFormat: "#,##0.00"), .init(l.from),
            .init("\(l.investment), \(l.kr)", numberFormat: kr),
        ], rows: scenarioRows)
        return w
    }
}
