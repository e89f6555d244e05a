import ArgumentParser
import Foundation
import PlacementEvidence
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement.Report {
    /// `placement report equity`: whether groups of citizens fared alike over a period.
    struct Equity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The equity audit: waits, local placements, distances, purchases and provider declines by group.",
            discussion: """
                Each group (age band, target group, support level, urgency, home municipality) is compared \
                with citizens of the same offer type and support level, so a group that waits longer only \
                because its offer type is scarce is not flagged. Differences carry a seeded bootstrap \
                interval; a difference is flagged when the interval excludes zero and both sides have at \
                least 5 citizens.

                Examples:
                  placement report equity
                  placement report equity --from 2025-12-01 --to 2026-11-30 --out lighed.html
                  placement report equity --public --out lighed-offentlig.xlsx
                  placement report equity --format json --lang en
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The first day of the period (default: a year before --to).", valueName: "date"))
        var from: DayArgument?

        @Option(help: ArgumentHelp("The last day of the period (default: today).", valueName: "date"))
        var to: DayArgument?

        @Option(help: ArgumentHelp("html, xlsx, csv, md, json or text (default: from --out's extension, else text).", valueName: "format"))
        var format: WeeklyFormat?

        @Option(help: ArgumentHelp("The file to write (a directory for csv of all tables). Default: the terminal.", valueName: "path"))
        var out: String?

        @Flag(name: .customLong("public"), help: "For reports that leave the department: groups of fewer than 5 citizens are not shown.")
        var isPublic = false

        @Option(help: "Language of the report: da or en (default: the database's).")
        var lang: Language?

        @Option(help: "The seed of the bootstrap (the same seed gives the same intervals).")
        var seed: UInt64 = 1

        @Option(help: "How many bootstrap resamples each interval is drawn from.")
        var resamples: Int = 999

        func validate() throws {
            try from.requireSupported("--from")
            try to.requireSupported("--to")
            if let from, let to, to.day < from.day { throw ValidationError("--to \(to.day.iso) is before --from \(from.day.iso).") }
            if !(1...100_000).contains(resamples) { throw ValidationError("--resamples must be from 1 to 100000.") }
            if resolvedFormat == .xlsx && out == nil { throw ValidationError("An XLSX workbook needs a file: add --out FILE.xlsx.") }
        }

        var resolvedFormat: WeeklyFormat {
            if let format { return format }
            if let out, let f = WeeklyReport.Format(path: out), let w = WeeklyFormat(rawValue: f.rawValue) { return w }
            return .text
        }

        func run() throws {
            let db = try database.open(.read)
            let end = to?.day ?? Clock.today
            let start = from?.day ?? end.adding(years: -1).adding(days: 1)
            let language = try lang ?? db.language()
            let audit = try EquityAudit(database: db, from: start, to: end, seed: seed, resamples: resamples)
            let area = try db.planningArea().compactMap { ReferenceData.municipalityByCode[$0] }
            let doc = EquityDocument.build(audit, planningArea: area, language: language, isPublic: isPublic)
            var written: [String] = []
            switch resolvedFormat {
            case .text: try emit(DocumentText.render(doc), to: out, &written)
            case .html: try emit(HTMLReport.render(doc), to: out, &written)
            case .md: try emit(MarkdownReport.render(doc), to: out, &written)
            case .json: try emit(EquityJSON.render(audit, isPublic: isPublic), to: out, &written)
            case .xlsx:
                let url = URL(fileURLWithPath: out ?? "equity.xlsx")
                try XLSXReport.write(doc, to: url)
                written.append(url.path)
            case .csv:
                let dir = URL(fileURLWithPath: out ?? ".", isDirectory: true)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                for file in CSVReport.files(doc, prefix: "equity-\(start.iso)-\(end.iso)") {
                    let url = dir.appendingPathComponent(file.name)
                    try Data(file.bytes).write(to: url, options: .atomic)
                    written.append(url.path)
                }
            }
            for path in written { print(path) }
        }
    }
}
