/// Counters and timing of one solve. Timing uses a wall clock and is for reporting only; nothing
/// in the solve itself uses floating point.
public struct SolveStatistics: Sendable, Equatable {
    /// The algorithm that produced the solution, e.g. `"network simplex (block search)"`.
    public var algorithm: String
    /// Simplex pivots (iterations), including degenerate ones.
    public var pivots: Int
    /// Pivots that moved no flow (the leaving arc was already at a bound).
    public var degeneratePivots: Int
    /// Reduced costs computed while pricing (choosing entering arcs).
    public var pricedArcs: Int
    /// Tree nodes visited by pivots: walks to the join node plus potentials shifted. Together
    /// with ``pricedArcs`` a machine-independent measure of the work done.
    public var treeWork: Int
    /// Arcs that took part in the simplex after preprocessing (self-loops and arcs whose lower
    /// bound equals their capacity are settled beforehand).
    public var activeArcs: Int
    /// Cost scaling: refine phases (ε values), pushes, relabels and global price updates; zero
    /// for the simplex.
    public var refines: Int = 0
    public var pushes: Int = 0
    public var relabels: Int = 0
    public var priceUpdates: Int = 0
    /// Wall-clock seconds of the whole `solve` call, including preprocessing.
    public var seconds: Double

    public init(algorithm: String = "", pivots: Int = 0, degeneratePivots: Int = 0, pricedArcs: Int = 0,
                treeWork: Int = 0, activeArcs: Int = 0, seconds: Double = 0) {
        self.algorithm = algorithm
        self.pivots = pivots
        self.degeneratePivots = degeneratePivots
        self.pricedArcs = pricedArcs
        self.treeWork = treeWork
        self.activeArcs = activeArcs
        self.seconds = seconds
    }
}
