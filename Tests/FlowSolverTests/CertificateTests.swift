import FlowSolver
import Testing

/// The checker must reject every kind of wrong answer, or the property tests prove nothing.
@Suite("Flow certificate")
struct CertificateTests {
    let network = Networks.documentation
    var solution: FlowSolution { MinCostFlow.solve(network) }

    func altered(flows: [Int64]? = nil, potentials: [Int64]? = nil, totalCost: Int64? = nil) -> FlowSolution {
        let s = solution
        return FlowSolution(status: s.status, totalCost: totalCost ?? s.totalCost, flows: flows ?? s.flows,
                            potentials: potentials ?? s.potentials, statistics: s.statistics)
    }

    @Test("The solver's solution passes")
    func valid() {
        #expect(FlowCertificate.check(network, solution) == [])
    }

    @Test("A flow outside its bounds is caught")
    func bounds() {
        let problems = FlowCertificate.check(network, altered(flows: [5, 3, 1]))
        #expect(problems.contains { $0.hasPrefix("arc 0 (0->1): flow 5 outside bounds [0, 4]") })
    }

    @Test("Broken conservation is caught")
    func conservation() {
        let problems = FlowCertificate.check(network, altered(flows: [3, 2, 1]))
        #expect(problems.contains { $0.hasPrefix("node 1: outflow - inflow = -1 but supply is 0") })
    }

    @Test("A feasible but suboptimal flow fails the reduced-cost test")
    func suboptimal() {
        // All 4 units direct: feasible, cost 20 instead of 14.
        let problems = FlowCertificate.check(network, altered(flows: [0, 0, 4], totalCost: 20))
        #expect(problems.contains { $0.contains("reduced cost") })
    }

    @Test("Wrong potentials are caught")
    func potentials() {
        var p = solution.potentials
        p[1] += 1
        #expect(!FlowCertificate.check(network, altered(potentials: p)).isEmpty)
    }

    @Test("A wrong total cost is caught")
    func totalCost() {
        let problems = FlowCertificate.check(network, altered(totalCost: 15))
        #expect(problems == ["totalCost 15 but the flows cost 14"])
    }

    @Test("Array sizes are checked")
    func sizes() {
        #expect(FlowCertificate.check(network, altered(flows: [1])) == ["1 flows for 3 arcs"])
        #expect(FlowCertificate.check(network, altered(potentials: [])) == ["0 potentials for 3 nodes"])
    }

    @Test("Long lists of violations are cut short")
    func detailLimit() {
        var big = FlowNetwork(nodeCount: 2)
        for _ in 0..<50 { big.addArc(from: 0, to: 1, capacity: 1, cost: 1) }
        let bogus = FlowSolution(status: .optimal, totalCost: 0, flows: Array(repeating: 2, count: 50),
                                 potentials: [0, 0], statistics: SolveStatistics())
        let problems = FlowCertificate.check(big, bogus)
        #expect(problems.count == FlowCertificate.detailLimit + 1)
        #expect(problems.last?.hasPrefix("and ") == true)
    }
}
