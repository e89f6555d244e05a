/// The arc columns of a ``FlowNetwork`` as unsafe buffers, for the solver's O(m) set-up loops
/// (``PreparedProblem``, forced arcs, the simplex and cost scaling): one call instead of five
/// nested `withUnsafeBufferPointer` closures in each, and no bounds checks in the loops.
///
/// The buffers are valid only inside the closure given to ``FlowNetwork/withArcColumns(_:)``.
struct ArcColumns {
    let tails: UnsafeBufferPointer<Int32>
    let heads: UnsafeBufferPointer<Int32>
    let lowerBounds: UnsafeBufferPointer<Int64>
    let capacities: UnsafeBufferPointer<Int64>
    let costs: UnsafeBufferPointer<Int64>

    /// `capacity − lowerBound` of arc `a`, with wrapping arithmetic: exact once
    /// ``PreparedProblem/make(_:fixingForcedArcs:)`` has checked that every width fits.
    @inline(__always)
    func width(_ a: Int) -> Int64 { capacities[a] &- lowerBounds[a] }

    /// Whether arc `a` takes part in the solve: not a self-loop and of positive width (see
    /// ``PreparedProblem``, step 3). Only after the width check, as ``width(_:)``.
    @inline(__always)
    func isActive(_ a: Int) -> Bool { tails[a] != heads[a] && width(a) > 0 }
}

extension FlowNetwork {
    /// Calls `body` with the network's arc columns as buffers.
    ///
    /// - Complexity: O(1) plus `body`.
    func withArcColumns<R>(_ body: (ArcColumns) throws -> R) rethrows -> R {
        try tails.withUnsafeBufferPointer { tails in
            try heads.withUnsafeBufferPointer { heads in
                try lowerBounds.withUnsafeBufferPointer { lowers in
                    try capacities.withUnsafeBufferPointer { capacities in
                        try costs.withUnsafeBufferPointer { costs in
                            try body(ArcColumns(tails: tails, heads: heads, lowerBounds: lowers,
                                                capacities: capacities, costs: costs))
                        }
                    }
                }
            }
        }
    }
}
