import PlacementModel
import PlacementPlanning

/// The terminal summary: what a planner reads first. The full tables are in the HTML, XLSX
/// and JSON formats.
public enum PlanText {
    public static func render(_ plan: PlanResult, language: Language, topValues: Int = 5) -> String {
        let f = PlanFormat(language), l = f.l
        var out: [String] = []
        out.append(l.heading(plan.years) + " · " + l.subtitle(area: f.area(plan.planningArea), asOf: f.fm.date(plan.asOf)))
        out.append(l.simulated(runs: plan.scenarios.first.map { _ in runsShown(plan) } ?? 0, seed: plan.options.seed,
                               perYear: plan.options.matchesPerYear, fixed: plan.options.arrivals == .fixed))
        out.append("")
        out.append(l.scenarios)
        let letters = scenarioLetters(plan)
        for (i, s) in plan.scenarios.enumerated() {
            var line = "  \(letters[i])  \(s.scenario.name)"
            if !s.isBaseline {
                line += s.scenario.file.map { " (\($0))" } ?? ""
                line += ": " + l.scenarioLine(s.scenario, fm: f.fm)
            }
            out.append(line)
        }

        func table(_ title: String, _ columns: [Int], _ cell: (Int, Int) -> String) {
            out.append("")
            out.append(title)
            let rows = plan.years.enumerated().map { y, year in [String(year)] + columns.map { cell($0, y) } }
            out += PlainTable.render(header: [l.year] + columns.map { letters[$0] }, numeric: [false] + columns.map { _ in true },
                                     rows: rows, style: .init(indent: "  ", gap: "   ", minimumWidths: [4]))
        }
        let all = Array(plan.scenarios.indices)
        let others = Array(plan.scenarios.indices.dropFirst())
        table("\(l.totalCostTitle), \(l.millions) (\(l.netNote))", all) { s, y in
            f.band(plan.scenarios[s].years[y].figure(.totalCost), .money)
        }
        if !others.isEmpty {
            table("\(l.differenceTitle), \(l.millions) (\(l.differenceNote))", others) { s, y in
                f.band(plan.scenarios[s].years[y].differenceIn(.totalCost), .money)
            }
        }
        table("\(l.figureName(.placedExternal)) (\(l.citizensUnit))", all) { s, y in
            f.band(plan.scenarios[s].years[y].figure(.placedExternal), .citizens)
        }
        table("\(l.figureName(.externalCost)), \(l.millions)", all) { s, y in
            f.band(plan.scenarios[s].years[y].figure(.externalCost), .money)
        }
        table("\(l.figureName(.placedOwn)) (\(l.citizensUnit)) / \(l.figureName(.ownPlaces)) (\(l.placesUnit))", all) { s, y in
            let x = plan.scenarios[s].years[y].figures
            return "\(f.band(x[.placedOwn]!, .citizens)) / \(f.band(x[.ownPlaces]!, .places))"
        }
        table("\(l.figureName(.vacancyCost)), \(l.millions)", all) { s, y in
            f.band(plan.scenarios[s].years[y].figure(.vacancyCost), .money)
        }

        let withPayback = plan.scenarios.enumerated().filter { $0.element.payback != nil }
        if !withPayback.isEmpty {
            out.append("")
            out.append(l.paybackTitle)
            for (i, s) in withPayback {
                guard let p = s.payback else { continue }  // filtered above
                out.append("  \(letters[i])  \(l.investment.lowercased()) \(f.fm.kroner(p.investment)): \(f.yearBand(p.year)), \(l.withinPlanText(p.withinPlanPercent))")
            }
            out.append("  " + l.afterPlanNote)
        }

        for (i, s) in plan.scenarios.enumerated() where s.isBaseline || s.residenceValues.contains(where: \.isNew) {
            out.append("")
            out.append("\(l.whereTitle) (\(letters[i]), \(l.krPerYear) \(l.perPlace))")
            let groups = s.groupValues.prefix(topValues)
            for (n, v) in groups.enumerated() {
                out.append("  \(n + 1). \(PlanFormat.pad(v.name, 34)) \(f.band(v.value, .money, millions: false))")
            }
            let residences = s.residenceValues.filter { s.isBaseline || $0.isNew }.prefix(s.isBaseline ? 3 : topValues)
            for v in residences {
                let name = "\(v.name) (\(v.offerType.shortName))\(v.isNew ? " " + l.newMark : "")"
                out.append("     \(PlanFormat.pad(name, 34)) \(f.band(v.value, .money, millions: false))")
            }
        }

        out.append("")
        out.append(l.vacancyTitle)
        if plan.vacancy.isEmpty { out.append("  " + l.noVacancies) }
        for a in plan.vacancy.prefix(8) {
            var line = "  \(a.residenceName) (\(a.offerType.shortName)), \(a.vacantPlaces) \(l.vacantWord): "
            if let d = a.expectedDays {
                line += l.nextFittingReferral(f.fm.integer(d))
                if let cost = a.vacancyCostOfWait {
                    line += l.vacancyCostClause(f.fm.kroner(cost))
                }
                if let saving = a.annualSaving {
                    line += l.savingClause(f.fm.kroner(saving))
                }
            } else {
                line += l.noFittingReferral
            }
            out.append(line + ": " + l.adviceText(a.advice))
        }
        if plan.vacancy.count > 8 { out.append("  … " + l.moreInFiles(plan.vacancy.count - 8)) }

        out.append("")
        let e = plan.estimate
        let referrals = e.segments.map(\.referrals).reduce(0, +), exits = e.segments.map(\.exits).reduce(0, +)
        let years = f.decimal1(Double(e.windowDays) / 365)
        out.append(l.estimateSummary(referrals: f.fm.integer(referrals), exits: f.fm.integer(exits), from: f.fm.date(e.windowFrom),
                                     to: f.fm.date(e.windowTo.adding(days: -1)), years: years, segments: e.segments.count)
                   + (plan.demandSheet.map { s in l.demandSheetClause(s.file, s.rows.map(\.count).reduce(0, +)) } ?? "")
                   + (plan.assumptions.isEmpty ? "" : l.assumptionsClause(plan.assumptions.count))
                   + ".")
        for n in e.notes {
            switch n {
            case .windowShortened(let y, let from): out.append("  " + l.windowShortened(y, f.fm.date(from)))
            case .noEndedStays: out.append("  " + l.noEndedStays)
            }
        }
        return out.joined(separator: "\n")
    }

    static func runsShown(_ plan: PlanResult) -> Int { plan.options.arrivals == .fixed ? 1 : plan.options.runs }

    /// B for the baseline, then A, C, D, … for the scenarios in the order given.
    static func scenarioLetters(_ plan: PlanResult) -> [String] {
        var letters: [String] = []
        var pool = Array("ACDEFGHIJKLMNOPQRSTUVWXYZ").map(String.init)
        for s in plan.scenarios {
            if s.isBaseline { letters.append("B") } else { letters.append(pool.isEmpty ? "?" : pool.removeFirst()) }
        }
        return letters
    }
}
