import ArgumentParser
import FlowSolver
import Foundation
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement {
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Propose who moves where: own places first, in priority order, at least cost, with reasons.",
            discussion: """
                Stores the run (its inputs and policy, so it can be replayed) and prints each proposal: \
                place in own, buy external, bring home, or no fit, with the yearly cost, the distance from \
                the citizen's network and why. Ends with what one more place in each own residence would save.

                Examples:
                  placement match
                  placement match --as-of 2026-11-23 --json
                  placement match --export-instance run.min
                  placement match --replay 3
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to match on (default today).", valueName: "date"))
        var asOf: DayArgument?

        @Option(help: ArgumentHelp("A policy file (KEY = VALUE lines) overriding the stored policy for this run.", valueName: "file"))
        var policy: String?

        @Option(help: ArgumentHelp("Solve a stored run's inputs again and compare with its proposals.", valueName: "run"))
        var replay: Int64?

        @Option(name: .customLong("export-instance"), help: ArgumentHelp("Write the cost stage's min-cost-flow instance in DIMACS format (other stages beside it).", valueName: "file"))
        var exportInstance: String?

        @Option(help: "Language of output: da or en (default: the database's).")
        var lang: Language?

        @Flag(help: "Print JSON for scripts.")
        var json = false

        func validate() throws {
            try asOf.requireSupported("--as-of")
            if replay != nil && (asOf != nil || policy != nil) {
                throw Refusal.error("--replay bruger kørslens egen dag og politik; udelad --as-of og --policy.",
                                    "--replay uses the run's own day and policy; leave out --as-of and --policy.")
            }
        }

        func run() throws {
            let db = try database.open()
            let language = try lang ?? db.language()
            let started = Date()
            var input: MatchInput
            var matchPolicy: MatchPolicy
            var original: MatchRuns.StoredRun?
            var readAt: Int64?
            if let replay {
                let stored = try db.read { try MatchRuns.load($0, id: replay) }
                input = stored.input
                matchPolicy = stored.policy
                original = stored
            } else {
                let day = asOf?.day ?? Clock.today
                // One read transaction: the input, the policy and the version they were read at.
                let read = try db.read { d in
                    (try MatchInput.load(d, on: day), try MatchPolicy.load(d), try MatchRuns.dataVersion(d))
                }
                (input, matchPolicy, readAt) = (read.0, read.1, read.2)
                if let policy { matchPolicy = try PolicyFile.apply(path: policy, to: matchPolicy, language: language) }
            }
            // The stages' networks are kept only to be exported: at national scale they were a
            // third of the run's peak memory.
            var options = MatcherOptions.weekly
            options.keepsInstances = exportInstance != nil
            let result = try Matcher(input: input, policy: matchPolicy, language: language, options: options).run()
            let runId = try Self.storing(language: language) {
                try db.write(command: "match", wait: 0) {
                    try MatchRuns.save($0, result: result, input: input, policy: matchPolicy, replayOf: replay, readAt: readAt)
                }
            }
            let seconds = Date().timeIntervalSince(started)
            if let exportInstance { try InstanceExport.write(result, to: exportInstance) }
            let residences = Dictionary(uniqueKeysWithValues: input.residences.map { ($0.id, $0) })
            if json {
                try printJSON(MatchJSON(runId: runId, result: result, language: language))
            } else {
                print(MatchText.render(result, runId: runId, residences: residences, language: language, seconds: seconds))
                let notes = ProposalNotes.block(result.proposals, input: input, policy: matchPolicy, language: language)
                if !notes.isEmpty { print("\n" + notes.joined(separator: "\n")) }
            }
            if let original {
                let same = original.proposals.map(\.comparable) == result.proposals.map(\.comparable)
                let message = same ? "Replay of run \(original.id): the same proposals." : "Replay of run \(original.id): the proposals differ."
                if json { FileHandle.standardError.write(Data((message + "\n").utf8)) } else { print(message) }
                if !same { throw ExitCode(1) }
            }
        }
    }
}

extension Placement.Match {
    /// Stores a run, without waiting for another writer: a command writing now is about to
    /// change what the run read. When the run cannot be stored the planner is told why, in
    /// their language.
    static func storing(language: Language, _ save: () throws -> Int64) throws -> Int64 {
        do {
            return try save()
        } catch let busy as DatabaseBusy {
            throw UserError.worded(
                "Kørslen er ikke gemt: \(busy.holderText) skriver i databasen nu og kan ændre det, kørslen har læst. Kør placement match igen, når den er færdig.",
                "The run was not stored: \(busy.holderText) is writing to the database now and may change what the run read. Run placement match again when it has finished.",
                in: language)
        } catch MatchRuns.RunError.inputChanged(let command, let at) {
            throw UserError.worded(
                "Kørslen er ikke gemt: data blev ændret, mens den kørte (placement \(command) \(at)), så forslagene holder måske ikke længere. Kør placement match igen.",
                "The run was not stored: the data changed while it ran (placement \(command) at \(at)), so its proposals may no longer hold. Run placement match again.",
                in: language)
        }
    }
}

extension Proposal {
    /// What a replay must reproduce (the reasons follow from these).
    var comparable: String {
        "\(citizenId)|\(action.rawValue)|\(residenceId ?? "")|\(placeId ?? "")|\(moveIn?.iso ?? "")|\(annualCostNet?.ore ?? -1)|\(annualSaving?.ore ?? -1)"
    }
}

/// `KEY = VALUE` lines (TOML-like); `#` starts a comment.
enum PolicyFile {
    static func apply(path: String, to policy: MatchPolicy, language: Language) throws -> MatchPolicy {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UserError.worded("Politikfilen \(path) kan ikke læses.", "Cannot read the policy file \(path).", in: language)
        }
        var p = policy
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            let at = language.pick("\(path) linje \(n + 1)", "\(path) line \(n + 1)")
            guard parts.count == 2 else {
                throw UserError.worded("\(at): forventet NØGLE = VÆRDI.", "\(at): expected KEY = VALUE.", in: language)
            }
            do { try p.set(parts[0], parts[1]) } catch let e as MatchPolicy.SetError { throw UserError("\(at): \(e.text(language))", language: language) }
        }
        return p
    }
}

enum InstanceExport {
    /// The cost stage goes to `path`; the other stages beside it as `path` with the stage name.
    static func write(_ result: MatchResult, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().path, ext = url.pathExtension.isEmpty ? "min" : url.pathExtension
        var used: [String: Int] = [:]
        for (stage, network) in result.instances {
            used[stage, default: 0] += 1
            let n = used[stage, default: 1]
                let suffix = n > 1 ? "-\(n)" : ""
            let target = stage == "cost" && used[stage] == 1 ? path : "\(base).\(stage)\(suffix).\(ext)"
            let text = DIMACS.write(network, comments: ["placement match, stage \(stage), as of \(result.asOf.iso)"])
            try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        }
    }
}

struct MatchJSON: Encodable {
    struct P: Encodable {
        let citizen_id: String, action: String, residence_id: String?, place_id: String?, move_in: String?
        let annual_cost_kr: Int64?, annual_cost_gross_kr: Int64?, annual_saving_kr: Int64?, distance_km: Int?
        let priority: Int, reasons: [String]
    }
    let run_id: Int64
    let as_of: String
    let totals: [String: Int64]
    let proposals: [P]
    let place_values_kr: [String: Int64]

    init(runId: Int64, result: MatchResult, language: Language) {
        run_id = runId
        as_of = result.asOf.iso
        let t = result.totals
        totals = ["waiting": Int64(t.waiting), "place_own": Int64(t.placedOwn), "buy_external": Int64(t.boughtExternal),
                  "bring_home": Int64(t.bringHome), "no_fit": Int64(t.noFit),
                  "external_annual_cost_kr": t.externalAnnualCostNet.roundedKroner,
                  "external_annual_cost_gross_kr": t.externalAnnualCostGross.roundedKroner,
                  "own_annual_cost_kr": t.ownAnnualCostNet.roundedKroner, "bring_home_annual_saving_kr": t.bringHomeAnnualSaving.roundedKroner]
        proposals = result.proposals.map {
            P(citizen_id: $0.citizenId, action: $0.action.rawValue, residence_id: $0.residenceId, place_id: $0.placeId,
              move_in: $0.moveIn?.iso, annual_cost_kr: $0.annualCostNet?.roundedKroner, annual_cost_gross_kr: $0.annualCostGross?.roundedKroner,
              annual_saving_kr: $0.annualSaving?.roundedKroner, distance_km: $0.distanceKm, priority: $0.priority, reasons: $0.reasonLines(language))
        }
        place_values_kr = Dictionary(uniqueKeysWithValues: result.placeValues.map { ($0.residenceId, $0.annualValue.roundedKroner) })
    }
}
