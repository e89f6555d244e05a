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
    /// sinks (each at least a twentieth of the nodes), `√m/4` with many sources and few sinks
    /// (where ``crashPivots()`` runs first), `√m/2` when only the sinks are many or when
    /// the network is sparser than 8 arcs per node, `2·√m` when few sources and few sinks meet
    /// at least 32 arcs per node, and LEMON's `√m` otherwise;
    /// never below 10.
    ///
    /// Measured with `make bench-solver` (CPU seconds, counting pivots and priced arcs):
    /// on the placement families, after forced arcs are fixed (every citizen a source, one
    /// sink, 12-40 arcs per node), pricing is nearly all the work and `√m/2` was 15-40 % faster
    /// than `√m`. With 200 arcs per citizen (`placement-deg200`) `√m` halves the pivots, but
    /// the pricing of its 1-3 M arcs streams from memory and costs more than the pivots save:
    /// at 15,000 citizens (3 M arcs) the pivots took 0.58-0.63 s with blocks of 400 arcs,
    /// 0.70-0.78 s with `√m/2` and 0.81-0.83 s with `√m` (two runs each, load 7); at 5,000
    /// citizens `√m/2` and `√m` were equal (0.10 s), and 300 arcs was slower (0.12 s). On the
    /// NETGEN, NETGEN-SR, GOTO and random-few families (few terminals) `√m` was 10-35 % faster
    /// than `√m/2`: their pivots walk deeper trees, and the better entering arc of a bigger block
    /// saves more pivots than it costs. The grid family (fewer than 8 arcs per node) was 35 %
    /// faster with `√m/2`; random-many was fastest with `2·√m`. On NETGEN-SR (m = n·√n, 32-64
    /// arcs per node) `2·√m` cut the pivots by 20-35 %, and the whole solve's CPU seconds by
    /// 10-20 % on the four files compared (sizes 0-2, the least of eight solves each at load 14;
    /// solves of 0.01-0.13 s, so the noise is near the gain), while on NETGEN-8, NETGEN-LO-8,
    /// GOTO-8 and random-few (8-10 arcs per node) `1.5·√m` and `2·√m` were mostly 5-25 % slower
    /// than `√m`. After the crash pivots, `√m/4` beat `√m/2` on all 14 placement files of size 1
    /// (seeds 1 and 2, 240,000-1,010,000 arcs; median of nine solves each, 2-20 % less time);
    /// at size 0 (60,000-210,000 arcs) the two were within 8 % of each other either way.
    ///
    /// - Complexity: O(log m).
    static func shapeBlockSize(arcs m: Int, nodes n: Int, sources: Int, sinks: Int) -> Int {
        let squareRoot = integerSquareRoot(m)
        let many = { (count: Int) in Terminals.many(count, nodes: n) }
        if many(sources) && many(sinks) { return max(2 * squareRoot, 10) }
        if crashFits(nodes: n, sources: sources, sinks: sinks) { return max(squareRoot / 4, 10) }
        if many(sources) || many(sinks) { return max(squareRoot / 2, 10) }
        if m < 8 * n { return max(squareRoot / 2, 10) }
        if m >= 32 * n { return max(2 * squareRoot, 10) }
        return max(squareRoot, 10)
    }
}
