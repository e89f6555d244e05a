import PlacementModel
import PlacementPlanning

/// The plan as one self-contained, printable HTML file: no scripts, fonts or styles from the
/// network, charts as inline SVG; the same look as the weekly report.
public enum PlanHTML {
    public static func render(_ plan: PlanResult, language: Language) -> String {
        let f = PlanFormat(language), l = f.l
        let letters = PlanText.scenarioLetters(plan)
        func esc(_ s: String) -> String { HTMLText.escape(s) }
        func name(_ i: Int) -> String { "\(letters[i]): \(plan.scenarios[i].scenario.name)" }
        var h = HTMLPage.start(language: language, title: l.heading(plan.years))
        h += "<header class=\"top\">\n<p class=\"kicker\">\(esc(l.title))</p>\n<h1>\(esc(l.heading(plan.years)))</h1>\n"
        h += "<p>\(esc(l.subtitle(area: f.area(plan.planningArea), asOf: f.fm.date(plan.asOf))))</p>\n"
        h += "<p>\(esc(l.simulated(runs: PlanText.runsShown(plan), seed: plan.options.seed, perYear: plan.options.matchesPerYear, fixed: plan.options.arrivals == .fixed)))</p>\n</header>\n"
        let sections: [(String, String)] = [("summary", l.summaryTitle), ("charts", l.chartsTitle), ("years", l.yearsTitle),
                                            ("capacity", l.demandCapacityTitle), ("where", l.whereTitle), ("vacancy", l.vacancyTitle),
                                            ("basis", l.basisTitle), ("definitions", l.definitionsTitle)]
        h += "<nav class=\"toc\"><strong>\(esc(l.contents)):</strong> " + sections.map { "<a href=\"#\($0.0)\">\(esc($0.1))</a>" }.joined(separator: " · ") + "</nav>\n"

        // Every table is the report's: a `ReportTable` of worded cells, printed by `HTMLReport.table`.
        let values = ValueText(language)
        func table(_ key: String, _ headers: [String], _ rows: [[String]], numericFrom: Int = 1) -> String {
            let columns = headers.enumerated().map { ReportColumn($1, $0 >= numericFrom ? .mixed : .text) }
            let t = ReportTable(key: key, title: "", columns: columns, rows: rows.map { $0.map(ReportValue.text) }, emptyText: "")
            return HTMLReport.table(t, showTitle: false, values: values)
        }

        // Summary.
        h += "<section id=\"summary\">\n<h2>\(esc(l.summaryTitle))</h2>\n<ul class=\"scen\">\n"
        for (i, s) in plan.scenarios.enumerated() {
            h += "<li><strong>\(esc(letters[i]))</strong> \(esc(s.scenario.name))"
            if !s.isBaseline { h += "\(esc(s.scenario.file.map { " (\($0))" } ?? "")): \(esc(l.scenarioLine(s.scenario, fm: f.fm)))" }
            if let d = s.scenario.description { h += "<br><span class=\"muted\">\(esc(d))</span>" }
            h += "</li>\n"
        }
        h += "</ul>\n"
        let lastYear = plan.years.last.map(String.init) ?? ""
        var summaryRows: [[String]] = []
        for (i, s) in plan.scenarios.enumerated() {
            guard let first = s.years.first, let last = s.years.last else { continue }  // a plan has 1 to 30 years
            summaryRows.append([name(i),
                                f.band(first.figure(.totalCost), .money), f.band(last.figure(.totalCost), .money),
                                s.isBaseline ? "–" : f.band(last.cumulativeSaving, .money),
                                f.band(last.figure(.placedExternal), .citizens), f.band(last.figure(.placedOwn), .citizens),
                                s.isBaseline ? "–" : (s.payback.map { "\(f.yearBand($0.year)); \($0.withinPlanPercent) %" } ?? l.noInvestment)])
        }
        h += table("summary", [l.scenario, "\(l.totalCostTitle) \(plan.years.first ?? 0), \(l.millions)", "\(l.totalCostTitle) \(lastYear), \(l.millions)",
                    "\(l.cumulativeSaving) \(lastYear), \(l.millionsShort)",
                    "\(l.figureName(.placedExternal)) \(lastYear), \(l.citizensUnit)", "\(l.figureName(.placedOwn)) \(lastYear), \(l.citizensUnit)",
                    "\(l.paybackYear); \(l.withinPlan)"], summaryRows)
        h += "<p class=\"intro\">\(esc(l.netNote.prefix(1).uppercased() + l.netNote.dropFirst())). \(esc(l.afterPlanNote))</p>\n</section>\n"

        // Charts.
        h += "<section id=\"charts\">\n<h2>\(esc(l.chartsTitle))</h2>\n<div class=\"charts\">\n"
        let years = plan.years.map(String.init)
        func d(_ v: Int64, _ u: Figure.Unit) -> Double { u == .money ? Double(v) / 1e8 : Double(v) }
        var costSeries: [PlanChart.Series] = []
        for (i, s) in plan.scenarios.enumerated() {
            let b = s.years.map { $0.figure(.totalCost) }
            costSeries.append(.init(name: name(i), color: PlanChart.palette[i % PlanChart.palette.count],
                                    median: b.map { d($0.median, .money) }, low: b.map { d($0.low, .money) }, high: b.map { d($0.high, .money) }))
        }
        h += "<figure>" + PlanChart(title: l.chartCost, yTitle: l.millions, xLabels: years, series: costSeries, decimals: 1, fm: f.fm,
                                    fromZero: false).render(id: "cost") + "</figure>\n"
        if plan.scenarios.count > 1 {
            var diffSeries: [PlanChart.Series] = []
            for (i, s) in plan.scenarios.enumerated() where !s.isBaseline {
                let b = s.years.map { $0.differenceIn(.totalCost) }
                diffSeries.append(.init(name: name(i), color: PlanChart.palette[i % PlanChart.palette.count],
                                        median: b.map { d($0.median, .money) }, low: b.map { d($0.low, .money) }, high: b.map { d($0.high, .money) }))
            }
            h += "<figure>" + PlanChart(title: "\(l.differenceTitle) (\(l.negativeIsSaving))", yTitle: l.millions,
                                        xLabels: years, series: diffSeries, decimals: 1, fm: f.fm).render(id: "diff") + "</figure>\n"
        }
        for (i, s) in plan.scenarios.enumerated() {
            let dem = s.years.map { $0.figure(.demand) }, loc = s.years.map { $0.figure(.placedOwn) }, cap = s.years.map { $0.figure(.ownPlaces) }
            let series: [PlanChart.Series] = [
                .init(name: l.demandSeries, color: PlanChart.palette[1], median: dem.map { Double($0.median) }, low: dem.map { Double($0.low) }, high: dem.map { Double($0.high) }),
                .init(name: l.localSeries, color: PlanChart.palette[2], median: loc.map { Double($0.median) }, low: loc.map { Double($0.low) }, high: loc.map { Double($0.high) }),
                .init(name: l.capacitySeries, color: PlanChart.palette[0], median: cap.map { Double($0.median) }, low: nil, high: nil, dashed: true),
            ]
            h += "<figure>" + PlanChart(title: "\(l.chartDemandCapacity): \(letters[i])", yTitle: "\(l.citizensUnit) / \(l.placesUnit)",
                                        xLabels: years, series: series, decimals: 0, fm: f.fm).render(id: "dc-\(i)") + "</figure>\n"
        }
        h += "</div>\n<p class=\"intro\">\(esc(l.chartNote))</p>\n</section>\n"

        // Year by year.
        h += "<section id=\"years\" class=\"wide\">\n<h2>\(esc(l.yearsTitle))</h2>\n"
        for (i, s) in plan.scenarios.enumerated() {
            h += "<h3>\(esc(name(i)))</h3>\n"
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
            h += table("years", [l.figure] + years, rows)
            if let p = s.payback {
                h += "<p><strong>\(esc(l.paybackTitle)):</strong> \(esc(l.investment.lowercased())) \(esc(f.fm.kroner(p.investment))), \(esc(l.paybackYear.lowercased())) \(esc(f.yearBand(p.year))), \(esc(l.withinPlanText(p.withinPlanPercent))).</p>\n"
            }
        }
        h += "<p class=\"intro\">\(esc(l.netNote.prefix(1).uppercased() + l.netNote.dropFirst())); \(esc(l.differenceNote)).</p>\n</section>\n"

        // Demand and capacity by offer type and target group.
        h += "<section id=\"capacity\" class=\"wide\">\n<h2>\(esc(l.demandCapacityTitle))</h2>\n<p class=\"intro\">\(esc(l.demandCapacityIntro)) \(esc(l.capacityCellNote))</p>\n"
        for (i, s) in plan.scenarios.enumerated() {
            h += "<h3>\(esc(name(i)))</h3>\n"
            let keys = s.years.flatMap { $0.groups.map(\.key) }.reduce(into: [GroupKey]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
            let rows = keys.map { k -> [String] in
                [k.label(language)] + s.years.map { y in
                    guard let g = y.groups.first(where: { $0.key == k }) else { return "–" }
                    return "\(f.band(g.demand, .citizens)) / \(f.band(g.capacity, .places)) / \(f.band(g.placedExternal, .citizens))"
                }
            }
            h += table("capacity", [l.offerAndGroup] + years, rows)
        }
        h += "</section>\n"

        // Where one more place saves most.
        h += "<section id=\"where\">\n<h2>\(esc(l.whereTitle))</h2>\n<p class=\"intro\">\(esc(l.whereIntro))</p>\n"
        for (i, s) in plan.scenarios.enumerated() {
            h += "<h3>\(esc(name(i))): \(esc(l.byGroup.lowercased()))</h3>\n"
            h += table("where-groups", [l.rank, l.offerAndGroup, "\(l.valuePerPlace)"],
                       s.groupValues.prefix(12).enumerated().map { [String($0.offset + 1), $0.element.name, f.band($0.element.value, .money, millions: false)] },
                       numericFrom: 2)
            h += "<h3>\(esc(name(i))): \(esc(l.byResidence.lowercased()))</h3>\n"
            h += table("where-residences", [l.rank, l.residence, l.offerType, l.targetGroups, l.valuePerPlace],
                       s.residenceValues.prefix(12).enumerated().map { n, v in
                           [String(n + 1), v.name + (v.isNew ? " " + l.newMark : ""), v.offerType.shortName, f.groups(v.targetGroups),
                            f.band(v.value, .money, millions: false)]
                       }, numericFrom: 4)
        }
        h += "</section>\n"

        // Strategic vacancy.
        h += "<section id=\"vacancy\" class=\"wide\">\n<h2>\(esc(l.vacancyTitle))</h2>\n<p class=\"intro\">\(esc(l.vacancyIntro))</p>\n"
        if plan.vacancy.isEmpty {
            h += "<p class=\"empty\">\(esc(l.noVacancies))</p>\n"
        } else {
            h += table("vacancy", [l.residence, l.vacant, l.fittingWaiting, l.fittingRate, l.expectedDays, l.daysBand, l.vacancyCostOfWait,
                        l.externalAnnual, l.annualSaving, l.advice],
                       plan.vacancy.map { a in
                           ["\(a.residenceName) (\(a.offerType.shortName))", f.fm.integer(a.vacantPlaces), f.fm.integer(a.fittingWaiting),
                            f.hundredths(a.fittingReferralsPerYearHundredths), a.expectedDays.map { f.fm.integer($0) } ?? l.noneExpected,
                            a.days.map { f.band($0, .citizens) } ?? "–", a.vacancyCostOfWait.map { f.kroner($0.ore) } ?? "–",
                            a.externalAnnualCost.map { f.kroner($0.ore) } ?? "–", a.annualSaving.map { f.kroner($0.ore) } ?? "–",
                            l.adviceText(a.advice)]
                       })
        }
        h += "</section>\n"

        // Basis.
        let e = plan.estimate
        h += "<section id=\"basis\" class=\"wide\">\n<h2>\(esc(l.basisTitle))</h2>\n"
        h += "<p class=\"intro\">\(esc(l.basisIntro(from: f.fm.date(e.windowFrom), to: f.fm.date(e.windowTo.adding(days: -1)), years: f.decimal2(Double(e.windowDays) / 365))))</p>\n"
        for n in e.notes {
            switch n {
            case .windowShortened(let y, let from): h += "<p class=\"note\">\(esc(l.windowShortened(y, f.fm.date(from))))</p>\n"
            case .noEndedStays: h += "<p class=\"note\">\(esc(l.noEndedStays))</p>\n"
            }
        }
        let basisRows = e.segments.filter { $0.referrals > 0 || $0.current > 0 }.map { s -> [String] in
            let used = plan.baselineDemand.segment(s.segment)
            return [s.segment.label(language), f.fm.integer(s.referrals), f.hundredths(e.referralsPerYearHundredths(s)),
                    used.map { f.decimal2($0.referralsPerYear) } ?? "–", f.fm.integer(s.exits), f.decimal1(Double(s.exposureDays) / 365),
                    used?.meanStayDays.map { f.decimal1($0 / 365) } ?? l.noneExpected,
                    l.basisName(used?.stayOverridden == true ? .overridden : s.exitBasis), f.fm.integer(s.current)]
        }
        h += table("basis", [l.segment, l.referralsCount, l.referralsPerYear, l.usedPerYear, l.exits, l.yearsInStays, l.meanStay, l.exitBasis, l.currentCol], basisRows)
        if let sheet = plan.demandSheet {
            h += "<h3>\(esc(l.sheetTitle)): \(esc(sheet.file))</h3>\n<p class=\"intro\">\(esc(l.sheetIntro))</p>\n"
            h += table("demand-sheet", [l.year, l.offerType, l.targetGroups, l.supportLevel, l.count, l.source],
                       sheet.rows.map { [String($0.year), $0.offerType.shortName, f.groups($0.targetGroups), $0.supportLevel.map(String.init) ?? l.anyLevel,
                                         f.fm.integer($0.count), $0.source ?? ""] }, numericFrom: 4)
        }
        h += "</section>\n"

        return h + HTMLPage.end(definitionsTitle: l.definitionsTitle, definitions: l.definitions)
    }
}
