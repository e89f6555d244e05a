import PlacementModel

/// The report as one self-contained HTML file: no scripts, no fonts, no images or styles from
/// the network; charts are inline SVG. Readable on a screen (key-figure cards, a contents
/// list, tables with right-aligned numbers and units in the headers) and printable on A4
/// (print styles, each section on a new page, table headers repeated, charts kept whole).
public enum HTMLReport {
    public static func render(_ doc: ReportDocument) -> String {
        let v = ValueText(doc.language), l = Labels.of(doc.language)
        var h = "<!DOCTYPE html>\n<html lang=\"\(doc.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(HTMLText.escape(doc.heading)) · \(HTMLText.escape(doc.title))</title>\n"
        h += "<style>\n\(style)\n</style>\n</head>\n<body>\n"

        // Title block.
        h += "<header class=\"top\">\n<p class=\"kicker\">\(HTMLText.escape(doc.title))</p>\n<h1>\(HTMLText.escape(doc.heading))</h1>\n"
        for line in doc.subtitle {
            let cls = doc.isPublic && line == l.publicNotice ? " class=\"public\"" : ""
            h += "<p\(cls)>\(HTMLText.escape(line))</p>\n"
        }
        h += "</header>\n"
        h += "<nav class=\"toc\"><strong>\(HTMLText.escape(l.contents)):</strong> "
            + (doc.sections.map { "<a href=\"#\($0.key)\">\(HTMLText.escape($0.title))</a>" }
               + ["<a href=\"#definitions\">\(HTMLText.escape(doc.definitionsTitle))</a>"]).joined(separator: " · ")
            + "</nav>\n"

        for s in doc.sections {
            h += "<section id=\"\(s.key)\" class=\"\(s.key == "waiting" || s.key == "residences" ? "wide" : "")\">\n"
            h += "<h2>\(HTMLText.escape(s.title))</h2>\n"
            if s.key == "headline", let t = s.tables.first { h += cards(t, labels: l, values: v) }
            for p in s.intro { h += "<p class=\"intro\">\(HTMLText.escape(p))</p>\n" }
            if !s.charts.isEmpty {
                h += "<div class=\"charts\">\n"
                for (i, c) in s.charts.enumerated() {
                    let svg = SVGChart(c, language: doc.language, withheldNote: doc.isPublic ? l.chartWithheld : nil)
                    h += "<figure>\(svg.render(id: "\(s.key)-chart-\(i + 1)"))</figure>\n"
                }
                h += "</div>\n"
            }
            for t in s.tables { h += table(t, showTitle: s.tables.count > 1, values: v) }
            h += "</section>\n"
        }
        h += "<section id=\"definitions\" class=\"definitions\">\n<h2>\(HTMLText.escape(doc.definitionsTitle))</h2>\n<ul>\n"
        for p in doc.definitions { h += "<li>\(HTMLText.escape(p))</li>\n" }
        h += "</ul>\n</section>\n</body>\n</html>\n"
        return h
    }

    static func table(_ t: ReportTable, showTitle: Bool, values v: ValueText) -> String {
        var h = showTitle ? "<h3>\(HTMLText.escape(t.title))</h3>\n" : ""
        if t.rows.isEmpty {
            return h + "<p class=\"empty\">\(HTMLText.escape(t.emptyText))</p>\n"
        }
        let numeric = t.columns.map { $0.kind.isNumeric }
        h += "<table class=\"t-\(t.key)\(t.columns.count <= 3 ? " compact" : "")\">\n<thead><tr>"
        for (i, c) in t.columns.enumerated() {
            h += "<th\(numeric[i] ? " class=\"num\"" : "") scope=\"col\">\(HTMLText.escape(c.header))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        func row(_ cells: [ReportValue], _ cls: String?) -> String {
            var r = cls.map { "<tr class=\"\($0)\">" } ?? "<tr>"
            for (i, c) in cells.enumerated() {
                let isNumber = i < numeric.count ? numeric[i] : false
                var classes = isNumber || c.isNumberLike ? "num" : ""
                func add(_ name: String) { classes += classes.isEmpty ? name : " " + name }
                switch c {
                case .date, .week: add("nw")
                case .change(let inner): add(inner.sign > 0 ? "up" : inner.sign < 0 ? "down" : "same")
                case .masked: add("masked")
                default: break
                }
                let attr = classes.isEmpty ? "" : " class=\"\(classes)\""
                let text = HTMLText.escape(HTML.keepSectionSignsTogether(v.text(c)))
                r += i == 0 && !isNumber ? "<th scope=\"row\"\(attr)>\(text)</th>" : "<td\(attr)>\(text)</td>"
            }
            return r + "</tr>\n"
        }
        for (i, cells) in t.rows.enumerated() { h += row(cells, t.highlightedRows.contains(i) ? "hl" : nil) }
        h += "</tbody>\n"
        if let total = t.total { h += "<tfoot>\n" + row(total, "total") + "</tfoot>\n" }
        return h + "</table>\n"
    }

    /// The key figures as cards: this week's value, last week's and the change.
    static func cards(_ t: ReportTable, labels l: Labels, values v: ValueText) -> String {
        let picks = [l.figureWaiting, l.figureMedianWait, l.figurePlacementsOwn, l.figureMovesHome, l.figureOccupancy,
                     l.figureExternalCount, l.figureExternalCost, l.figureVacancyCost]
        var h = "<div class=\"cards\">\n"
        for label in picks {
            guard let row = t.rows.first(where: { $0.first == .text(label) }), row.count >= 4 else { continue }
            let change = row[3]
            var cls = "same"
            if case .change(let inner) = change { cls = inner.sign > 0 ? "up" : inner.sign < 0 ? "down" : "same" }
            let arrow = cls == "up" ? "▲ " : cls == "down" ? "▼ " : ""
            h += "<div class=\"card\"><div class=\"label\">\(HTMLText.escape(label))</div>"
            h += "<div class=\"value\">\(HTMLText.escape(v.text(row[1])))</div>"
            h += "<div class=\"change \(cls)\">\(arrow)\(HTMLText.escape(v.text(change))) · \(HTMLText.escape(t.columns[2].header)): \(HTMLText.escape(v.text(row[2])))</div></div>\n"
        }
        return h + "</div>\n"
    }

    static let style = """
        :root { --ink: #1b1f24; --muted: #5a6572; --line: #d5dbe1; --head: #eef2f6; --accent: #1f5fa6; --hl: #fbe9e7; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
               font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
        header.top { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 12px; }
        header.top p { margin: 2px 0; color: var(--muted); }
        header.top p.kicker { text-transform: uppercase; letter-spacing: .04em; font-size: 12px; color: var(--accent); font-weight: 600; }
        header.top p.public { color: #8a1c12; font-weight: 600; }
        h1 { font-size: 30px; margin: 2px 0 6px; }
        h2 { font-size: 20px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        p.intro { color: var(--muted); margin: 4px 0 10px; max-width: 80ch; }
        p.empty { font-style: italic; color: var(--muted); }
        nav.toc { font-size: 13px; color: var(--muted); margin: 8px 0 0; }
        nav.toc a { color: var(--accent); text-decoration: none; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 10px 0 16px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
        .card .label { font-size: 12px; color: var(--muted); min-height: 2.6em; }
        .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .change { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-variant-numeric: tabular-nums; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: var(--head); font-size: 12px; font-weight: 600; vertical-align: bottom; }
        tbody th { font-weight: normal; }
        .num { text-align: right; }
        td.num, .nw { white-space: nowrap; }
        table.compact { width: auto; min-width: 55%; }
        td.masked { color: var(--muted); }
        tr.hl td, tr.hl th { background: var(--hl); }
        tfoot td, tfoot th { font-weight: 600; border-top: 2px solid var(--ink); border-bottom: none; }
        table.t-headline { width: auto; min-width: 60%; }
        table.t-headline td { min-width: 9em; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 14px 22px; margin: 8px 0 14px; }
        figure { margin: 0; break-inside: avoid; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg.chart text { font-family: inherit; fill: var(--ink); }
        svg.chart .ct { font-size: 15px; font-weight: 600; }
        svg.chart .tl { font-size: 12px; fill: #3d4650; }
        svg.chart .at { font-size: 12px; fill: var(--muted); }
        svg.chart .lv { font-size: 13px; font-weight: 600; fill: var(--accent); }
        svg.chart .note { font-size: 11px; fill: var(--muted); }
        svg.chart .grid { stroke: #e3e7eb; stroke-width: 1; }
        svg.chart .axis { stroke: #4a545e; stroke-width: 1; }
        svg.chart .ref { stroke: #8a1c12; stroke-width: 1; stroke-dasharray: 4 3; }
        svg.chart .series { fill: none; stroke: var(--accent); stroke-width: 2.2; stroke-linejoin: round; }
        svg.chart .pt { fill: var(--accent); }
        svg.chart .last { fill: #fff; stroke: var(--accent); stroke-width: 2; }
        section.definitions ul { padding-left: 18px; color: #333c45; }
        section.definitions li { margin: 4px 0; }
        @media screen and (max-width: 760px) {
          body { padding: 12px; }
          .cards { grid-template-columns: repeat(2, 1fr); }
          .charts { grid-template-columns: 1fr; }
          table { display: block; overflow-x: auto; }
        }
        @page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }
        @page wide { size: A4 landscape; margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 9.5pt; }
          nav.toc { display: none; }
          h1 { font-size: 20pt; }
          h2 { font-size: 14pt; margin-top: 0; }
          section { break-before: page; }
          section#headline { break-before: avoid; }
          section.wide { page: wide; }
          h2, h3 { break-after: avoid; }
          thead { display: table-header-group; }
          tfoot { display: table-row-group; }
          tr, .card, figure { break-inside: avoid; }
          th, td { padding: 2.5px 6px; }
          thead th { font-size: 8.5pt; }
          .cards { gap: 6px; }
          .card .value { font-size: 16pt; }
          .charts { gap: 8px 14px; }
          a { color: inherit; text-decoration: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}

extension ReportValue {
    /// -1, 0 or 1 for numbers (changes are coloured by it).
    var sign: Int {
        guard let (n, d) = fraction else { return 0 }
        let s = (n > 0 ? 1 : n < 0 ? -1 : 0) * (d < 0 ? -1 : 1)
        if case .money(let m, _) = self { return m.roundedKroner == 0 ? 0 : s }
        return s
    }

    /// Printed right-aligned even in a column of mixed kinds (the headline).
    var isNumberLike: Bool {
        switch self {
        case .count, .number, .days, .median, .money, .ratio, .change, .masked: true
        default: false
        }
    }
}

enum HTML {
    /// "§ 108" and "ABL § 105" never break at their spaces (a no-break space, as in print).
    static func keepSectionSignsTogether(_ s: String) -> String {
        guard s.utf8.contains(0xA7) else { return s }  // the second byte of "§" (C2 A7)
        return s.replacingOccurrences(of: "§ ", with: "§\u{00A0}").replacingOccurrences(of: " §", with: "\u{00A0}§")
    }
}
