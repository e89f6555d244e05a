import PlacementModel

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
            let headers = columns.map { letters[$0] }
            var rows: [[String]] = []
            for (y, year) in plan.years.enumerated() { rows.append([String(year)] + columns.map { cell($0, y) }) }
            var widths = [max(4, l.year.count)] + headers.map(\.count)
            for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
            out.append("  " + ([PlanFormat.pad(l.year, widths[0])] + headers.enumerated().map { PlanFormat.pad($1, widths[$0 + 1], right: true) })
                .joined(separator: "   "))
            for r in rows {
                out.append("  " + r.enumerated().map { PlanFormat.pad($1, widths[$0], right: $0 > 0) }.joined(separator: "   "))
            }
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
            out.append("\(l.whereTitle) (\(letters[i]), \(l.krPerYear) \(l.t("pr. plads", "per place")))")
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
            var line = "  \(a.residenceName) (\(a.offerType.shortName)), \(a.vacantPlaces) \(l.t("ledige", "vacant")): "
            if let d = a.expectedDays {
                line += l.t("næste passende henvisning om \(f.fm.integer(d)) dage", "next fitting referral in \(f.fm.integer(d)) days")
                if let cost = a.vacancyCostOfWait {
                    line += l.t(", tomgang \(f.fm.kroner(cost))", ", vacancy \(f.fm.kroner(cost))")
                }
                if let saving = a.annualSaving {
                    line += l.t(" mod besparelse \(f.fm.kroner(saving)) om året", " against a saving of \(f.fm.kroner(saving)) a year")
                }
            } else {
                line += l.t("ingen passende henvisning forventet", "no fitting referral expected")
            }
            out.append(line + ": " + l.adviceText(a.advice))
        }
        if plan.vacancy.count > 8 { out.append("  … " + l.t("\(plan.vacancy.count - 8) flere i --format html/xlsx", "\(plan.vacancy.count - 8) more in --format html/xlsx")) }

        out.append("")
        let e = plan.estimate
        let referrals = e.segments.map(\.referrals).reduce(0, +), exits = e.segments.map(\.exits).reduce(0, +)
        let years = f.decimal1(Double(e.windowDays) / 365)
        out.append(l.t("\(l.estimateLine): \(f.fm.integer(referrals)) henvisninger og \(f.fm.integer(exits)) afsluttede ophold \(f.fm.date(e.windowFrom)) – \(f.fm.date(e.windowTo.adding(days: -1))) (\(years) år) i \(e.segments.count) segmenter",
                       "\(l.estimateLine): \(f.fm.integer(referrals)) referrals and \(f.fm.integer(exits)) ended stays \(f.fm.date(e.windowFrom)) – \(f.fm.date(e.windowTo.adding(days: -1))) (\(years) years) in \(e.segments.count) segments")
                   + (plan.demandSheet.map { s in l.t("; behovsark \(s.file): \(s.rows.map(\.count).reduce(0, +)) borgere", "; demand sheet \(s.file): \(s.rows.map(\.count).reduce(0, +)) citizens") } ?? "")
                   + (plan.assumptions.isEmpty ? "" : l.t("; \(plan.assumptions.count) antagelser", "; \(plan.assumptions.count) assumptions"))
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
