import ArgumentParser

/// The `placement` command: capacity and placement planning for a planning area.
///
/// Every command in the tree gives its `commandName:`, though ArgumentParser could derive it
/// from the type's name: it derives all of them at every start (finding the one asked for), by
/// reflection, which was 70 M instructions, a tenth of `placement status` on a national world.
public struct Placement: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "placement",
        abstract: "Capacity and placement planning for the handicap and psychiatry area of Danish municipalities.",
        discussion: """
            Keep citizens local, close to family and network, and buy places elsewhere only when no own \
            place can serve. The database path is ./placement.sqlite unless --db or PLACEMENT_DB says otherwise.
            """,
        version: version,
        subcommands: [Init.self, Import.self, Status.self, Generate.self, Match.self, Explain.self, Simulate.self, Accept.self, Decline.self, Withdraw.self, Revoke.self, MoveIn.self, ConfirmVacancy.self, Conflicts.self, Imports.self, Policy.self, Solve.self, Template.self, Report.self, Plan.self, Key.self, Check.self, Backup.self, Restore.self, Serve.self, User.self])

    public init() {}
}
