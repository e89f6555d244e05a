extension NetworkSimplex {
    /// The flow of every arc of the original network, lower bounds included: active arcs from the
    /// simplex, self-loops saturated when their cost is negative, everything else at its lower
    /// bound.
    ///
    /// - Complexity: O(m).
    func originalFlows(prepared: PreparedProblem, network: FlowNetwork) -> [Int64] {
        var flows = network.lowerBounds
        flows.withUnsafeMutableBufferPointer { flows in
            network.tails.withUnsafeBufferPointer { tails in
            network.heads.withUnsafeBufferPointer { heads in
            network.capacities.withUnsafeBufferPointer { capacities in
            network.costs.withUnsafeBufferPointer { costs in
                for a in 0..<flows.count where tails[a] == heads[a] && costs[a] < 0 {
                    flows[a] = capacities[a]
                }
            }}}}
            prepared.activeArcs.withUnsafeBufferPointer { order in
                for i in 0..<order.count {
                    flows[Int(order[i])] &+= flow[i]
                }
            }
        }
        return flows
    }

    /// The potentials of the real nodes, in the convention `rc(u, v) = c − p(u) + p(v)`.
    ///
    /// - Complexity: O(n).
    func nodePotentials() -> [Int64] {
        Array(UnsafeBufferPointer(start: potential, count: nodeCount))
    }
}
