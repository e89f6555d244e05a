import PlacementModel

/// The report as one self-contained HTML file: no scripts, no fonts, no images or styles from
/// the network; charts are inline SVG. Readable on a screen (key-figure cards, a contents
/// list, tables with right-aligned numbers and units in the headers) and printable on A4
/// (print styles, each section on a new page, table headers repeated, charts kept whole).
public enum HTMLReport {
    public static func render(_ doc: ReportDocument) -> String {
        let v = ValueText(doc.language), l = Labels.of(doc.language)
        var h = HTMLPage.start(language: doc.language, title: doc.pageTitle ?? "\(doc.heading) · \(doc.title)")

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
            h += "<section id=\"\(s.key)\" class=\"\(s.isWide ? "wide" : "")\">\n"
            h += "<h2>\(HTMLText.escape(s.title))</h2>\n"
            if s.key == "headline", let t = s.tables.first { h += cards(t, labels: l, values: v) }
            for p in s.intro { h += "<p class=\"intro\">\(HTMLText.escape(p))</p>\n" }
            for p in s.warnings { h += "<p class=\"note\">\(HTMLText.escape(p))</p>\n" }
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
        return h + HTMLPage.end(definitionsTitle: doc.definitionsTitle, definitions: doc.definitions)
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
