import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Withdraw a planned move-in (or, with --run, an open proposal), with a reason.",
            discussion: """
                A planned move-in can be withdrawn at any time before the move-in is confirmed: its stay \
                is removed and the citizen is waiting again (a move home keeps the external stay).

                Examples:
                  placement withdraw B0000123 --reason "Borgeren er indlagt"
                  placement withdraw B0000123 --run 4 --reason "Tilbuddet lukker afdelingen"
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var citizen: CitizenIdArgument

        @Option(name: .customLong("run"), help: "The run whose open proposal to withdraw (default: the planned move-in).")
        var runId: Int64?

        @Option(help: "Why it is withdrawn (kept in the audit log).")
        var reason: String

        @OptionGroup var on: DecisionDayOption

        func validate() throws { try CitizenArgument.refuseAsRunId(runId) }

        func run() throws {
            let (db, words) = try DecisionText.opening(database)
            let citizen = try self.citizen.resolve(in: db)
            let withdrawn = try words.deciding { try db.withdraw(citizen: citizen, run: runId, reason: reason, on: on.day) }
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
            commandName: "revoke",
            abstract: "Revoke a decline: its exclusion ends and the proposal is open again.",
            discussion: """
                A citizen the decline took off the waiting list (need_changed) is waiting again.

                Examples:
                  placement revoke 4 B0000123
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var matchRun: RunIdArgument

        @OptionGroup var citizen: CitizenIdArgument

        @OptionGroup var on: DecisionDayOption

        func run() throws {
            let (db, words) = try DecisionText.opening(database)
            let citizen = try self.citizen.resolve(in: db)
            let runId = matchRun.runId
            try words.deciding { try db.revokeDecline(run: runId, citizen: citizen, on: on.day) }
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

        @OptionGroup var citizen: CitizenIdArgument

        @Option(name: .customLong("on"), help: ArgumentHelp("The day the citizen moved in (default: the planned day).", valueName: "date"))
        var on: DayArgument?

        func validate() throws { try on.requireSupported("--on") }

        func run() throws {
            let (db, words) = try DecisionText.opening(database)
            let citizen = try self.citizen.resolve(in: db)
            let a = try words.deciding { try db.confirmMoveIn(citizen: citizen, on: on?.day) }
            let day = words.f.date(on?.day ?? a.moveIn)
            print(words.da ? "\(citizen) er flyttet ind i \(words.residence(a.residenceId)) fra \(day)."
                  : "\(citizen) moved into \(words.residence(a.residenceId)) from \(day).")
        }
    }
}
