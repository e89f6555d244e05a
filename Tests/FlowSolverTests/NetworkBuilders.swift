import FlowSolver

/// Small named networks used by several test files.
enum Networks {
    /// An arc as a tuple, for compact literals: (from, to, lower, capacity, cost).
    typealias Arc = (Int, Int, Int64, Int64, Int64)

    static func make(nodes: Int, supplies: [Int: Int64] = [:], arcs: [Arc]) -> FlowNetwork {
        var network = FlowNetwork(nodeCount: nodes)
        for (node, supply) in supplies { network.setSupply(node, supply) }
        for (u, v, lower, capacity, cost) in arcs {
            network.addArc(from: u, to: v, lowerBound: lower, capacity: capacity, cost: cost)
        }
        return network
    }

    /// The example in the `MinCostFlow` documentation: 3 units over 0→1→2 at 3 each, 1 unit
    /// over 0→2 at 5. Optimal cost 14.
    static let documentation = make(nodes: 3, supplies: [0: 4, 2: -4], arcs: [
        (0, 1, 0, 4, 2), (1, 2, 0, 3, 1), (0, 2, 0, 9, 5),
    ])

    /// The five-node example of the OR-Tools min-cost-flow guide. Optimal cost 150.
    static let textbook = make(nodes: 5, supplies: [0: 20, 3: -5, 4: -15], arcs: [
        (0, 1, 0, 15, 4), (0, 2, 0, 8, 4), (1, 2, 0, 20, 2), (1, 3, 0, 4, 2), (1, 4, 0, 10, 6),
        (2, 3, 0, 15, 1), (2, 4, 0, 4, 3), (3, 4, 0, 20, 2), (4, 2, 0, 5, 3),
    ])

    /// A balanced 3 × 4 transportation problem with unlimited routes. Optimal cost 615.
    static let transportation: FlowNetwork = {
        let costs: [[Int64]] = [[8, 6, 10, 9], [9, 12, 13, 7], [14, 9, 16, 5]]
        let supply: [Int64] = [20, 30, 25]
        let demand: [Int64] = [10, 25, 20, 20]
        var network = FlowNetwork(nodeCount: 7)
        for (i, s) in supply.enumerated() { network.setSupply(i, s) }
        for (j, d) in demand.enumerated() { network.setSupply(3 + j, -d) }
        for i in 0..<3 {
            for j in 0..<4 { network.addArc(from: i, to: 3 + j, capacity: 75, cost: costs[i][j]) }
        }
        return network
    }()
}
