import ArgumentParser
import PlacementMatching
import PlacementModel
import PlacementStore

extension Placement {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            // The run is deterministic: solving its stored input again gives its proposals, with
            // the reasons worded in the language asked for.
            let matcher = Matcher(input: stored.input, policy: stored.policy, language: language)
            let again = try matcher.run().proposals
            let proposals = again.map(\.comparable) == stored.proposals.map(\.comparable) ? again : stored.proposals
            guard let lines = matcher.explain(citizenId: citizen, proposals: proposals) else {
                throw UserError("Run \(stored.id) has no proposal for \(citizen).")
            }
            print((language == .da ? "Kørsel \(stored.id), \(DisplayFormat(language).date(stored.asOf))" : "Run \(stored.id), \(stored.asOf.iso)"))
            print(lines.joined(separator: "\n"))
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a run's proposals into placements from their move-in day.",
            discussion: """
                Without citizens, every open proposal of the run except `no fit` is accepted.

                Examples:
                  placement accept 4
                  placement accept 4 B0000123 B0000456
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The run id.")
        var runId: Int64

        @Argument(help: "Citizens whose proposals to accept (pseudonyms, case numbers or CPR numbers).")
        var citizens: [String] = []

        func validate() throws { try CitizenArgument.refuseAsRunId(runId) }

        func run() throws {
            let db = try database.open()
            let citizens = try self.citizens.map { try CitizenArgument.resolve($0, in: db) }
            let accepted = try db.write(command: "accept") { try MatchRuns.accept($0, run: runId, citizens: citizens) }
            print("Accepted \(accepted.count) proposal\(accepted.count == 1 ? "" : "s") of run \(runId): \(accepted.joined(separator: ", ")).")
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a proposal was refused, and why.",
            discussion: """
                Reasons and their consequences:
                  citizen_declined   the citizen declined the residence: excluded from it in later runs
                  provider_declined  the residence declined the citizen: excluded, and counted against the residence
                  need_changed       back to the case worker: off the waiting list until re-assessed
                  other              no consequence; --note is required

                A CPR number in the note is masked (******-****) before it is stored: the note is \
                printed in the weekly reports and kept in the audit log.

                Examples:
                  placement decline 4 B0000123 --reason citizen_declined
                  placement decline 4 B0000123 --reason other --note "Pårørende ønsker mere tid"
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The run id.")
        var runId: Int64

        @Argument(help: "The citizen's id (pseudonym, case number or CPR number).")
        var citizen: String

        @Option(help: "citizen_declined, provider_declined, need_changed or other.")
        var reason: DeclineReasonArgument

        @Option(help: "A note (required with `other`).")
        var note: String?

        @Option(name: .customLong("on"), help: ArgumentHelp("The day of the refusal (default today).", valueName: "date"))
        var on: DayArgument?

        func validate() throws {
            try CitizenArgument.refuseAsRunId(runId)
            try on.requireSupported("--on")
        }

        func run() throws {
            let db = try database.open()
            let citizen = try CitizenArgument.resolve(self.citizen, in: db)
            try db.write(command: "decline") { try MatchRuns.decline($0, run: runId, citizen: citizen, reason: reason.value, note: note, on: on?.day ?? Clock.today) }
            print("Recorded: \(citizen) \(reason.value.rawValue) in run \(runId).")
            if let note, CPR.containsCPR(note) { print("The CPR number in the note was stored masked: \(CPR.maskText(note))") }
        }
    }
}

struct DeclineReasonArgument: ExpressibleByArgument {
    let value: MatchRuns.DeclineReason
    init?(argument: String) {
        guard let v = MatchRuns.DeclineReason(rawValue: argument) else { return nil }
        value = v
    }
    static var allValueStrings: [String] { MatchRuns.DeclineReason.allCases.map(\.rawValue) }
}
