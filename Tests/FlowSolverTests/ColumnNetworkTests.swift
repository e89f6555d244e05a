import FlowSolver
import Testing

/// A network made from whole columns is the network `addArc` makes arc by arc, and solves alike.
@Suite("Networks from columns")
struct ColumnNetworkTests {
    @Test("Columns give the network addArc gives, parallel arcs and self-loops included")
    func sameAsAddArc() {
        let supplies: [Int64] = [4, 0, -3, -1]
        let arcs: [(Int, Int, Int64, Int64)] = [(0, 1, 4, 2), (1, 2, 3, 1), (0, 2, 9, 5), (0, 2, 1, 4), (1, 1, 2, -1), (2, 3, 5, 0)]
        var byArc = FlowNetwork(nodeCount: supplies.count)
        for (v, b) in supplies.enumerated() { byArc.setSupply(v, b) }
        for (from, to, capacity, cost) in arcs { byArc.addArc(from: from, to: to, capacity: capacity, cost: cost) }

        let byColumns = FlowNetwork(supplies: supplies, tails: arcs.map { Int32($0.0) }, heads: arcs.map { Int32($0.1) },
                                    capacities: arcs.map(\.2), costs: arcs.map(\.3))

        #expect(byColumns == byArc)
        let a = MinCostFlow.solve(byArc), b = MinCostFlow.solve(byColumns)
        #expect(a.status == .optimal && b.status == .optimal)
        #expect(a.flows == b.flows && a.potentials == b.potentials && a.totalCost == b.totalCost)
    }

    @Test("No columns: a network of nodes only")
    func empty() {
        let network = FlowNetwork(supplies: [0, 0], tails: [], heads: [], capacities: [], costs: [])
        #expect(network == FlowNetwork(nodeCount: 2))
    }
}
