import ArgumentParser
import Foundation
import PlacementImport
import PlacementModel
import PlacementStore

extension SheetKind: ExpressibleByArgument {}

extension Placement {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load residences, places and citizens from CSV or XLSX files, all or nothing.",
            discussion: """
                Files load in dependency order whatever the order given, in one transaction: a file with any \
                error changes nothing. Re-importing a file changes nothing; next week's export updates what \
                changed and keeps the history. CPR numbers are replaced by pseudonyms before they are stored.

                Examples:
                  placement import seeds/residences.csv seeds/places.csv seeds/citizens.csv
                  placement import Venteliste.xlsx --dry-run
                  placement import venteliste_uge48.csv --kind citizens --close-missing
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("CSV or XLSX files.", valueName: "file"))
        var files: [String]

        @Option(help: "Treat every sheet as this kind: residences, places, citizens or placements.")
        var kind: SheetKind?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the files describe (default today).", valueName: "date"))
        var asOf: DayArgument?

        @Flag(name: .customLong("dry-run"), help: "Check and report without changing the database.")
        var dryRun = false

        @Flag(name: .customLong("close-missing"), help: "Close waiting citizens absent from this full export of the waiting list.")
        var closeMissing = false

        @Flag(help: "Print the report as JSON.")
        var json = false

        @Option(help: "The language of the messages: da or en (default: the database's).")
        var lang: Language?

        func validate() throws { try asOf.requireSupported("--as-of") }

        func run() throws {
            // A dry run cannot take the write lock: it checks on a read-only connection.
            let db = try database.open(dryRun ? .read : .write)
            let language = try lang ?? db.language()
            var options = ImportOptions(asOf: asOf?.day ?? Clock.today, dryRun: dryRun, closeMissing: closeMissing, kind: kind,
                                        language: language)
            if isatty(STDERR_FILENO) != 0 && !json {
                options.progress = { file, rows in
                    FileHandle.standardError.write(Data("\r\(file): \(rows) rows read…".utf8))
                }
            }
            let started = Date()
            let report = try Importer(database: db, options: options).run(files: files.map { URL(fileURLWithPath: $0) })
            if options.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if json {
                try printJSON(report)
            } else {
                let changes = ImportChangeText(language: language, db: db, asOf: options.asOf)
                print(ImportText.render(report, seconds: Date().timeIntervalSince(started), language: language, changes: changes))
            }
            if report.hasErrors { throw ExitCode(1) }
        }
    }
}

enum ImportText {
    /// The report worded in `language` (PlacementImport's `ImportReport.text`), with what it changed.
    static func render(_ r: ImportReport, seconds: Double, language: Language, changes words: ImportChangeText? = nil) -> String {
        r.text(language, seconds: seconds, changes: words?.lines(r) ?? [])
    }
}
