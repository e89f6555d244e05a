/// A directed network with integer supplies, arc bounds and arc costs: the input of ``MinCostFlow``.
///
/// Nodes are the integers `0..<nodeCount`. Arcs are numbered `0..<arcCount` in the order they were
/// added; that number is how a ``FlowSolution`` reports the flow of each arc.
///
/// The builder stores exactly what it is given. Whether the numbers are usable (bounds that can be
/// met, totals that fit in `Int64`) is decided by ``MinCostFlow/solve(_:)``, which answers with a
/// ``SolveStatus`` rather than trapping; see ``MinCostFlow`` for the documented limits.
///
/// Parallel arcs, self-loops, zero-capacity arcs, negative costs and lower bounds are all allowed.
/// Node numbers are stored as `Int32` to keep big networks compact, so a network holds at most
/// ``maxNodeCount`` nodes and ``maxArcCount`` arcs (about 10⁹ each).
public struct FlowNetwork: Sendable, Equatable {
    /// Arc tails, heads and the three numbers per arc, kept as parallel flat arrays (structure of
    /// arrays) so the solver can copy them without walking a collection of structs.
    @usableFromInline var tails: [Int32] = []
    @usableFromInline var heads: [Int32] = []
    @usableFromInline var lowerBounds: [Int64] = []
    @usableFromInline var capacities: [Int64] = []
    @usableFromInline var costs: [Int64] = []
    @usableFromInline var supplies: [Int64]

    /// The most arcs a network may have. The solver numbers nodes and arcs (real, plus one
    /// artificial arc per node) with 32-bit integers to halve its memory traffic, so arcs plus
    /// nodes must stay below `Int32.max`.
    public static let maxArcCount = Int(Int32.max) / 2
    /// The most nodes a network may have.
    public static let maxNodeCount = Int(Int32.max) / 2

    /// Creates a network with `nodeCount` nodes, no arcs and zero supply everywhere.
    ///
    /// - Precondition: `0 <= nodeCount <= maxNodeCount`.
    /// - Complexity: O(`nodeCount`).
    public init(nodeCount: Int) {
        precondition(nodeCount >= 0 && nodeCount <= Self.maxNodeCount, "nodeCount must be in 0...\(Self.maxNodeCount)")
        supplies = Array(repeating: 0, count: nodeCount)
    }

    /// Creates a network from whole columns: arc `a` runs `tails[a] -> heads[a]` with bounds
    /// `0...capacities[a]` at `costs[a]` per unit, and node `v` supplies `supplies[v]`. The same
    /// network as `addArc` called arc by arc, for a caller that has a million arcs to add: the
    /// columns are taken as they are, and only checked.
    ///
    /// - Precondition: the four arc columns have the same length, at most ``maxArcCount``; at most
    ///   ``maxNodeCount`` nodes; every tail and head is in `0..<supplies.count`.
    /// - Complexity: O(n + m).
    public init(supplies: [Int64], tails: [Int32], heads: [Int32], capacities: [Int64], costs: [Int64]) {
        let n = supplies.count, m = tails.count
        precondition(n <= Self.maxNodeCount, "nodeCount must be in 0...\(Self.maxNodeCount)")
        precondition(heads.count == m && capacities.count == m && costs.count == m, "arc columns of different lengths")
        precondition(m <= Self.maxArcCount, "a FlowNetwork holds at most \(Self.maxArcCount) arcs")
        let bound = UInt32(truncatingIfNeeded: n)
        var outside = false
        // Unsigned: a negative node number is a large one, so one comparison checks both ends.
        tails.withUnsafeBufferPointer { t in
            heads.withUnsafeBufferPointer { h in
                for a in 0..<m where UInt32(bitPattern: t[a]) >= bound || UInt32(bitPattern: h[a]) >= bound { outside = true; break }
            }
        }
        precondition(!outside, "an arc's tail or head is not a node of 0..<\(n)")
        self.supplies = supplies
        self.tails = tails
        self.heads = heads
        self.lowerBounds = Array(repeating: 0, count: m)
        self.capacities = capacities
        self.costs = costs
    }

    /// The number of nodes.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var nodeCount: Int { supplies.count }

    /// The number of arcs added so far.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var arcCount: Int { tails.count }

    /// Reserves storage for `count` arcs in total, so that building a large network does not
    /// reallocate repeatedly.
    ///
    /// - Complexity: O(`count`).
    @inlinable
    public mutating func reserveArcCapacity(_ count: Int) {
        tails.reserveCapacity(count)
        heads.reserveCapacity(count)
        lowerBounds.reserveCapacity(count)
        capacities.reserveCapacity(count)
        costs.reserveCapacity(count)
    }

    /// Adds the arc `from -> to` whose flow must lie in `lowerBound...capacity`, each unit costing
    /// `cost`, and returns its index.
    ///
    /// - Precondition: both endpoints are in `0..<nodeCount`, and fewer than ``maxArcCount``
    ///   arcs were added before.
    /// - Complexity: amortised O(1).
    @inlinable
    @discardableResult
    public mutating func addArc(from: Int, to: Int, lowerBound: Int64 = 0, capacity: Int64, cost: Int64) -> Int {
        precondition(tails.count < Self.maxArcCount, "a FlowNetwork holds at most \(Self.maxArcCount) arcs")
        precondition(from >= 0 && from < nodeCount, "arc tail \(from) is not a node of 0..<\(nodeCount)")
        precondition(to >= 0 && to < nodeCount, "arc head \(to) is not a node of 0..<\(nodeCount)")
        tails.append(Int32(truncatingIfNeeded: from))
        heads.append(Int32(truncatingIfNeeded: to))
        lowerBounds.append(lowerBound)
        capacities.append(capacity)
        costs.append(cost)
        return tails.count - 1
    }

    /// Sets the supply of `node`: positive for a source, negative for a demand (sink), zero for a
    /// transshipment node. A network is balanced when the supplies sum to zero.
    ///
    /// - Precondition: `node` is in `0..<nodeCount`.
    /// - Complexity: O(1).
    @inlinable
    public mutating func setSupply(_ node: Int, _ supply: Int64) {
        precondition(node >= 0 && node < nodeCount, "node \(node) is not a node of 0..<\(nodeCount)")
        supplies[node] = supply
    }

    /// The supply of `node` (negative for a demand).
    ///
    /// - Complexity: O(1).
    public func supply(_ node: Int) -> Int64 {
        supplies[node]
    }

    /// The arc with index `index`, as it was added.
    ///
    /// - Complexity: O(1).
    public func arc(_ index: Int) -> (from: Int, to: Int, lowerBound: Int64, capacity: Int64, cost: Int64) {
        (Int(tails[index]), Int(heads[index]), lowerBounds[index], capacities[index], costs[index])
    }
}
