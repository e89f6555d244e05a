extension MinCostFlow {
    /// The method ``MinCostFlow/solve(_:algorithm:)`` uses. All are exact and certified; they
    /// differ in speed, by the shape of the network.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// Chosen from cheap features of the network (see `resolved`).
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
    /// Measured with `make bench-solver` (Benchmarks/solver): cost scaling wins on dense
    /// bipartite-like networks (many arcs per node, as in the placement model with 40 or more
    /// residences per citizen) and the simplex on sparse ones (NETGEN-8, grids, random m = 10n).
    /// So: cost scaling when there are at least `denseArcsPerNode` arcs per node and its
    /// arithmetic fits, the simplex otherwise.
    func resolved(for prepared: PreparedProblem, network: FlowNetwork) -> MinCostFlow.Algorithm {
        let fits = CostScaling.fits(nodeCount: network.nodeCount, maxAbsCost: prepared.maxAbsCost)
        switch self {
        case .networkSimplex: return .networkSimplex
        case .costScaling: return fits ? .costScaling : .networkSimplex
        case .automatic:
            let dense = prepared.activeArcCount >= Self.denseArcsPerNode * max(network.nodeCount, 1)
            return dense && fits ? .costScaling : .networkSimplex
        }
    }

    /// Arcs per node from which `automatic` picks cost scaling.
    static let denseArcsPerNode = 16
}
