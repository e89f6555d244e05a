import ArgumentParser
import PlacementMatching
import PlacementModel
import PlacementStore

extension Placement {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            static let configuration = CommandConfiguration(abstract: "Show the policy with each key's meaning.")
            @OptionGroup var database: DatabaseOptions

            func run() throws {
                let policy = try database.open(.read).read { try MatchPolicy.load($0) }
                let meaning = [
                    "allowed_wait_days": "days after needed-by (or today) a place may become vacant and still count",
                    "variable_cost_share_percent": "share of the daily rate an own place costs when no variable cost is given",
                    "price_per_km_kr": "kroner a year per km between the citizen's network and the residence",
                    "wish_bonus_kr": "kroner a year subtracted for a residence the citizen wished for",
                    "bring_home_threshold_kr": "least yearly saving for proposing a move home",
                    "urgency_order": "priority of urgencies, first is highest",
                    "free_choice_margin_percent": "a wished residence may cost this much more (free choice)",
                    "state_refund": "costs net of the state refund for costly cases (SEL § 176)",
                    "refund_thresholds_kr": "the refund's thresholds, kroner a year",
                    "refund_percents": "the refund's percentages above each threshold",
                    "wait_norm_days": "waiting-time norms in days for the weekly report",
                ]
                let width = MatchPolicy.keys.map(\.count).max() ?? 0
                for key in MatchPolicy.keys {
                    let value = policy.value(key)
                    print("\(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value.padding(toLength: 24, withPad: " ", startingAt: 0))  \(meaning[key] ?? "")")
                }
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Change one key of the policy.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The key.") var key: String
            @Argument(help: "The new value.") var value: String

            func run() throws {
                let policy = try database.open().write(command: "policy set") { try MatchPolicy.store($0, key: key, value: value) }
                print("\(key) = \(policy.value(key))")
            }
        }
    }
}

import Foundation
