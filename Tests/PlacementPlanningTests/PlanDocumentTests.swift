import Foundation
import PlacementModel
import PlacementPlanning
@testable import PlacementReports
import Testing

/// The plan is a `ReportDocument` printed by the report's one HTML renderer and one chart
/// renderer: its page is the report's page, its charts the report's charts.
@Suite struct PlanDocumentTests {
    @Test func thePlanPageIsTheReportRendererOnThePlanDocument() throws {
        let plan = try OutputTests.plan(.da)
        let doc = PlanDocument.build(plan, language: .da)
        #expect(PlanHTML.render(plan, language: .da) == HTMLReport.render(doc))
        #expect(doc.sections.map(\.key) == ["summary", "charts", "years", "capacity", "where", "vacancy", "basis"])
        #expect(doc.heading == "Kapacitetsplan 2027-2028")
        // One year table per scenario, titled with its letter (B: the baseline, A: the first scenario).
        #expect(doc.sections[2].tables.map(\.title) == ["B: Basis (ingen ændring)", "A: build"])
        let html = HTMLReport.render(doc)
        #expect(html.contains("<title>Kapacitetsplan 2027-2028</title>"))
        #expect(html.contains("<style>\n\(HTMLPage.style)\n</style>"))
        #expect(html.contains("<section id=\"years\" class=\"wide\">"))
        #expect(html.contains("<section id=\"summary\" class=\"\">"))
        #expect(html.contains("<h3>A: build</h3>"))
    }

    /// A basis that cannot be estimated (no ended stays) is a warning of the basis section, printed as the report prints a note.
    @Test func theBasisWarningsAreNotes() throws {
        let plan = try OutputTests.plan(.en)
        let basis = try #require(PlanDocument.build(plan, language: .en).sections.last)
        #expect(basis.key == "basis")
        #expect(basis.warnings.count == plan.estimate.notes.count)
        let warning = try #require(basis.warnings.first)
        #expect(warning == "The database has no ended stays: stay lengths cannot be estimated. Give mean_stay_years with --assumptions.")
        #expect(PlanHTML.render(plan, language: .en).contains("<p class=\"note\">\(warning)</p>"))
    }

    @Test func theCostChartsHaveABandedSeriesPerScenarioAndTheDifferenceAZeroLine() throws {
        let plan = try OutputTests.plan(.en)
        let charts = PlanDocument.build(plan, language: .en).sections[1].charts
        // Total cost, difference, and demand and capacity for each of the two scenarios.
        #expect(charts.map(\.title) == ["Total cost per scenario", "Difference from the baseline (negative = saving)",
                                        "Demand and own places on 31 Dec: B", "Demand and own places on 31 Dec: A"])
        #expect(charts[0].series.map(\.name) == ["B: Baseline (no change)", "A: build"])
        #expect(charts[0].points.map(\.label) == ["2027", "2028"])
        #expect(charts[1].referenceLine == 0)
        #expect(charts[2].series.map(\.dashed) == [false, false, true])
        let svg = SVGChart(charts[0], language: .en).render(id: "cost")
        #expect(svg.components(separatedBy: "<polyline class=\"line\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "<polygon class=\"band\"").count - 1 == 2)
        #expect(svg.contains("<text class=\"lg\" x=\"88\" y=\"260\">B: Baseline (no change)</text>"))
        #expect(svg.contains("viewBox=\"0 0 520 300\""))
    }

    /// A chart of one figure (the weekly report's) and one of several series share the axis:
    /// the same values give the same ticks and tick labels.
    @Test func oneAxisRuleForBothKindsOfChart() {
        let points = (1...4).map { ChartPoint(week: nil, label: "\($0)", value: Double($0 * 10), basis: nil) }
        let single = ReportChart(title: "t", yAxisTitle: "y", xAxisTitle: "", points: points, unitScale: 1, decimals: 0,
                                 fromZero: true, referenceLine: nil)
        var several = single
        several.series = [ChartSeries(name: "s", color: SVGChart.palette[0], median: [10, 20, 30, 40], low: nil, high: nil)]
        func ticks(_ svg: String) -> [String] {
            svg.components(separatedBy: "text-anchor=\"end\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        let a = SVGChart(single, language: .da).render(id: "a"), b = SVGChart(several, language: .da).render(id: "b")
        #expect(ticks(a) == ["0", "10", "20", "30", "40"])
        #expect(ticks(b) == ticks(a))
        // One figure writes its last value; several series name themselves in a legend instead.
        #expect(a.contains("class=\"lv\"") && !a.contains("class=\"lg\""))
        #expect(b.contains("class=\"lg\"") && !b.contains("class=\"lv\""))
    }
}
