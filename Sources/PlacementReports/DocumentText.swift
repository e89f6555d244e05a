import PlacementModel

/// Any document as plain text for the terminal: the title block, then each section's title,
/// its sentences and its tables with padded columns.
public enum DocumentText {
    public static func render(_ doc: ReportDocument) -> String {
        let v = ValueText(doc.language)
        var lines = ["\(doc.heading) · \(doc.title)"] + doc.subtitle
        for s in doc.sections {
            lines += ["", s.title]
            lines += s.intro + s.warnings
            for t in s.tables {
                if s.tables.count > 1 { lines += ["", t.title] }
                if t.rows.isEmpty { lines.append(t.emptyText); continue }
                lines += PlainTable.render(header: t.columns.map(\.header), numeric: t.columns.map { $0.kind.isNumeric },
                                           rows: t.rows.map { $0.map(v.text) })
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
