import PlacementModel
import PlacementPlanning

/// The plan as a `ReportDocument`: the same sections, tables and charts as the weekly report,
/// so the one HTML renderer (`HTMLReport`) prints it on the same page (`HTMLPage`). Cells are
/// worded here (a median with its 10-90 % band, `PlanFormat.band`); the workbook and JSON keep
/// the numbers apart (`PlanXLSX`, `PlanJSON`).
public enum PlanDocument {
    public static func build(_ plan: PlanResult, language: Language) -> ReportDocument {
        let f = PlanFormat(language), l = f.l
        let letters = PlanText.scenarioLetters(plan)
        func name(_ i: Int) -> String { "\(letters[i]): \(plan.scenarios[i].scenario.name)" }
        var doc = ReportDocument(
            language: language, title: l.title, heading: l.heading(plan.years),
            subtitle: [l.subtitle(area: f.area(plan.planningArea), asOf: f.fm.date(plan.asOf)),
                       l.simulated(runs: PlanText.runsShown(plan), seed: plan.options.seed,
                                   perYear: plan.options.matchesPerYear, fixed: plan.options.arrivals == .fixed)],
            isPublic: false,
            sections: [summary(plan, f, letters, name), charts(plan, f, letters, name), years(plan, f, name),
                       capacity(plan, f, name), whereMost(plan, f, name), vacancy(plan, f), basis(plan, f)],
            definitions: l.definitions, definitionsTitle: l.definitionsTitle)
        doc.pageTitle = l.heading(plan.years)
        return doc
    }

    /// A table of worded cells; columns from `numericFrom` on are right-aligned.
    static func table(_ key: String, title: String = "", _ headers: [String], _ rows: [[String]], numericFrom: Int = 1,
                      emptyText: String = "") -> ReportTable {
        ReportTable(key: key, title: title,
                    columns: headers.enumerated().map { ReportColumn($1, $0 >= numericFrom ? .mixed : .text) },
                    rows: rows.map { $0.map(ReportValue.text) }, emptyText: emptyText)
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func summary(_ plan: PlanResult, _ f: PlanFormat, _ letters: [String], _ name: (Int) -> String) -> ReportSection {
        let l = f.l
        var intro: [String] = []
        for (i, s) in plan.scenarios.enumerated() {
            var line = "\(letters[i]) \(s.scenario.name)"
            if !s.isBaseline { line += "\(s.scenario.file.map { " (\($0))" } ?? ""): \(l.scenarioLine(s.scenario, fm: f.fm))" }
            if let d = s.scenario.description { line += (line.hasSuffix(".") ? " " : ". ") + d }
            intro.append(line)
        }
        intro.append("\(capitalised(l.netNote)). \(l.afterPlanNote)")
        let lastYear = plan.years.last.map(String.init) ?? ""
        var rows: [[String]] = []
        for (i, s) in plan.scenarios.enumerated() {
            guard let first = s.years.first, let last = s.years.last else { continue }  // a plan has 1 to 30 years
            rows.append([name(i),
                         f.band(first.figure(.totalCost), .money), f.band(last.figure(.totalCost), .money),
                         s.isBaseline ? "–" : f.band(last.cumulativeSaving, .money),
                         f.band(last.figure(.placedExternal), .citizens), f.band(last.figure(.placedOwn), .citizens),
                         s.isBaseline ? "–" : (s.payback.map { "\(f.yearBand($0.year)); \($0.withinPlanPercent) %" } ?? l.noInvestment)])
        }
        let t = table("summary", [l.scenario, "\(l.totalCostTitle) \(plan.years.first ?? 0), \(l.millions)", "\(l.totalCostTitle) \(lastYear), \(l.millions)",
                                  "\(l.cumulativeSaving) \(lastYear), \(l.millionsShort)",
                                  "\(l.figureName(.placedExternal)) \(lastYear), \(l.citizensUnit)", "\(l.figureName(.placedOwn)) \(lastYear), \(l.citizensUnit)",
                                  "\(l.paybackYear); \(l.withinPlan)"], rows)
        return ReportSection(key: "summary", title: l.summaryTitle, intro: intro, tables: [t])
    }

    static func charts(_ plan: PlanResult, _ f: PlanFormat, _ letters: [String], _ name: (Int) -> String) -> ReportSection {
        let l = f.l
        let points = plan.years.map { ChartPoint(week: nil, label: String($0), value: nil, basis: nil) }
        func colour(_ i: Int) -> String { SVGChart.palette[i % SVGChart.palette.count] }
        /// Money in kroner, shown in millions (the chart's `unitScale`).
        func kroner(_ bands: [Band], _ name: String, _ colour: String) -> ChartSeries {
            ChartSeries(name: name, color: colour, median: bands.map { Double($0.median) / 100 },
                        low: bands.map { Double($0.low) / 100 }, high: bands.map { Double($0.high) / 100 })
        }
        func count(_ bands: [Band], _ name: String, _ colour: String, band: Bool = true) -> ChartSeries {
            ChartSeries(name: name, color: colour, median: bands.map { Double($0.median) },
                        low: band ? bands.map { Double($0.low) } : nil, high: band ? bands.map { Double($0.high) } : nil, dashed: !band)
        }
        func chart(_ title: String, _ axis: String, scale: Double = 1, decimals: Int, fromZero: Bool = true, reference: Double? = nil,
                   _ series: [ChartSeries]) -> ReportChart {
            ReportChart(title: title, yAxisTitle: axis, xAxisTitle: "", points: points, unitScale: scale, decimals: decimals,
                        fromZero: fromZero, referenceLine: reference, series: series)
        }
        var charts = [chart(l.chartCost, l.millions, scale: 1_000_000, decimals: 1, fromZero: false,
                            plan.scenarios.enumerated().map { i, s in kroner(s.years.map { $0.figure(.totalCost) }, name(i), colour(i)) })]
        if plan.scenarios.count > 1 {
            charts.append(chart("\(l.differenceTitle) (\(l.negativeIsSaving))", l.millions, scale: 1_000_000, decimals: 1, reference: 0,
                                plan.scenarios.enumerated().filter { !$0.element.isBaseline }.map { i, s in
                                    kroner(s.years.map { $0.differenceIn(.totalCost) }, name(i), colour(i))
                                }))
        }
        for (i, s) in plan.scenarios.enumerated() {
            charts.append(chart("\(l.chartDemandCapacity): \(letters[i])", "\(l.citizensUnit) / \(l.placesUnit)", decimals: 0, [
                count(s.years.map { $0.figure(.demand) }, l.demandSeries, colour(1)),
                count(s.years.map { $0.figure(.placedOwn) }, l.localSeries, colour(2)),
                count(s.years.map { $0.figure(.ownPlaces) }, l.capacitySeries, colour(0), band: false),
            ]))
        }
        return ReportSection(key: "charts", title: l.chartsTitle, intro: [l.chartNote], tables: [], charts: charts)
    }

    static func years(_ plan: PlanResult, _ f: PlanFormat, _ name: (Int) -> String) -> ReportSection {
        let l = f.l
        var intro = ["\(capitalised(l.netNote)); \(l.differenceNote)."]
        var tables: [ReportTable] = []
        for (i, s) in plan.scenarios.enumerated() {
            var rows: [[String]] = []
            for fig in Figure.allCases {
                let unit = fig.unit == .perMille ? "%" : l.unitName(fig.unit, millions: true)
                rows.append(["\(l.figureName(fig)), \(unit)"] + s.years.map { f.band($0.figure(fig), fig.unit) })
            }
            if !s.isBaseline {
                for fig in [Figure.totalCost, .externalCost, .placedExternal, .placedOwn] {
                    let unit = l.unitName(fig.unit, millions: true)
                    rows.append(["\(l.differenceTitle): \(l.figureName(fig).lowercased()), \(unit)"] + s.years.map { f.band($0.differenceIn(fig), fig.unit) })
                }
                rows.append(["\(l.cumulativeSaving), \(l.millionsShort)"] + s.years.map { f.band($0.cumulativeSaving, .money) })
            }
            tables.append(table("years-\(i + 1)", title: name(i), [l.figure] + plan.years.map(String.init), rows))
            if let p = s.payback {
                intro.append("\(name(i)): \(l.paybackTitle.lowercased()): \(l.investment.lowercased()) \(f.fm.kroner(p.investment)), "
                             + "\(l.paybackYear.lowercased()) \(f.yearBand(p.year)), \(l.withinPlanText(p.withinPlanPercent)).")
            }
        }
        var section = ReportSection(key: "years", title: l.yearsTitle, intro: intro, tables: tables)
        section.isWide = true
        return section
    }

    static func capacity(_ plan: PlanResult, _ f: PlanFormat, _ name: (Int) -> String) -> ReportSection {
        let l = f.l
        let tables = plan.scenarios.enumerated().map { i, s -> ReportTable in
            let keys = s.years.flatMap { $0.groups.map(\.key) }.reduce(into: [GroupKey]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
            let rows = keys.map { k -> [String] in
                [k.label(f.fm.language)] + s.years.map { y in
                    guard let g = y.groups.first(where: { $0.key == k }) else { return "–" }
                    return "\(f.band(g.demand, .citizens)) / \(f.band(g.capacity, .places)) / \(f.band(g.placedExternal, .citizens))"
                }
            }
            return table("capacity-\(i + 1)", title: name(i), [l.offerAndGroup] + plan.years.map(String.init), rows)
        }
        var section = ReportSection(key: "capacity", title: l.demandCapacityTitle, intro: ["\(l.demandCapacityIntro) \(l.capacityCellNote)"], tables: tables)
        section.isWide = true
        return section
    }

    static func whereMost(_ plan: PlanResult, _ f: PlanFormat, _ name: (Int) -> String) -> ReportSection {
        let l = f.l
        var tables: [ReportTable] = []
        for (i, s) in plan.scenarios.enumerated() {
            tables.append(table("where-groups-\(i + 1)", title: "\(name(i)): \(l.byGroup.lowercased())", [l.rank, l.offerAndGroup, l.valuePerPlace],
                                s.groupValues.prefix(12).enumerated().map { [String($0.offset + 1), $0.element.name, f.band($0.element.value, .money, millions: false)] },
                                numericFrom: 2))
            tables.append(table("where-residences-\(i + 1)", title: "\(name(i)): \(l.byResidence.lowercased())",
                                [l.rank, l.residence, l.offerType, l.targetGroups, l.valuePerPlace],
                                s.residenceValues.prefix(12).enumerated().map { n, v in
                                    [String(n + 1), v.name + (v.isNew ? " " + l.newMark : ""), v.offerType.shortName, f.groups(v.targetGroups),
                                     f.band(v.value, .money, millions: false)]
                                }, numericFrom: 4))
        }
        return ReportSection(key: "where", title: l.whereTitle, intro: [l.whereIntro], tables: tables)
    }

    static func vacancy(_ plan: PlanResult, _ f: PlanFormat) -> ReportSection {
        let l = f.l
        let t = table("vacancy", title: l.vacancyTitle, [l.residence, l.vacant, l.fittingWaiting, l.fittingRate, l.expectedDays, l.daysBand, l.vacancyCostOfWait,
                                                  l.externalAnnual, l.annualSaving, l.advice],
                      plan.vacancy.map { a in
                          ["\(a.residenceName) (\(a.offerType.shortName))", f.fm.integer(a.vacantPlaces), f.fm.integer(a.fittingWaiting),
                           f.hundredths(a.fittingReferralsPerYearHundredths), a.expectedDays.map { f.fm.integer($0) } ?? l.noneExpected,
                           a.days.map { f.band($0, .citizens) } ?? "–", a.vacancyCostOfWait.map { f.kroner($0.ore) } ?? "–",
                           a.externalAnnualCost.map { f.kroner($0.ore) } ?? "–", a.annualSaving.map { f.kroner($0.ore) } ?? "–",
                           l.adviceText(a.advice)]
                      }, emptyText: l.noVacancies)
        var section = ReportSection(key: "vacancy", title: l.vacancyTitle, intro: [l.vacancyIntro], tables: [t])
        section.isWide = true
        return section
    }

    static func basis(_ plan: PlanResult, _ f: PlanFormat) -> ReportSection {
        let l = f.l, e = plan.estimate, language = f.fm.language
        var intro = [l.basisIntro(from: f.fm.date(e.windowFrom), to: f.fm.date(e.windowTo.adding(days: -1)), years: f.decimal2(Double(e.windowDays) / 365))]
        let warnings = e.notes.map { n in
            switch n {
            case .windowShortened(let y, let from): l.windowShortened(y, f.fm.date(from))
            case .noEndedStays: l.noEndedStays
            }
        }
        let rows = e.segments.filter { $0.referrals > 0 || $0.current > 0 }.map { s -> [String] in
            let used = plan.baselineDemand.segment(s.segment)
            return [s.segment.label(language), f.fm.integer(s.referrals), f.hundredths(e.referralsPerYearHundredths(s)),
                    used.map { f.decimal2($0.referralsPerYear) } ?? "–", f.fm.integer(s.exits), f.decimal1(Double(s.exposureDays) / 365),
                    used?.meanStayDays.map { f.decimal1($0 / 365) } ?? l.noneExpected,
                    l.basisName(used?.stayOverridden == true ? .overridden : s.exitBasis), f.fm.integer(s.current)]
        }
        var tables = [table("basis", title: l.basisTitle, [l.segment, l.referralsCount, l.referralsPerYear, l.usedPerYear, l.exits, l.yearsInStays,
                                                    l.meanStay, l.exitBasis, l.currentCol], rows)]
        if let sheet = plan.demandSheet {
            intro.append("\(l.sheetTitle) (\(sheet.file)): \(l.sheetIntro)")
            tables.append(table("demand-sheet", title: "\(l.sheetTitle): \(sheet.file)", [l.year, l.offerType, l.targetGroups, l.supportLevel, l.count, l.source],
                                sheet.rows.map { [String($0.year), $0.offerType.shortName, f.groups($0.targetGroups), $0.supportLevel.map(String.init) ?? l.anyLevel,
                                                  f.fm.integer($0.count), $0.source ?? ""] }, numericFrom: 4))
        }
        var section = ReportSection(key: "basis", title: l.basisTitle, intro: intro, tables: tables)
        section.isWide = true
        section.warnings = warnings
        return section
    }
}
