import PlacementModel

/// The weekly report as sections of typed tables, built once from `WeeklyFigures` and the
/// labels of one language (`ReportBuilder`), masked for public use (`PublicMasking`), and
/// rendered by every format: HTML, Markdown, CSV and XLSX print the same tables.
public struct ReportDocument: Sendable, Equatable {
    public var language: Language
    public var title: String
    /// "Uge 48 2026": the week, shown large.
    public var heading: String
    /// "uge 48 2026", "23-11-2026 – 29-11-2026", the planning area, as lines under the title.
    public var subtitle: [String]
    public var isPublic: Bool
    public var sections: [ReportSection]
    /// Paragraphs of the definitions note.
    public var definitions: [String]
    public var definitionsTitle: String
    /// The waiting-time norms in words ("13 uger (91 dage)"), in the order of the norms table's columns.
    public var normNames: [String]
    /// The browser's title of the HTML page, when not "heading · title" (the plan's heading holds its title).
    public var pageTitle: String? = nil

    /// All tables in order, with their section.
    public var tables: [(section: ReportSection, table: ReportTable)] {
        sections.flatMap { s in s.tables.map { (s, $0) } }
    }

    public func table(_ key: String) -> ReportTable? { tables.first { $0.table.key == key }?.table }
}

public struct ReportSection: Sendable, Equatable {
    /// Stable English key: `headline`, `trends`, `waiting`, ...
    public var key: String
    public var title: String
    /// Sentences shown before the tables.
    public var intro: [String]
    public var tables: [ReportTable]
    public var charts: [ReportChart]
    /// Wide tables: scrolled on a screen, printed on a landscape page.
    public var isWide = false
    /// Warnings about the section's figures (a shortened history), shown after the sentences.
    public var warnings: [String] = []
}

public struct ReportTable: Sendable, Equatable {
    /// Stable English key, also the CSV file name and `--section` value: `waiting`, `external-offer`.
    public var key: String
    /// A short title, also the XLSX sheet name (at most 31 characters).
    public var title: String
    public var columns: [ReportColumn]
    public var rows: [[ReportValue]]
    /// The totals row, if any.
    public var total: [ReportValue]?
    /// Rows about single citizens: left out of public reports.
    public var isCitizenLevel: Bool
    /// Shown when there are no rows ("Ingen venter.").
    public var emptyText: String
    /// The headline: rows are figures with mixed units; spreadsheets show it one figure per column.
    public var isFigureList: Bool = false
    /// Row indices to emphasise (waits over a norm).
    public var highlightedRows: Set<Int> = []
}

public struct ReportColumn: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text, count, days, median, money, percent, date, mixed
        public var isNumeric: Bool { self != .text && self != .date }
    }
    public var header: String
    public var kind: Kind
    public init(_ header: String, _ kind: Kind) {
        self.header = header
        self.kind = kind
    }
}

/// One cell. Numbers stay exact until a renderer prints them.
public indirect enum ReportValue: Sendable, Equatable {
    case empty
    case text(String)
    /// A pseudonymous citizen id (never a CPR number).
    case citizen(String)
    /// A plain integer that is not a count (a support level): never masked.
    case number(Int)
    /// A number of citizens, stays, places or events: shown as "<5" below 5 in public reports.
    case count(Int)
    /// Whole days; `basis` is the number of citizens it describes (masked below 5 in public).
    case days(Int, basis: Int?)
    /// A median of days.
    case median(Median, basis: Int?)
    /// Money; `basis` is the number of citizens it describes (masked below 5 in public).
    case money(Money, basis: Int?)
    /// A share `numerator / denominator`, printed as a percentage; masked in public when the
    /// denominator is below 5.
    case ratio(Int64, Int64)
    case date(Day)
    case week(ISOWeek)
    /// A signed difference from the week before; for `ratio` in percentage points.
    case change(ReportValue)
    /// Withheld in a public report.
    case masked

    /// The value as an exact fraction, for charts and spreadsheets (nil for text and dates).
    public var fraction: (numerator: Int64, denominator: Int64)? {
        switch self {
        case .count(let n), .number(let n): return (Int64(n), 1)
        case .days(let n, _): return (Int64(n), 1)
        case .median(let m, _): return (Int64(m.twice), 2)
        case .money(let m, _): return (m.ore, 100)
        case .ratio(let n, let d): return d == 0 ? nil : (n, d)
        case .change(let v): return v.fraction
        default: return nil
        }
    }
}

/// A line chart over weeks or years, drawn by `SVGChart`: one figure over the trend weeks
/// (the points' values), or several named series with 10-90 % bands over the plan's years
/// (`series`; the points then only name the x axis).
public struct ReportChart: Sendable, Equatable {
    public var title: String
    /// The y axis title with its unit: "Antal borgere", "Dage", "%", "mio. kr. om året".
    public var yAxisTitle: String
    public var xAxisTitle: String
    public var points: [ChartPoint]
    /// How values are scaled for the axis: a value shown is `value / scale` (1 for counts, 1.000.000 kr. for millions).
    public var unitScale: Double
    /// Decimals of the tick labels.
    public var decimals: Int
    /// The y axis starts at zero (counts, money) or follows the data.
    public var fromZero: Bool
    /// A horizontal reference line (100 % for occupancy).
    public var referenceLine: Double?
    /// The least span of the y axis when it does not start at zero.
    public var minimumSpan: Double? = nil
    /// Named series, each with a value per point: drawn instead of the points' values, with a legend.
    public var series: [ChartSeries] = []
}

/// One line of a chart with several: a median per point and, for simulated figures, the band
/// from the 10 % to the 90 % quantile. Values are scaled by the chart's `unitScale` as points are.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    /// A colour of `SVGChart.palette`.
    public var color: String
    public var median: [Double]
    public var low: [Double]?
    public var high: [Double]?
    /// Dashed: a capacity, not an outcome.
    public var dashed = false
}

public struct ChartPoint: Sendable, Equatable {
    /// The week of a trend point; nil on a chart over years (the plan's).
    public var week: ISOWeek?
    /// The x tick label: "uge 48".
    public var label: String
    /// nil: withheld (public) or no value.
    public var value: Double?
    /// The number of citizens the value describes: withheld in public below 5.
    public var basis: Int?
}
