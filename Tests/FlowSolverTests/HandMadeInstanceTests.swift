import FlowSolver
import Testing

/// Instances small enough to solve by hand, each showing one feature of the model.
@Suite("Hand-made instances")
struct HandMadeInstanceTests {
    /// Solves, checks the certificate, and returns the solution for further expectations.
    func solveCertified(_ network: FlowNetwork, _ algorithm: MinCostFlow.Algorithm = .networkSimplex,
                        sourceLocation: SourceLocation = #_sourceLocation) -> FlowSolution {
        let solution = MinCostFlow.solve(network, algorithm: algorithm)
        #expect(solution.status == .optimal, sourceLocation: sourceLocation)
        #expect(FlowCertificate.check(network, solution) == [], sourceLocation: sourceLocation)
        return solution
    }

    @Test("Documentation example", arguments: MinCostFlow.Algorithm.allCases)
    func documentationExample(algorithm: MinCostFlow.Algorithm) {
        let solution = solveCertified(Networks.documentation, algorithm)
        #expect(solution.totalCost == 14)
        #expect(solution.flows == [3, 3, 1])
    }

    @Test("Textbook five-node example", arguments: MinCostFlow.Algorithm.allCases)
    func textbook(algorithm: MinCostFlow.Algorithm) {
        #expect(solveCertified(Networks.textbook, algorithm).totalCost == 150)
    }

    @Test("Transportation problem", arguments: MinCostFlow.Algorithm.allCases)
    func transportation(algorithm: MinCostFlow.Algorithm) {
        let solution = solveCertified(Networks.transportation, algorithm)
        #expect(solution.totalCost == 615)
    }

    @Test("A lower bound forces flow onto an expensive arc", arguments: MinCostFlow.Algorithm.allCases)
    func lowerBounds(algorithm: MinCostFlow.Algorithm) {
        let network = Networks.make(nodes: 2, supplies: [0: 4, 1: -4], arcs: [
            (0, 1, 3, 5, 10), (0, 1, 0, 5, 1),
        ])
        let solution = solveCertified(network, algorithm)
        #expect(solution.flows == [3, 1])
        #expect(solution.totalCost == 31)
    }

    @Test("Negative lower bounds are allowed", arguments: MinCostFlow.Algorithm.allCases)
    func negativeLowerBound(algorithm: MinCostFlow.Algorithm) {
        // Flow on 0→1 may run backwards down to −2, which is how node 1 best sends its 2 units
        // to node 0: it even earns 1 per unit, against 3 per unit on the forward arc 1→0.
        let network = Networks.make(nodes: 2, supplies: [0: -2, 1: 2], arcs: [(0, 1, -2, 3, 1), (1, 0, 0, 5, 3)])
        let solution = solveCertified(network, algorithm)
        #expect(solution.flows == [-2, 0])
        #expect(solution.totalCost == -2)
    }

    @Test("Parallel arcs are filled cheapest first", arguments: MinCostFlow.Algorithm.allCases)
    func parallelArcs(algorithm: MinCostFlow.Algorithm) {
        let network = Networks.make(nodes: 2, supplies: [0: 5, 1: -5], arcs: [
            (0, 1, 0, 2, 3), (0, 1, 0, 2, 1), (0, 1, 0, 2, 2),
        ])
        let solution = solveCertified(network, algorithm)
        #expect(solution.flows == [1, 2, 2])
        #expect(solution.totalCost == 9)
    }

    @Test("Zero-capacity arcs carry nothing, however cheap", arguments: MinCostFlow.Algorithm.allCases)
    func zeroCapacity(algorithm: MinCostFlow.Algorithm) {
        let network = Networks.make(nodes: 2, supplies: [0: 3, 1: -3], arcs: [
            (0, 1, 0, 0, -100), (0, 1, 0, 5, 7), (1, 0, 0, 0, 1),
        ])
        let solution = solveCertified(network, algorithm)
        #expect(solution.flows == [0, 3, 0])
        #expect(solution.totalCost == 21)
    }

    @Test("Self-loops: negative cost saturates, otherwise the lower bound", arguments: MinCostFlow.Algorithm.allCases)
    func selfLoops(algorithm: MinCostFlow.Algorithm) {
        let network = Networks.make(nodes: 2, supplies: [0: 2, 1: -2], arcs: [
            (0, 0, 0, 4, -3), (0, 0, 0, 4, 2), (1, 1, 1, 3, 5), (0, 1, 0, 2, 1), (1, 1, 0, 6, 0),
        ])
        let solution = solveCertified(network, algorithm)
        #expect(solution.flows == [4, 0, 1, 2, 0])
        #expect(solution.totalCost == -12 + 5 + 2)
    }

    @Test("A negative-cost cycle is saturated up to its bottleneck", arguments: MinCostFlow.Algorithm.allCases)
    func negativeCycle(algorithm: MinCostFlow.Algorithm) {
        let network = Networks.make(nodes: 3, arcs: [(0, 1, 0, 3, -2), (1, 2, 0, 5, -2), (2, 0, 0, 4, 1)])
        let solution = solveCertified(network, algorithm)
        #expect(solution.flows == [3, 3, 3])
        #expect(solution.totalCost == -9)
    }

    @Test("Empty and arc-free networks", arguments: MinCostFlow.Algorithm.allCases)
    func emptyNetworks(algorithm: MinCostFlow.Algorithm) {
        #expect(solveCertified(FlowNetwork(nodeCount: 0), algorithm).totalCost == 0)
        let idle = solveCertified(FlowNetwork(nodeCount: 3), algorithm)
        #expect(idle.totalCost == 0)
        #expect(idle.flows.isEmpty)
        #expect(idle.potentials.count == 3)
    }

    @Test("Potentials follow rc(u, v) = cost − p(u) + p(v)", arguments: MinCostFlow.Algorithm.allCases)
    func potentialSignConvention(algorithm: MinCostFlow.Algorithm) {
        let network = Networks.documentation
        let solution = solveCertified(network, algorithm)
        let p = solution.potentials
        // 0→1 (3 of 4) and 0→2 (1 of 9) carry flow strictly between their bounds, so their
        // reduced costs are exactly zero.
        #expect(2 - p[0] + p[1] == 0)
        #expect(5 - p[0] + p[2] == 0)
        // 1→2 is saturated, so its reduced cost is ≤ 0.
        #expect(1 - p[1] + p[2] <= 0)
    }

    @Test("Statistics are filled in")
    func statistics() {
        let solution = solveCertified(Networks.textbook)
        #expect(solution.statistics.pivots > 0)
        #expect(solution.statistics.activeArcs == 9)
        #expect(!solution.statistics.algorithm.isEmpty)
    }
}
