@testable import FlowSolver
import Testing

/// Forced arcs (`PreparedProblem+Forced.swift`): the automatic solve fixes at capacity the arcs of
/// a source without incoming arcs whose capacities add up to its supply, and of such a demand
/// node; the answer must stay the optimum, with a certificate that proves it.
@Suite("Forced arcs")
struct ForcedArcTests {
    /// A random network (`RandomNetworks.small`) with a super source feeding `fan` of its nodes
    /// through arcs whose widths add up to exactly the source's supply (lower bounds and a
    /// self-loop turn up), and a super sink fed likewise; sometimes an arc straight from the super
    /// source to the super sink, which must keep the sink in the problem.
    ///
    /// - Returns: the network and the indices of the arcs that must be fixed (the inner network's
    ///   own nodes may add more).
    static func network(seed: UInt64) -> (network: FlowNetwork, forcedArcs: Set<Int32>) {
        var random = SeededGenerator(seed: seed)
        let inner = RandomNetworks.small(seed: 90_000 + seed, nodes: 3...12, maxArcs: 40, maxCapacity: 6, costs: -5...20)
        let n = inner.nodeCount
        var network = FlowNetwork(nodeCount: n + 2)
        for v in 0..<n { network.setSupply(v, inner.supplies[v]) }
        for a in 0..<inner.arcCount {
            network.addArc(from: Int(inner.tails[a]), to: Int(inner.heads[a]), lowerBound: inner.lowerBounds[a],
                           capacity: inner.capacities[a], cost: inner.costs[a])
        }
        let source = n, sink = n + 1
        let direct = Int.random(in: 0..<4, using: &random) == 0
        var supply: Int64 = 0, demand: Int64 = 0
        var fromSource: Set<Int32> = [], intoSink: Set<Int32> = []
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let lower = Int64.random(in: 0...1, using: &random)
            let capacity = lower + Int64.random(in: 1...3, using: &random)
            network.addArc(from: source, to: Int.random(in: 0..<n, using: &random), lowerBound: lower,
                           capacity: capacity, cost: Int64.random(in: -10...30, using: &random))
            supply += capacity
            fromSource.insert(Int32(network.arcCount - 1))
        }
        network.addArc(from: source, to: source, capacity: 2, cost: -3)   // a self-loop is never forced
        if direct {
            network.addArc(from: source, to: sink, capacity: 1, cost: 7)
            supply += 1
            fromSource.insert(Int32(network.arcCount - 1))
        }
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let capacity = Int64.random(in: 1...3, using: &random)
            network.addArc(from: Int.random(in: 0..<n, using: &random), to: sink, capacity: capacity,
                           cost: Int64.random(in: -10...30, using: &random))
            demand += capacity
            intoSink.insert(Int32(network.arcCount - 1))
        }
        if direct { demand += 1 }   // the direct arc, forced from the source's side only
        network.setSupply(source, supply)
        network.setSupply(sink, -demand)
        // Rebalance through node 0 so that supplies add up to zero.
        network.setSupply(0, network.supplies[0] - (supply - demand))
        return (network, direct ? fromSource : fromSource.union(intoSink))
    }

    @Test("Networks with forced ends: the automatic solve agrees with successive shortest paths and is certified",
          arguments: 0..<200)
    func agreesWithReference(seed: UInt64) {
        let (network, _) = Self.network(seed: seed)
        let solution = MinCostFlow.solve(network, algorithm: .automatic)
        #expect(PropertyTests.answer(of: solution) == ReferenceSolver.solve(network), "seed \(seed)")
        if solution.status == .optimal {
            #expect(FlowCertificate.check(network, solution) == [], "seed \(seed)")
            #expect(solution.totalCost == MinCostFlow.solve(network, algorithm: .networkSimplex).totalCost, "seed \(seed)")
        }
    }

    @Test("The forced source's and sink's arcs leave the simplex, and no fixed arc joins two fixed nodes",
          arguments: 0..<40)
    func forcedArcsLeaveTheSimplex(seed: UInt64) {
        let (network, forced) = Self.network(seed: seed)
        guard case .success(let plain) = PreparedProblem.make(network),
              case .success(let fixed) = PreparedProblem.make(network, fixingForcedArcs: true) else {
            Issue.record("seed \(seed) did not prepare")
            return
        }
        // (Unless one of the inner network's own nodes is a fixed source with an arc into the
        // super sink, which keeps the sink in the problem.)
        let fixedArcs = Set(fixed.forcedArcs.map(\.arc))
        let sink = Int32(network.nodeCount - 1)
        let sinkKept = fixed.forcedArcs.contains { $0.fromSource && network.heads[Int($0.arc)] == sink }
        #expect(forced.isSubset(of: fixedArcs) || sinkKept, "seed \(seed)")
        #expect(fixed.activeArcCount == plain.activeArcCount - fixed.forcedArcs.count, "seed \(seed)")
        // Every fixed arc has exactly one fixed end: no arc of a fixed source into a fixed sink.
        let sources = Set(fixed.forcedArcs.filter(\.fromSource).map { network.tails[Int($0.arc)] })
        let sinks = Set(fixed.forcedArcs.filter { !$0.fromSource }.map { network.heads[Int($0.arc)] })
        #expect(sources.isDisjoint(with: sinks), "seed \(seed)")
        for item in fixed.forcedArcs where item.fromSource {
            #expect(!sinks.contains(network.heads[Int(item.arc)]), "seed \(seed)")
        }
        #expect(plain.forcedArcs.isEmpty)
    }

    @Test("The placement model's super source: every citizen gets its unit, the optimum and its proof are kept")
    func superSource() {
        // Given: a source of 3 units with an arc of capacity 1 to each of 3 citizens, two
        // residences with one place each, and a fallback through an external node.
        let citizens = [1, 2, 3], residences = [4, 5], external = 6, sink = 7
        var arcs: [Networks.Arc] = citizens.map { (0, $0, 0, 1, 0) }
        arcs += [(1, 4, 0, 1, 10), (1, 5, 0, 1, 40), (2, 4, 0, 1, 20), (2, 5, 0, 1, 25), (3, 5, 0, 1, 30)]
        arcs += citizens.map { ($0, external, 0, 1, 100) }
        arcs += residences.map { ($0, sink, 0, 1, 0) } + [(external, sink, 0, 3, 0)]
        let network = Networks.make(nodes: 8, supplies: [0: 3, sink: -3], arcs: arcs)
        // When: it is solved automatically.
        let solution = MinCostFlow.solve(network, algorithm: .automatic)
        // Then: citizen 1 takes residence 4, citizen 2 residence 5, citizen 3 the fallback
        // (10 + 25 + 100 = 135 beats 20 + 30 + 100 and 10 + 30 + 100), with the source's three
        // arcs fixed and a certificate that holds for them too.
        #expect(solution.status == .optimal)
        #expect(solution.totalCost == 135)
        #expect(solution.statistics.activeArcs == network.arcCount - 3)
        #expect(Array(solution.flows[0..<3]) == [1, 1, 1])
        #expect(FlowCertificate.check(network, solution) == [])
        #expect(MinCostFlow.solve(network, algorithm: .networkSimplex).statistics.activeArcs == network.arcCount)
    }

    @Test("Nothing is forced when a source's arcs can carry more than its supply, or less",
          arguments: [Int64(3), 5])
    func notForced(supply: Int64) {
        // Two arcs of capacity 2 out of node 0: 4 units of room for a supply of 3 or 5; node 2
        // has 3 units of room coming in for a demand of 2 or 4.
        let network = Networks.make(nodes: 3, supplies: [0: supply, 1: -1, 2: 1 - supply],
                                    arcs: [(0, 1, 0, 2, 1), (0, 2, 0, 2, 2), (1, 2, 0, 1, 1)])
        guard case .success(let prepared) = PreparedProblem.make(network, fixingForcedArcs: true) else {
            Issue.record("did not prepare")
            return
        }
        #expect(prepared.forcedArcs.isEmpty)
        let solution = MinCostFlow.solve(network, algorithm: .automatic)
        #expect(solution.status == (supply == 3 ? .optimal : .infeasible))
        if supply == 3 { #expect(solution.totalCost == 1 + 2 * 2) }
    }

    @Test("A forced demand node gets a potential that proves its arcs full")
    func forcedSink() {
        // Node 3 demands 4 and has exactly 4 units of room coming in, from 1 and 2.
        let network = Networks.make(nodes: 4, supplies: [0: 4, 3: -4],
                                    arcs: [(0, 1, 0, 4, 3), (0, 2, 0, 4, 1), (1, 3, 0, 3, 2), (2, 3, 0, 1, 9)])
        let solution = MinCostFlow.solve(network, algorithm: .automatic)
        #expect(solution.totalCost == 3 * (3 + 2) + 1 * (1 + 9))
        #expect(solution.statistics.activeArcs == 2)
        #expect(FlowCertificate.check(network, solution) == [])
    }
}
