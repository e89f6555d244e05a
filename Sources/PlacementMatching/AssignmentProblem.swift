import FlowSolver

/// A transportation problem in the shape every matching stage has: groups of identical
/// citizens (a count each) choose among targets with capacities (place classes, external
/// residences), or take a bypass at a fixed cost (stay unplaced, buy nothing). It is solved
/// as a min-cost flow:
///
///     group g (supply = count) ──cost c(g,k), cap count──▶ target k ──cap capacity(k)──▶ t
///            └────────────────── bypass cost b(g), cap count ───────────────────────────▶ t
///
/// with demand Σ count at t. Grouping identical citizens into one node with a count is the
/// reduction the problem's structure allows: the network shrinks while the optimum stays
/// the same, because identical citizens are interchangeable.
struct AssignmentProblem {
    /// An option of a group: 16 bytes (a national cost stage has a million).
    struct Arc {
        let cost: Int64
        private let groupIndex: Int32
        private let targetIndex: Int32
        var group: Int { Int(groupIndex) }
        var target: Int { Int(targetIndex) }

        init(group: Int, target: Int, cost: Int64) {
            self.cost = cost
            groupIndex = Int32(group)
            targetIndex = Int32(target)
        }
    }

    var groupCounts: [Int] = []
    var bypassCost: [Int64?] = []
    var targetCapacity: [Int] = []
    var arcs: [Arc] = []

    mutating func addGroup(count: Int, bypassCost: Int64?) -> Int {
        groupCounts.append(count)
        self.bypassCost.append(bypassCost)
        return groupCounts.count - 1
    }

    mutating func addTarget(capacity: Int) -> Int {
        targetCapacity.append(capacity)
        return targetCapacity.count - 1
    }

    mutating func addArc(group: Int, target: Int, cost: Int64) { arcs.append(Arc(group: group, target: target, cost: cost)) }

    struct Solution {
        /// Units sent along each of `arcs`.
        var arcFlow: [Int]
        /// Units of each group left on the bypass.
        var bypassFlow: [Int]
        var potentials: [Int64]
        var groupNode: (Int) -> Int
        var sinkNode: Int
        var flow: FlowSolution
        var network: FlowNetwork
    }

    enum Failure: Error { case solver(SolveStatus) }

    /// Node layout: groups first, then targets, then the sink.
    func network() -> FlowNetwork {
        Self.network(groupCounts: groupCounts, bypassCost: bypassCost, targetCapacity: targetCapacity, arcCount: arcs.count) { add in
            for a in arcs { add(a.group, a.target, a.cost) }
        }
    }

    /// The network of a problem whose arcs are not kept as a list: `addArcs` calls its argument
    /// with each arc (group, target, cost), grouped by group in group order (as `arcs` holds them),
    /// `arcCount` times. For a caller that reads only the duals, so the list is not worth its memory.
    static func network(groupCounts: [Int], bypassCost: [Int64?], targetCapacity: [Int], arcCount: Int,
                        addArcs: (_ add: (_ group: Int, _ target: Int, _ cost: Int64) -> Void) -> Void) -> FlowNetwork {
        let g = groupCounts.count, k = targetCapacity.count
        let sink = g + k
        var supplies = Array(repeating: Int64(0), count: g + k + 1)
        var total: Int64 = 0
        for (i, n) in groupCounts.enumerated() {
            supplies[i] = Int64(n)
            total += Int64(n)
        }
        supplies[sink] = -total
        // The columns are written in place and handed to the network whole: adding a million
        // arcs one by one (five appends and two checks each) was a tenth of a national match.
        let bypassCount = bypassCost.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        let m = arcCount + k + bypassCount
        var tails = [Int32](repeating: 0, count: m), heads = [Int32](repeating: 0, count: m)
        var capacities = [Int64](repeating: 0, count: m), costs = [Int64](repeating: 0, count: m)
        var written = 0
        tails.withUnsafeMutableBufferPointer { tails in
        heads.withUnsafeMutableBufferPointer { heads in
        capacities.withUnsafeMutableBufferPointer { capacities in
        costs.withUnsafeMutableBufferPointer { costs in
            func put(_ from: Int, _ to: Int, _ capacity: Int64, _ cost: Int64) {
                precondition(written < m, "more arcs than arcCount")
                tails[written] = Int32(truncatingIfNeeded: from)
                heads[written] = Int32(truncatingIfNeeded: to)
                capacities[written] = capacity
                costs[written] = cost
                written += 1
            }
            addArcs { group, target, cost in put(group, g + target, Int64(groupCounts[group]), cost) }
            precondition(written == arcCount, "addArcs added \(written) arcs, not arcCount \(arcCount)")
            for (j, cap) in targetCapacity.enumerated() { put(g + j, sink, Int64(cap), 0) }
            for (i, b) in bypassCost.enumerated() {
                if let b { put(i, sink, Int64(groupCounts[i]), b) }
            }
        }}}}
        return FlowNetwork(supplies: supplies, tails: tails, heads: heads, capacities: capacities, costs: costs)
    }

    func solve() throws -> Solution {
        let net = network()
        let sol = MinCostFlow.solve(net)
        guard sol.status == .optimal else { throw Failure.solver(sol.status) }
        let g = groupCounts.count, k = targetCapacity.count
        let arcFlow = (0..<arcs.count).map { Int(sol.flows[$0]) }
        var bypass = Array(repeating: 0, count: g)
        var index = arcs.count + k
        for (i, b) in bypassCost.enumerated() where b != nil {
            bypass[i] = Int(sol.flows[index])
            index += 1
        }
        return Solution(arcFlow: arcFlow, bypassFlow: bypass, potentials: sol.potentials, groupNode: { $0 },
                        sinkNode: g + k, flow: sol, network: net)
    }
}
