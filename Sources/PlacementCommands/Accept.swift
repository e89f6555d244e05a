import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
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

        @OptionGroup var matchRun: RunIdArgument

        @Argument(help: "Citizens whose proposals to accept (pseudonyms, case numbers or CPR numbers).")
        var citizens: [String] = []

        @OptionGroup var on: DecisionDayOption

        func run() throws {
            let (db, words) = try DecisionText.opening(database)
            let citizens = try self.citizens.map { try CitizenArgument.resolve($0, in: db) }
            let runId = matchRun.runId
            let outcome = try words.deciding { try db.accept(run: runId, citizens: citizens, on: on.day) }
            for a in outcome.accepted { print(words.accepted(a)) }
            for r in outcome.refused { print(words.refused(r)) }
            print(words.acceptSummary(outcome, run: runId))
            if !outcome.refused.isEmpty { throw ExitCode(1) }
        }
    }
}
