extension MinCostFlow {
    /// The method ``MinCostFlow/solve(_:algorithm:)`` uses. All are exact and certified; they
    /// differ in speed, by the shape of the network.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// The algorithm that measured fastest for the network's shape (see `resolved`): the
        /// network simplex, after fixing forced arcs (`PreparedProblem+Forced.swift`), with its
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
    /// `automatic` is the network simplex (tuned by shape, see the case): measured with `make bench-solver` (CPU seconds, see
    /// Benchmarks/solver/README.md) it was faster than this cost scaling on every family there,
    /// the scarce placement networks with 60,000 citizens included (1.4 s against 3.1 s, where
    /// OR-Tools' cost scaling takes 1.7 s), so no feature of a network is known yet that makes
    /// cost scaling the better choice. It is kept because it is exact and independent, and as
    /// the place for that rule once such networks turn up.
    func resolved(for prepared: PreparedProblem, network: FlowNetwork) -> MinCostFlow.Algorithm {
        switch self {
        case .networkSimplex, .automatic: return .networkSimplex
        case .costScaling:
            return CostScaling.fits(nodeCount: network.nodeCount, maxAbsCost: prepared.maxAbsCost) ? .costScaling : .networkSimplex
        }
    }
}
