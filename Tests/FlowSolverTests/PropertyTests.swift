import FlowSolver
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

    @Test("300 small random networks agree with successive shortest paths", arguments: 0..<300)
    func agreesWithReference(seed: UInt64) {
        let network = RandomNetworks.small(seed: seed)
        let solution = MinCostFlow.solve(network)
        let expected = ReferenceSolver.solve(network)
        #expect(Self.answer(of: solution) == expected, "seed \(seed)")
        if solution.status == .optimal {
            let problems = FlowCertificate.check(network, solution)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
        }
    }

    @Test("Tiny random networks agree with brute-force enumeration")
    func agreesWithBruteForce() {
        var compared = 0
        for seed in UInt64(1000)..<1400 {
            let network = RandomNetworks.small(seed: seed, nodes: 2...4, maxArcs: 6, maxCapacity: 3)
            guard let expected = BruteForce.solve(network) else { continue }
            compared += 1
            let solution = MinCostFlow.solve(network)
            #expect(Self.answer(of: solution) == expected, "seed \(seed)")
            if solution.status == .optimal {
                #expect(FlowCertificate.check(network, solution).isEmpty, "seed \(seed)")
            }
        }
        #expect(compared > 300)
    }

    @Test("Medium random networks: certificate and reference", arguments: 0..<40)
    func mediumNetworks(seed: UInt64) {
        let network = RandomNetworks.small(seed: 5000 + seed, nodes: 20...60, maxArcs: 300,
                                           maxCapacity: 20, costs: -20...50)
        let solution = MinCostFlow.solve(network)
        #expect(Self.answer(of: solution) == ReferenceSolver.solve(network), "seed \(5000 + seed)")
        if solution.status == .optimal {
            let problems = FlowCertificate.check(network, solution)
            #expect(problems.isEmpty, "seed \(5000 + seed): \(problems)")
        }
    }

    @Test("Degenerate transportation networks", arguments: 0..<30)
    func degenerateNetworks(seed: UInt64) {
        let network = RandomNetworks.degenerate(seed: seed, sources: 15, sinks: 12)
        let solution = MinCostFlow.solve(network)
        #expect(Self.answer(of: solution) == ReferenceSolver.solve(network), "seed \(seed)")
        if solution.status == .optimal {
            let problems = FlowCertificate.check(network, solution)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
        }
    }
}
