import ArgumentParser
import PlacementModel
import PlacementStore

// The arguments the decision commands (accept, decline, withdraw, revoke, move-in) share,
// each declared once and used through `@OptionGroup`, so its help and its checks are the
// same in every command.

/// The match run a decision is about: the first argument.
struct RunIdArgument: ParsableArguments {
    @Argument(help: "The run id.")
    var runId: Int64

    func validate() throws { try CitizenArgument.refuseAsRunId(runId) }
}

/// The one citizen a decision is about, as the planner names them.
struct CitizenIdArgument: ParsableArguments {
    @Argument(help: "The citizen's id (pseudonym, case number or CPR number).")
    var citizen: String

    /// The citizen's pseudonym (`CitizenArgument.resolve`).
    func resolve(in db: PlacementDatabase) throws -> String { try CitizenArgument.resolve(citizen, in: db) }
}

/// `--on`: the day of a decision, today unless given.
struct DecisionDayOption: ParsableArguments {
    @Option(name: .customLong("on"), help: ArgumentHelp("The day of the decision (default today).", valueName: "date"))
    var on: DayArgument?

    func validate() throws { try on.requireSupported("--on") }

    var day: Day { on?.day ?? Clock.today }
}

extension DecisionText {
    /// The words of a decision on the database `database` opens, in its language.
    static func opening(_ database: DatabaseOptions) throws -> (PlacementDatabase, DecisionText) {
        let db = try database.open()
        return (db, DecisionText(language: try db.language(), db: db))
    }

    /// Makes a decision in the store; a refusal (`DecisionError`) is the user's error, worded
    /// in their language.
    func deciding<T>(_ decide: () throws -> T) throws -> T {
        do {
            return try decide()
        } catch let e as DecisionError {
            throw UserError(e.text(language), language: language)
        }
    }
}
