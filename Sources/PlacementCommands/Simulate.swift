import ArgumentParser
import Foundation
import PlacementEvidence
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement {
    /// `placement simulate`: the past period replayed week by week under other policies,
    /// against what actually happened.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Replay a past period week by week under other policies and compare with what happened.",
            discussion: """
                The replay starts from the recorded state on --from, takes the recorded referrals, \
                departures and vacancies, matches every 7 days under each policy and follows its proposals \
                (moving in --lag days later). The stored policy is always replayed too, as the baseline. \
                Policy files are KEY = VALUE lines, as `placement match --policy` reads them.

                Examples:
                  placement simulate --from 2025-12-01 --to 2026-11-30 --policy seeds/policy-wait-longer.policy --summary
                  placement simulate --from 2025-12-01 --to 2026-11-30 --policy B.policy --policy C.policy --out genafspilning.html
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The first day of the period (default: a year before --to).", valueName: "date"))
        var from: DayArgument?

        @Option(help: ArgumentHelp("The last day of the period (default: today).", valueName: "date"))
        var to: DayArgument?

        @Option(name: .customLong("policy"), help: ArgumentHelp("A policy file to replay (repeatable).", valueName: "file"))
        var policies: [String] = []

        @Option(help: "Days from a match to moving in.")
        var lag: Int = 14

        @OptionGroup var document: DocumentOptions

        @Option(help: "Language of the output: da or en (default: the database's).")
        var lang: Language?

        @Flag(help: "On the terminal, only the headline figures (one screen).")
        var summary = false

        func validate() throws {
            try DayArgument.requirePeriod(from: from, to: to)
            if !(0...365).contains(lag) { throw Refusal.error("--lag skal være fra 0 til 365 dage.", "--lag must be from 0 to 365 days.") }
            try output.validate(explicit: document.format)
        }

        var output: DocumentOutput { DocumentOutput(format: document.format, out: document.out) }

        func run() throws {
            let db = try database.open(.read)
            let language = try lang ?? db.language()
            let da = language == .da
            let (start, end) = DayArgument.period(from: from, to: to)
            let stored = try db.read { try MatchPolicy.load($0) }
            let named = try policies.map { path in
                (name: (path as NSString).lastPathComponent, policy: try PolicyFile.apply(path: path, to: stored, language: language))
            }
            let replay = Replay(history: try ReplayHistory.load(db), from: start, to: end, lag: lag)
            let recorded = replay.recorded(policy: stored, name: da ? "Det skete" : "What happened")
            let outcomes = [replay.run(policy: stored, name: da ? "Gældende politik" : "Current policy")]
                + named.map { replay.run(policy: $0.policy, name: $0.name) }
            let area = try db.planningArea().compactMap { ReferenceData.municipalityByCode[$0] }
            let doc = ReplayDocument.build(recorded: recorded, replays: outcomes, from: start, to: end, lag: lag,
                                           norms: stored.waitNormDays, planningArea: area, language: language)
            var shown = doc
            if summary { shown.sections = Array(doc.sections.prefix(1)) }
            let written = try output.write(doc, text: { DocumentText.render(shown) },
                                           json: { ReplayJSON.render(recorded: recorded, replays: outcomes, from: start, to: end, lag: lag) },
                                           csvPrefix: "replay-\(start.iso)-\(end.iso)")
            for path in written { print(path) }
        }
    }
}
