/// The answer of ``MinCostFlow/solve(_:)``.
///
/// When ``status`` is ``SolveStatus/optimal``, ``flows`` and ``potentials`` together form a
/// certificate of optimality that ``FlowCertificate/check(_:_:)`` verifies:
///
/// - `lowerBound <= flows[a] <= capacity` for every arc `a`, and flow is conserved
///   (`outflow(v) - inflow(v) == supply(v)`);
/// - with the **reduced cost** of arc `a = (u, v)` defined as
///   `rc(a) = cost(a) - potentials[u] + potentials[v]`,
///   `rc(a) >= 0` whenever `flows[a] < capacity` and `rc(a) <= 0` whenever `flows[a] > lowerBound`.
///
/// In words, a potential is the (negated) price of a node: an arc is worth using exactly when its
/// cost is covered by the potential drop `potentials[u] - potentials[v]` along it. The potentials
/// are an optimal solution of the dual linear program, whose objective
/// `Σ_v supply(v)·p(v) + Σ_a min(rc(a)·lowerBound(a), rc(a)·capacity(a))` equals ``totalCost``.
///
/// For any other status ``flows`` and ``potentials`` are empty and ``totalCost`` is zero.
public struct FlowSolution: Sendable {
    /// How the solve ended.
    public let status: SolveStatus
    /// `Σ cost(a) · flows[a]` over all arcs, when optimal; zero otherwise.
    public let totalCost: Int64
    /// The flow on each arc, indexed like the network's arcs; it includes the lower bound.
    public let flows: [Int64]
    /// Node potentials (dual values) proving optimality, with the sign convention
    /// `rc(u, v) = cost - potentials[u] + potentials[v]` described above.
    public let potentials: [Int64]
    /// What the solver did and how long it took.
    public let statistics: SolveStatistics

    public init(status: SolveStatus, totalCost: Int64, flows: [Int64], potentials: [Int64], statistics: SolveStatistics) {
        self.status = status
        self.totalCost = totalCost
        self.flows = flows
        self.potentials = potentials
        self.statistics = statistics
    }

    /// A solution carrying only a non-optimal status.
    static func failed(_ status: SolveStatus, _ statistics: SolveStatistics) -> FlowSolution {
        FlowSolution(status: status, totalCost: 0, flows: [], potentials: [], statistics: statistics)
    }
}
