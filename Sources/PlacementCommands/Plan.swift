import ArgumentParser
import Foundation
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementStore

extension Placement {
    /// `placement plan`: the 5-year capacity plan, simulated with the matching engine.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "The 5-year capacity plan: demand, own capacity, local and external placements and cost, per scenario.",
            discussion: """
                Estimates referrals and stay lengths from the database's history (per offer type, target groups \
                and support level), then simulates each year with the matching engine (quarterly), many seeded \
                runs, for the baseline (no change) and each scenario file. Every figure is the median of the runs \
                with its 10-90 % band. Also: payback of each scenario's investment, where one more place saves most, \
                and whether to hold vacant own places for a local citizen (strategic vacancy).

                Scenario files are TOML; see seeds/scenario-example.toml. An assumptions file (--assumptions) holds \
                [[demand]] tables that change the estimate for every scenario. Known future demand (young people \
                from the children's area) comes as a demand sheet (--demand, CSV or XLSX; IMPORT.md).

                Examples:
                  placement plan --scenario seeds/scenario-example.toml
                  placement plan --scenario A.toml --scenario B.toml --runs 500 --out plan.html
                  placement plan --scenario A.toml --demand behov.xlsx --format xlsx --out plan.xlsx
                  placement plan --years 10 --format json
                  placement plan --fixed --scenario A.toml      (no randomness: expected arrivals, mean stays)
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The plan's day: the state it starts from (default today).", valueName: "date"))
        var asOf: DayArgument?

        @Option(help: ArgumentHelp("A scenario file (TOML); repeat to compare several with the baseline.", valueName: "file"))
        var scenario: [String] = []

        @Option(help: ArgumentHelp("A file of [[demand]] tables overriding the estimate in every scenario.", valueName: "file"))
        var assumptions: String?

        @Option(help: ArgumentHelp("The demand sheet: known future referrals by year (CSV or XLSX).", valueName: "file"))
        var demand: String?

        @Option(help: "Years to plan.")
        var years = 5

        @Option(help: "Simulated runs per scenario.")
        var runs = 500

        @Option(help: "Seed of the simulation: the same seed gives the same plan.")
        var seed: UInt64 = 1

        @Option(name: .customLong("history-years"), help: "Years of history the demand is estimated from.")
        var historyYears = 3

        @Option(name: .customLong("matches-per-year"), help: "Matching runs per simulated year.")
        var matchesPerYear = 4

        @Flag(help: "No randomness: referrals at the expected count, evenly spread; every stay exactly its mean.")
        var fixed = false

        @Option(help: "Threads to simulate on (default: every core).")
        var threads: Int?

        @Option(help: ArgumentHelp("text, html, xlsx or json (default: from --out's extension, else text).", valueName: "format"))
        var format: PlanFormatOption?

        @Option(help: ArgumentHelp("The file to write. Default: the terminal.", valueName: "path"))
        var out: String?

        @Option(help: "Language of output: da or en (default: the database's).")
        var lang: Language?

        @Flag(help: "After writing --out, also print the summary on the terminal.")
        var summary = false

        @Flag(help: "Print how long the simulation took (on standard error).")
        var timing = false

        /// The document formats the plan is written in (its tables are not a `ReportDocument` yet).
        enum PlanFormatOption: String, ExpressibleByArgument, CaseIterable {
            case text, html, xlsx, json
            var document: DocumentFormat { DocumentFormat(rawValue: rawValue) ?? .text }
        }

        func validate() throws {
            try asOf.requireSupported("--as-of")
            guard (1...30).contains(years) else { throw Refusal.error("--years skal være fra 1 til 30.", "--years must be 1 to 30.") }
            guard (1...100_000).contains(runs) else { throw Refusal.error("--runs skal være fra 1 til 100000.", "--runs must be 1 to 100000.") }
            guard (1...52).contains(matchesPerYear) else { throw Refusal.error("--matches-per-year skal være fra 1 til 52.", "--matches-per-year must be 1 to 52.") }
            guard (1...20).contains(historyYears) else { throw Refusal.error("--history-years skal være fra 1 til 20.", "--history-years must be 1 to 20.") }
            if let t = threads, t < 1 { throw Refusal.error("--threads skal være mindst 1.", "--threads must be at least 1.") }
            try output.validate(explicit: format?.document, offered: PlanFormatOption.allCases.map(\.document))
        }

        var output: DocumentOutput { DocumentOutput(format: format?.document, out: out) }

        func run() throws {
            let db = try database.open(.read)
            let language = try lang ?? db.language()
            let day = asOf?.day ?? Clock.today
            let world = try db.read { try PlanWorld.load($0, on: day) }
            let defaults = ScenarioFile.Defaults(municipalityCode: world.planningArea.first ?? 0)
            var scenarios: [Scenario] = []
            var problems: [String] = []
            for path in scenario {
                do { scenarios.append(try ScenarioFile.load(path: path, defaults: defaults, language: language)) } catch { problems.append(String(describing: error)) }
            }
            var overrides: [Scenario.DemandOverride] = []
            if let assumptions {
                do { overrides = try ScenarioFile.loadAssumptions(path: assumptions, defaults: defaults, language: language) } catch { problems.append(String(describing: error)) }
            }
            var sheet: DemandSheet? = nil
            if let demand {
                do { sheet = try DemandSheet.read(url: URL(fileURLWithPath: demand), language: language) } catch { problems.append(String(describing: error)) }
            }
            guard problems.isEmpty else { throw UserError(problems.joined(separator: "\n"), language: language) }

            let options = PlanOptions(years: years, runs: runs, seed: seed, matchesPerYear: matchesPerYear, arrivals: fixed ? .fixed : .poisson,
                                      estimate: .init(historyYears: historyYears), threads: threads)
            let plan: PlanResult
            do {
                plan = try Planner.plan(world: world, scenarios: scenarios, assumptions: overrides, sheet: sheet, options: options, language: language)
            } catch let e as PlanError {
                throw UserError(e.text(language), language: language)
            }
            if timing {
                let line = String(format: "plan: %d runs x %d scenarios x %d years in %.2f s (%d matching runs)\n",
                                  fixed ? 1 : runs, plan.scenarios.count, years, plan.seconds, plan.matcherCalls)
                FileHandle.standardError.write(Data(line.utf8))
            }
            let written = try output.write(text: { PlanText.render(plan, language: language) + "\n" },
                                           html: { PlanHTML.render(plan, language: language) },
                                           json: { PlanJSON.render(plan) + "\n" },
                                           xlsx: { try PlanXLSX.write(plan, language: language, to: $0) })
            for path in written { print(path) }
            if summary && out != nil && output.format != .text { print(PlanText.render(plan, language: language)) }
        }
    }
}
