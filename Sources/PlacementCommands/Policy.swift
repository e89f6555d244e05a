import ArgumentParser
import PlacementMatching
import PlacementModel
import PlacementStore

extension Placement {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Show or change the matching policy.",
            discussion: """
                Examples:
                  placement policy
                  placement policy set allowed_wait_days 45
                  placement policy set urgency_order acute,high,normal
                """,
            subcommands: [Show.self, Set.self],
            defaultSubcommand: Show.self)

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the policy with each key's meaning.")
            @OptionGroup var database: DatabaseOptions

            func run() throws {
                let db = try database.open(.read)
                let policy = try db.read { try MatchPolicy.load($0) }
                let language = try db.language()
                let width = MatchPolicy.keys.map(\.count).max() ?? 0
                // Values in the reader's number format (`set` reads them back in that form too).
                let values = MatchPolicy.keys.map { policy.shownValue($0, DisplayFormat(language)) }
                let valueWidth = max(24, values.map(\.count).max() ?? 0)
                for (key, value) in zip(MatchPolicy.keys, values) {
                    print("\(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value.padding(toLength: valueWidth, withPad: " ", startingAt: 0))  \(MatchPolicy.meaning(key, language))")
                }
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "set", abstract: "Change one key of the policy.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The key.") var key: String
            @Argument(help: "The new value.") var value: String

            func run() throws {
                let db = try database.open()
                let policy: MatchPolicy
                do {
                    policy = try db.write(command: "policy set") { try MatchPolicy.store($0, key: key, value: value) }
                } catch let e as MatchPolicy.SetError {
                    let language = try db.language()
                    throw UserError(e.text(language), language: language)
                }
                print("\(key) = \(policy.value(key))")
            }
        }
    }
}

import Foundation
