import ArgumentParser
import Foundation
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Reports for planners and management.",
            subcommands: [Weekly.self, Equity.self])
    }
}

extension Placement.Report {
    /// `placement report weekly`: occupancy, waiting list, placements and external purchases
    /// of one ISO week, from the history in the database.
    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "The weekly report: occupancy, waiting list, placements and external purchases.",
            discussion: """
                Figures are computed from the database's history for the week's Monday to Sunday, so any \
                past week can be reported and gives the same report whenever it is produced.

                Examples:
                  placement report weekly
                  placement report weekly --week 2026-W48 --out uge48.html
                  placement report weekly --week 48 --out uge48.xlsx
                  placement report weekly --as-of 2026-11-23 --format csv --out rapport/
                  placement report weekly --format csv --section waiting
                  placement report weekly --public --lang en --out week48-public.html
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The ISO week: 2026-W48, or 48 for week 48 of this year (default: the current week).", valueName: "week"))
        var week: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Report the week that contains this day.", valueName: "date"))
        var asOf: DayArgument?

        @OptionGroup var document: DocumentOptions

        @Option(help: ArgumentHelp("With csv: only this table or section (e.g. waiting, residences, external, trends).", valueName: "key"))
        var section: String?

        @Flag(name: .customLong("public"), help: "For reports that leave the department: counts below 5 as \"<5\", no rows about single citizens.")
        var isPublic = false

        @Option(help: "Language of the report: da or en (default: the database's).")
        var lang: Language?

        @Flag(help: "After writing --out, also print the summary on the terminal.")
        var summary = false

        var output: DocumentOutput { DocumentOutput(format: document.format, out: document.out, section: section) }

        func validate() throws {
            try asOf.requireSupported("--as-of")
            if week != nil && asOf != nil { throw Refusal.error("Angiv --week eller --as-of, ikke begge.", "Give --week or --as-of, not both.") }
            try output.validate(explicit: document.format)
        }

        func run() throws {
            let db = try database.open()
            let language = try lang ?? db.language()
            let wk: ISOWeek
            do {
                wk = try WeeklyReport.week(text: week, asOf: asOf?.day, today: Clock.today, language: language)
            } catch let e as WeekError {
                throw UserError(e.description, language: language)
            }
            var figures = try db.weeklyFigures(wk)
            // The week's first production is kept; produced again, the report marks what changed since.
            try db.recordFirstProduction(&figures)
            let report = WeeklyReport(figures: figures, language: language, isPublic: isPublic)
            let written = try output.write(report.document, text: { report.summary + "\n" }, json: { report.json },
                                           csvPrefix: report.figures.week.description)
            for path in written { print(path) }
            if summary && document.out != nil && output.format != .text { print(report.summary) }
        }
    }
}
