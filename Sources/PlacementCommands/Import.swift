import ArgumentParser
import Foundation
import PlacementImport
import PlacementModel
import PlacementStore

extension SheetKind: ExpressibleByArgument {}

extension Placement {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        func validate() throws { try asOf.requireSupported("--as-of") }

        func run() throws {
            // A dry run cannot take the write lock: it checks on a read-only connection.
            let db = try database.open(dryRun ? .read : .write)
            var options = ImportOptions(asOf: asOf?.day ?? Clock.today, dryRun: dryRun, closeMissing: closeMissing, kind: kind)
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
                let changes = ImportChangeText(language: try db.language(), db: db, asOf: options.asOf)
                print(ImportText.render(report, seconds: Date().timeIntervalSince(started), changes: changes))
            }
            if report.hasErrors { throw ExitCode(1) }
        }
    }
}

enum ImportText {
    static func render(_ r: ImportReport, seconds: Double, changes words: ImportChangeText? = nil) -> String {
        var lines: [String] = []
        for s in r.sheets {
            let name = s.sheet.map { "\(s.file) [\($0)]" } ?? s.file
            lines.append("\(name) (\(s.kind.rawValue)\(s.dialect.map { "; " + $0 } ?? "")): \(s.rowsRead) rows read, "
                         + "\(s.inserted) inserted, \(s.updated) updated, \(s.unchanged) unchanged")
        }
        if let words { lines += words.lines(r) }
        let errors = r.issues.filter { $0.severity == .error }, warnings = r.issues.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            lines.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s"):")
            lines += warnings.map { "  \($0)" }
        }
        if !errors.isEmpty {
            lines.append("\(r.errorCount) error\(r.errorCount == 1 ? "" : "s"):")
            lines += errors.map { "  \($0)" }
            if r.errorsNotListed > 0 { lines.append("  … and \(r.errorsNotListed) more errors not listed") }
        }
        if !r.missingWaiting.isEmpty {
            let ids = r.missingWaiting.prefix(20).joined(separator: ", ") + (r.missingWaiting.count > 20 ? ", …" : "")
            lines.append(r.closedMissing
                ? "Closed \(r.missingWaiting.count) waiting citizen(s) absent from the export: \(ids)"
                : "\(r.missingWaiting.count) waiting citizen(s) are absent from this export and were kept: \(ids). Re-run with --close-missing to close them.")
        }
        if r.hasErrors {
            lines.append("Nothing was imported: the database is unchanged. Correct the errors above and import again.")
        } else if r.dryRun {
            lines.append("Dry run: the files are valid; nothing was written.")
        } else {
            let rows = r.sheets.reduce(0) { $0 + $1.rowsRead }
            let rate = seconds > 0 ? Int(Double(rows) / seconds) : rows
            lines.append("Imported \(rows) rows in \(String(format: "%.2f", seconds)) s (\(rate) rows/s).")
        }
        return lines.joined(separator: "\n")
    }
}
