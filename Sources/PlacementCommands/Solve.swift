import ArgumentParser
import FlowSolver
import Foundation
import PlacementModel

extension MinCostFlow.Algorithm: ExpressibleByArgument {}

extension Placement {
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "solve",
            abstract: "Solve a DIMACS min-cost-flow instance and print the optimal cost and flows.",
            discussion: """
                Reads the DIMACS `p min` format and prints the DIMACS solution format: `s COST`, then \
                `f U V FLOW` for every arc with flow.

                Examples:
                  placement solve network.min
                  placement solve network.min --timing > solution.txt
                  placement solve network.min --algorithm cost-scaling --check --cost-only
                """)

        @Argument(help: ArgumentHelp("A DIMACS min-cost-flow file.", valueName: "file"))
        var file: String

        @Option(help: "auto (chosen from the network's shape), simplex or cost-scaling.")
        var algorithm: MinCostFlow.Algorithm = .automatic

        @Flag(help: "Print the algorithm, sizes, parse and solve seconds and the solve's CPU seconds on stderr.")
        var timing = false

        @Flag(help: "Verify the optimality certificate (flows and potentials) and fail if it does not hold.")
        var check = false

        @Flag(help: "Print only the `s COST` line, not the flows.")
        var costOnly = false

        @Option(help: "The language of the messages: da or en (default: the language of the database in PLACEMENT_DB or ./placement.sqlite, else English).")
        var lang: Language?

        /// A status other than optimal as a Danish reader says it.
        static func danish(_ status: SolveStatus) -> String {
            switch status {
            case .optimal: "optimal"
            case .infeasible: "uløselig (ingen strøm overholder buernes grænser)"
            case .unbalanced: "ubalanceret (udbuddene summer ikke til nul)"
            case .costOutOfRange: "uden for området: en omkostning er for stor"
            case .capacityOutOfRange: "uden for området: en kapacitet er for stor"
            }
        }

        /// CPU seconds used by this process so far: on a shared machine the solve's CPU time is
        /// a steadier measure than its wall time (the benchmark compares it with the peers').
        static func cpuSeconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
        }

        func run() throws {
            let language = lang ?? Refusal.language
            let clock = ContinuousClock()
            let t0 = clock.now
            let network: FlowNetwork
            do {
                network = try DIMACS.parse(contentsOf: URL(fileURLWithPath: file))
            } catch let e as DIMACSError {
                throw UserError.worded("\(file) \(e.danish)", "\(file): \(e)", in: language)
            } catch {
                throw UserError.worded("\(file) kan ikke læses.", "\(file): \(error)", in: language)
            }
            let t1 = clock.now
            let cpu1 = Self.cpuSeconds()
            let solution = MinCostFlow.solve(network, algorithm: algorithm)
            let cpu2 = Self.cpuSeconds()
            let t2 = clock.now
            if costOnly {
                if solution.status == .optimal { print("s \(solution.totalCost)") }
            } else {
                FileHandle.standardOutput.write(Data(DIMACS.solutionText(network, solution).utf8))
            }
            if timing {
                func seconds(_ d: Duration) -> Double {
                    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
                }
                FileHandle.standardError.write(Data(("algorithm: \(solution.statistics.algorithm)\n" + String(format: "nodes: %d\narcs: %d\nparse seconds: %.3f\nsolve seconds: %.4f\nsolve cpu seconds: %.4f\n",
                                                           network.nodeCount, network.arcCount,
                                                           seconds(t1 - t0), seconds(t2 - t1), cpu2 - cpu1)).utf8))
            }
            if solution.status != .optimal {
                throw UserError.worded("\(file): instansen er \(Self.danish(solution.status)).",
                                       "\(file): the instance is \(solution.status).", in: language)
            }
            if check {
                let problems = FlowCertificate.check(network, solution)
                if !problems.isEmpty {
                    throw UserError.worded("\(file): løsningen består ikke sit optimalitetsbevis:\n" + problems.joined(separator: "\n"),
                                           "\(file): the solution fails its optimality certificate:\n" + problems.joined(separator: "\n"),
                                           in: language)
                }
            }
        }
    }
}
