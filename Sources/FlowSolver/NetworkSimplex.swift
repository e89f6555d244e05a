// MARK: - The mathematics
//
// Model. A directed network G = (V, A) with n = |V| nodes and m = |A| arcs; supply b(v) at every
// node (b > 0 a source, b < 0 a demand, Σ b = 0); every arc a = (u, v) has bounds l(a) ≤ u(a) and
// a cost c(a), all integers. The minimum-cost flow problem is the linear program
//
//     minimise    Σ_a c(a)·x(a)
//     subject to  Σ_{a out of v} x(a) − Σ_{a into v} x(a) = b(v)    for every node v
//                 l(a) ≤ x(a) ≤ u(a)                               for every arc a.
//
// PreparedProblem has already shifted lower bounds to 0 (x' = x − l, b' adjusted) and set aside
// self-loops and zero-width arcs, so here every arc has 0 ≤ x ≤ u with u > 0.
//
// Duals. With node potentials p the reduced cost of a = (s, t) is
//
//     rc_p(a) = c(a) − p(s) + p(t)            (the convention of Ahuja, Magnanti & Orlin).
//
// A feasible x is optimal iff some p makes rc_p(a) ≥ 0 where x(a) < u(a) and rc_p(a) ≤ 0 where
// x(a) > 0 (complementary slackness). Those p are an optimal dual solution, with dual objective
// Σ_v b(v)p(v) + Σ_a min(0, rc_p(a))·u(a) equal to the primal cost. The potentials returned in
// FlowSolution are exactly these p.
//
// Primal network simplex (Dantzig 1951/1963; the bounded, strongly-feasible form of Cunningham
// 1976 and of Ahuja, Magnanti & Orlin 1993, ch. 11). A basic solution is a spanning tree T and a
// partition of the other arcs into L (x = 0) and U (x = u); tree flows follow from conservation
// and tree potentials from rc_p = 0 on T. One pivot:
//
//  1. Pricing: pick an entering arc e ∉ T that violates optimality: e ∈ L with rc < 0 or
//     e ∈ U with rc > 0, i.e. state(e)·rc(e) < 0 with state = +1 on L, −1 on U, 0 on T.
//     Block search (Grigoriadis 1986; LEMON's default): scan the arcs cyclically in blocks of
//     B arcs, and take the most violating arc of the first block that has one. LEMON fixes
//     B = √m; here B is √m/2, or 2·√m on networks with many sources and many sinks (see
//     `blockSize`).
//  2. Ratio test: e closes a unique cycle with T, through the join node = the lowest common
//     ancestor of e's ends. Push δ = the least residual capacity around the cycle.
//  3. Leaving arc: among arcs with residual δ, the last one met when the cycle is walked in its
//     direction from the join. This keeps the tree strongly feasible (every node can send a
//     positive amount to the root along the tree), which excludes cycling (Cunningham 1976).
//  4. Update: the tree loses the leaving arc and gains e; the cut-off subtree is re-hung below
//     e's other end and its potentials all shift by the same amount so that rc(e) = 0. Since
//     only differences of potentials matter, when the subtree is more than half the tree the
//     rest of the tree shifts the opposite way instead, which halves the worst case.
//
// Start (big-M). An artificial root r joins every node v by an artificial arc of unlimited
// capacity: v → r of cost 0 when b(v) ≥ 0, r → v of cost M when b(v) < 0, carrying |b(v)|. With
// M = (n+1)·C + 1 > the cost of any simple path, an optimum that still sends flow through r
// proves that no feasible flow exists (any cycle that would remove it costs < 0). Artificial arcs
// are never priced again, so one that leaves the tree is gone for good. The automatic choice
// pivots a few arcs picked node by node before block search on placement-shaped networks
// (`NetworkSimplex+Crash.swift`).
//
// Tree data (per node, root included): parent, pred (arc to parent), predDir (+1 if that arc
// points up to the parent, −1 if down), a preorder "thread" with its inverse revThread, succNum
// (subtree size) and lastSucc (last node of the subtree in preorder). A subtree is then a
// contiguous stretch of the thread, which makes moving one and shifting its potentials linear in
// its size (Glover, Klingman & Stutz 1974; the XTI/ATI family of tree indices).
//
// Complexity. One pivot is O(B + d + t): B arcs priced, d the depth walked to the join and along
// the re-rooted stem, t the size of the moved subtree. The number of pivots has no polynomial
// bound for this rule, but in practice it is a small multiple of n, and with block search the
// method is among the fastest exact codes for sparse networks (Király & Kovács 2012). The bad
// case is a deep tree: on one long path of n nodes each pivot walks O(n) tree nodes and has to
// price O(m) arcs to find the single eligible one, so the run is O(n·m) (a 20,000-node chain
// takes 8 s here; OR-Tools' cost scaling takes 130 s on the same file).
//
// Arithmetic. Integers only. PreparedProblem guarantees that |flow| and every residual fit in
// Int64, and that |p(v) − p(r)| ≤ B = M + (n+1)·C leaves room for the root's own potential to
// drift (through the opposite-side shifts of step 4) up to 3B + C before it is reset to 0. So
// the hot loops use wrapping operators (&+, &-, &*) that cannot actually wrap.
//
// References.
//  - G. B. Dantzig, Linear Programming and Extensions, Princeton University Press, 1963.
//  - W. H. Cunningham, "A network simplex method", Mathematical Programming 11 (1976) 105–116.
//  - F. Glover, D. Klingman, J. Stutz, "Augmented threaded index method for network
//    optimization", INFOR 12 (1974) 293–298.
//  - M. D. Grigoriadis, "An efficient implementation of the network simplex method",
//    Mathematical Programming Study 26 (1986) 83–111.
//  - D. L. Kelly, R. P. O'Neill, "The minimum cost flow problem and the network simplex solution
//    method", MSc thesis, University College Dublin, 1991.
//  - R. K. Ahuja, T. L. Magnanti, J. B. Orlin, Network Flows, Prentice Hall, 1993.
//  - A. V. Goldberg, "An efficient implementation of a scaling minimum-cost flow algorithm",
//    Journal of Algorithms 22 (1997) 1–29 (the cost-scaling alternative OR-Tools implements).
//  - Z. Király, P. Kovács, "Efficient implementations of minimum-cost flow algorithms",
//    Acta Universitatis Sapientiae, Informatica 4 (2012) 67–118 (LEMON's network_simplex.h).

/// The primal network simplex method on a ``PreparedProblem``: see the explanation at the top of
/// this file.
///
/// All working arrays are raw buffers owned by this non-copyable value and freed in `deinit`, so
/// the pivot loop does no bounds checks, no reference counting and no allocation.
struct NetworkSimplex: ~Copyable {
    static let algorithmName = "primal network simplex (block search pricing)"

    /// Arc states: a non-tree arc at its lower bound (`L`), at its upper bound (`U`), or a tree arc.
    /// The values are the sign that turns "violates optimality" into `state · rc < 0`.
    static let atLower: Int8 = 1
    static let atUpper: Int8 = -1
    static let inTree: Int8 = 0
    /// `predDir` values: the arc to the parent points up (`node → parent`) or down.
    static let up: Int8 = 1
    static let down: Int8 = -1

    /// Real nodes; the root is node `nodeCount`.
    let nodeCount: Int
    /// Active real arcs; arcs `arcCount ..< arcCount + nodeCount` are the artificial ones.
    let arcCount: Int
    let root: Int
    /// A bound on |p(v) − p(root)|: `M + (n+1)·C` (see `PreparedProblem`).
    let potentialBound: Int64
    /// Node supplies after lower bounds moved into them (`PreparedProblem.supplies`).
    let supplies: [Int64]

    // Per arc (real then artificial).
    let source: UnsafeMutablePointer<Int32>
    let target: UnsafeMutablePointer<Int32>
    let cost: UnsafeMutablePointer<Int64>
    let capacity: UnsafeMutablePointer<Int64>
    let flow: UnsafeMutablePointer<Int64>
    let state: UnsafeMutablePointer<Int8>

    // Per node, root included.
    let parent: UnsafeMutablePointer<Int32>
    let pred: UnsafeMutablePointer<Int32>
    let predDir: UnsafeMutablePointer<Int8>
    let thread: UnsafeMutablePointer<Int32>
    let revThread: UnsafeMutablePointer<Int32>
    let succNum: UnsafeMutablePointer<Int32>
    let lastSucc: UnsafeMutablePointer<Int32>
    let potential: UnsafeMutablePointer<Int64>

    // Scratch for re-rooting the moved subtree: the stem nodes and their old thread data.
    let stemNode: UnsafeMutablePointer<Int32>
    let stemLast: UnsafeMutablePointer<Int32>
    let stemRev: UnsafeMutablePointer<Int32>
    let stemAfter: UnsafeMutablePointer<Int32>

    /// Builds the initial big-M tree: every node hangs below the root by its artificial arc.
    ///
    /// - Complexity: O(n + m).
    init(prepared: PreparedProblem, network: FlowNetwork) {
        let n = network.nodeCount
        let m = prepared.activeArcCount
        nodeCount = n
        arcCount = m
        root = n
        potentialBound = prepared.potentialBound
        supplies = prepared.supplies
        let arcTotal = m + n
        let nodeTotal = n + 1
        source = WorkingMemory.allocate(capacity: arcTotal)
        target = WorkingMemory.allocate(capacity: arcTotal)
        cost = WorkingMemory.allocate(capacity: arcTotal)
        capacity = WorkingMemory.allocate(capacity: arcTotal)
        flow = WorkingMemory.allocate(capacity: arcTotal)
        state = WorkingMemory.allocate(capacity: arcTotal)
        parent = .allocate(capacity: nodeTotal)
        pred = .allocate(capacity: nodeTotal)
        predDir = .allocate(capacity: nodeTotal)
        thread = .allocate(capacity: nodeTotal)
        revThread = .allocate(capacity: nodeTotal)
        succNum = .allocate(capacity: nodeTotal)
        lastSucc = .allocate(capacity: nodeTotal)
        potential = .allocate(capacity: nodeTotal)
        stemNode = .allocate(capacity: nodeTotal)
        stemLast = .allocate(capacity: nodeTotal)
        stemRev = .allocate(capacity: nodeTotal)
        stemAfter = .allocate(capacity: nodeTotal)

        prepared.activeArcs.withUnsafeBufferPointer { order in
        network.withArcColumns { arcs in
            // One field at a time: the order visits the input in `stride` interleaved streams
            // (see PreparedProblem), and gathering all five fields at once kept five times as
            // many pages in use, which made this loop 2-3 times slower on a million arcs.
            for i in 0..<m { source[i] = arcs.tails[Int(order[i])] }
            for i in 0..<m { target[i] = arcs.heads[Int(order[i])] }
            for i in 0..<m { cost[i] = arcs.costs[Int(order[i])] }
            for i in 0..<m { capacity[i] = arcs.capacities[Int(order[i])] }
            if prepared.hasLowerBounds {
                for i in 0..<m { capacity[i] &-= arcs.lowerBounds[Int(order[i])] }
            }
        }}
        flow.initialize(repeating: 0, count: m)
        state.initialize(repeating: Self.atLower, count: m)

        let rootID = Int32(truncatingIfNeeded: n)
        let bigM = prepared.artificialCost
        for v in 0..<n {
            let e = m + v
            let node = Int32(truncatingIfNeeded: v)
            let b = prepared.supplies[v]
            capacity[e] = .max
            state[e] = Self.inTree
            parent[v] = rootID
            pred[v] = Int32(truncatingIfNeeded: e)
            thread[v] = Int32(truncatingIfNeeded: v + 1)
            revThread[v + 1] = node
            succNum[v] = 1
            lastSucc[v] = node
            if b >= 0 {
                source[e] = node; target[e] = rootID
                cost[e] = 0; flow[e] = b
                predDir[v] = Self.up
                potential[v] = 0
            } else {
                source[e] = rootID; target[e] = node
                cost[e] = bigM; flow[e] = -b
                predDir[v] = Self.down
                potential[v] = -bigM   // rc(r → v) = M − p(r) + p(v) = 0
            }
        }
        parent[n] = -1
        pred[n] = -1
        predDir[n] = 0
        potential[n] = 0
        succNum[n] = Int32(truncatingIfNeeded: n + 1)
        lastSucc[n] = n == 0 ? rootID : Int32(truncatingIfNeeded: n - 1)
        thread[n] = 0 == n ? rootID : 0
        revThread[0] = rootID   // for n == 0 this is the root pointing at itself
    }

    deinit {
        WorkingMemory.deallocate(source); WorkingMemory.deallocate(target); WorkingMemory.deallocate(cost)
        WorkingMemory.deallocate(capacity); WorkingMemory.deallocate(flow); WorkingMemory.deallocate(state)
        parent.deallocate(); pred.deallocate(); predDir.deallocate()
        thread.deallocate(); revThread.deallocate(); succNum.deallocate()
        lastSucc.deallocate(); potential.deallocate()
        stemNode.deallocate(); stemLast.deallocate(); stemRev.deallocate(); stemAfter.deallocate()
    }

    struct Outcome {
        /// False when flow remains on an artificial arc at the optimum.
        var feasible: Bool
        var pivots: Int
        var degeneratePivots: Int
        /// Of the pivots, those made by ``crashPivots()`` before block search.
        var crashPivots: Int = 0
        /// Reduced costs computed while pricing.
        var pricedArcs: Int = 0
        /// Tree nodes visited by pivots (join walks and potential shifts).
        var treeWork: Int = 0
        /// The first broken invariant, when checking was asked for.
        var invariantViolation: String?
    }

    /// Pivots until no arc violates optimality, by block search with a fixed block of
    /// `blockSize` arcs; with ``BlockRule/byShape``, on networks of many sources and few sinks,
    /// after the crash pivots of ``crashPivots()``.
    ///
    /// - Parameter checkingInvariants: when true, every invariant is checked after every pivot,
    ///   which makes each pivot O(n + m); for tests only.
    /// - Complexity: see the top of this file.
    func run(checkingInvariants: Bool = false, blockRule: BlockRule = .fixed) -> Outcome {
        let m = arcCount
        let terminals = Terminals(supplies: supplies)
        let sources = terminals.sources, sinks = terminals.sinks
        let blockSize = switch blockRule {
        case .fixed: Self.blockSize(arcs: m, nodes: nodeCount, sources: sources, sinks: sinks)
        case .byShape: Self.shapeBlockSize(arcs: m, nodes: nodeCount, sources: sources, sinks: sinks)
        case .size(let size): max(size, 1)
        }
        var priced = 0, treeWork = 0
        var nextArc = 0
        var pivots = 0
        var degenerate = 0
        var crashed = 0
        if case .byShape = blockRule, Self.crashFits(nodes: nodeCount, sources: sources, sinks: sinks) {
            let crash = crashPivots()
            pivots = crash.pivots
            degenerate = crash.degenerate
            treeWork = crash.work
            priced = crash.priced
            crashed = crash.pivots
            if checkingInvariants, let violation = invariantViolation(supplies: supplies) {
                return Outcome(feasible: false, pivots: pivots, degeneratePivots: degenerate, crashPivots: crashed,
                               pricedArcs: priced, treeWork: treeWork, invariantViolation: "after the crash pivots: \(violation)")
            }
        }

        while m > 0 {
            let entering = findEnteringArc(blockSize: blockSize, nextArc: &nextArc, priced: &priced)
            if entering < 0 { break }
            let result = pivot(entering: entering)
            if !result.movedFlow { degenerate += 1 }
            pivots += 1
            treeWork &+= result.work
            if checkingInvariants, let violation = invariantViolation(supplies: supplies) {
                return Outcome(feasible: false, pivots: pivots, degeneratePivots: degenerate, crashPivots: crashed,
                               pricedArcs: priced, treeWork: treeWork, invariantViolation: "after pivot \(pivots) (arc \(entering)): \(violation)")
            }
        }
        normalizePotentials()

        var feasible = true
        for v in 0..<nodeCount where flow[arcCount + v] != 0 {
            feasible = false
            break
        }
        let violation = checkingInvariants ? invariantViolation(supplies: supplies) : nil
        return Outcome(feasible: feasible, pivots: pivots, degeneratePivots: degenerate, crashPivots: crashed,
                       pricedArcs: priced, treeWork: treeWork,
                       invariantViolation: violation.map { "at the end: \($0)" })
    }

    /// The pricing block, fixed for the whole run: `√m/2`, or `2·√m` when sources and sinks
    /// each make up at least a twentieth of the nodes; never below 10.
    ///
    /// Block search trades pricing (arcs scanned per pivot) against pivots (a bigger block finds
    /// a better arc). Measured with `make bench-solver` (CPU seconds, LEMON's fixed √m beside it)
    /// and on the national match's exported stages: `√m/2` was the best of `√m/2, √m, 2·√m`, or
    /// within the noise of it, on the grid, GOTO-like, NETGEN-LO and placement networks and on
    /// the matcher's own (thousands of sources, one sink); `2·√m` was best only on networks with
    /// many sources *and* many sinks (random-many, a tenth of the nodes each), where many arcs
    /// violate at once and the best of a bigger block saves more pivots than it costs. The rule
    /// this replaces grew the block with the tree work per pivot (up to 16·√m), which doubled
    /// the time on grid and NETGEN-LO networks: their pivots walk deep trees yet gain little from
    /// a better entering arc.
    static func blockSize(arcs m: Int, nodes n: Int, sources: Int, sinks: Int) -> Int {
        let squareRoot = integerSquareRoot(m)
        let manyTerminals = Terminals.many(min(sources, sinks), nodes: n)
        return max(manyTerminals ? 2 * squareRoot : squareRoot / 2, 10)
    }

    /// Block search: scans arcs cyclically from `nextArc` in blocks of `blockSize` and returns the
    /// most violating arc of the first block holding a violating arc, or -1 when none violates.
    ///
    /// The blocks run on across the end of the arcs into their start (a block may hold the last
    /// arcs and the first ones), as in LEMON; each stretch of a block between two stops is priced
    /// by `priceStretch`, whose loop has nothing in it but the reduced costs.
    ///
    /// - Complexity: O(m) in the worst case, O(blockSize) typically.
    @inline(__always)
    func findEnteringArc(blockSize: Int, nextArc: inout Int, priced: inout Int) -> Int {
        let m = arcCount
        var best = -1
        var bestValue: Int64 = 0
        var remaining = blockSize
        var scanned = 0
        var e = nextArc
        while scanned < m {
            // The stretch ends at the end of the block, of the arcs, or of the round (back at
            // the arc it started from), whichever comes first.
            let stop = min(e &+ min(remaining, m &- scanned), m)
            priceStretch(from: e, to: stop, best: &best, bestValue: &bestValue)
            scanned &+= stop &- e
            remaining &-= stop &- e
            e = stop == m ? 0 : stop
            if remaining == 0 {
                if best >= 0 { priced &+= scanned; nextArc = e; return best }
                remaining = blockSize
            }
        }
        priced &+= m
        return best
    }

    /// Prices the arcs `from ..< to`, keeping in `best` the most violating one met so far (the
    /// first of equals) and in `bestValue` its `state · rc` (negative when it violates).
    ///
    /// - Complexity: O(to − from).
    @inline(__always)
    func priceStretch(from: Int, to: Int, best: inout Int, bestValue: inout Int64) {
        let source = self.source, target = self.target, cost = self.cost
        let state = self.state, potential = self.potential
        var localBest = best, localValue = bestValue
        var e = from
        while e < to {
            let violation = Int64(state[e]) &* (cost[e] &- potential[Int(source[e])] &+ potential[Int(target[e])])
            if violation < localValue { localValue = violation; localBest = e }
            e &+= 1
        }
        best = localBest
        bestValue = localValue
    }

    struct PivotResult {
        /// False for a degenerate pivot (the cycle had no room, δ = 0).
        var movedFlow: Bool
        /// Tree nodes visited: the walk to the join plus the potentials shifted.
        var work: Int
    }

    /// The join of `tail` and `head` (their lowest common ancestor in the tree) and the number of
    /// steps taken to it: the end with the smaller subtree cannot be the ancestor, so it moves up.
    ///
    /// A function of its own, not inlined into `pivot`, so that the step count stays in a
    /// register (inlined, it was kept in memory and incremented there in every step).
    ///
    /// - Complexity: O(d), the depth walked.
    @inline(never)
    func findJoin(_ tail: Int, _ head: Int) -> (join: Int, steps: Int) {
        let parent = self.parent, succNum = self.succNum
        var u = tail, v = head
        var steps = 0
        while u != v {
            if succNum[u] < succNum[v] { u = Int(parent[u]) } else { v = Int(parent[v]) }
            steps &+= 1
        }
        return (u, steps)
    }

    /// One pivot on the entering arc: ratio test, flow change, and tree update.
    ///
    /// - Complexity: O(d + t), the walked depth plus the size of the moved subtree.
    @inline(__always)
    func pivot(entering e: Int) -> PivotResult {
        let parent = self.parent, pred = self.pred, predDir = self.predDir
        let flow = self.flow, capacity = self.capacity

        let tail = Int(source[e]), head = Int(target[e])
        let direction = state[e]
        // Flow runs first → second along e, up from second to the join, down from the join to first.
        let first = direction == Self.atLower ? tail : head
        let second = direction == Self.atLower ? head : tail

        let (join, joinSteps) = findJoin(tail, head)
        var work = joinSteps
        var u = 0

        // Ratio test. Ties go to the arc met last walking the cycle from the join:
        // the first path (walked downward) before e before the second path (walked upward).
        var delta = capacity[e]
        var side = 0          // 0: e itself blocks, 1: first path, 2: second path
        var uOut = -1
        u = first
        while u != join {
            let a = Int(pred[u])
            let residual = predDir[u] == Self.up ? flow[a] : capacity[a] &- flow[a]
            if residual < delta { delta = residual; uOut = u; side = 1 }
            u = Int(parent[u])
        }
        u = second
        while u != join {
            let a = Int(pred[u])
            let residual = predDir[u] == Self.up ? capacity[a] &- flow[a] : flow[a]
            if residual <= delta { delta = residual; uOut = u; side = 2 }
            u = Int(parent[u])
        }

        if delta > 0 {
            let change = Int64(direction) &* delta
            flow[e] &+= change
            u = tail
            while u != join {
                flow[Int(pred[u])] &-= Int64(predDir[u]) &* change
                u = Int(parent[u])
            }
            u = head
            while u != join {
                flow[Int(pred[u])] &+= Int64(predDir[u]) &* change
                u = Int(parent[u])
            }
        }

        if side == 0 {
            state[e] = -direction
            return PivotResult(movedFlow: delta > 0, work: work)
        }
        let leaving = Int(pred[uOut])
        state[e] = Self.inTree
        state[leaving] = flow[leaving] == 0 ? Self.atLower : Self.atUpper

        let uIn = side == 1 ? first : second
        let vIn = side == 1 ? second : first
        let reduced = cost[e] &- potential[tail] &+ potential[head]
        let shift = uIn == tail ? reduced : 0 &- reduced

        updateTree(entering: e, uIn: uIn, vIn: vIn, uOut: uOut, join: join)

        work &+= shiftPotentials(subtree: uIn, by: shift)
        return PivotResult(movedFlow: delta > 0, work: work)
    }

    /// Adds `shift` to the potentials of the subtree rooted at `top` and returns the number of nodes
    /// changed; or, when that subtree holds
    /// more than half of all nodes, subtracts it from every other node instead: only potential
    /// differences matter, and walking the thread is the most expensive part of a pivot.
    ///
    /// The second way moves the root's potential away from 0. It is renormalised to 0 whenever it
    /// drifts beyond `potentialBound`, which keeps every potential within
    /// `4·potentialBound + C` (see `PreparedProblem`).
    ///
    /// - Complexity: O(min(t, n − t)) for a subtree of t nodes; O(n) on a renormalisation.
    @inline(__always)
    func shiftPotentials(subtree top: Int, by shift: Int64) -> Int {
        let potential = self.potential, thread = self.thread
        let size = Int(succNum[top])
        let total = nodeCount + 1
        if 2 * size <= total {
            var w = top
            for _ in 0..<size {
                potential[w] &+= shift
                w = Int(thread[w])
            }
            return size
        }
        var w = Int(thread[Int(lastSucc[top])])
        for _ in 0..<(total - size) {
            potential[w] &-= shift
            w = Int(thread[w])
        }
        let drift = potential[root]
        if drift > potentialBound || drift < -potentialBound {
            normalizePotentials()
        }
        return total - size
    }

    /// Shifts all potentials so that the root's is 0.
    ///
    /// - Complexity: O(n).
    func normalizePotentials() {
        let offset = potential[root]
        if offset == 0 { return }
        for v in 0...nodeCount {
            potential[v] &-= offset
        }
    }

    /// ⌊√x⌋ by Newton's method on integers (the solve uses no floating point).
    static func integerSquareRoot(_ x: Int) -> Int {
        if x < 2 { return x }
        var r = x
        var next = (r + 1) / 2
        while next < r {
            r = next
            next = (r + x / r) / 2
        }
        return r
    }
}
