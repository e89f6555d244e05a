@testable import FlowSolver
import Testing

/// Random networks, each solved and compared with independent exact methods; every optimal
/// solution must also pass the certificate check. A failure names its seed, so it can be replayed
/// with `RandomNetworks.small(seed:)`.
@Suite("Property tests")
struct PropertyTests {
    static func answer(of solution: FlowSolution) -> ReferenceAnswer? {
        switch solution.status {
        case .optimal: .optimal(cost: solution.totalCost)
        case .infeasible: .infeasible
        case .unbalanced: .unbalanced
        default: nil
        }
    }

    /// Cost scaling must solve every feasible network itself: its fallback to the simplex is for
    /// infeasible ones, so a fallback here would hide a cost-scaling bug behind the simplex.
    static func expectNoFallback(_ algorithm: MinCostFlow.Algorithm, _ solution: FlowSolution, _ seed: UInt64,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        if algorithm == .costScaling && solution.status == .optimal {
            #expect(solution.statistics.algorithm == CostScaling.algorithmName, "seed \(seed)", sourceLocation: sourceLocation)
        }
    }

    @Test("300 small random networks agree with successive shortest paths",
          arguments: MinCostFlow.Algorithm.allCases, 0..<300)
    func agreesWithReference(algorithm: MinCostFlow.Algorithm, seed: UInt64) {
        let network = RandomNetworks.small(seed: seed)
        let solution = MinCostFlow.solve(network, algorithm: algorithm)
        let expected = ReferenceSolver.solve(network)
        #expect(Self.answer(of: solution) == expected, "\(algorithm) seed \(seed)")
        Self.expectNoFallback(algorithm, solution, seed)
        if solution.status == .optimal {
            let problems = FlowCertificate.check(network, solution)
            #expect(problems.isEmpty, "\(algorithm) seed \(seed): \(problems)")
        }
    }

    @Test("Tiny random networks agree with brute-force enumeration", arguments: MinCostFlow.Algorithm.allCases)
    func agreesWithBruteForce(algorithm: MinCostFlow.Algorithm) {
        var compared = 0
        for seed in UInt64(1000)..<1400 {
            let network = RandomNetworks.small(seed: seed, nodes: 2...4, maxArcs: 6, maxCapacity: 3)
            guard let expected = BruteForce.solve(network) else { continue }
            compared += 1
            let solution = MinCostFlow.solve(network, algorithm: algorithm)
            #expect(Self.answer(of: solution) == expected, "\(algorithm) seed \(seed)")
            Self.expectNoFallback(algorithm, solution, seed)
            if solution.status == .optimal {
                #expect(FlowCertificate.check(network, solution).isEmpty, "\(algorithm) seed \(seed)")
            }
        }
        #expect(compared > 300)
    }

    @Test("Medium random networks: certificate and reference", arguments: MinCostFlow.Algorithm.allCases, 0..<40)
    func mediumNetworks(algorithm: MinCostFlow.Algorithm, seed: UInt64) {
        let network = RandomNetworks.small(seed: 5000 + seed, nodes: 20...60, maxArcs: 300,
                                           maxCapacity: 20, costs: -20...50)
        let solution = MinCostFlow.solve(network, algorithm: algorithm)
        #expect(Self.answer(of: solution) == ReferenceSolver.solve(network), "seed \(5000 + seed)")
        Self.expectNoFallback(algorithm, solution, seed)
        if solution.status == .optimal {
            let problems = FlowCertificate.check(network, solution)
            #expect(problems.isEmpty, "seed \(5000 + seed): \(problems)")
        }
    }

    @Test("Degenerate transportation networks", arguments: MinCostFlow.Algorithm.allCases, 0..<30)
    func degenerateNetworks(algorithm: MinCostFlow.Algorithm, seed: UInt64) {
        let network = RandomNetworks.degenerate(seed: seed, sources: 15, sinks: 12)
        let solution = MinCostFlow.solve(network, algorithm: algorithm)
        #expect(Self.answer(of: solution) == ReferenceSolver.solve(network), "\(algorithm) seed \(seed)")
        Self.expectNoFallback(algorithm, solution, seed)
        if solution.status == .optimal {
            let problems = FlowCertificate.check(network, solution)
            #expect(problems.isEmpty, "\(algorithm) seed \(seed): \(problems)")
        }
    }
}
