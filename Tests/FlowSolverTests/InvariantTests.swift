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

    @Test("The pricing block is half √m, twice √m when sources and sinks are each a twentieth of the nodes, at least 10",
          arguments: [(10_000, 1_000, 1, 1, 50), (10_000, 1_000, 900, 1, 50), (10_000, 1_000, 50, 49, 50),
                      (10_000, 1_000, 50, 50, 200), (1_000_000, 20_000, 1, 1, 500), (50, 30, 1, 1, 10),
                      (0, 0, 0, 0, 10)])
    func pricingBlock(arcs: Int, nodes: Int, sources: Int, sinks: Int, expected: Int) {
        #expect(NetworkSimplex.blockSize(arcs: arcs, nodes: nodes, sources: sources, sinks: sinks) == expected)
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

    @Test("Shifting the complement of a big subtree is the same as shifting the subtree")
    func complementShift() throws {
        // After solving, most nodes hang below one child of the root: the subtree to shift.
        let network = RandomNetworks.degenerate(seed: 1, sources: 15, sinks: 12)
        guard case .success(let prepared) = PreparedProblem.make(network) else {
            Issue.record("network did not prepare")
            return
        }
        let simplex = NetworkSimplex(prepared: prepared, network: network)
        _ = simplex.run()
        let total = simplex.nodeCount + 1
        let big = try #require((0..<simplex.nodeCount).max { simplex.succNum[$0] < simplex.succNum[$1] })
        try #require(2 * Int(simplex.succNum[big]) > total, "the test needs a subtree of more than half the nodes")
        var inSubtree = [Bool](repeating: false, count: total)
        var w = big
        for _ in 0..<Int(simplex.succNum[big]) { inSubtree[w] = true; w = Int(simplex.thread[w]) }

        for shift in [Int64(7), simplex.potentialBound + 1] {   // the second one forces a renormalisation
            let before = (0..<total).map { simplex.potential[$0] &- simplex.potential[simplex.root] }
            let visited = simplex.shiftPotentials(subtree: big, by: shift)
            #expect(visited == total - Int(simplex.succNum[big]), "only the smaller side is walked")
            for v in 0..<total {
                let after = simplex.potential[v] &- simplex.potential[simplex.root]
                #expect(after == before[v] &+ (inSubtree[v] ? shift : 0), "node \(v), shift \(shift)")
            }
        }
        #expect(simplex.potential[simplex.root] == 0, "a drift beyond the bound resets the root to 0")
    }
}
