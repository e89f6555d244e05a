@testable import FlowSolver
import Testing

/// The portfolio: every algorithm gives the same optimal cost with a valid certificate, the
/// automatic choice follows the network's shape, and cost scaling hands over to the simplex
/// exactly where its documentation says.
@Suite("Algorithm portfolio")
struct AlgorithmTests {
    /// A complete bipartite assignment-like network: `left` sources of one unit, `right` sinks,
    /// costs from a seeded generator; `right < left` leaves some sources on an expensive
    /// fallback arc to the last sink, as in the placement model.
    static func bipartite(seed: UInt64, left: Int, right: Int) -> FlowNetwork {
        var random = SeededGenerator(seed: seed)
        var network = FlowNetwork(nodeCount: left + right + 1)
        let fallback = left + right
        for s in 0..<left {
            network.setSupply(s, 1)
            for t in 0..<right {
                network.addArc(from: s, to: left + t, capacity: 1, cost: Int64.random(in: 100_000...10_000_000, using: &random))
            }
            network.addArc(from: s, to: fallback, capacity: 1, cost: Int64.random(in: 700_000...3_300_000, using: &random))
        }
        let places = left * 3 / 5
        for t in 0..<right { network.setSupply(left + t, -Int64(places / right)) }
        network.setSupply(fallback, -Int64(left - (places / right) * right))
        return network
    }

    @Test("Every algorithm finds the same optimal cost on larger random networks, certified",
          arguments: 0..<12)
    func algorithmsAgree(seed: UInt64) {
        let network = RandomNetworks.small(seed: 70_000 + seed, nodes: 100...200, maxArcs: 2_000,
                                           maxCapacity: 50, costs: -100...10_000)
        let simplex = MinCostFlow.solve(network, algorithm: .networkSimplex)
        for algorithm in MinCostFlow.Algorithm.allCases {
            let solution = MinCostFlow.solve(network, algorithm: algorithm)
            #expect(solution.status == simplex.status, "\(algorithm) seed \(seed)")
            #expect(solution.totalCost == simplex.totalCost, "\(algorithm) seed \(seed)")
            if solution.status == .optimal {
                #expect(FlowCertificate.check(network, solution) == [], "\(algorithm) seed \(seed)")
            }
        }
    }

    @Test("Scarce bipartite networks with kroner-sized costs: cost scaling equals the simplex", arguments: 0..<6)
    func scarceBipartite(seed: UInt64) {
        let network = Self.bipartite(seed: seed, left: 120, right: 30)
        let simplex = MinCostFlow.solve(network, algorithm: .networkSimplex)
        let scaling = MinCostFlow.solve(network, algorithm: .costScaling)
        #expect(simplex.status == .optimal)
        #expect(scaling.statistics.algorithm == CostScaling.algorithmName)
        #expect(scaling.totalCost == simplex.totalCost)
        #expect(FlowCertificate.check(network, scaling) == [])
        #expect(scaling.statistics.refines > 1 && scaling.statistics.pushes > 0)
    }

    @Test("Automatic is the network simplex on small networks, dense and sparse alike")
    func automaticChoice() {
        let dense = Self.bipartite(seed: 1, left: 60, right: 40)   // 2,460 arcs on 101 nodes
        #expect(MinCostFlow.solve(dense, algorithm: .automatic).statistics.algorithm == NetworkSimplex.algorithmName)
        var path = FlowNetwork(nodeCount: 50)
        path.setSupply(0, 3)
        path.setSupply(49, -3)
        for v in 0..<49 { path.addArc(from: v, to: v + 1, capacity: 5, cost: 2) }
        let sparse = MinCostFlow.solve(path, algorithm: .automatic)
        #expect(sparse.statistics.algorithm == NetworkSimplex.algorithmName)
        #expect(sparse.totalCost == 3 * 49 * 2)
    }

    @Test("The rule for cost scaling: 2^18 active arcs, three quarters of them of capacity at most 10, few sources")
    func costScalingRule() {
        let rule = MinCostFlow.Algorithm.prefersCostScaling
        #expect(rule(262_144, 196_608, 65_536, 256, 256))
        #expect(!rule(262_143, 262_143, 65_536, 256, 256))        // one arc too few
        #expect(!rule(262_144, 196_607, 65_536, 256, 256))        // one small arc too few
        #expect(rule(262_144, 196_608, 65_536, 3_276, 1))         // 20 · 3,276 < 65,536
        #expect(!rule(262_144, 196_608, 65_536, 3_277, 1))        // many sources: the placement shape
        #expect(MinCostFlow.Algorithm.smallCapacity == 10)
    }

    @Test("The rule for cost scaling: from 786,432 active arcs, many sources and many sinks, whatever the capacities")
    func manyTerminalsRule() {
        let rule = MinCostFlow.Algorithm.prefersCostScaling
        #expect(MinCostFlow.Algorithm.manyTerminalsArcs == 786_432)
        #expect(rule(786_432, 0, 100_000, 5_000, 5_000))          // 20 · 5,000 = 100,000
        #expect(!rule(786_431, 0, 100_000, 5_000, 5_000))         // one arc too few
        #expect(!rule(786_432, 0, 100_000, 5_000, 4_999))         // few sinks: the placement shape
        #expect(!rule(786_432, 0, 100_000, 4_999, 5_000))         // few sources
        #expect(!rule(786_432, 786_432, 100_000, 5_000, 1))       // many sources, small arcs: still the simplex
    }

    @Test("Automatic resolves a random-many-like network of 786,432 arcs to cost scaling, and one arc fewer to the simplex")
    func automaticManyTerminals() {
        // 40,000 nodes on a skeleton ring, 2,000 sources and 2,000 sinks (a twentieth each),
        // random arcs of capacity 11-1,000 (never small) up to the threshold.
        func network(arcs: Int) -> FlowNetwork {
            var random = SeededGenerator(seed: 11)
            let nodes = 40_000
            var network = FlowNetwork(nodeCount: nodes)
            for v in 0..<nodes { network.addArc(from: v, to: (v + 1) % nodes, capacity: 2_000_000, cost: 1_000_000) }
            for t in 0..<2_000 {
                network.setSupply(2 * t, 1_000)
                network.setSupply(2 * t + 1, -1_000)
            }
            while network.arcCount < arcs {
                let u = Int.random(in: 0..<nodes, using: &random), v = Int.random(in: 0..<nodes, using: &random)
                if u == v { continue }
                network.addArc(from: u, to: v, capacity: Int64.random(in: 11...1_000, using: &random),
                               cost: Int64.random(in: 1...10_000, using: &random))
            }
            return network
        }
        for (arcs, expected) in [(786_432, MinCostFlow.Algorithm.costScaling), (786_431, .networkSimplex)] {
            let large = network(arcs: arcs)
            guard case .success(let prepared) = PreparedProblem.make(large, fixingForcedArcs: true) else {
                Issue.record("the network did not prepare")
                return
            }
            #expect(prepared.activeArcCount == arcs)
            #expect(MinCostFlow.Algorithm.automatic.resolved(for: prepared, network: large) == expected)
        }
    }

    /// NETGEN-LO-like: `nodes` nodes on an uncapacitated-enough skeleton path, 4 sources and 4
    /// sinks, and random arcs (no self-loops, which are settled before any algorithm) up to
    /// 2^18 + 4,096 in all with capacities from `capacities`.
    static func tightNetwork(seed: UInt64, nodes: Int, capacities: ClosedRange<Int64>, sources: Int = 4) -> FlowNetwork {
        var random = SeededGenerator(seed: seed)
        var network = FlowNetwork(nodeCount: nodes)
        for s in 0..<sources { network.setSupply(s, 5) }
        for t in 0..<4 { network.setSupply(nodes - 1 - t, -Int64(5 * sources / 4)) }
        for v in 0..<(nodes - 1) { network.addArc(from: v, to: v + 1, capacity: 5 * Int64(sources), cost: 1_000) }
        while network.arcCount < (1 << 18) + 4_096 {
            let u = Int.random(in: 0..<nodes, using: &random), v = Int.random(in: 0..<nodes, using: &random)
            if u == v { continue }
            network.addArc(from: u, to: v, capacity: Int64.random(in: capacities, using: &random),
                           cost: Int64.random(in: 1...100, using: &random))
        }
        return network
    }

    @Test("Automatic takes cost scaling on a large network of small capacities and few sources, same optimum, certified")
    func automaticCostScaling() {
        let network = Self.tightNetwork(seed: 3, nodes: 4_096, capacities: 1...10)
        let automatic = MinCostFlow.solve(network, algorithm: .automatic)
        let simplex = MinCostFlow.solve(network, algorithm: .networkSimplex)
        #expect(automatic.statistics.algorithm == CostScaling.algorithmName)
        #expect(simplex.status == .optimal)
        #expect(automatic.totalCost == simplex.totalCost)
        #expect(FlowCertificate.check(network, automatic) == [])
    }

    @Test("Automatic keeps the simplex on the same network with large capacities, or with many sources")
    func automaticKeepsSimplex() {
        let wide = Self.tightNetwork(seed: 3, nodes: 4_096, capacities: 11...1_000)
        #expect(MinCostFlow.solve(wide, algorithm: .automatic).statistics.algorithm == NetworkSimplex.algorithmName)
        let manySources = Self.tightNetwork(seed: 3, nodes: 4_096, capacities: 1...10, sources: 220)
        #expect(MinCostFlow.solve(manySources, algorithm: .automatic).statistics.algorithm == NetworkSimplex.algorithmName)
    }

    @Test("The default stays the network simplex")
    func defaultIsSimplex() {
        let network = Self.bipartite(seed: 2, left: 60, right: 40)
        #expect(MinCostFlow.solve(network).statistics.algorithm == NetworkSimplex.algorithmName)
    }

    @Test("Infeasible: cost scaling gives up and the simplex answers")
    func infeasibleFallsBack() {
        // Node 2 demands 4 but only 3 can reach it.
        let network = Networks.make(nodes: 3, supplies: [0: 4, 2: -4], arcs: [(0, 1, 0, 9, 1), (1, 2, 0, 3, 1)])
        let solution = MinCostFlow.solve(network, algorithm: .costScaling)
        #expect(solution.status == .infeasible)
        #expect(solution.statistics.algorithm
                == "\(CostScaling.algorithmName), gave up, then \(NetworkSimplex.algorithmName)")
    }

    @Test("Costs too large for cost scaling's scaled prices go to the simplex")
    func rangeFallsBack() {
        let c = StatusTests.maxCost(nodes: 3)
        #expect(!CostScaling.fits(nodeCount: 3, maxAbsCost: c))
        #expect(CostScaling.fits(nodeCount: 100_000, maxAbsCost: 10_000_000))
        let network = Networks.make(nodes: 3, supplies: [0: 1, 2: -1], arcs: [(0, 1, 0, 1, c), (1, 2, 0, 1, -c)])
        let solution = MinCostFlow.solve(network, algorithm: .costScaling)
        #expect(solution.statistics.algorithm == NetworkSimplex.algorithmName)
        #expect(solution.totalCost == 0)
    }

    @Test("Algorithm names parse from their command-line spelling")
    func spelling() {
        #expect(MinCostFlow.Algorithm.allCases.map(\.rawValue) == ["auto", "simplex", "cost-scaling"])
    }
}
