extension NetworkSimplex {
    /// Checks every invariant of the basis from scratch and returns the first broken one, naming
    /// the node or arc; nil when all hold. Used by tests after every pivot (through
    /// `MinCostFlow.solveCheckingInvariants`); never called by `solve`.
    ///
    /// Invariants: the tree (parent, pred, predDir) spans all nodes from the root; thread is a
    /// preorder of it with revThread its inverse; succNum and lastSucc describe each subtree;
    /// tree arcs have reduced cost 0; flows are within bounds and conserve the supplies; and
    /// non-tree arcs sit at the bound their state says.
    ///
    /// - Complexity: O(n + m).
    func invariantViolation(supplies: [Int64]) -> String? {
        let n = nodeCount, total = n + 1
        if parent[root] != -1 { return "root has a parent" }

        // Thread: a single cycle through all nodes, starting at the root, inverse of revThread.
        var order: [Int] = []
        order.reserveCapacity(total)
        var position = [Int](repeating: -1, count: total)
        var w = root
        repeat {
            if position[w] >= 0 { return "thread revisits node \(w)" }
            position[w] = order.count
            order.append(w)
            if Int(revThread[Int(thread[w])]) != w { return "revThread[thread[\(w)]] != \(w)" }
            w = Int(thread[w])
        } while w != root
        if order.count != total { return "thread visits \(order.count) of \(total) nodes" }

        // Preorder: each node's parent comes before it, and subtrees are contiguous stretches.
        var size = [Int](repeating: 1, count: total)
        for v in order.reversed() where v != root {
            let p = Int(parent[v])
            if p < 0 || p >= total { return "node \(v) has no valid parent" }
            if position[p] > position[v] { return "node \(v) precedes its parent \(p) in the thread" }
            size[p] += size[v]
        }
        for v in 0..<total {
            if Int(succNum[v]) != size[v] { return "succNum[\(v)] = \(succNum[v]), subtree has \(size[v]) nodes" }
            let last = order[position[v] + size[v] - 1]
            if Int(lastSucc[v]) != last { return "lastSucc[\(v)] = \(lastSucc[v]), expected \(last)" }
        }
        // Contiguity: every node lies inside its parent's stretch, so stretches nest as subtrees.
        for v in 0..<total where v != root {
            let p = Int(parent[v])
            if position[v] >= position[p] + size[p] { return "node \(v) lies outside its parent's thread stretch" }
        }

        // Tree arcs: consistent with parent and direction, reduced cost zero.
        var isTreeArc = [Bool](repeating: false, count: arcCount + n)
        for v in 0..<n {
            let e = Int(pred[v])
            if e < 0 || e >= arcCount + n { return "node \(v) has no valid pred arc" }
            isTreeArc[e] = true
            let s = Int(source[e]), t = Int(target[e]), p = Int(parent[v])
            let up = predDir[v] == Self.up
            if (up && (s != v || t != p)) || (!up && (s != p || t != v)) {
                return "pred arc \(e) of node \(v) does not join it to its parent \(p)"
            }
            if state[e] != Self.inTree { return "tree arc \(e) has state \(state[e])" }
            if cost[e] &- potential[s] &+ potential[t] != 0 { return "tree arc \(e) has nonzero reduced cost" }
        }

        // Flows: bounds, states of non-tree arcs, conservation.
        var balance = [Int64](repeating: 0, count: total)
        for e in 0..<(arcCount + n) {
            let x = flow[e]
            if x < 0 || x > capacity[e] { return "arc \(e) has flow \(x) outside [0, \(capacity[e])]" }
            if !isTreeArc[e] {
                if e < arcCount && state[e] == Self.atLower && x != 0 { return "arc \(e) at lower bound has flow \(x)" }
                if e < arcCount && state[e] == Self.atUpper && x != capacity[e] { return "arc \(e) at upper bound has flow \(x)" }
                if e >= arcCount && x != 0 { return "artificial arc \(e) left the tree with flow \(x)" }
            }
            balance[Int(source[e])] &+= x
            balance[Int(target[e])] &-= x
        }
        for v in 0..<n where balance[v] != supplies[v] {
            return "node \(v) has net outflow \(balance[v]), supply \(supplies[v])"
        }
        return nil
    }
}
