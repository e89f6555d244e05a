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
                let db = try database.open(.read)
                let policy = try db.read { try MatchPolicy.load($0) }
                let meaning = try db.language() == .da ? Self.danish : Self.english
                let width = MatchPolicy.keys.map(\.count).max() ?? 0
                for key in MatchPolicy.keys {
                    let value = policy.value(key)
                    print("\(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value.padding(toLength: 24, withPad: " ", startingAt: 0))  \(meaning[key] ?? "")")
                }
            }

            /// What each key means, in the database's language.
            static let danish = [
                "allowed_wait_days": "dage efter senest-dato (eller i dag) en plads må blive ledig og stadig tælle med",
                "variable_cost_share_percent": "andel af døgntaksten en egen plads koster, når ingen variabel udgift er angivet",
                "price_per_km_kr": "kroner om året pr. km mellem borgerens netværk og tilbuddet",
                "wish_bonus_kr": "kroner om året, der trækkes fra for et tilbud, borgeren har ønsket",
                "bring_home_threshold_kr": "mindste besparelse om året for at foreslå en hjemtagelse",
                "urgency_order": "hastegradernes rækkefølge, den første vejer tungest",
                "free_choice_margin_percent": "et ønsket tilbud må koste så meget mere (frit valg)",
                "state_refund": "udgifter fratrukket statsrefusion for særligt dyre enkeltsager (SEL § 176)",
                "refund_thresholds_kr": "refusionens tærskler, kroner om året",
                "refund_percents": "refusionens procentsatser over hver tærskel",
                "wait_norm_days": "normer for ventetid i dage til ugerapporten",
                "vacancy_confirm_days": "dage en ledig plads' seneste bekræftelse må være gammel, før et forslag advarer",
            ]

            static let english = [
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
                "vacancy_confirm_days": "days a vacancy's last confirmation may be old before a proposal into it is warned on",
            ]
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
