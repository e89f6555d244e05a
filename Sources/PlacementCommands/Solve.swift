import ArgumentParser
import FlowSolver
import Foundation

extension Placement {
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a DIMACS min-cost-flow instance and print the optimal cost and flows.",
            discussion: """
                Reads the DIMACS `p min` format and prints the DIMACS solution format: `s COST`, then \
                `f U V FLOW` for every arc with flow.

                Examples:
                  placement solve network.min
                  placement solve network.min --timing > solution.txt
                """)

        @Argument(help: ArgumentHelp("A DIMACS min-cost-flow file.", valueName: "file"))
        var file: String

        @Flag(help: "Print parse and solve seconds on stderr.")
        var timing = false

        func run() throws {
            let t0 = Date()
            let network: FlowNetwork
            do {
                network = try DIMACS.parse(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw UserError("\(file): \(error)")
            }
            let t1 = Date()
            let solution = MinCostFlow.solve(network)
            let t2 = Date()
            FileHandle.standardOutput.write(Data(DIMACS.solutionText(network, solution).utf8))
            if timing {
                FileHandle.standardError.write(Data(String(format: "nodes: %d\narcs: %d\nparse seconds: %.3f\nsolve seconds: %.3f\n",
                                                           network.nodeCount, network.arcCount,
                                                           t1.timeIntervalSince(t0), t2.timeIntervalSince(t1)).utf8))
            }
            if solution.status != .optimal {
                throw UserError("\(file): the instance is \(solution.status).")
            }
        }
    }
}
