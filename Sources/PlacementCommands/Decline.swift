import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline",
            abstract: "Record that a proposal was refused, and why.",
            discussion: """
                Reasons and their consequences:
                  citizen_declined   the citizen declined the residence: excluded from it in later runs
                  provider_declined  the residence declined the citizen: excluded, and counted against the residence
                  need_changed       back to the case worker: off the waiting list until re-assessed
                  other              no consequence; --note is required

                The consequence stands on its own, beside the export's excluded residences: an import \
                never undoes it. `placement revoke` takes a decline back.

                A CPR number in the note is masked (******-****) before it is stored: the note is \
                printed in the weekly reports and kept in the audit log.

                Examples:
                  placement decline 4 B0000123 --reason citizen_declined
                  placement decline 4 B0000123 --reason other --note "Pårørende ønsker mere tid"
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var matchRun: RunIdArgument

        @OptionGroup var citizen: CitizenIdArgument

        @Option(help: "citizen_declined, provider_declined, need_changed or other.")
        var reason: DeclineReasonArgument

        @Option(help: "A note (required with `other`).")
        var note: String?

        @Option(name: .customLong("on"), help: ArgumentHelp("The day of the refusal (default today).", valueName: "date"))
        var on: DayArgument?

        func validate() throws { try on.requireSupported("--on") }

        func run() throws {
            let (db, words) = try DecisionText.opening(database)
            let citizen = try self.citizen.resolve(in: db)
            let runId = matchRun.runId
            try words.deciding {
                try db.decline(run: runId, citizen: citizen, reason: reason.value, note: note, on: on?.day ?? Clock.today)
            }
            print(words.da ? "Afslag registreret: \(citizen) i kørsel \(runId), \(words.reason(reason.value))."
                  : "Recorded: \(citizen) in run \(runId), \(words.reason(reason.value)).")
            if let note, CPR.containsCPR(note) {
                print(words.da ? "CPR-nummeret i noten er gemt maskeret: \(CPR.maskText(note))"
                      : "The CPR number in the note was stored masked: \(CPR.maskText(note))")
            }
        }
    }
}

struct DeclineReasonArgument: ExpressibleByArgument {
    let value: DeclineReason
    init?(argument: String) {
        guard let v = DeclineReason(rawValue: argument) else { return nil }
        value = v
    }
    static var allValueStrings: [String] { DeclineReason.allCases.map(\.rawValue) }
}
