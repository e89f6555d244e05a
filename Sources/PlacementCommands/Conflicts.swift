import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflicts",
            abstract: "List where imports contradicted the planner's decisions, and resolve them.",
            discussion: """
                Who wins is decided by one rule per kind (README, "When an export and a decision \
                disagree"); `resolve` records that the planner has seen it, or withdraws the \
                contradicted acceptance.
                """,
            subcommands: [List.self, Resolve.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the open conflicts (--all: the resolved ones too).",
                discussion: """
                    Examples:
                      placement conflicts
                      placement conflicts list --all
                    """)

            @OptionGroup var database: DatabaseOptions

            @Flag(help: "Also list resolved conflicts.")
            var all = false

            @Flag(help: "Print JSON for scripts.")
            var json = false

            func run() throws {
                let db = try database.open(.read)
                let words = DecisionText(language: try db.language(), db: db)
                let list = try db.conflicts(openOnly: !all)
                if json { return try printJSON(list) }
                if list.isEmpty { return print(words.da ? "Ingen konflikter." : "No conflicts.") }
                for c in list { print(words.conflict(c)) }
            }
        }

        struct Resolve: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "resolve",
                abstract: "Resolve a conflict: keep the rule's outcome, or withdraw the acceptance.",
                discussion: """
                    Examples:
                      placement conflicts resolve 3
                      placement conflicts resolve 4 --withdraw "Ny bevilling passer ikke til tilbuddet"
                    """)

            @OptionGroup var database: DatabaseOptions

            @Argument(help: "The conflict's number (see `placement conflicts`).")
            var id: Int64

            @Option(help: ArgumentHelp("Withdraw the contradicted acceptance, for this reason.", valueName: "reason"))
            var withdraw: String?

            @OptionGroup var on: DecisionDayOption

            func run() throws {
                let (db, words) = try DecisionText.opening(database)
                let c = try words.deciding { try db.resolveConflict(id: id, withdraw: withdraw, on: on.day) }
                print(words.conflict(c))
            }
        }
    }
}
