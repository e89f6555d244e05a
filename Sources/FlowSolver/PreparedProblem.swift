/// The network after the checks and reductions that come before the simplex:
///
/// 1. Range checks (see ``MinCostFlow`` "Limits"), all with overflow-reporting arithmetic, so that
///    the simplex itself can use wrapping arithmetic (`&+`) in its hot loops without ever wrapping.
/// 2. Lower bounds are moved into the supplies: flow `x` on arc `(u, v)` with `l ≤ x ≤ u` becomes
///    `x' = x - l` with `0 ≤ x' ≤ u - l`, while `u` supplies `l` less and `v` `l` more. The cost
///    changes by the constant `Σ c·l`, which the caller adds back by pricing the original flows.
/// 3. Self-loops and arcs of zero width (`lower == capacity`) are left out: their optimal flow is
///    known (a self-loop is its own cycle of cost `c`), and leaving them out saves degenerate
///    pivots.
/// 4. The remaining "active" arcs are put in an interleaved order, so that a block of consecutive
///    arcs in the pricing step comes from all over the network rather than from one node
///    (LEMON calls this arc mixing; it makes block search find good arcs sooner).
/// 5. Optionally (``MinCostFlow/Algorithm/automatic``), forced arcs are fixed at their capacity
///    (see `PreparedProblem+Forced.swift`): a source without incoming arcs whose outgoing
///    capacities add up to exactly its supply must fill every one of them, and likewise a demand
///    node without outgoing arcs. The placement model's super source (one arc of capacity 1 to
///    every citizen) is such a node; fixing it gives every citizen its own unit of supply.
struct PreparedProblem: Sendable {
    /// Node supplies after moving lower bounds into them.
    var supplies: [Int64]
    /// Original indices of the active arcs, in the solver's internal (interleaved) order.
    var activeArcs: [Int32]
    /// The cost of the artificial arcs `root → v` of the initial tree: `M = (n + 1)·C + 1`.
    var artificialCost: Int64
    /// `B = M + (n + 1)·C`, a bound on |p(v) − p(root)| for tree potentials.
    var potentialBound: Int64
    /// `C`, the largest |cost| of an active arc.
    var maxAbsCost: Int64
    /// Whether some arc other than a self-loop has a non-zero lower bound: when none has, the
    /// solvers take active capacities as they are instead of subtracting zeros from them.
    var hasLowerBounds = true
    /// Whether some self-loop has a negative cost (and so carries its capacity): when none has,
    /// ``originalFlows(network:activeFlows:)`` skips looking for them.
    var hasNegativeSelfLoops = true
    /// Arcs fixed at their capacity by step 5, each with the node whose potential the certificate
    /// needs set afterwards (see ``completePotentials(_:network:)``); empty unless asked for.
    var forcedArcs: [ForcedArc] = []

    var activeArcCount: Int { activeArcs.count }

    enum Outcome {
        case success(PreparedProblem)
        case failure(SolveStatus)
    }

    /// Checks `network` and reduces it, or returns the status that stops the solve.
    ///
    /// - Complexity: O(n + m).
    /// - Parameter fixingForcedArcs: whether to apply step 5.
    static func make(_ network: FlowNetwork, fixingForcedArcs: Bool = false) -> Outcome {
        let n = network.nodeCount
        let m = network.arcCount
        var supplies = network.supplies

        // Balance, checked in the documented order: range problems are reported first.
        var supplySum: Int64 = 0
        var supplySumOverflow = false
        for b in supplies {
            let (s, o) = supplySum.addingReportingOverflow(b)
            supplySum = s
            supplySumOverflow = supplySumOverflow || o
        }
        if supplySumOverflow { return .failure(.capacityOutOfRange) }

        var capacityOverflow = false
        var costOverflow = false
        var boundsCrossed = false
        var widthTotal: Int64 = 0
        var objectiveBound: Int64 = 0
        var maxAbsCost: Int64 = 0
        var activeCount = 0
        var anyLowerBound = false
        var anyNegativeSelfLoop = false

        network.withArcColumns { arcs in
            for a in 0..<m {
                let lower = arcs.lowerBounds[a], capacity = arcs.capacities[a], cost = arcs.costs[a]
                let (width, widthOverflow) = capacity.subtractingReportingOverflow(lower)
                if widthOverflow { capacityOverflow = true; return }
                if width < 0 { boundsCrossed = true }
                let (total, totalOverflow) = widthTotal.addingReportingOverflow(max(width, 0))
                if totalOverflow { capacityOverflow = true; return }
                widthTotal = total

                if cost == .min { costOverflow = true; continue }
                let absCost = abs(cost)
                let (magnitude, magnitudeOverflow) = Self.magnitude(lower, capacity)
                let (term, termOverflow) = absCost.multipliedReportingOverflow(by: magnitude)
                let (bound, boundOverflow) = objectiveBound.addingReportingOverflow(term)
                if magnitudeOverflow || termOverflow || boundOverflow { costOverflow = true; continue }
                objectiveBound = bound

                let tail = Int(arcs.tails[a]), head = Int(arcs.heads[a])
                if tail == head {
                    if cost < 0 { anyNegativeSelfLoop = true }
                    continue
                }
                if lower != 0 {
                    anyLowerBound = true
                    let (newTail, o1) = supplies[tail].subtractingReportingOverflow(lower)
                    let (newHead, o2) = supplies[head].addingReportingOverflow(lower)
                    if o1 || o2 { capacityOverflow = true; return }
                    supplies[tail] = newTail
                    supplies[head] = newHead
                }
                if width > 0 {
                    activeCount += 1
                    maxAbsCost = max(maxAbsCost, absCost)
                }
            }
        }
        if capacityOverflow { return .failure(.capacityOutOfRange) }

        // Σ width + Σ |b'| bounds every flow, excess and residual the simplex can form.
        var flowBound = widthTotal
        for b in supplies {
            if b == .min { return .failure(.capacityOutOfRange) }
            let (s, o) = flowBound.addingReportingOverflow(abs(b))
            if o { return .failure(.capacityOutOfRange) }
            flowBound = s
        }

        if costOverflow { return .failure(.costOutOfRange) }
        // M = (n+1)·C + 1 beats the cost of any simple path (at most n arcs). Potentials are tree
        // path costs from the root through at most one artificial arc, so
        // |p(v) − p(root)| ≤ B = M + (n+1)·C. The simplex lets p(root) drift up to B + |rc| before
        // renormalising (see NetworkSimplex.shiftPotentials), with |rc| ≤ C + 2B, so every
        // potential stays within 4B + C = C·(8(n+1) + 1) + 4; the check keeps a margin.
        let nodes = Int64(n) + 1
        guard let artificialCost = checkedCost(maxAbsCost, times: nodes, plus: 1),
              let potentialBound = checkedCost(maxAbsCost, times: 2 * nodes, plus: 1),
              checkedCost(maxAbsCost, times: 8 * nodes + 3, plus: 8) != nil
        else { return .failure(.costOutOfRange) }

        if supplySum != 0 { return .failure(.unbalanced) }
        if boundsCrossed { return .failure(.infeasible) }

        var forced = ForcedNodes.none
        if fixingForcedArcs {
            forced = ForcedNodes.find(network, supplies: supplies)
            if !forced.arcs.isEmpty {
                for item in forced.arcs {
                    let a = Int(item.arc)
                    let width = network.capacities[a] &- network.lowerBounds[a]   // fits: checked above
                    supplies[Int(network.tails[a])] &-= width
                    supplies[Int(network.heads[a])] &+= width
                }
                activeCount -= forced.arcs.count
            }
        }
        let stride = mixingStride(arcs: activeCount, nodes: n, supplies: supplies, byShape: fixingForcedArcs)
        let activeArcs = interleavedActiveArcs(network, count: activeCount, stride: stride, forced: forced.side)
        return .success(PreparedProblem(supplies: supplies, activeArcs: activeArcs,
                                        artificialCost: artificialCost, potentialBound: potentialBound,
                                        maxAbsCost: maxAbsCost, hasLowerBounds: anyLowerBound,
                                        hasNegativeSelfLoops: anyNegativeSelfLoop,
                                        forcedArcs: forced.arcs))
    }

    /// The flow of every arc of the original network, lower bounds included, from the flows of
    /// the active arcs (in the prepared order): self-loops are saturated when their cost is
    /// negative, every other inactive arc sits at its lower bound.
    ///
    /// - Complexity: O(m).
    func originalFlows(network: FlowNetwork, activeFlows: UnsafeBufferPointer<Int64>) -> [Int64] {
        var flows = network.lowerBounds
        flows.withUnsafeMutableBufferPointer { flows in
            network.withArcColumns { arcs in
                if hasNegativeSelfLoops {
                    for a in 0..<flows.count where arcs.tails[a] == arcs.heads[a] && arcs.costs[a] < 0 {
                        flows[a] = arcs.capacities[a]
                    }
                }
                for item in forcedArcs {
                    flows[Int(item.arc)] = arcs.capacities[Int(item.arc)]
                }
            }
            activeArcs.withUnsafeBufferPointer { order in
                for i in 0..<order.count {
                    flows[Int(order[i])] &+= activeFlows[i]
                }
            }
        }
        return flows
    }

    /// The stride of the arc mixing: `max(m/n, 3)` (LEMON's), or, by shape (for
    /// ``MinCostFlow/Algorithm/automatic``), at least `√m/4` on networks whose supply or demand
    /// (not both) is spread over at least a twentieth of the nodes and that have fewer than 100
    /// arcs per node.
    ///
    /// Why: with stride `s` a pricing block of `B` consecutive positions holds `B/s` consecutive
    /// arcs from each of `s` places of the input. Generators and the matcher write a node's arcs
    /// together, so with `s ≈` the degree a block saw only `s` citizens of a placement network,
    /// each with a handful of its arcs. With `s ≥ √m/4` (half the block, or all of it after crash pivots) it sees twice as
    /// many. Measured on the placement families with forced arcs fixed (`make bench-solver`):
    /// 25-55 % fewer pivots and 20-60 % less simplex time; on NETGEN and grid networks a wider
    /// stride cost 10-60 %, so they keep `m/n`.
    ///
    /// - Complexity: O(n) to count the terminals.
    static func mixingStride(arcs m: Int, nodes n: Int, supplies: [Int64], byShape: Bool) -> Int {
        let byDegree = max(m / max(n, 1), 3)
        guard byShape, n > 0 else { return byDegree }
        let terminals = Terminals(supplies: supplies)
        let manySources = Terminals.many(terminals.sources, nodes: n)
        let manySinks = Terminals.many(terminals.sinks, nodes: n)
        guard manySources != manySinks, m < 100 * n else { return byDegree }
        return max(byDegree, NetworkSimplex.integerSquareRoot(m) / 4)
    }

    /// `max(|a|, |b|)`, reporting overflow for `Int64.min`.
    private static func magnitude(_ a: Int64, _ b: Int64) -> (Int64, Bool) {
        if a == .min || b == .min { return (0, true) }
        return (max(abs(a), abs(b)), false)
    }

    /// `c · k + extra`, or nil on overflow.
    private static func checkedCost(_ c: Int64, times k: Int64, plus extra: Int64) -> Int64? {
        let (product, o1) = c.multipliedReportingOverflow(by: k)
        let (sum, o2) = product.addingReportingOverflow(extra)
        return o1 || o2 ? nil : sum
    }

    /// The active arcs (not self-loops, positive width, not forced) placed with a stride `s`
    /// (see ``mixingStride(arcs:nodes:supplies:byShape:)``): arcs `0, 1, 2, ...` go to positions
    /// `0, s, 2s, ..., 1, 1+s, ...`.
    ///
    /// - Parameter forced: per node, `1` for a forced source, `-1` for a forced demand node (whose
    ///   outgoing, respectively incoming, arcs are not active); empty when none is.
    private static func interleavedActiveArcs(_ network: FlowNetwork, count: Int, stride: Int, forced: [Int8]) -> [Int32] {
        return [Int32](unsafeUninitializedCapacity: count) { order, initialized in
            var position = 0, residue = 0
            network.withArcColumns { arcs in
                for a in 0..<network.arcCount where arcs.isActive(a) {
                    if !forced.isEmpty && (forced[Int(arcs.tails[a])] == 1 || forced[Int(arcs.heads[a])] == -1) { continue }
                    order[position] = Int32(truncatingIfNeeded: a)
                    position += stride
                    if position >= count {
                        residue += 1
                        position = residue
                    }
                }
            }
            initialized = count
        }
    }
}
