extension MinCostFlow {
    /// The method ``MinCostFlow/solve(_:algorithm:)`` uses. All are exact and certified; they
    /// differ in speed, by the shape of the network.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// The algorithm that measured fastest for the network's shape (see `resolved`): cost
        /// scaling on large networks of few sources whose arcs are mostly of small capacity, and
        /// on very large networks of many sources and many sinks
        /// (``MinCostFlow/Algorithm/prefersCostScaling(activeArcs:smallCapacityArcs:nodes:sources:sinks:)``),
        /// otherwise the network simplex, after fixing forced arcs (`PreparedProblem+Forced.swift`), with its
        /// pricing block and arc mixing chosen from the network's shape
        /// (`NetworkSimplex+BlockRule.swift`), and on networks of many sources and few sinks
        /// crash pivots before block search (`NetworkSimplex+Crash.swift`). Same optimum as `networkSimplex`, but among
        /// equally good flows it may return another.
        case automatic = "auto"
        /// The primal network simplex with block search (`NetworkSimplex.swift`).
        case networkSimplex = "simplex"
        /// Cost scaling push-relabel (`CostScaling.swift`). Costs so large that its scaled
        /// prices could overflow fall back to the simplex, as do infeasible problems.
        case costScaling = "cost-scaling"
    }
}

extension MinCostFlow.Algorithm {
    /// The concrete method for a prepared problem.
    ///
    /// `automatic` is the network simplex (tuned by shape, see the case) except where
    /// ``prefersCostScaling(activeArcs:smallCapacityArcs:nodes:sources:sinks:)`` holds.
    func resolved(for prepared: PreparedProblem, network: FlowNetwork) -> MinCostFlow.Algorithm {
        switch self {
        case .networkSimplex: return .networkSimplex
        case .automatic where !Self.prefersCostScaling(prepared, network): return .networkSimplex
        case .automatic, .costScaling:
            return CostScaling.fits(nodeCount: network.nodeCount, maxAbsCost: prepared.maxAbsCost) ? .costScaling : .networkSimplex
        }
    }

    /// Arcs of at most this residual width count as small in
    /// ``prefersCostScaling(activeArcs:smallCapacityArcs:nodes:sources:sinks:)``.
    static let smallCapacity: Int64 = 10

    /// From this many active arcs on, a network of many sources and many sinks goes to cost
    /// scaling whatever its capacities (3 · 2^18 = 786,432; see `prefersCostScaling`).
    static let manyTerminalsArcs = 3 << 18

    /// Whether `automatic` should use cost scaling: either at least 2^18 active arcs, at least
    /// three quarters of them of capacity (minus lower bound) at most ``smallCapacity``, and few
    /// sources (not ``Terminals/many(_:nodes:)``: 20 · sources < n); or at least
    /// ``manyTerminalsArcs`` active arcs with many sources and many sinks.
    ///
    /// Why: on NETGEN-LO-8 (capacities 1-10, `make bench-solver`, CPU seconds, median of
    /// seeds 1-3) the simplex's pivots grow faster than cost scaling's work: with 32,768 arcs
    /// cost scaling takes 0.31 s against the simplex's 0.105 s, with 131,072 arcs 1.94 s against
    /// 1.55 s, but with 524,288 arcs 15.3 s against 22.5 s (OR-Tools 17.6 s, LEMON 21.7 s). On
    /// the same networks with capacities 1-1000 (NETGEN-8) the simplex is faster at every size,
    /// hence the capacity test. Placement networks also have unit arcs (citizen to residence)
    /// but many sources, and there the simplex with its crash pivots wins at every size (cost
    /// scaling 3.1 s against 1.4 s with 60,000 citizens), hence the source test. Those networks
    /// have one sink or few (the residences' places lead to one), which keeps them out of the
    /// second case.
    ///
    /// The second case: on random networks with a tenth of the nodes sources and a tenth sinks
    /// (random-many, capacities 1-1000, CPU seconds, seed 1, the solver-only build of
    /// `Benchmarks/solver/solver-only`) the simplex grows faster than cost scaling, and they
    /// cross between 700,000 and 850,000 arcs: 3.9 s against 6.1 s with 500,000 arcs, 8.4 s
    /// against 9.5 s with 700,000, 12.6 s against 11.9 s with 850,000. With a million arcs,
    /// in `make bench-solver`, cost scaling took 18.3 s against the simplex's 20.4 s on seed 1
    /// and at parity on seed 2 (17.8 s against 17.5-18.0 s). Cost scaling has become faster
    /// since (frame pointers off, the split arc runs of its price update): measured again with
    /// `placement solve`, the simplex still wins at 650,000 arcs (6.8-7.0 s against 7.6-7.7 s)
    /// and cost scaling at 700,000 (7.5-7.7 s against 8.3-8.4 s), and a million arcs take it
    /// 13.2 s. The crossover is now near 680,000; the bound stays, the gain in between being
    /// under 10 % on one seed per size.
    static func prefersCostScaling(activeArcs: Int, smallCapacityArcs: Int, nodes: Int, sources: Int, sinks: Int) -> Bool {
        if activeArcs >= manyTerminalsArcs && Terminals.many(sources, nodes: nodes) && Terminals.many(sinks, nodes: nodes) {
            return true
        }
        return activeArcs >= 1 << 18 && 4 * smallCapacityArcs >= 3 * activeArcs && !Terminals.many(sources, nodes: nodes)
    }

    private static func prefersCostScaling(_ prepared: PreparedProblem, _ network: FlowNetwork) -> Bool {
        let active = prepared.activeArcCount, n = network.nodeCount
        let terminals = Terminals(supplies: prepared.supplies)
        let sources = terminals.sources, sinks = terminals.sinks
        // The size and terminal tests first: the count of small arcs is a pass over the arcs.
        guard prefersCostScaling(activeArcs: active, smallCapacityArcs: active, nodes: n, sources: sources, sinks: sinks) else {
            return false
        }
        var small = 0
        network.withArcColumns { arcs in
            prepared.activeArcs.withUnsafeBufferPointer { order in
                for a in order {
                    let arc = Int(a)
                    if arcs.capacities[arc] &- arcs.lowerBounds[arc] <= smallCapacity { small += 1 }
                }
            }
        }
        return prefersCostScaling(activeArcs: active, smallCapacityArcs: small, nodes: n, sources: sources, sinks: sinks)
    }
}
