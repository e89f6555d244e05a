import FlowSolver
import Testing
@Test func tmpStats() {
    var counts: [String: Int] = [:]
    var pivots = 0
    for seed in UInt64(0)..<300 {
        let s = MinCostFlow.solve(RandomNetworks.small(seed: seed))
        counts["\(s.status)", default: 0] += 1
        pivots += s.statistics.pivots
    }
    for seed in UInt64(0)..<40 {
        let s = MinCostFlow.solve(RandomNetworks.small(seed: 5000 + seed, nodes: 20...60, maxArcs: 300, maxCapacity: 20, costs: -20...50))
        counts["med \(s.status)", default: 0] += 1
    }
    for seed in UInt64(0)..<30 {
        let s = MinCostFlow.solve(RandomNetworks.degenerate(seed: seed, sources: 15, sinks: 12))
        counts["deg \(s.status)", default: 0] += 1
        counts["degpiv", default: 0] += s.statistics.pivots
        counts["degdeg", default: 0] += s.statistics.degeneratePivots
    }
    print("STATS", counts, pivots)
}
