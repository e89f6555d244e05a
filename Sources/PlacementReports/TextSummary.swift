import PlacementModel

/// The compact plain-text summary printed on the terminal by default: the title block, the
/// headline figures with last week's and the change, and one line each on waits over the
/// norms, expensive cases, bring-home candidates, declines and changes. Built from the
/// (possibly masked) document, so `--public` applies here too.
public enum TextSummary {
    public static func render(_ doc: ReportDocument) -> String {
        let v = ValueText(doc.language), l = Labels.of(doc.language)
        var lines = ["\(doc.heading) · \(doc.title)"] + doc.subtitle + [""]
        if let h = doc.table("headline") {
            lines += PlainTable.render(header: h.columns.map(\.header), numeric: h.columns.map { $0.kind.isNumeric },
                                       rows: h.rows.map { $0.map(v.text) })
            lines.append("")
        }
        // Figures changed since the week's first production, first → now.
        if let t = doc.table("revised") {
            let intro = doc.sections.first { $0.key == "revised" }?.intro.first
            lines.append(t.title + ": " + (intro ?? ""))
            lines += t.rows.map { "  \(v.text($0[0])): \(v.text($0[1])) → \(v.text($0[2]))" }
        }
        // Waits over each norm: the totals row of the norms table.
        if let t = doc.table("norms") {
            let total = t.total ?? []
            let parts = doc.normNames.enumerated().map { i, name in
                l.summaryOverNorm(2 + i < total.count ? v.text(total[2 + i]) : "0", name)
            }
            lines.append("\(l.summaryNorms): " + (total.isEmpty ? l.summaryNone : parts.joined(separator: ", ")))
            // The column after the norms: waiting past the grant's deadline.
            let past = 2 + doc.normNames.count
            lines.append("\(l.summaryPastDeadline): " + (past < total.count ? v.text(total[past]) : "0"))
        }
        if let t = doc.table("expensive-total"), let row = t.rows.first {
            lines.append("\(l.summaryExpensive): " + l.summaryExpensiveLine(v.text(row[0]), v.amount(row[1])))
        }
        if let t = doc.table("bring-home-total"), let row = t.rows.first {
            lines.append("\(l.summaryBringHome): "
                         + l.summaryBringHomeLine(v.text(row[0]), v.text(row[1]), v.amount(row[2])))
        }
        lines += ReportBuilder.summaryLines(doc)
        if let t = doc.table("decline-reasons") {
            lines.append("\(l.summaryDeclines): " + t.rows.map { "\(v.text($0[0])) \(v.text($0[1]))" }.joined(separator: ", "))
        }
        if let t = doc.table("change-counts") {
            lines.append("\(l.summaryChanges): " + t.rows.map { "\(v.text($0[0])) \(v.text($0[1]))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
