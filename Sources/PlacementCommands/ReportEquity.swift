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
            commandName: "equity",
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

        @OptionGroup var document: DocumentOptions

        @Flag(name: .customLong("public"), help: "For reports that leave the department: groups of fewer than 5 citizens are not shown.")
        var isPublic = false

        @Option(help: "Language of the report: da or en (default: the database's).")
        var lang: Language?

        @Option(help: "The seed of the bootstrap (the same seed gives the same intervals).")
        var seed: UInt64 = 1

        @Option(help: "How many bootstrap resamples each interval is drawn from.")
        var resamples: Int = 999

        func validate() throws {
            try DayArgument.requirePeriod(from: from, to: to)
            if !(1...100_000).contains(resamples) { throw Refusal.error("--resamples skal være fra 1 til 100000.", "--resamples must be from 1 to 100000.") }
            try output.validate(explicit: document.format)
        }

        var output: DocumentOutput { DocumentOutput(format: document.format, out: document.out) }

        func run() throws {
            let db = try database.open(.read)
            let (start, end) = DayArgument.period(from: from, to: to)
            let language = try lang ?? db.language()
            let audit = try EquityAudit(database: db, from: start, to: end, seed: seed, resamples: resamples)
            let area = try db.planningArea().compactMap { ReferenceData.municipalityByCode[$0] }
            let doc = EquityDocument.build(audit, planningArea: area, language: language, isPublic: isPublic)
            let written = try output.write(doc, text: { DocumentText.render(doc) }, json: { EquityJSON.render(audit, isPublic: isPublic) },
                                           csvPrefix: "equity-\(start.iso)-\(end.iso)")
            for path in written { print(path) }
        }
    }
}
