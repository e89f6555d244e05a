extension NetworkSimplex {
    /// How the pricing block of a run is sized.
    enum BlockRule {
        /// ``NetworkSimplex/blockSize(arcs:nodes:sources:sinks:)``: the rule of the explicit
        /// ``MinCostFlow/Algorithm/networkSimplex``, kept as it is so that its pivots (and so its
        /// choice among equally good flows) do not change under the matcher.
        case fixed
        /// ``NetworkSimplex/shapeBlockSize(arcs:nodes:sources:sinks:)``, for
        /// ``MinCostFlow/Algorithm/automatic``.
        case byShape
        /// A given size (for tests and measurements).
        case size(Int)
    }

    /// The pricing block chosen from the network's shape: `2·√m` with many sources and many
    /// sinks (each at least a twentieth of the nodes), `√m/2` when only one side is many and the
    /// network is of moderate degree (`m < 100·n`) or when it is sparser than 8 arcs per node,
    /// and LEMON's `√m` otherwise; never below 10.
    ///
    /// Measured with `make bench-solver` (CPU seconds, counting pivots and priced arcs):
    /// on the placement families, after forced arcs are fixed (every citizen a source, one
    /// sink, 12-40 arcs per node), pricing is nearly all the work and `√m/2` was 15-40 % faster
    /// than `√m`; with 200 arcs per citizen `√m` halved the pivots and was faster. On the
    /// NETGEN, NETGEN-SR, GOTO and random-few families (few terminals) `√m` was 10-35 % faster
    /// than `√m/2`: their pivots walk deeper trees, and the better entering arc of a bigger block
    /// saves more pivots than it costs. The grid family (fewer than 8 arcs per node) was 35 %
    /// faster with `√m/2`; random-many was fastest with `2·√m`.
    ///
    /// - Complexity: O(log m).
    static func shapeBlockSize(arcs m: Int, nodes n: Int, sources: Int, sinks: Int) -> Int {
        let squareRoot = integerSquareRoot(m)
        let many = { (count: Int) in n > 0 && 20 * count >= n }
        if many(sources) && many(sinks) { return max(2 * squareRoot, 10) }
        if (many(sources) || many(sinks)) && m < 100 * n { return max(squareRoot / 2, 10) }
        if m < 8 * n { return max(squareRoot / 2, 10) }
        return max(squareRoot, 10)
    }
}
