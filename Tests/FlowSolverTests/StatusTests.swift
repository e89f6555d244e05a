import FlowSolver
import Testing

/// Every non-optimal outcome is a status value, never a trap, and the range limits documented on
/// `MinCostFlow` hold exactly at their boundaries.
@Suite("Statuses and limits")
struct StatusTests {
    /// The largest |cost| the documented limit allows for `n` nodes: C·(8(n+1) + 3) + 8 ≤ Int64.max.
    static func maxCost(nodes n: Int) -> Int64 {
        (Int64.max - 8) / (8 * Int64(n + 1) + 3)
    }

    @Test("Supplies that do not sum to zero are unbalanced")
    func unbalanced() {
        let network = Networks.make(nodes: 2, supplies: [0: 3, 1: -2], arcs: [(0, 1, 0, 5, 1)])
        let solution = MinCostFlow.solve(network)
        #expect(solution.status == .unbalanced)
        #expect(solution.flows.isEmpty && solution.potentials.isEmpty && solution.totalCost == 0)
    }

    @Test("Infeasible instances", arguments: [
        // Too little capacity.
        Networks.make(nodes: 2, supplies: [0: 5, 1: -5], arcs: [(0, 1, 0, 3, 1)]),
        // The demand is unreachable.
        Networks.make(nodes: 3, supplies: [0: 1, 2: -1], arcs: [(0, 1, 0, 3, 1), (2, 1, 0, 3, 1)]),
        // A lower bound above the capacity.
        Networks.make(nodes: 2, arcs: [(0, 1, 4, 3, 1)]),
        // A lower bound pushes flow into a node with no way out.
        Networks.make(nodes: 2, arcs: [(0, 1, 2, 3, 1)]),
        // A self-loop whose bounds cross.
        Networks.make(nodes: 1, arcs: [(0, 0, 2, 1, 0)]),
    ])
    func infeasible(network: FlowNetwork) {
        for algorithm in MinCostFlow.Algorithm.allCases {
            let solution = MinCostFlow.solve(network, algorithm: algorithm)
            #expect(solution.status == .infeasible, "\(algorithm)")
        }
        let solution = MinCostFlow.solve(network)
        #expect(solution.status == .infeasible)
        #expect(ReferenceSolver.solve(network) == .infeasible)
    }

    @Test("The largest allowed cost still solves exactly")
    func costAtTheLimit() {
        let c = Self.maxCost(nodes: 3)
        let network = Networks.make(nodes: 3, supplies: [0: 1, 2: -1], arcs: [
            (0, 1, 0, 1, c), (1, 2, 0, 1, -c), (0, 2, 0, 1, c),
        ])
        for algorithm in MinCostFlow.Algorithm.allCases {
            let solution = MinCostFlow.solve(network, algorithm: algorithm)
            #expect(solution.status == .optimal, "\(algorithm)")
            #expect(solution.totalCost == 0, "\(algorithm)")
            #expect(FlowCertificate.check(network, solution) == [], "\(algorithm)")
        }
    }

    @Test("Huge totals that still fit solve exactly")
    func largeTotalsThatFit() {
        // Σ |cost|·capacity is just below Int64.max.
        let units = Int64.max / 4
        let network = Networks.make(nodes: 2, supplies: [0: units, 1: -units], arcs: [(0, 1, 0, units, 3)])
        let solution = MinCostFlow.solve(network)
        #expect(solution.status == .optimal)
        #expect(solution.totalCost == 3 * units)
        #expect(FlowCertificate.check(network, solution) == [])
    }

    @Test("Costs beyond the limit are costOutOfRange", arguments: [
        Networks.make(nodes: 3, arcs: [(0, 1, 0, 1, maxCost(nodes: 3) + 1)]),
        Networks.make(nodes: 3, arcs: [(0, 1, 0, 1, -maxCost(nodes: 3) - 1)]),
        Networks.make(nodes: 2, arcs: [(0, 1, 0, 1, Int64.min)]),
        // Each cost is fine, but Σ |cost|·capacity overflows.
        Networks.make(nodes: 2, arcs: [(0, 1, 0, Int64.max / 2, 2), (0, 1, 0, 1, 2)]),
        // A cost that only matters through its lower bound.
        Networks.make(nodes: 2, arcs: [(0, 1, Int64.max / 4, Int64.max / 4, 5), (1, 0, 0, Int64.max / 4, 0)]),
    ])
    func costOutOfRange(network: FlowNetwork) {
        #expect(MinCostFlow.solve(network).status == .costOutOfRange)
    }

    @Test("Capacities beyond the limit are capacityOutOfRange", arguments: [
        // Σ widths overflows.
        Networks.make(nodes: 2, arcs: [(0, 1, 0, Int64.max, 0), (1, 0, 0, 1, 0)]),
        // The width capacity − lowerBound overflows.
        Networks.make(nodes: 2, arcs: [(0, 1, -1, Int64.max, 0)]),
        // |supply| does not fit.
        Networks.make(nodes: 2, supplies: [0: Int64.min], arcs: []),
        // The supply sum overflows.
        Networks.make(nodes: 3, supplies: [0: Int64.max, 1: 1, 2: -1], arcs: []),
        // Widths plus supplies overflow.
        Networks.make(nodes: 2, supplies: [0: 2, 1: -2], arcs: [(0, 1, 0, Int64.max - 1, 0)]),
    ])
    func capacityOutOfRange(network: FlowNetwork) {
        #expect(MinCostFlow.solve(network).status == .capacityOutOfRange)
    }

    @Test("A single capacity of Int64.max is within range")
    func maximalCapacity() {
        let network = Networks.make(nodes: 2, arcs: [(0, 1, 0, Int64.max, 0)])
        let solution = MinCostFlow.solve(network)
        #expect(solution.status == .optimal)
        #expect(solution.flows == [0])
    }

    @Test("Range problems are reported before imbalance and infeasibility")
    func statusPrecedence() {
        let both = Networks.make(nodes: 2, supplies: [0: 1], arcs: [(0, 1, 0, 1, Int64.min)])
        #expect(MinCostFlow.solve(both).status == .costOutOfRange)
        let crossed = Networks.make(nodes: 2, supplies: [0: 1], arcs: [(0, 1, 5, 1, 1)])
        #expect(MinCostFlow.solve(crossed).status == .unbalanced)
    }

    @Test("Non-optimal statuses have no certificate")
    func noCertificate() {
        let network = Networks.make(nodes: 2, supplies: [0: 5, 1: -5], arcs: [(0, 1, 0, 3, 1)])
        let problems = FlowCertificate.check(network, MinCostFlow.solve(network))
        #expect(problems == ["status is infeasible, so there is no flow to certify"])
    }
}
