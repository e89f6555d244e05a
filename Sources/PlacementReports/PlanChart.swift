import Foundation
import PlacementModel
import PlacementPlanning

/// A line chart with 10-90 % bands as inline SVG (no scripts, no fonts, no network): years
/// along x, a y axis with "nice" ticks in the plan's number format and its unit, each series a
/// median line with its band shaded, and a legend.
struct PlanChart {
    struct Series {
        var name: String
        var color: String
        var median: [Double]
        var low: [Double]?
        var high: [Double]?
        var dashed = false
    }

    static let width = 520.0, height = 300.0
    static let left = 64.0, right = 16.0, top = 34.0, bottom = 74.0

    var title: String
    var yTitle: String
    var xLabels: [String]
    var series: [Series]
    var decimals: Int
    let fm: DisplayFormat
    /// The y axis starts at zero (counts) or near the data (costs, where differences matter).
    var fromZero = true

    static let palette = ["#1f5fa6", "#c2571a", "#2e8540", "#7b3fa0", "#8a1c12", "#0f7c8c"]

    func render(id: String) -> String {
        let w = Self.width, h = Self.height
        let plotW = w - Self.left - Self.right, plotH = h - Self.top - Self.bottom
        let all = series.flatMap { $0.median + ($0.low ?? []) + ($0.high ?? []) }
        let dataMin = all.min() ?? 0, dataMax = all.max() ?? 1
        let floor0 = fromZero ? min(0, dataMin) : dataMin - (dataMax - dataMin) * 0.15
        let (lo, hi, step) = Self.niceScale(min: floor0, max: max(dataMax, floor0 + 1e-9))
        let n = xLabels.count
        func x(_ i: Int) -> Double { Self.left + (n <= 1 ? plotW / 2 : plotW * (Double(i) + 0.5) / Double(n)) }
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - (v - lo) / (hi - lo)) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(f(w)) \(f(h))\" role=\"img\" aria-labelledby=\"\(id)-t\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(id)-t\">\(HTMLText.escape(title)) (\(HTMLText.escape(yTitle)))</title>"
        s += "<text class=\"ct\" x=\"0\" y=\"16\">\(HTMLText.escape(title))</text>"
        var t = lo
        while t <= hi + step / 2 {
            s += "<line class=\"grid\" x1=\"\(f(Self.left))\" x2=\"\(f(w - Self.right))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\"/>"
            s += "<text class=\"tl\" x=\"\(f(Self.left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\">\(label(t, step: step))</text>"
            t += step
        }
        s += "<line class=\"axis\" x1=\"\(f(Self.left))\" x2=\"\(f(Self.left))\" y1=\"\(f(Self.top))\" y2=\"\(f(Self.top + plotH))\"/>"
        s += "<line class=\"axis\" x1=\"\(f(Self.left))\" x2=\"\(f(w - Self.right))\" y1=\"\(f(y(max(lo, 0))))\" y2=\"\(f(y(max(lo, 0))))\"/>"
        let midY = Self.top + plotH / 2
        s += "<text class=\"at\" x=\"12\" y=\"\(f(midY))\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(f(midY)))\">\(HTMLText.escape(yTitle))</text>"
        for (i, label) in xLabels.enumerated() {
            s += "<text class=\"tl\" x=\"\(f(x(i)))\" y=\"\(f(Self.top + plotH + 16))\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        }
        for se in series {
            if let l = se.low, let hgh = se.high, n > 0 {
                let upper = (0..<n).map { "\(f(x($0))),\(f(y(hgh[$0])))" }
                let lower = (0..<n).reversed().map { "\(f(x($0))),\(f(y(l[$0])))" }
                s += "<polygon class=\"band\" fill=\"\(se.color)\" points=\"\((upper + lower).joined(separator: " "))\"/>"
                for i in 0..<n {
                    s += "<line stroke=\"\(se.color)\" stroke-width=\"1\" x1=\"\(f(x(i)))\" x2=\"\(f(x(i)))\" y1=\"\(f(y(l[i])))\" y2=\"\(f(y(hgh[i])))\"/>"
                }
            }
            let pts = (0..<n).map { "\(f(x($0))),\(f(y(se.median[$0])))" }.joined(separator: " ")
            s += "<polyline class=\"line\" stroke=\"\(se.color)\"\(se.dashed ? " stroke-dasharray=\"6 4\"" : "") points=\"\(pts)\"/>"
            for i in 0..<n { s += "<circle fill=\"\(se.color)\" cx=\"\(f(x(i)))\" cy=\"\(f(y(se.median[i])))\" r=\"2.6\"/>" }
        }
        // Legend, two per row.
        for (i, se) in series.enumerated() {
            let lx = Self.left + Double(i % 2) * plotW / 2, ly = h - 40 + Double(i / 2) * 16
            s += "<line stroke=\"\(se.color)\" stroke-width=\"2.4\"\(se.dashed ? " stroke-dasharray=\"6 4\"" : "") x1=\"\(f(lx))\" x2=\"\(f(lx + 18))\" y1=\"\(f(ly - 4))\" y2=\"\(f(ly - 4))\"/>"
            s += "<text class=\"lg\" x=\"\(f(lx + 24))\" y=\"\(f(ly))\">\(HTMLText.escape(se.name))</text>"
        }
        return s + "</svg>"
    }

    func label(_ v: Double, step: Double) -> String {
        SVGChart.number(v, decimals: step >= 1 ? 0 : step >= 0.1 ? 1 : 2, format: fm)
    }

    /// Axis bounds and a step of 1, 2 or 5 × 10^k giving 4-8 ticks.
    static func niceScale(min lo0: Double, max hi0: Double) -> (Double, Double, Double) {
        var lo = lo0, hi = hi0
        if hi - lo < 1e-9 { hi = lo + 1 }
        let raw = (hi - lo) / 5
        let mag = pow(10, floor(log10(raw)))
        let norm = raw / mag
        let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag
        lo = floor(lo / step) * step
        hi = ceil(hi / step) * step
        return (lo, hi, step)
    }
}
