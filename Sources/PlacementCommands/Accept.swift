import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept a run's proposals: each becomes a planned move-in.",
            discussion: """
                Without citizens, every open proposal of the run except `no fit` is accepted. Each \
                proposal that cannot be accepted is named with its reason, and the others are accepted \
                still; the exit status is 1 if any was refused. An accepted proposal is a planned move-in \
                until an export shows the citizen moved in (or `placement move-in` says so); an export \
                that does not know it yet never undoes it. `placement withdraw` takes it back.

                Examples:
                  placement accept 4
                  placement accept 4 B0000123 B0000456
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The run id.")
        var runId: Int64

        @Argument(help: "Citizens whose proposals to accept (pseudonyms, case numbers or CPR numbers).")
        var citizens: [String] = []

        @Option(name: .customLong("on"), help: ArgumentHelp("The day of the decision (default today).", valueName: "date"))
        var on: DayArgument?

        func validate() throws {
            try CitizenArgument.refuseAsRunId(runId)
            try on.requireSupported("--on")
        }

        func run() throws {
            let db = try database.open()
            let words = DecisionText(language: try db.language(), db: db)
            let citizens = try self.citizens.map { try CitizenArgument.resolve($0, in: db) }
            let outcome: AcceptOutcome
            do {
                outcome = try db.accept(run: runId, citizens: citizens, on: on?.day ?? Clock.today)
            } catch let e as DecisionError {
                throw UserError(e.text(words.language), language: words.language)
            }
            for a in outcome.accepted { print(words.accepted(a)) }
            for r in outcome.refused { print(words.refused(r)) }
            print(words.acceptSummary(outcome, run: runId))
            if !outcome.refused.isEmpty { throw ExitCode(1) }
        }
    }
}
