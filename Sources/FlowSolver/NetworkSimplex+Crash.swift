extension NetworkSimplex {
    /// Whether ``crashPivots()`` pays on this network: many sources (at least a twentieth of the
    /// nodes) and few sinks, the shape of the placement model once its super source's forced arcs
    /// are fixed (every citizen a source of one unit, one sink).
    static func crashFits(nodes n: Int, sources: Int, sinks: Int) -> Bool {
        Terminals.many(sources, nodes: n) && !Terminals.many(sinks, nodes: n)
    }

    /// Pivots chosen node by node before block search starts, for ``crashFits(nodes:sources:sinks:)``
    /// networks (a crash basis, in the spirit of the initial pivots of Király & Kovács 2012):
    ///
    /// 1. every arc into a sink from a node without supply (a residence, the external node);
    /// 2. for every source, its most violating outgoing arc, chosen once from the potentials
    ///    after step 1 and pivoted if it still violates when its turn comes.
    ///
    /// Why: from the big-M tree only arcs into the sinks violate, so block search first prices
    /// round after round of citizens' arcs that cannot enter, and then routes each citizen's unit
    /// through whichever arc its block happens to hold. Step 2 gives each citizen its cheapest
    /// route at the price of one pass over the arcs. Every step is an ordinary pivot on a
    /// violating arc, so the tree stays strongly feasible and block search finishes the
    /// optimisation as before; only which of several optimal flows is found may differ.
    ///
    /// - Returns: the pivots made, how many of them moved no flow, the reduced costs computed
    ///   and the tree nodes visited, counted as in ``run(checkingInvariants:blockRule:)``.
    /// - Complexity: two passes over the arcs plus at most `n` pivots.
    func crashPivots() -> (pivots: Int, degenerate: Int, priced: Int, work: Int) {
        let m = arcCount, n = nodeCount
        let source = self.source, target = self.target, cost = self.cost
        let state = self.state, potential = self.potential
        var pivots = 0, degenerate = 0, priced = 0, work = 0

        func violation(_ e: Int) -> Int64 {
            Int64(state[e]) &* (cost[e] &- potential[Int(source[e])] &+ potential[Int(target[e])])
        }
        func enter(_ e: Int) {
            priced &+= 1
            guard violation(e) < 0 else { return }
            let result = pivot(entering: e)
            pivots &+= 1
            if !result.movedFlow { degenerate &+= 1 }
            work &+= result.work
        }

        supplies.withUnsafeBufferPointer { supplies in
            for e in 0..<m where supplies[Int(target[e])] < 0 && supplies[Int(source[e])] == 0 {
                enter(e)
            }
            var bestArc = [Int32](repeating: -1, count: n)
            var bestValue = [Int64](repeating: 0, count: n)
            bestArc.withUnsafeMutableBufferPointer { bestArc in
                bestValue.withUnsafeMutableBufferPointer { bestValue in
                    for e in 0..<m {
                        let tail = Int(source[e])
                        guard supplies[tail] > 0 else { continue }
                        priced &+= 1
                        let value = violation(e)
                        if value < bestValue[tail] {
                            bestValue[tail] = value
                            bestArc[tail] = Int32(truncatingIfNeeded: e)
                        }
                    }
                }
                for v in 0..<n where bestArc[v] >= 0 {
                    enter(Int(bestArc[v]))
                }
            }
        }
        return (pivots, degenerate, priced, work)
    }
}
