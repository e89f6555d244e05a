import ArgumentParser
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain a run's proposal for one citizen: every own residence considered and what decided it.",
            discussion: """
                Examples:
                  placement explain B0000123
                  placement explain B0000123 --run 4 --lang en
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The citizen's id (pseudonym, case number or CPR number).")
        var citizen: String

        @Option(name: .customLong("run"), help: "The run (default: the latest).")
        var runId: Int64?

        @Option(help: "Language of output: da or en (default: the database's).")
        var lang: Language?

        func validate() throws { try CitizenArgument.refuseAsRunId(runId) }

        func run() throws {
            let db = try database.open(.read)
            let language = try lang ?? db.language()
            let citizen = try CitizenArgument.resolve(self.citizen, in: db)
            let stored = try db.read { d in try MatchRuns.load(d, id: try runId ?? MatchRuns.latestId(d)) }
            // The stored proposals carry their reasons as codes, worded here in the language
            // asked for: the run is read, not solved again.
            let matcher = Matcher(input: stored.input, policy: stored.policy, language: language)
            guard let explanation = matcher.explain(citizenId: citizen, proposals: stored.proposals) else {
                throw UserError.worded("Kørsel \(stored.id) har intet forslag for \(citizen).",
                                       "Run \(stored.id) has no proposal for \(citizen).", in: language)
            }
            print((language == .da ? "Kørsel \(stored.id), \(DisplayFormat(language).date(stored.asOf))" : "Run \(stored.id), \(stored.asOf.iso)"))
            print(ExplanationText.lines(explanation, language: language).joined(separator: "\n"))
            if let proposal = stored.proposals.first(where: { $0.citizenId == citizen }) {
                let notes = ProposalNotes.lines(proposal, input: stored.input, policy: stored.policy, language: language)
                if !notes.isEmpty { print((language == .da ? "Bemærk:\n" : "Notes:\n") + notes.map { "  " + $0 }.joined(separator: "\n")) }
            }
        }
    }
}
