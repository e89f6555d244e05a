import FlowSolver

/// Seeded random networks for property tests.
enum RandomNetworks {
    /// A small network with self-loops, parallel arcs, zero-width arcs, lower bounds and negative
    /// costs all turning up. Most are feasible by construction (supplies are read off a random
    /// flow within the bounds); about a quarter get random balanced supplies, which may or may not
    /// be feasible.
    static func small(seed: UInt64, nodes: ClosedRange<Int> = 2...8, maxArcs: Int = 16,
                      maxCapacity: Int64 = 6, costs: ClosedRange<Int64> = -5...10) -> FlowNetwork {
        var random = SeededGenerator(seed: seed)
        let n = Int.random(in: nodes, using: &random)
        var network = FlowNetwork(nodeCount: n)
        let m = Int.random(in: 0...maxArcs, using: &random)
        var balance = [Int64](repeating: 0, count: n)
        for _ in 0..<m {
            let u = Int.random(in: 0..<n, using: &random)
            let v = Int.random(in: 0..<n, using: &random)
            let lower: Int64 = Int.random(in: 0..<4, using: &random) == 0 ? Int64.random(in: 0...2, using: &random) : 0
            let capacity = lower + Int64.random(in: 0...maxCapacity, using: &random)
            let cost = Int64.random(in: costs, using: &random)
            network.addArc(from: u, to: v, lowerBound: lower, capacity: capacity, cost: cost)
            let x = Int64.random(in: lower...capacity, using: &random)
            balance[u] += x
            balance[v] -= x
        }
        if Int.random(in: 0..<4, using: &random) == 0 {
            // Random balanced supplies: move units between random pairs of nodes.
            balance = [Int64](repeating: 0, count: n)
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let amount = Int64.random(in: 1...maxCapacity, using: &random)
                balance[Int.random(in: 0..<n, using: &random)] += amount
                balance[Int.random(in: 0..<n, using: &random)] -= amount
            }
        }
        for v in 0..<n { network.setSupply(v, balance[v]) }
        return network
    }

    /// A transportation-like network with many equal costs, which makes degenerate pivots and
    /// ties in the ratio test common: `sources` supply nodes, `sinks` demand nodes, dense arcs.
    static func degenerate(seed: UInt64, sources: Int, sinks: Int) -> FlowNetwork {
        var random = SeededGenerator(seed: seed)
        var network = FlowNetwork(nodeCount: sources + sinks)
        var demand = [Int64](repeating: 0, count: sinks)
        for s in 0..<sources {
            let supply = Int64.random(in: 0...3, using: &random)
            network.setSupply(s, supply)
            for _ in 0..<supply { demand[Int.random(in: 0..<sinks, using: &random)] += 1 }
            for t in 0..<sinks where Int.random(in: 0..<3, using: &random) > 0 {
                network.addArc(from: s, to: sources + t, capacity: Int64.random(in: 0...3, using: &random),
                               cost: Int64.random(in: 0...2, using: &random))
            }
        }
        for t in 0..<sinks { network.setSupply(sources + t, -demand[t]) }
        return network
    }
}
