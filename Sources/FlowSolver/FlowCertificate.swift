/// An independent check that a ``FlowSolution`` is an optimal flow of a ``FlowNetwork``.
///
/// It trusts nothing the solver computed except the flows and potentials themselves, and adds up
/// in 128-bit arithmetic so that its own sums cannot overflow. A solution passes when:
///
/// 1. its status is ``SolveStatus/optimal`` and the arrays have one entry per arc and per node;
/// 2. every flow lies within its arc's bounds (feasibility);
/// 3. outflow − inflow equals the supply at every node (conservation);
/// 4. every arc with room to increase has reduced cost `c − p(u) + p(v) ≥ 0`, and every arc with
///    room to decrease has reduced cost ≤ 0 (complementary slackness);
/// 5. ``FlowSolution/totalCost`` equals `Σ c·x`, and the dual objective
///    `Σ_v b(v)·p(v) + Σ_a min(rc(a)·l(a), rc(a)·u(a))` equals it too (strong duality).
///
/// 2–4 already imply optimality by LP duality; 5 checks the reported number and guards against a
/// mistake in the checker itself.
public struct FlowCertificate: Sendable {
    /// At most this many violations are listed in detail; the rest are counted.
    public static let detailLimit = 20

    /// The violations found, each a sentence naming the arc or node; empty when the solution is
    /// a valid optimality certificate.
    ///
    /// - Complexity: O(n + m).
    public static func check(_ network: FlowNetwork, _ solution: FlowSolution) -> [String] {
        guard solution.status == .optimal else {
            return ["status is \(solution.status), so there is no flow to certify"]
        }
        let n = network.nodeCount, m = network.arcCount
        var problems: [String] = []
        guard solution.flows.count == m else {
            return ["\(solution.flows.count) flows for \(m) arcs"]
        }
        guard solution.potentials.count == n else {
            return ["\(solution.potentials.count) potentials for \(n) nodes"]
        }
        var omitted = 0
        func report(_ problem: @autoclosure () -> String) {
            if problems.count < detailLimit { problems.append(problem()) } else { omitted += 1 }
        }

        let p = solution.potentials
        var balance = [WideInt](repeating: .zero, count: n)
        var primal = WideInt.zero
        var dual = WideInt.zero
        var overflow = false
        func accumulate(_ sum: inout WideInt, _ term: WideInt) {
            let (value, o) = sum.addingReportingOverflow(term)
            sum = value
            overflow = overflow || o
        }
        for a in 0..<m {
            let (from, to, lower, capacity, cost) = network.arc(a)
            let x = solution.flows[a]
            if x < lower || x > capacity {
                report("arc \(a) (\(from)->\(to)): flow \(x) outside bounds [\(lower), \(capacity)]")
            }
            accumulate(&balance[from], WideInt(x))
            accumulate(&balance[to], .product(x, -1))
            accumulate(&primal, .product(cost, x))
            // rc = cost − p(from) + p(to), which need not fit in Int64 for arbitrary potentials.
            let (r1, o1) = cost.subtractingReportingOverflow(p[from])
            let (rc, o2) = r1.addingReportingOverflow(p[to])
            if o1 || o2 {
                report("arc \(a) (\(from)->\(to)): reduced cost does not fit in 64 bits")
                continue
            }
            if x < capacity && rc < 0 {
                report("arc \(a) (\(from)->\(to)): reduced cost \(rc) < 0 but flow \(x) is below capacity \(capacity)")
            }
            if x > lower && rc > 0 {
                report("arc \(a) (\(from)->\(to)): reduced cost \(rc) > 0 but flow \(x) is above lower bound \(lower)")
            }
            accumulate(&dual, min(WideInt.product(rc, lower), WideInt.product(rc, capacity)))
        }
        for v in 0..<n {
            if balance[v] != WideInt(network.supply(v)) {
                report("node \(v): outflow - inflow = \(balance[v]) but supply is \(network.supply(v))")
            }
            accumulate(&dual, .product(network.supply(v), p[v]))
        }
        if overflow {
            report("a sum overflowed 128 bits, so the totals could not be compared")
        } else {
            if primal != WideInt(solution.totalCost) {
                report("totalCost \(solution.totalCost) but the flows cost \(primal)")
            }
            if dual != primal {
                report("dual objective \(dual) differs from primal cost \(primal)")
            }
        }
        if omitted > 0 {
            problems.append("and \(omitted) more violations")
        }
        return problems
    }
}
