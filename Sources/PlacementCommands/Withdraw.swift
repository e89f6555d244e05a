import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a planned move-in (or, with --run, an open proposal), with a reason.",
            discussion: """
                A planned move-in can be withdrawn at any time before the move-in is confirmed: its stay \
                is removed and the citizen is waiting again (a move home keeps the external stay).

                Examples:
                  placement withdraw B0000123 --reason "Borgeren er indlagt"
                  placement withdraw B0000123 --run 4 --reason "Tilbuddet lukker afdelingen"
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The citizen's id (pseudonym, case number or CPR number).")
        var citizen: String

        @Option(name: .customLong("run"), help: "The run whose open proposal to withdraw (default: the planned move-in).")
        var runId: Int64?

        @Option(help: "Why it is withdrawn (kept in the audit log).")
        var reason: String

        @Option(name: .customLong("on"), help: ArgumentHelp("The day of the decision (default today).", valueName: "date"))
        var on: DayArgument?

        func validate() throws {
            try CitizenArgument.refuseAsRunId(runId)
            try on.requireSupported("--on")
        }

        func run() throws {
            let db = try database.open()
            let words = DecisionText(language: try db.language(), db: db)
            let citizen = try CitizenArgument.resolve(self.citizen, in: db)
            let withdrawn: Acceptance?
            do {
                withdrawn = try db.withdraw(citizen: citizen, run: runId, reason: reason, on: on?.day ?? Clock.today)
            } catch let e as DecisionError {
                throw UserError(e.text(words.language), language: words.language)
            }
            if let a = withdrawn {
                print(words.da ? "Trukket tilbage: \(citizen) flytter ikke ind i \(words.residence(a.residenceId)) fra \(words.f.date(a.moveIn)); venter igen."
                      : "Withdrawn: \(citizen) will not move into \(words.residence(a.residenceId)) from \(words.f.date(a.moveIn)); waiting again.")
            } else {
                print(words.da ? "Trukket tilbage: forslaget for \(citizen) i kørsel \(runId ?? 0)."
                      : "Withdrawn: the proposal for \(citizen) in run \(runId ?? 0).")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a decline: its exclusion ends and the proposal is open again.",
            discussion: """
                A citizen the decline took off the waiting list (need_changed) is waiting again.

                Examples:
                  placement revoke 4 B0000123
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The run id.")
        var runId: Int64

        @Argument(help: "The citizen's id (pseudonym, case number or CPR number).")
        var citizen: String

        @Option(name: .customLong("on"), help: ArgumentHelp("The day of the decision (default today).", valueName: "date"))
        var on: DayArgument?

        func validate() throws {
            try CitizenArgument.refuseAsRunId(runId)
            try on.requireSupported("--on")
        }

        func run() throws {
            let db = try database.open()
            let words = DecisionText(language: try db.language(), db: db)
            let citizen = try CitizenArgument.resolve(self.citizen, in: db)
            do {
                try db.revokeDecline(run: runId, citizen: citizen, on: on?.day ?? Clock.today)
            } catch let e as DecisionError {
                throw UserError(e.text(words.language), language: words.language)
            }
            print(words.da ? "Afslaget er tilbagekaldt: \(citizen) i kørsel \(runId)." : "Decline revoked: \(citizen) in run \(runId).")
        }
    }

    struct MoveIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move-in",
            abstract: "Confirm a planned move-in before an export shows it.",
            discussion: """
                Examples:
                  placement move-in B0000123
                  placement move-in B0000123 --on 2026-12-03
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The citizen's id (pseudonym, case number or CPR number).")
        var citizen: String

        @Option(name: .customLong("on"), help: ArgumentHelp("The day the citizen moved in (default: the planned day).", valueName: "date"))
        var on: DayArgument?

        func validate() throws { try on.requireSupported("--on") }

        func run() throws {
            let db = try database.open()
            let words = DecisionText(language: try db.language(), db: db)
            let citizen = try CitizenArgument.resolve(self.citizen, in: db)
            let a: Acceptance
            do {
                a = try db.confirmMoveIn(citizen: citizen, on: on?.day)
            } catch let e as DecisionError {
                throw UserError(e.text(words.language), language: words.language)
            }
            let day = words.f.date(on?.day ?? a.moveIn)
            print(words.da ? "\(citizen) er flyttet ind i \(words.residence(a.residenceId)) fra \(day)."
                  : "\(citizen) moved into \(words.residence(a.residenceId)) from \(day).")
        }
    }
}
