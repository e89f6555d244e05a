import PlacementModel

/// The page every HTML document is printed on, the weekly report's and the plan's alike: one
/// shell (self-contained: no scripts, fonts or styles from the network) and one stylesheet,
/// readable on a screen and printable on A4 (each section on a new page, `section.wide` in
/// landscape, table headers repeated, charts kept whole).
public enum HTMLPage {
    /// From the doctype to the opened `<body>`.
    public static func start(language: Language, title: String) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(HTMLText.escape(title))</title>\n"
        return h + "<style>\n\(style)\n</style>\n</head>\n<body>\n"
    }

    /// The definitions note as the last section, and the end of the page.
    public static func end(definitionsTitle: String, definitions: [String]) -> String {
        var h = "<section id=\"definitions\" class=\"definitions\">\n<h2>\(HTMLText.escape(definitionsTitle))</h2>\n<ul>\n"
        for p in definitions { h += "<li>\(HTMLText.escape(p))</li>\n" }
        return h + "</ul>\n</section>\n</body>\n</html>\n"
    }

    /// The typeface of every page, the web app's too: the system's sans-serif, nothing fetched.
    public static let fontFamily = #""Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif"#

    /// The rules of the charts (`SVGChart`), wherever a chart is shown: the
    /// documents and the web app's pages. They use the page's `--ink`, `--muted` and `--accent`.
    public static let chartStyle = """
        svg.chart { width: 100%; height: auto; display: block; }
        svg.chart text { font-family: inherit; fill: var(--ink); }
        svg.chart .ct { font-size: 15px; font-weight: 600; }
        svg.chart .tl, svg.chart .lg { font-size: 12px; fill: #3d4650; }
        svg.chart .at { font-size: 12px; fill: var(--muted); }
        svg.chart .lv { font-size: 13px; font-weight: 600; fill: var(--accent); }
        svg.chart .note { font-size: 11px; fill: var(--muted); }
        svg.chart .grid { stroke: #e3e7eb; stroke-width: 1; }
        svg.chart .axis { stroke: #4a545e; stroke-width: 1; }
        svg.chart .ref { stroke: #8a1c12; stroke-width: 1; stroke-dasharray: 4 3; }
        svg.chart .series { fill: none; stroke: var(--accent); stroke-width: 2.2; stroke-linejoin: round; }
        svg.chart .line { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
        svg.chart .band { fill-opacity: .16; stroke: none; }
        svg.chart .pt { fill: var(--accent); }
        svg.chart .last { fill: #fff; stroke: var(--accent); stroke-width: 2; }
        """

    /// The documents' stylesheet: the page, its sections, cards and tables, and the charts.
    public static let style = """
        :root { --ink: #1b1f24; --muted: #5a6572; --line: #d5dbe1; --head: #eef2f6; --accent: #1f5fa6; --hl: #fbe9e7; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
               font: 14px/1.45 \(fontFamily); }
        header.top { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 12px; }
        header.top p { margin: 2px 0; color: var(--muted); }
        header.top p.kicker { text-transform: uppercase; letter-spacing: .04em; font-size: 12px; color: var(--accent); font-weight: 600; }
        header.top p.public { color: #8a1c12; font-weight: 600; }
        h1 { font-size: 30px; margin: 2px 0 6px; }
        h2 { font-size: 20px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        p.intro { color: var(--muted); margin: 4px 0 10px; max-width: 80ch; }
        p.empty { font-style: italic; color: var(--muted); }
        p.note { color: #8a1c12; }
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
        \(chartStyle)
        section.definitions ul { padding-left: 18px; color: #333c45; }
        section.definitions li { margin: 4px 0; }
        @media screen { section.wide { overflow-x: auto; } }
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
          section#headline, section#summary { break-before: avoid; }
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
