extension NetworkSimplex {
    /// The flow of every arc of the original network, lower bounds included: active arcs from the
    /// simplex, self-loops saturated when their cost is negative, everything else at its lower
    /// bound.
    ///
    /// - Complexity: O(m).
    func originalFlows(prepared: PreparedProblem, network: FlowNetwork) -> [Int64] {
        prepared.originalFlows(network: network, activeFlows: UnsafeBufferPointer(start: flow, count: arcCount))
    }

    /// The potentials of the real nodes, in the convention `rc(u, v) = c − p(u) + p(v)`.
    ///
    /// - Complexity: O(n).
    func nodePotentials() -> [Int64] {
        Array(UnsafeBufferPointer(start: potential, count: nodeCount))
    }
}
