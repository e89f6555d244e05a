/// The report as Markdown: one `##` heading per section, tables with numbers right-aligned
/// (`--:`), the trend as its table (Markdown has no charts), the definitions at the end.
public enum MarkdownReport {
    public static func render(_ doc: ReportDocument) -> String {
        let v = ValueText(doc.language)
        var out = ["# \(escape(doc.title))", "", "**\(escape(doc.heading))**", ""]
        out += doc.subtitle.map { escape($0) + "  " }
        out.append("")
        for s in doc.sections {
            out += ["## \(escape(s.title))", ""]
            for p in s.intro + s.warnings { out += [escape(p), ""] }
            for t in s.tables {
                if s.tables.count > 1 { out += ["### \(escape(t.title))", ""] }
                if t.rows.isEmpty {
                    out += ["*\(escape(t.emptyText))*", ""]
                    continue
                }
                out.append("| " + t.columns.map { escape($0.header) }.joined(separator: " | ") + " |")
                out.append("|" + t.columns.map { $0.kind.isNumeric ? "--:" : ":--" }.joined(separator: "|") + "|")
                for (i, row) in t.rows.enumerated() {
                    let cells = row.map { escape(v.text($0)) }
                    let shown = t.highlightedRows.contains(i) ? cells.map { $0.isEmpty ? $0 : "**\($0)**" } : cells
                    out.append("| " + shown.joined(separator: " | ") + " |")
                }
                if let total = t.total {
                    out.append("| " + total.map { v.text($0) }.map { $0.isEmpty ? "" : "**\(escape($0))**" }.joined(separator: " | ") + " |")
                }
                out.append("")
            }
        }
        out += ["## \(escape(doc.definitionsTitle))", ""]
        for p in doc.definitions { out += ["- " + escape(p)] }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// Characters that would break a table cell or start unwanted emphasis.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|", "*", "_", "`", "\\", "<", ">", "[", "]": out.append("\\"); out.append(ch)
            case "\n": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }
}
