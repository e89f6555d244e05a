/// Forced arcs: step 5 of ``PreparedProblem``.
///
/// A node `v` with supply `b(v) > 0` and no incoming active arc sends exactly `b(v)` out
/// (conservation). When its outgoing active arcs' widths add up to exactly `b(v)`, every one of
/// them carries its full width in every feasible flow, so it can be fixed at its capacity and left
/// out of the simplex: `v`'s supply moves to the arcs' heads. The same holds for a node with
/// demand `−b(v) > 0`, no outgoing active arc and incoming widths adding up to exactly `−b(v)`.
///
/// The placement model has such a node: the super source with one arc of capacity 1 to every
/// citizen, which sends one unit to each. Without it every citizen becomes a source of one unit,
/// the network simplex starts with every citizen's unit on its own artificial arc instead of all
/// of them behind one, and it needed about 30 % fewer pivots on the `placement-*` families of
/// `make bench-solver`.
///
/// Optimality is unchanged: every feasible flow of the original network uses the fixed arcs at
/// capacity, so the two problems have the same feasible flows. The certificate needs potentials
/// for the fixed node, which the reduced problem leaves isolated: a fixed arc at its capacity
/// needs `rc = c − p(tail) + p(head) ≤ 0`, so a fixed source takes
/// `p(v) = max over its arcs of c + p(head)` and a fixed demand node
/// `p(v) = min over its arcs of p(tail) − c` (see ``PreparedProblem/completePotentials(_:network:)``).
/// For that, a demand node is not fixed when one of its arcs comes from a fixed source, so every
/// fixed arc has exactly one fixed end.
struct ForcedArc: Sendable, Equatable {
    /// The arc, by its index in the original network.
    var arc: Int32
    /// True when the fixed node is the arc's tail (a source), false when it is the head.
    var fromSource: Bool
}

struct ForcedNodes {
    /// Per node: `1` a fixed source, `-1` a fixed demand node, `0` neither; empty when none is.
    var side: [Int8]
    var arcs: [ForcedArc]

    static let none = ForcedNodes(side: [], arcs: [])

    /// The fixed nodes and arcs of `network`, whose lower bounds are already in `supplies`.
    ///
    /// - Complexity: O(n + m) time, 17 bytes per node while it runs.
    static func find(_ network: FlowNetwork, supplies: [Int64]) -> ForcedNodes {
        let n = network.nodeCount, m = network.arcCount
        var inCount = [Int32](repeating: 0, count: n), outCount = [Int32](repeating: 0, count: n)
        // Widths into / out of a node: PreparedProblem checked that all widths add up in Int64.
        var inWidth = [Int64](repeating: 0, count: n), outWidth = [Int64](repeating: 0, count: n)
        network.withArcColumns { arcs in
            for a in 0..<m where arcs.isActive(a) {
                let tail = Int(arcs.tails[a]), head = Int(arcs.heads[a])
                let width = arcs.width(a)
                outCount[tail] &+= 1; outWidth[tail] &+= width
                inCount[head] &+= 1; inWidth[head] &+= width
            }
        }
        var side = [Int8](repeating: 0, count: n)
        var anySource = false, anyDemand = false
        for v in 0..<n {
            let b = supplies[v]
            if b > 0 && inCount[v] == 0 && outCount[v] > 0 && outWidth[v] == b {
                side[v] = 1; anySource = true
            } else if b < 0 && outCount[v] == 0 && inCount[v] > 0 && inWidth[v] == 0 &- b {
                side[v] = -1; anyDemand = true
            }
        }
        if !anySource && !anyDemand { return .none }

        var fixed: [ForcedArc] = []
        network.withArcColumns { arcs in
            // A demand node fed by a fixed source stays in the problem (see above); only when
            // there are both can one feed the other.
            if anySource && anyDemand {
                for a in 0..<m {
                    let tail = Int(arcs.tails[a]), head = Int(arcs.heads[a])
                    if side[tail] == 1 && side[head] == -1 && arcs.width(a) > 0 { side[head] = 0 }
                }
            }
            for a in 0..<m where arcs.isActive(a) {
                let tail = Int(arcs.tails[a]), head = Int(arcs.heads[a])
                if side[tail] == 1 {
                    fixed.append(ForcedArc(arc: Int32(truncatingIfNeeded: a), fromSource: true))
                } else if side[head] == -1 {
                    fixed.append(ForcedArc(arc: Int32(truncatingIfNeeded: a), fromSource: false))
                }
            }
        }
        return fixed.isEmpty ? .none : ForcedNodes(side: side, arcs: fixed)
    }
}

extension PreparedProblem {
    /// Sets the potential of every fixed node so that its fixed arcs satisfy the optimality
    /// condition of an arc at capacity, `c − p(tail) + p(head) ≤ 0`, given the potentials the
    /// solver found for every other node (see the top of this file).
    ///
    /// The values stay in range: the other end's potential is within the solver's bound, which
    /// leaves a margin larger than one more `C` (see ``MinCostFlow`` "Limits").
    ///
    /// - Complexity: O(number of fixed arcs).
    func completePotentials(_ potentials: inout [Int64], network: FlowNetwork) {
        if forcedArcs.isEmpty { return }
        var seen = [Bool](repeating: false, count: network.nodeCount)
        for item in forcedArcs {
            let a = Int(item.arc)
            let tail = Int(network.tails[a]), head = Int(network.heads[a])
            let node = item.fromSource ? tail : head
            let value = item.fromSource ? network.costs[a] &+ potentials[head] : potentials[tail] &- network.costs[a]
            if !seen[node] {
                seen[node] = true
                potentials[node] = value
            } else if item.fromSource {
                potentials[node] = max(potentials[node], value)
            } else {
                potentials[node] = min(potentials[node], value)
            }
        }
    }
}
