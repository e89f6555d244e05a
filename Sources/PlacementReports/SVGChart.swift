import PlacementModel

/// A line chart as inline SVG (no scripts, no fonts, no network): a title, a y axis with
/// "nice" ticks, tick labels in the report's number format and a title with the unit, an x
/// axis of weeks labelled every few weeks (always the last), grid lines, the line (broken
/// where a value is withheld) and the last value written at its point.
public struct SVGChart {
    public static let width = 420.0
    public static let height = 250.0
    static let left = 62.0, right = 50.0, top = 40.0, bottom = 52.0

    let chart: ReportChart
    let f: DisplayFormat
    let withheldNote: String?

    public init(_ chart: ReportChart, language: Language, withheldNote: String? = nil) {
        self.chart = chart
        self.f = DisplayFormat(language)
        self.withheldNote = withheldNote
    }

    public func render(id: String) -> String {
        let w = Self.width, h = Self.height
        let plotW = w - Self.left - Self.right, plotH = h - Self.top - Self.bottom
        let values = chart.points.compactMap { $0.value.map { $0 / chart.unitScale } }
        var scale = AxisScale(values: values + (chart.referenceLine.map { [$0] } ?? []), fromZero: chart.fromZero,
                              integral: chart.decimals == 0)
        // A share near 100 % keeps a span of at least `minimumSpan`, so noise does not look like change.
        if let span = chart.minimumSpan, scale.max - scale.min < span {
            let lo = Swift.max(0, (values.min() ?? 0) - span)
            scale = AxisScale(values: values + [lo] + (chart.referenceLine.map { [$0] } ?? []), fromZero: false,
                              integral: chart.decimals == 0)
        }
        let n = chart.points.count
        func x(_ i: Int) -> Double { Self.left + (n <= 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1)) }
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - (v - scale.min) / (scale.max - scale.min)) }

        var s = "<svg class=\"chart\" viewBox=\"0 0 \(fmt(w)) \(fmt(h))\" role=\"img\" aria-labelledby=\"\(id)-t\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(id)-t\">\(HTMLText.escape(chart.title)) (\(HTMLText.escape(chart.yAxisTitle)))</title>"
        s += "<text class=\"ct\" x=\"0\" y=\"16\">\(HTMLText.escape(chart.title))</text>"
        // Y grid, ticks and labels.
        for t in scale.ticks {
            let ty = y(t)
            s += "<line class=\"grid\" x1=\"\(fmt(Self.left))\" x2=\"\(fmt(w - Self.right))\" y1=\"\(fmt(ty))\" y2=\"\(fmt(ty))\"/>"
            s += "<text class=\"tl\" x=\"\(fmt(Self.left - 6))\" y=\"\(fmt(ty + 4))\" text-anchor=\"end\">\(number(t, decimals: scale.decimals))</text>"
        }
        // Axes.
        s += "<line class=\"axis\" x1=\"\(fmt(Self.left))\" x2=\"\(fmt(Self.left))\" y1=\"\(fmt(Self.top))\" y2=\"\(fmt(Self.top + plotH))\"/>"
        s += "<line class=\"axis\" x1=\"\(fmt(Self.left))\" x2=\"\(fmt(w - Self.right))\" y1=\"\(fmt(Self.top + plotH))\" y2=\"\(fmt(Self.top + plotH))\"/>"
        // Y axis title, rotated.
        let midY = Self.top + plotH / 2
        s += "<text class=\"at\" x=\"14\" y=\"\(fmt(midY))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(fmt(midY)))\">\(HTMLText.escape(chart.yAxisTitle))</text>"
        // X ticks every week, labels every `step` weeks counted back from the last.
        let step = n > 20 ? 5 : n > 10 ? 3 : 1
        for (i, p) in chart.points.enumerated() {
            let tx = x(i), base = Self.top + plotH
            s += "<line class=\"axis\" x1=\"\(fmt(tx))\" x2=\"\(fmt(tx))\" y1=\"\(fmt(base))\" y2=\"\(fmt(base + ((n - 1 - i) % step == 0 ? 5 : 3)))\"/>"
            if (n - 1 - i) % step == 0 {
                s += "<text class=\"tl\" x=\"\(fmt(tx))\" y=\"\(fmt(base + 18))\" text-anchor=\"middle\">\(HTMLText.escape(p.label))</text>"
            }
        }
        s += "<text class=\"at\" x=\"\(fmt(Self.left + plotW / 2))\" y=\"\(fmt(h - 8))\" text-anchor=\"middle\">\(HTMLText.escape(chart.xAxisTitle))</text>"
        // Reference line.
        if let r = chart.referenceLine {
            s += "<line class=\"ref\" x1=\"\(fmt(Self.left))\" x2=\"\(fmt(w - Self.right))\" y1=\"\(fmt(y(r)))\" y2=\"\(fmt(y(r)))\"/>"
        }
        // The line, broken at withheld values.
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
        // The last value, written at its point.
        if let i = chart.points.lastIndex(where: { $0.value != nil }), let v = chart.points[i].value {
            let px = x(i), py = y(v / chart.unitScale)
            s += "<circle class=\"last\" cx=\"\(fmt(px))\" cy=\"\(fmt(py))\" r=\"3.5\"/>"
            s += "<text class=\"lv\" x=\"\(fmt(px + 7))\" y=\"\(fmt(py + 4.5))\" text-anchor=\"start\">"
                + "\(number(v / chart.unitScale, decimals: max(chart.decimals, 0)))</text>"
        }
        if values.count < chart.points.count, let note = withheldNote {
            s += "<text class=\"note\" x=\"\(fmt(w - Self.right))\" y=\"16\" text-anchor=\"end\">\(HTMLText.escape(note))</text>"
        }
        s += "</svg>"
        return s
    }

    /// A number in the report's language with `decimals` decimals.
    func number(_ v: Double, decimals: Int) -> String { Self.number(v, decimals: decimals, format: f) }

    /// A tick or value label of any chart (the plan's too): `v` rounded to `decimals` decimals
    /// in the reader's number format.
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
