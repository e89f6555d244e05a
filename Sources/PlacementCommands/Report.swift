import ArgumentParser
import Foundation
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports for planners and management.",
            subcommands: [Weekly.self, Equity.self])
    }
}

extension Placement.Report {
    /// `placement report weekly`: occupancy, waiting list, placements and external purchases
    /// of one ISO week, from the history in the database.
    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Option(help: ArgumentHelp("html, xlsx, csv, md, json or text (default: from --out's extension, else text).", valueName: "format"))
        var format: WeeklyFormat?

        @Option(help: ArgumentHelp("The file to write (a directory for csv of all tables). Default: the terminal.", valueName: "path"))
        var out: String?

        @Option(help: ArgumentHelp("With csv: only this table or section (e.g. waiting, residences, external, trends).", valueName: "key"))
        var section: String?

        @Flag(name: .customLong("public"), help: "For reports that leave the department: counts below 5 as \"<5\", no rows about single citizens.")
        var isPublic = false

        @Option(help: "Language of the report: da or en (default: the database's).")
        var lang: Language?

        @Flag(help: "After writing --out, also print the summary on the terminal.")
        var summary = false

        func validate() throws {
            try asOf.requireSupported("--as-of")
            if week != nil && asOf != nil { throw ValidationError("Give --week or --as-of, not both.") }
            if section != nil && resolvedFormat != .csv { throw ValidationError("--section is for --format csv.") }
            if resolvedFormat == .xlsx && out == nil { throw ValidationError("An XLSX workbook needs a file: add --out FILE.xlsx.") }
            if let out, format == nil, WeeklyReport.Format(path: out) == nil {
                throw ValidationError("Say which format to write to \(out): --format html, xlsx, csv, md, json or text, "
                                      + "or an --out ending in .html, .xlsx, .csv, .md or .json.")
            }
        }

        var resolvedFormat: WeeklyFormat {
            if let format { return format }
            if let out, let f = WeeklyReport.Format(path: out), let w = WeeklyFormat(rawValue: f.rawValue) { return w }
            return .text
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
            var written: [String] = []
            switch resolvedFormat {
            case .text: try emit(report.summary + "\n", to: out, &written)
            case .html: try emit(report.html, to: out, &written)
            case .md: try emit(report.markdown, to: out, &written)
            case .json: try emit(report.json, to: out, &written)
            case .xlsx:
                let url = URL(fileURLWithPath: out ?? "report.xlsx")  // validate() requires --out for xlsx
                try XLSXReport.write(report.document, to: url)
                written.append(url.path)
            case .csv: try writeCSV(report, &written)
            }
            for path in written { print(path) }
            if summary && out != nil && resolvedFormat != .text { print(report.summary) }
        }

        func writeCSV(_ report: WeeklyReport, _ written: inout [String]) throws {
            let doc = report.document
            let tables = CSVReport.tables(doc, selecting: section)
            if tables.isEmpty {
                let keys = CSVReport.keys(doc).joined(separator: ", ")
                throw UserError(section.map { "No table or section \"\($0)\"; choose one of: \(keys)." }
                                ?? "There is no table to write.")
            }
            let isFile = out.map { $0.lowercased().hasSuffix(".csv") } ?? true
            if isFile {
                guard tables.count == 1 else {
                    throw UserError("Several tables (\(tables.map(\.key).joined(separator: ", "))): give --out DIRECTORY, or one --section.")
                }
                let bytes = CSVReport.bytes(tables[0], language: doc.language)
                if let out {
                    let url = URL(fileURLWithPath: out)
                    try Data(bytes).write(to: url, options: .atomic)
                    written.append(url.path)
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
                return
            }
            let dir = URL(fileURLWithPath: out ?? ".", isDirectory: true)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for file in CSVReport.files(doc, prefix: report.figures.week.description, selecting: section) {
                let url = dir.appendingPathComponent(file.name)
                try Data(file.bytes).write(to: url, options: .atomic)
                written.append(url.path)
            }
        }
    }
}

enum WeeklyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html, xlsx, csv, md, json
}
