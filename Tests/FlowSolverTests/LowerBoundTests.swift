@testable import FlowSolver
import Testing

/// Lower bounds move into the supplies (`PreparedProblem`, step 2), and the solvers skip
/// subtracting them from the capacities when no arc has one (`PreparedProblem.hasLowerBounds`).
@Suite("Lower bounds")
struct LowerBoundTests {
    /// Four units from 0 to 1 over a cheap arc of capacity 2 and a dear one that must carry 2.
    static func twoArcs(dearLower: Int64, selfLoopLower: Int64 = 0) -> FlowNetwork {
        var network = FlowNetwork(nodeCount: 2)
        network.setSupply(0, 4)
        network.setSupply(1, -4)
        network.addArc(from: 0, to: 1, capacity: 2, cost: 1)
        network.addArc(from: 0, to: 1, lowerBound: dearLower, capacity: 5, cost: 3)
        network.addArc(from: 1, to: 1, lowerBound: selfLoopLower, capacity: 3, cost: 2)
        return network
    }

    @Test("Only a lower bound on an arc between two nodes counts; a self-loop's does not",
          arguments: [(Int64(0), Int64(0), false), (0, 1, false), (2, 0, true), (2, 1, true)])
    func flag(dearLower: Int64, selfLoopLower: Int64, expected: Bool) {
        guard case .success(let prepared) = PreparedProblem.make(Self.twoArcs(dearLower: dearLower, selfLoopLower: selfLoopLower)) else {
            Issue.record("did not prepare")
            return
        }
        #expect(prepared.hasLowerBounds == expected)
    }

    @Test("With and without lower bounds every algorithm gives the known optimum, certified",
          arguments: MinCostFlow.Algorithm.allCases)
    func optimum(algorithm: MinCostFlow.Algorithm) {
        // Without a lower bound the cheap arc fills (2·1) and the dear one takes the rest (2·3);
        // a lower bound of 3 on the dear arc leaves the cheap one 1; the self-loop keeps its
        // lower bound of 1 at cost 2.
        for (lower, flows, cost) in [(Int64(0), [Int64(2), 2, 1], Int64(10)), (3, [1, 3, 1], 12)] {
            let network = Self.twoArcs(dearLower: lower, selfLoopLower: 1)
            let solution = MinCostFlow.solve(network, algorithm: algorithm)
            #expect(solution.status == .optimal)
            #expect(solution.totalCost == cost, "lower \(lower)")
            #expect(solution.flows == flows, "lower \(lower)")
            #expect(FlowCertificate.check(network, solution).isEmpty, "lower \(lower)")
        }
    }
}
