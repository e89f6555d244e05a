/// Exact minimum-cost flow.
///
/// ```swift
/// var network = FlowNetwork(nodeCount: 3)
/// network.setSupply(0, 4)
/// network.setSupply(2, -4)
/// network.addArc(from: 0, to: 1, capacity: 4, cost: 2)
/// network.addArc(from: 1, to: 2, capacity: 3, cost: 1)
/// network.addArc(from: 0, to: 2, capacity: 9, cost: 5)
/// let solution = MinCostFlow.solve(network)   // optimal, totalCost 3*3 + 1*5 = 14
/// ```
///
/// The solver is the primal network simplex method described in `NetworkSimplex.swift`, in
/// integer arithmetic throughout: the answer is exact, and it comes with potentials that prove it
/// (see ``FlowSolution`` and ``FlowCertificate``).
///
/// ## Limits
///
/// There is no "infinite" capacity. Every number must be finite and small enough that no total
/// the solver forms can overflow `Int64`; instead of trapping, `solve` checks this up front with
/// overflow-reporting arithmetic and answers:
///
/// - ``SolveStatus/capacityOutOfRange`` unless `capacity - lowerBound` of every arc, the supplies
///   after moving lower bounds into them, and
///   `Σ_arcs (capacity - lowerBound) + Σ_nodes |supply|` all fit in `Int64`
///   (about 9.2·10¹⁸). No flow, excess or residual capacity the solver forms can then overflow.
/// - ``SolveStatus/costOutOfRange`` unless `Σ_arcs |cost| · max(|lowerBound|, |capacity|)` fits
///   (so any total cost fits), and `C·(8·(n+1) + 3) + 8` fits, where `C` is the largest `|cost|`
///   and `n` the node count: the artificial cost `M = (n+1)·C + 1` and every node potential and
///   reduced cost the simplex forms are bounded by that. For 100,000 nodes this allows costs up
///   to about 10¹³.
///
/// To model an uncapacitated arc, give it a capacity equal to the total positive supply (counting
/// lower bounds as supplies and demands): with no negative-cost cycle an optimal flow never needs
/// more on one arc.
///
/// `solve` keeps no state between calls, so tasks may solve different networks concurrently.
///
/// Other conventions: an arc whose lower bound exceeds its capacity makes the problem
/// ``SolveStatus/infeasible``; supplies that do not sum to zero make it
/// ``SolveStatus/unbalanced``. The checks are made in the order capacity range, cost range,
/// balance, feasibility, and the first that fails is reported.
public enum MinCostFlow {
    /// Finds a flow of minimum total cost that meets every supply and every arc's bounds.
    ///
    /// Self-loops are settled without the simplex: one with negative cost carries its capacity,
    /// any other its lower bound. Arcs whose lower bound equals their capacity are fixed likewise.
    /// Negative costs are fine; a negative-cost cycle is saturated since all capacities are finite.
    ///
    /// Every ``Algorithm`` gives an optimal flow of the same total cost with proving potentials;
    /// when a problem has several optimal flows, which one is returned depends on the algorithm.
    /// The default is the network simplex, so that callers who rely on its choice among equally
    /// good flows (the matching's proposals) keep it; ``Algorithm/automatic`` is the same method
    /// tuned by the network's shape, or cost scaling on large networks of small capacities and
    /// on very large networks of many sources and many sinks, faster on the benchmark
    /// families, with another choice among equally good flows.
    ///
    /// - Returns: an optimal flow with proving potentials, or a solution carrying only a
    ///   non-optimal ``SolveStatus``.
    /// - Complexity: each simplex pivot costs O(B + d + t) for a pricing block of `B` arcs
    ///   (`B = √m/2`, or `2·√m` with many sources and many sinks), tree depth `d` and moved subtree
    ///   size `t`; the number of pivots is not polynomially bounded in theory but is typically a
    ///   small multiple of `n` (see `NetworkSimplex.swift`). Memory is O(n + m): about 45 bytes per arc and 100 per node
    ///   beyond the network itself. Cost scaling: O(n²·m·log(nC)), in practice near-linear per
    ///   refine with log₈(nC) refines; about 70 bytes per arc (see `CostScaling.swift`).
    public static func solve(_ network: FlowNetwork, algorithm: Algorithm = .networkSimplex) -> FlowSolution {
        solve(network, algorithm: algorithm, checkingInvariants: false).solution
    }

    /// `solve`, checking every invariant of the simplex basis after every pivot; for tests.
    /// Returns the first broken invariant, or nil.
    ///
    /// - Complexity: O(n + m) per pivot on top of `solve`.
    static func solveCheckingInvariants(_ network: FlowNetwork) -> (solution: FlowSolution, violation: String?) {
        solve(network, algorithm: .networkSimplex, checkingInvariants: true)
    }

    private static func solve(_ network: FlowNetwork, algorithm: Algorithm,
                              checkingInvariants: Bool) -> (solution: FlowSolution, violation: String?) {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let elapsed = clock.now - start
            let parts = elapsed.components
            return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        }

        var statistics = SolveStatistics(algorithm: NetworkSimplex.algorithmName)
        let prepared: PreparedProblem
        // Only the automatic choice fixes forced arcs and sizes the block by the network's shape:
        // an explicit `.networkSimplex` keeps the pivots, and so the choice among equally good
        // flows, that the matcher's results were recorded with.
        let tuned = algorithm == .automatic
        switch PreparedProblem.make(network, fixingForcedArcs: tuned) {
        case .failure(let status):
            statistics.seconds = seconds()
            return (.failed(status, statistics), nil)
        case .success(let value):
            prepared = value
        }
        statistics.activeArcs = prepared.activeArcCount

        let flows: [Int64], potentials: [Int64]
        var violation: String?
        if algorithm.resolved(for: prepared, network: network) == .costScaling,
           let answer = solveByCostScaling(prepared, network, &statistics) {
            (flows, potentials) = answer
        } else {
            let simplex = NetworkSimplex(prepared: prepared, network: network)
            let outcome = simplex.run(checkingInvariants: checkingInvariants,
                                      blockRule: tuned ? .byShape : .fixed)
            statistics.pivots = outcome.pivots
            statistics.degeneratePivots = outcome.degeneratePivots
            statistics.pricedArcs = outcome.pricedArcs
            statistics.treeWork = outcome.treeWork
            violation = outcome.invariantViolation
            guard outcome.feasible else {
                statistics.seconds = seconds()
                return (.failed(.infeasible, statistics), violation)
            }
            flows = simplex.originalFlows(prepared: prepared, network: network)
            potentials = simplex.nodePotentials()
        }
        var completed = potentials
        prepared.completePotentials(&completed, network: network)

        var total: Int64 = 0
        // Cannot overflow: PreparedProblem checked Σ |cost|·max(|lower|, |capacity|) fits.
        network.costs.withUnsafeBufferPointer { costs in
            flows.withUnsafeBufferPointer { flows in
                for arc in 0..<costs.count {
                    total &+= costs[arc] &* flows[arc]
                }
            }
        }
        statistics.seconds = seconds()
        let solution = FlowSolution(status: .optimal, totalCost: total, flows: flows, potentials: completed, statistics: statistics)
        return (solution, violation)
    }

    /// Cost scaling, or nil when it gave up (an infeasible problem, see `CostScaling.swift`), in
    /// which case the statistics say so and the simplex takes over.
    private static func solveByCostScaling(_ prepared: PreparedProblem, _ network: FlowNetwork,
                                           _ statistics: inout SolveStatistics) -> (flows: [Int64], potentials: [Int64])? {
        let scaling = CostScaling(prepared: prepared, network: network)
        let outcome = scaling.run()
        statistics.refines = outcome.refines
        statistics.pushes = outcome.pushes
        statistics.relabels = outcome.relabels
        statistics.priceUpdates = outcome.priceUpdates
        guard outcome.finished else {
            statistics.algorithm = "\(CostScaling.algorithmName), gave up, then \(NetworkSimplex.algorithmName)"
            return nil
        }
        statistics.algorithm = CostScaling.algorithmName
        let active = scaling.activeFlows()
        let flows = active.withUnsafeBufferPointer { prepared.originalFlows(network: network, activeFlows: $0) }
        return (flows, scaling.nodePotentials())
    }
}
