import FlowSolver

/// What an independent method says the optimum is.
enum ReferenceAnswer: Equatable, CustomStringConvertible {
    case optimal(cost: Int64)
    case infeasible
    case unbalanced

    var description: String {
        switch self {
        case .optimal(let cost): "optimal(cost: \(cost))"
        case .infeasible: "infeasible"
        case .unbalanced: "unbalanced"
        }
    }
}

/// A deliberately simple exact method that shares no code or idea with the network simplex:
/// successive shortest paths (Jewell 1958; Busacker & Gowen 1961) with Bellman–Ford, on small
/// networks with small numbers.
///
/// 1. Lower bounds move into the supplies and a constant cost.
/// 2. Negative-cost arcs are saturated up front and replaced by their reverse with cost −c, so all
///    costs are ≥ 0 and the zero flow is optimal for the remaining problem (no negative cycle).
/// 3. A super source feeds every surplus, a super sink drains every deficit, and flow is pushed
///    along cheapest residual paths; each augmentation keeps the residual graph free of negative
///    cycles, so the result is optimal. If not all surplus reaches the sink, no feasible flow exists.
enum ReferenceSolver {
    private struct Edge {
        var to: Int
        var residual: Int64
        var cost: Int64
    }

    static func solve(_ network: FlowNetwork) -> ReferenceAnswer {
        let n = network.nodeCount
        var supply = (0..<n).map { network.supply($0) }
        if supply.reduce(0, +) != 0 { return .unbalanced }

        var constant: Int64 = 0
        var edges: [Edge] = []
        var adjacency = [[Int]](repeating: [], count: n + 2)
        func addEdge(_ u: Int, _ v: Int, _ capacity: Int64, _ cost: Int64) {
            adjacency[u].append(edges.count)
            edges.append(Edge(to: v, residual: capacity, cost: cost))
            adjacency[v].append(edges.count)
            edges.append(Edge(to: u, residual: 0, cost: -cost))
        }

        for a in 0..<network.arcCount {
            let (u, v, lower, capacity, cost) = network.arc(a)
            if lower > capacity { return .infeasible }
            let width = capacity - lower
            constant += cost * lower
            supply[u] -= lower
            supply[v] += lower
            if u == v {
                if cost < 0 { constant += cost * width }
                continue
            }
            if cost < 0 {
                constant += cost * width
                supply[u] -= width
                supply[v] += width
                addEdge(v, u, width, -cost)
            } else {
                addEdge(u, v, width, cost)
            }
        }

        let s = n, t = n + 1
        var needed: Int64 = 0
        for v in 0..<n {
            if supply[v] > 0 { addEdge(s, v, supply[v], 0); needed += supply[v] }
            if supply[v] < 0 { addEdge(v, t, -supply[v], 0) }
        }

        var sent: Int64 = 0
        var cost: Int64 = constant
        while sent < needed {
            // Bellman–Ford from s over residual edges.
            var distance = [Int64?](repeating: nil, count: n + 2)
            var via = [Int](repeating: -1, count: n + 2)
            distance[s] = 0
            for _ in 0..<(n + 2) {
                var changed = false
                for u in 0..<(n + 2) {
                    guard let du = distance[u] else { continue }
                    for id in adjacency[u] where edges[id].residual > 0 {
                        let candidate = du + edges[id].cost
                        let w = edges[id].to
                        if distance[w] == nil || candidate < distance[w]! {
                            distance[w] = candidate
                            via[w] = id
                            changed = true
                        }
                    }
                }
                if !changed { break }
            }
            guard distance[t] != nil else { return .infeasible }
            var push = needed - sent
            var w = t
            while w != s {
                let id = via[w]
                push = min(push, edges[id].residual)
                w = edges[id ^ 1].to
            }
            w = t
            while w != s {
                let id = via[w]
                edges[id].residual -= push
                edges[id ^ 1].residual += push
                cost += push * edges[id].cost
                w = edges[id ^ 1].to
            }
            sent += push
        }
        return .optimal(cost: cost)
    }
}

/// Exhaustive enumeration of all integer flows, for networks so small that this is cheap: the
/// plainest possible statement of the problem.
enum BruteForce {
    /// Nil when the search space is too large to enumerate.
    static func solve(_ network: FlowNetwork, limit: Int = 200_000) -> ReferenceAnswer? {
        let n = network.nodeCount, m = network.arcCount
        if (0..<n).map({ network.supply($0) }).reduce(0, +) != 0 { return .unbalanced }
        var space = 1
        for a in 0..<m {
            let arc = network.arc(a)
            if arc.lowerBound > arc.capacity { return .infeasible }
            space *= Int(arc.capacity - arc.lowerBound + 1)
            if space > limit { return nil }
        }
        var flow = (0..<m).map { network.arc($0).lowerBound }
        var best: Int64?
        while true {
            var balance = [Int64](repeating: 0, count: n)
            var cost: Int64 = 0
            for a in 0..<m {
                let arc = network.arc(a)
                balance[arc.from] += flow[a]
                balance[arc.to] -= flow[a]
                cost += arc.cost * flow[a]
            }
            if (0..<n).allSatisfy({ balance[$0] == network.supply($0) }) {
                best = min(best ?? cost, cost)
            }
            // Odometer step.
            var a = 0
            while a < m {
                if flow[a] < network.arc(a).capacity { flow[a] += 1; break }
                flow[a] = network.arc(a).lowerBound
                a += 1
            }
            if a == m { break }
        }
        return best.map { .optimal(cost: $0) } ?? .infeasible
    }
}
