@testable import FlowSolver
import Testing

/// The automatic solve's choices from the network's shape (`NetworkSimplex+BlockRule.swift`,
/// `PreparedProblem.mixingStride`), with the explicit simplex's rules left as they were.
@Suite("Shape rules")
struct ShapeRuleTests {
    @Test("The shape's pricing block: 2·√m with many sources and sinks, √m/4 with many sources and few sinks, √m/2 with many sinks only or below 8 arcs per node, 2·√m at 32 or more arcs per node, else √m",
          arguments: [
            (1_000_000, 20_000, 20_000, 1, 250),     // placement after fixing: citizens are sources
            (1_000_000, 5_000, 5_000, 1, 250),       // 200 arcs per citizen: dense, but one side many
            (1_000_000, 20_000, 1, 20_000, 500),     // the mirror: many sinks, one source
            (131_072, 16_384, 128, 128, 362),        // NETGEN-8
            (131_072, 16_384, 1, 1, 362),            // GOTO-8
            (262_144, 4_096, 64, 64, 1_024),         // NETGEN-SR, 64 arcs per node
            (131_071, 4_096, 64, 64, 362),           // just under 32 arcs per node
            (44_100, 6_400, 80, 80, 105),            // a grid, under 8 arcs per node
            (300_000, 30_000, 3_000, 3_000, 1_094),  // random-many
            (50, 30, 1, 1, 10), (0, 0, 0, 0, 10),
          ])
    func shapeBlock(arcs: Int, nodes: Int, sources: Int, sinks: Int, expected: Int) {
        #expect(NetworkSimplex.shapeBlockSize(arcs: arcs, nodes: nodes, sources: sources, sinks: sinks) == expected)
    }

    @Test("The mixing stride is m/n, at least √m/4 by shape when only one side is many and under 100 arcs per node",
          arguments: [
            (1_000_000, 20_000, 20_000, 1, true, 250), (1_000_000, 20_000, 20_000, 1, false, 50),
            (1_000_000, 5_000, 5_000, 1, true, 200), (131_072, 16_384, 128, 128, true, 8),
            (300_000, 30_000, 3_000, 3_000, true, 10), (10, 100, 1, 1, true, 3),
          ])
    func stride(arcs: Int, nodes: Int, sources: Int, sinks: Int, byShape: Bool, expected: Int) {
        var supplies = [Int64](repeating: 0, count: nodes)
        for v in 0..<sources { supplies[v] = 1 }
        for v in 0..<sinks { supplies[nodes - 1 - v] = -1 }
        #expect(PreparedProblem.mixingStride(arcs: arcs, nodes: nodes, supplies: supplies, byShape: byShape) == expected)
    }

    @Test("Every pricing block rule reaches the reference optimum with an intact basis",
          arguments: 0..<20)
    func rulesAgree(seed: UInt64) {
        // Random networks read off a random flow, so most are feasible (RandomNetworks.small).
        let network = RandomNetworks.small(seed: 40_000 + seed, nodes: 20...40, maxArcs: 200,
                                           maxCapacity: 9, costs: -9...40)
        guard case .success(let prepared) = PreparedProblem.make(network) else {
            Issue.record("seed \(seed) did not prepare")
            return
        }
        let expected = ReferenceSolver.solve(network)
        for rule in [NetworkSimplex.BlockRule.fixed, .byShape, .size(1), .size(3), .size(1_000)] {
            let simplex = NetworkSimplex(prepared: prepared, network: network)
            let outcome = simplex.run(checkingInvariants: true, blockRule: rule)
            #expect(outcome.invariantViolation == nil, "seed \(seed) \(rule)")
            #expect(outcome.feasible == (expected != .infeasible), "seed \(seed) \(rule)")
            if outcome.feasible {
                let flows = simplex.originalFlows(prepared: prepared, network: network)
                let cost = zip(flows, network.costs).reduce(Int64(0)) { $0 + $1.0 * $1.1 }
                #expect(ReferenceAnswer.optimal(cost: cost) == expected, "seed \(seed) \(rule)")
            }
        }
    }
}
