import Foundation
import PlacementModel
import PlacementStore

/// The weekly report in every format, from a database and a week: the entry point of
/// `placement report weekly`.
public struct WeeklyReport: Sendable {
    public typealias Format = DocumentFormat

    public let figures: WeeklyFigures
    public let document: ReportDocument
    public let isPublic: Bool

    public init(figures: WeeklyFigures, language: Language, isPublic: Bool) {
        self.figures = figures
        self.isPublic = isPublic
        self.document = ReportBuilder.document(figures, language: language, isPublic: isPublic)
    }

    public init(database: PlacementDatabase, week: ISOWeek, language: Language? = nil, isPublic: Bool = false) throws {
        let figures = try database.weeklyFigures(week)
        self.init(figures: figures, language: try language ?? database.language(), isPublic: isPublic)
    }

    public var summary: String { TextSummary.render(document) }
    public var html: String { HTMLReport.render(document) }
    public var markdown: String { MarkdownReport.render(document) }
    public var json: String { JSONReport.render(figures, isPublic: isPublic) }
    public func xlsx() throws -> Data { try XLSXReport.data(document) }

    /// The week a command line asks for: `--as-of DATE` (the week containing it), `--week`
    /// (`2026-W48`, or `48` in the ISO year of `today`), else the week containing `today`.
    /// Refusals are worded in `language`.
    public static func week(text: String?, asOf: Day?, today: Day, language: Language = .en) throws -> ISOWeek {
        let da = language == .da
        if let asOf { return ISOWeek(containing: asOf) }
        guard let text else { return ISOWeek(containing: today) }
        let year = ISOWeek(containing: today).year
        if let w = ISOWeek(parsing: text, defaultYear: year) {
            // 0001-W01 is a week, but no report can be made of it: the same days as --as-of.
            guard w.monday.isSupported && w.sunday.isSupported else { throw WeekError("--week \(text) \(Day.unsupportedPhrase(language)).") }
            return w
        }
        // Say why: a week number the year does not have, or text that is no week at all.
        if let (y, n) = ISOWeek.written(text) {
            let y = y ?? year
            throw WeekError(da ? "\(y) har \(ISOWeek.weeksIn(year: y)) ISO-uger; der er ingen uge \(n)."
                            : "\(y) has \(ISOWeek.weeksIn(year: y)) ISO weeks; there is no week \(n).")
        }
        throw WeekError(da ? "\"\(text)\" er ikke en uge; skriv 2026-W48, uge 48, 48/2026 eller 48 for uge 48 i \(year)."
                        : "\"\(text)\" is not a week; write 2026-W48, uge 48, 48/2026, or 48 for week 48 of \(year).")
    }
}

public struct WeekError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}
