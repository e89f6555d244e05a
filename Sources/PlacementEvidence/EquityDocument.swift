import PlacementModel
import PlacementReports

/// The equity audit as a report document, printed by the report renderers (terminal, HTML,
/// XLSX, CSV, Markdown). A public document leaves out the values of groups with fewer than 5
/// citizens compared on either side.
public enum EquityDocument {
    public static func build(_ audit: EquityAudit, planningArea: [Municipality], language: Language, isPublic: Bool) -> ReportDocument {
        let w = EquityWords(language: language), f = DisplayFormat(language)
        let percent = Int((audit.level * 100).rounded())
        let area = planningArea.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        var subtitle = ["\(w.planningArea): \(area)", w.method(resamples: audit.resamples, seed: audit.seed, percent: percent)]
        if isPublic { subtitle.append(w.publicNotice) }

        let shown = audit.findings.filter { !isPublic || isLargeEnough($0) }
        let clear = shown.filter(\.isSignificant)
        let summaryRows: [[ReportValue]] = clear.map { x in
            [.text(w.outcomeTitle(x.outcome)), .text("\(w.attribute(x.attribute)): \(w.level(x.attribute, x.level))"),
             .text(value(x.difference, x.outcome, f, signed: true)), .text(range(x, f)), .text(x.isWorse ? w.worse : w.better)]
        }
        var sections = [ReportSection(
            key: "findings", title: w.findingsTitle, intro: [w.chance(comparisons: shown.count)],
            tables: [ReportTable(
                key: "findings", title: w.findingsTitle,
                columns: [.init(w.outcome, .text), .init(w.group, .text), .init(w.difference, .mixed),
                          .init(w.interval(percent), .mixed), .init(w.assessment, .text)],
                rows: summaryRows, emptyText: w.noFindings)])]

        for outcome in EquityOutcome.allCases {
            let rows = audit.findings.filter { $0.outcome == outcome }
            let cells: [[ReportValue]] = rows.map { x in
                let label = ReportValue.text("\(w.attribute(x.attribute)): \(w.level(x.attribute, x.level))")
                if isPublic && !isLargeEnough(x) {
                    return [label, .masked, .masked, .masked, .masked, .masked, .masked, .masked, .masked]
                }
                let verdict = x.isSignificant ? (x.isWorse ? w.worse : w.better)
                    : (isLargeEnough(x) ? "" : w.tooFew)
                return [label, .count(x.cases), .count(x.matched), .text(value(x.groupMean, outcome, f)),
                        .text(value(x.othersMean, outcome, f)), .text(value(x.difference, outcome, f, signed: true)),
                        .text(range(x, f)), .text(value(x.unadjustedDifference, outcome, f, signed: true)), .text(verdict)]
            }
            let highlighted = Set(rows.indices.filter { rows[$0].isSignificant && (!isPublic || isLargeEnough(rows[$0])) })
            sections.append(ReportSection(
                key: outcome.rawValue.replacingOccurrences(of: "_", with: "-"), title: w.outcomeTitle(outcome),
                intro: [w.outcomeIntro(outcome, cases: audit.caseCounts[outcome] ?? 0, f: f)],
                tables: [ReportTable(
                    key: outcome.rawValue.replacingOccurrences(of: "_", with: "-"),
                    title: String(w.outcomeTitle(outcome).prefix(31)),
                    columns: [.init(w.group, .text), .init(w.citizens, .count), .init(w.compared, .count),
                              .init(w.theGroup, .mixed), .init(w.comparable, .mixed), .init(w.difference, .mixed),
                              .init(w.interval(percent), .mixed), .init(w.unadjusted, .mixed), .init(w.assessment, .text)],
                    rows: cells, emptyText: w.noGroups, highlightedRows: highlighted)]))
        }
        return ReportDocument(
            language: language, title: w.title,
            heading: w.heading(f.date(audit.from), f.date(audit.to)),
            subtitle: subtitle, isPublic: isPublic, sections: sections,
            definitions: w.definitions, definitionsTitle: w.definitionsTitle)
    }

    static func isLargeEnough(_ x: EquityAudit.Finding) -> Bool {
        x.matched >= EquityAudit.minimumCases && x.othersMatched >= EquityAudit.minimumCases
    }

    /// Days and km with one decimal; shares as percentages (percentage points for differences).
    static func value(_ x: Double, _ o: EquityOutcome, _ f: DisplayFormat, signed: Bool = false) -> String {
        let tenths = Int64((x * (o.isShare ? 1000 : 10)).rounded())
        let sign = signed && tenths > 0 ? "+" : ""
        let n = sign + f.decimal(tenths, scale: 1, decimals: 1)
        // Differences of shares are percentage points, said once in the definitions.
        guard o.isShare, !signed else { return n }
        return f.language == .da ? "\(n) %" : "\(n)%"
    }

    static func range(_ x: EquityAudit.Finding, _ f: DisplayFormat) -> String {
        let lo = value(x.low, x.outcome, f, signed: true), hi = value(x.high, x.outcome, f, signed: true)
        return f.language == .da ? "\(lo) til \(hi)" : "\(lo) to \(hi)"
    }
}
