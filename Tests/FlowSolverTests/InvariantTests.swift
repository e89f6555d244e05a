@testable import FlowSolver
import Testing

/// Re-checks the whole simplex basis (tree, thread, subtree sizes, potentials, flows) after
/// every single pivot, so a tree-update bug is caught at the pivot that causes it rather than
/// only through a wrong final answer.
@Suite("Simplex invariants")
struct InvariantTests {
    @Test("Invariants hold after every pivot on small random networks", arguments: 0..<200)
    func smallNetworks(seed: UInt64) {
        let network = RandomNetworks.small(seed: 20_000 + seed, nodes: 2...10, maxArcs: 25)
        let (solution, violation) = MinCostFlow.solveCheckingInvariants(network)
        #expect(violation == nil, "seed \(20_000 + seed): \(violation ?? "")")
        #expect(PropertyTests.answer(of: solution) == ReferenceSolver.solve(network), "seed \(20_000 + seed)")
    }

    @Test("Invariants hold after every pivot on degenerate and medium networks", arguments: 0..<20)
    func largerNetworks(seed: UInt64) {
        for network in [
            RandomNetworks.degenerate(seed: 30_000 + seed, sources: 10, sinks: 8),
            RandomNetworks.small(seed: 30_000 + seed, nodes: 30...40, maxArcs: 150, maxCapacity: 9, costs: -9...30),
        ] {
            let (_, violation) = MinCostFlow.solveCheckingInvariants(network)
            #expect(violation == nil, "seed \(30_000 + seed): \(violation ?? "")")
        }
    }

    @Test("The checker notices a corrupted basis")
    func checkerIsNotVacuous() {
        let prepared: PreparedProblem
        guard case .success(let value) = PreparedProblem.make(Networks.textbook) else {
            Issue.record("textbook network did not prepare")
            return
        }
        prepared = value
        let simplex = NetworkSimplex(prepared: prepared, network: Networks.textbook)
        #expect(simplex.invariantViolation(supplies: prepared.supplies) == nil)
        simplex.succNum[2] += 1
        #expect(simplex.invariantViolation(supplies: prepared.supplies) != nil)
        simplex.succNum[2] -= 1
        simplex.potential[3] += 1
        #expect(simplex.invariantViolation(supplies: prepared.supplies) != nil)
    }
}
