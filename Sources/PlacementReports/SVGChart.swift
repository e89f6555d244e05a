import PlacementModel

/// The one chart renderer: a `ReportChart` as inline SVG (no scripts, no fonts, no network),
/// for the weekly report, the plan and the web app's pages. A title, a y axis with "nice"
/// ticks (`AxisScale`), tick labels in the reader's number format and a title with the unit,
/// an x axis labelled every few points (always the last), grid lines and an optional
/// reference line. A chart of one figure draws its points' values (the line broken where a
/// value is withheld) and writes the last value at its point; a chart of several series
/// draws each median line in its colour over its shaded 10-90 % band, with a legend.
public struct SVGChart {
    /// The drawing area and its margins; a chart with a legend is larger, with room under the axis.
    struct Frame {
        var width, height, left, right, top, bottom: Double
        static let single = Frame(width: 420, height: 250, left: 62, right: 50, top: 40, bottom: 52)
        static let legend = Frame(width: 520, height: 300, left: 64, right: 16, top: 34, bottom: 74)
    }

    /// The series colours, in order (the first is the page's `--accent`).
    public static let palette = ["#1f5fa6", "#c2571a", "#2e8540", "#7b3fa0", "#8a1c12", "#0f7c8c"]

    let chart: ReportChart
    let f: DisplayFormat
    let withheldNote: String?

    public init(_ chart: ReportChart, language: Language, withheldNote: String? = nil) {
        self.chart = chart
        self.f = DisplayFormat(language)
        self.withheldNote = withheldNote
    }

    public func render(id: String) -> String {
        let frame = chart.series.isEmpty ? Frame.single : Frame.legend
        let w = frame.width, h = frame.height
        let plotW = w - frame.left - frame.right, plotH = h - frame.top - frame.bottom
        let values = chart.series.isEmpty ? chart.points.compactMap { $0.value.map { $0 / chart.unitScale } } : seriesValues
        var scale = AxisScale(values: values + (chart.referenceLine.map { [$0] } ?? []), fromZero: chart.fromZero,
                              integral: chart.decimals == 0)
        // A share near 100 % keeps a span of at least `minimumSpan`, so noise does not look like change.
        if let span = chart.minimumSpan, scale.max - scale.min < span {
            let lo = Swift.max(0, (values.min() ?? 0) - span)
            scale = AxisScale(values: values + [lo] + (chart.referenceLine.map { [$0] } ?? []), fromZero: false,
                              integral: chart.decimals == 0)
        }
        let n = chart.points.count
        func x(_ i: Int) -> Double { frame.left + (n <= 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1)) }
        func y(_ v: Double) -> Double { frame.top + plotH * (1 - (v - scale.min) / (scale.max - scale.min)) }

        var s = "<svg class=\"chart\" viewBox=\"0 0 \(fmt(w)) \(fmt(h))\" role=\"img\" aria-labelledby=\"\(id)-t\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(id)-t\">\(HTMLText.escape(chart.title)) (\(HTMLText.escape(chart.yAxisTitle)))</title>"
        s += "<text class=\"ct\" x=\"0\" y=\"16\">\(HTMLText.escape(chart.title))</text>"
        // Y grid, ticks and labels.
        for t in scale.ticks {
            let ty = y(t)
            s += "<line class=\"grid\" x1=\"\(fmt(frame.left))\" x2=\"\(fmt(w - frame.right))\" y1=\"\(fmt(ty))\" y2=\"\(fmt(ty))\"/>"
            s += "<text class=\"tl\" x=\"\(fmt(frame.left - 6))\" y=\"\(fmt(ty + 4))\" text-anchor=\"end\">\(number(t, decimals: scale.decimals))</text>"
        }
        // Axes.
        s += "<line class=\"axis\" x1=\"\(fmt(frame.left))\" x2=\"\(fmt(frame.left))\" y1=\"\(fmt(frame.top))\" y2=\"\(fmt(frame.top + plotH))\"/>"
        s += "<line class=\"axis\" x1=\"\(fmt(frame.left))\" x2=\"\(fmt(w - frame.right))\" y1=\"\(fmt(frame.top + plotH))\" y2=\"\(fmt(frame.top + plotH))\"/>"
        // Y axis title, rotated.
        let midY = frame.top + plotH / 2
        s += "<text class=\"at\" x=\"14\" y=\"\(fmt(midY))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(fmt(midY)))\">\(HTMLText.escape(chart.yAxisTitle))</text>"
        // X ticks at every point, labels every `step` points counted back from the last.
        let step = n > 20 ? 5 : n > 10 ? 3 : 1
        for (i, p) in chart.points.enumerated() {
            let tx = x(i), base = frame.top + plotH
            s += "<line class=\"axis\" x1=\"\(fmt(tx))\" x2=\"\(fmt(tx))\" y1=\"\(fmt(base))\" y2=\"\(fmt(base + ((n - 1 - i) % step == 0 ? 5 : 3)))\"/>"
            if (n - 1 - i) % step == 0 {
                s += "<text class=\"tl\" x=\"\(fmt(tx))\" y=\"\(fmt(base + 18))\" text-anchor=\"middle\">\(HTMLText.escape(p.label))</text>"
            }
        }
        if !chart.xAxisTitle.isEmpty {
            s += "<text class=\"at\" x=\"\(fmt(frame.left + plotW / 2))\" y=\"\(fmt(h - 8))\" text-anchor=\"middle\">\(HTMLText.escape(chart.xAxisTitle))</text>"
        }
        // Reference line.
        if let r = chart.referenceLine {
            s += "<line class=\"ref\" x1=\"\(fmt(frame.left))\" x2=\"\(fmt(w - frame.right))\" y1=\"\(fmt(y(r)))\" y2=\"\(fmt(y(r)))\"/>"
        }
        if chart.series.isEmpty {
            s += single(x: x, y: y)
        } else {
            s += several(x: x, y: y)
            // The legend, two names a row, under the x axis.
            for (i, se) in chart.series.enumerated() {
                let lx = frame.left + Double(i % 2) * plotW / 2, ly = h - 40 + Double(i / 2) * 16
                s += "<line stroke=\"\(se.color)\" stroke-width=\"2.4\"\(se.dashed ? " stroke-dasharray=\"6 4\"" : "") x1=\"\(fmt(lx))\" x2=\"\(fmt(lx + 18))\" y1=\"\(fmt(ly - 4))\" y2=\"\(fmt(ly - 4))\"/>"
                s += "<text class=\"lg\" x=\"\(fmt(lx + 24))\" y=\"\(fmt(ly))\">\(HTMLText.escape(se.name))</text>"
            }
        }
        if values.count < chart.points.count, chart.series.isEmpty, let note = withheldNote {
            s += "<text class=\"note\" x=\"\(fmt(w - frame.right))\" y=\"16\" text-anchor=\"end\">\(HTMLText.escape(note))</text>"
        }
        s += "</svg>"
        return s
    }

    /// Every median and band bound of the series, scaled: what the y axis must show.
    var seriesValues: [Double] {
        var all: [Double] = []
        for se in chart.series {
            all += se.median
            all += se.low ?? []
            all += se.high ?? []
        }
        return all.map { $0 / chart.unitScale }
    }

    /// The points' values: the line, broken at withheld values, and the last value written at its point.
    func single(x: (Int) -> Double, y: (Double) -> Double) -> String {
        var s = ""
        var runs: [[(Double, Double)]] = [[]]
        for (i, p) in chart.points.enumerated() {
            if let v = p.value { runs[runs.count - 1].append((x(i), y(v / chart.unitScale))) } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        for run in runs where !run.isEmpty {
            if run.count > 1 {
                s += "<polyline class=\"series\" points=\"\(run.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " "))\"/>"
            }
            for (px, py) in run { s += "<circle class=\"pt\" cx=\"\(fmt(px))\" cy=\"\(fmt(py))\" r=\"2.2\"/>" }
        }
        if let i = chart.points.lastIndex(where: { $0.value != nil }), let v = chart.points[i].value {
            let px = x(i), py = y(v / chart.unitScale)
            s += "<circle class=\"last\" cx=\"\(fmt(px))\" cy=\"\(fmt(py))\" r=\"3.5\"/>"
            s += "<text class=\"lv\" x=\"\(fmt(px + 7))\" y=\"\(fmt(py + 4.5))\" text-anchor=\"start\">"
                + "\(number(v / chart.unitScale, decimals: max(chart.decimals, 0)))</text>"
        }
        return s
    }

    /// Every series: its band (shaded, with a whisker at each point), its median line and points.
    func several(x: (Int) -> Double, y: (Double) -> Double) -> String {
        var s = ""
        for se in chart.series {
            let n = Swift.min(chart.points.count, se.median.count)
            func v(_ d: Double) -> Double { y(d / chart.unitScale) }
            if let low = se.low, let high = se.high, n > 0, low.count >= n, high.count >= n {
                let upper = (0..<n).map { "\(fmt(x($0))),\(fmt(v(high[$0])))" }
                let lower = (0..<n).reversed().map { "\(fmt(x($0))),\(fmt(v(low[$0])))" }
                s += "<polygon class=\"band\" fill=\"\(se.color)\" points=\"\((upper + lower).joined(separator: " "))\"/>"
                for i in 0..<n {
                    s += "<line stroke=\"\(se.color)\" stroke-width=\"1\" x1=\"\(fmt(x(i)))\" x2=\"\(fmt(x(i)))\" y1=\"\(fmt(v(low[i])))\" y2=\"\(fmt(v(high[i])))\"/>"
                }
            }
            let pts = (0..<n).map { "\(fmt(x($0))),\(fmt(v(se.median[$0])))" }.joined(separator: " ")
            s += "<polyline class=\"line\" stroke=\"\(se.color)\"\(se.dashed ? " stroke-dasharray=\"6 4\"" : "") points=\"\(pts)\"/>"
            for i in 0..<n { s += "<circle fill=\"\(se.color)\" cx=\"\(fmt(x(i)))\" cy=\"\(fmt(v(se.median[i])))\" r=\"2.6\"/>" }
        }
        return s
    }

    /// A number in the report's language with `decimals` decimals.
    func number(_ v: Double, decimals: Int) -> String { Self.number(v, decimals: decimals, format: f) }

    /// A tick or value label: `v` rounded to `decimals` decimals in the reader's number format.
    static func number(_ v: Double, decimals: Int, format: DisplayFormat) -> String {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        return format.decimal(Int64((v * p).rounded()), scale: decimals, decimals: decimals)
    }

    func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// A y axis range with about 5 ticks at steps of 1, 2, 2,5 or 5 × 10ⁿ (whole steps for counts).
struct AxisScale {
    var min: Double
    var max: Double
    var step: Double
    var decimals: Int

    init(values: [Double], fromZero: Bool, integral: Bool) {
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if fromZero { lo = Swift.min(lo, 0) }
        if hi <= lo { hi = lo + (integral ? 4 : 1) }
        let raw = (hi - lo) / 5
        var mag = 1.0
        while mag * 10 <= raw { mag *= 10 }
        while mag > raw { mag /= 10 }
        var step = mag * 10
        for m in [1.0, 2, 2.5, 5, 10] where mag * m >= raw && !(integral && mag < 10 && m == 2.5) {
            step = mag * m
            break
        }
        if integral { step = Swift.max(step.rounded(), 1) }
        self.step = step
        self.min = (lo / step).rounded(.down) * step
        self.max = (hi / step).rounded(.up) * step
        if self.max <= self.min { self.max = self.min + step }
        var d = 0, scaled = step
        while d < 3 && abs(scaled - scaled.rounded()) > 1e-9 { scaled *= 10; d += 1 }
        decimals = d
    }

    var ticks: [Double] {
        var out: [Double] = []
        var t = min
        while t <= max + step / 1000 {
            out.append(t)
            t += step
        }
        return out
    }
}
