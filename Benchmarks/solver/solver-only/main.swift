// A solver-only stand-in for `placement solve FILE --timing --check --cost-only --algorithm ALG`,
// compiled together with Sources/FlowSolver by build.sh (same -O -wmo as a release build), so
// that the solver can be measured and profiled without a release build of the whole product.
// Not part of the package; see ../README.md. Prints the same lines bench.py reads, and with
// FLOW_PHASES=1 the CPU seconds of each phase of a simplex solve and its counters
// (FLOW_BLOCK=N: that phase run with a pricing block of N arcs).
import Foundation

func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, arguments[1] == "solve" else {
    fail("usage: \(arguments[0]) solve FILE [--algorithm auto|simplex|cost-scaling] (always --timing --check --cost-only)")
}
let file = arguments[2]
var algorithm = MinCostFlow.Algorithm.automatic
if let i = arguments.firstIndex(of: "--algorithm"), i + 1 < arguments.count {
    guard let chosen = MinCostFlow.Algorithm(rawValue: arguments[i + 1]) else { fail("unknown algorithm \(arguments[i + 1])") }
    algorithm = chosen
}
let network: FlowNetwork
do { network = try DIMACS.parse(contentsOf: URL(fileURLWithPath: file)) } catch { fail("\(file): \(error)") }

let wallStart = ContinuousClock.now
let cpuStart = cpuSeconds()
let solution = MinCostFlow.solve(network, algorithm: algorithm)
let cpuEnd = cpuSeconds()
let wall = ContinuousClock.now - wallStart
let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
if solution.status == .optimal { print("s \(solution.totalCost)") }
let statistics = solution.statistics
FileHandle.standardError.write(Data(("algorithm: \(statistics.algorithm)\n"
    + String(format: "solve seconds: %.4f\nsolve cpu seconds: %.4f\n", wallSeconds, cpuEnd - cpuStart)
    + "pivots: \(statistics.pivots)\npriced arcs: \(statistics.pricedArcs)\ntree work: \(statistics.treeWork)\n"
    + "refines: \(statistics.refines)\npushes: \(statistics.pushes)\nrelabels: \(statistics.relabels)\n"
    + "price updates: \(statistics.priceUpdates)\nactive arcs: \(statistics.activeArcs)\n").utf8))
guard solution.status == .optimal else { fail("\(file): the instance is \(solution.status).") }
let problems = FlowCertificate.check(network, solution)
guard problems.isEmpty else { fail("\(file): the solution fails its optimality certificate:\n" + problems.joined(separator: "\n")) }

if ProcessInfo.processInfo.environment["FLOW_PHASES"] != nil {
    var lap = cpuSeconds()
    func phase(_ name: String) {
        let now = cpuSeconds()
        FileHandle.standardError.write(Data(String(format: "phase %@: %.4f\n", name, now - lap).utf8))
        lap = now
    }
    guard case .success(let prepared) = PreparedProblem.make(network, fixingForcedArcs: algorithm == .automatic) else { exit(0) }
    phase("prepare")
    let simplex = NetworkSimplex(prepared: prepared, network: network)
    phase("initial tree")
    // FLOW_BLOCK=N prices blocks of N arcs in this phase run instead (for measuring block rules).
    let block = ProcessInfo.processInfo.environment["FLOW_BLOCK"].flatMap { Int($0) }
    let outcome = simplex.run(blockRule: block.map { .size($0) } ?? (algorithm == .automatic ? .byShape : .fixed))
    phase("pivots")
    FileHandle.standardError.write(Data("phase pivots: \(outcome.pivots), priced arcs: \(outcome.pricedArcs)\n".utf8))
    _ = simplex.originalFlows(prepared: prepared, network: network)
    _ = simplex.nodePotentials()
    phase("flows and potentials")
}
