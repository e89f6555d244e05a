import ArgumentParser
import Foundation
import PlacementCommands
import Testing

/// `--help` of every command and subcommand, compared whole. The list comes from the command
/// tree itself, so a new command without a golden file fails here.
@Suite struct GoldenHelpTests {
    /// Every command path below `placement`, e.g. ["report", "weekly"].
    static func paths(_ command: any ParsableCommand.Type = Placement.self, prefix: [String] = []) -> [[String]] {
        var out: [[String]] = [prefix]
        for sub in command.configuration.subcommands {
            let name = sub.configuration.commandName ?? sub._commandName
            out += paths(sub, prefix: prefix + [name])
        }
        return out
    }

    /// Every command in the tree, `placement` first.
    static func commands(_ command: any ParsableCommand.Type = Placement.self) -> [any ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { commands($0) }
    }

    /// Each command gives its name (`commandName:`): without one, ArgumentParser derives every
    /// name in the tree from its type's name by reflection at each start, 70 M instructions of a
    /// 730 M `placement status` on a national world. The help files above show the names unchanged.
    @Test func everyCommandNamesItself() {
        let unnamed = Self.commands().filter { $0.configuration.commandName == nil }.map { String(reflecting: $0) }
        #expect(unnamed == [])
    }

    @Test(arguments: paths())
    func helpIsAsCommitted(path: [String]) throws {
        // A fixed width: help wraps at the terminal's width when there is one.
        let out = try CLI.run(path + ["--help"], env: ["COLUMNS": "80"])
        #expect(out.status == 0)
        #expect(out.stderr == "")
        let name = (["placement"] + path).joined(separator: "-")
        try GoldenFile.check(out.stdout, "help/\(name).txt")
    }
}
