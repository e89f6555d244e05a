// MARK: - The mathematics
//
// Cost scaling (Goldberg & Tarjan 1990; the implementation ideas of Goldberg 1997, "cs2", which
// OR-Tools and LEMON's CostScaling also follow), on the same PreparedProblem as the simplex.
//
// ε-optimality. With potentials π and reduced costs rc(a) = c(a) − π(u) + π(v) (the convention of
// FlowSolution), a pseudoflow is ε-optimal when rc(a) ≥ −ε on every residual arc (forward arcs
// with room, reverse arcs of arcs with flow). Costs are multiplied by N = n + 1 first; a feasible
// flow that is 1-optimal for the scaled costs is optimal for the real ones, because a cycle has
// at most n arcs, so its real cost is > −n/N > −1, and it is an integer.
//
// Refine(ε). Starting from a flow that is αε-optimal, saturate every residual arc with rc < 0
// (the flow becomes 0-optimal but has excesses and deficits), then discharge nodes with excess
// (FIFO order): push along admissible arcs (residual, rc < 0), but first look ahead: a node
// without excess that has no admissible arc of its own is relabelled instead of being pushed
// into, since it could only push the flow back; when u has no admissible arc left, relabel, i.e.
// raise π(u) to min over residual arcs (c(a) + π(v)) + ε, so that rc ≥ −ε holds around u and the
// best arc becomes admissible. Refine ends ε-optimal with no excess. ε starts at the largest
// scaled |cost| (the zero flow with zero potentials is ε-optimal for it) and shrinks by the
// factor α until it is 1.
//
// Bounds and the fallback. In a refine, no price rises by more than (α + 1)·n·ε when the problem
// is feasible (Goldberg & Tarjan's lemma: a node with excess has a residual path to a deficit
// node, whose price never changes). A price that rises faster, or a node with excess and no
// residual arc at all, therefore proves the problem infeasible; rather than rely on that proof,
// `run` gives up and MinCostFlow answers with the network simplex, which decides feasibility
// itself. So cost scaling can only make a solve slower, never wrong.
//
// Exact potentials. The last refine leaves potentials that are 1-optimal for the scaled costs.
// P(v) = ⌊π(v)/N⌋ gives real reduced costs ≥ −1 on residual arcs; a label-correcting shortest-
// path pass over the residual graph (which has no negative cycle, the flow being optimal) then
// adds the corrections g(v) ≤ 0 that make every residual reduced cost ≥ 0, which is the
// certificate FlowCertificate checks.
//
// Range. Prices stay within Σ_refines (α + 1)·n·ε ≤ 2(α + 1)·N·(N·C) and reduced costs within
// N·C plus twice that, so `fits` asks for 8(α + 1)·N²·C to fit in Int64; otherwise the simplex
// solves the problem.
//
// Heuristics (Goldberg 1997): global price updates (see `updatePrices`) at the start of each
// refine and after every n relabels, and the push look-ahead above. On the benchmark families
// they cut the pushes by 3 to 10 times against plain FIFO push-relabel.
//
// The current arc after a relabel is the cheapest one (admissible then, with rc = −ε), as in
// cs2; the arcs before it may be admissible too and wait for the next relabel. That keeps
// ε-optimality (a relabel sets the price from the minimum over all residual arcs) and never
// lowers a price (prices only rise, so the next minimum is no lower); a relabel may then leave
// the price as it is, but its cheapest arc is admissible and takes the next push. It saves the
// second scan up to that arc: 3-6 % fewer pushes on random-many and NETGEN-LO-8.
//
// Complexity. O(n²·m·log(nC)) in theory; in practice a few pushes per arc per refine and
// log_α(nC) refines (α = 8: of 5, 8 and 16 none was clearly best on the benchmark families;
// measured again with the faster price update, 16 gained 6 % on random-many and lost 12 % on
// NETGEN-LO-8). Memory: the residual graph in forward-star form, 68 bytes per arc (two
// residual arcs of head, reverse, cost, room and width, and the forward index) and 57 per node
// (the arrays from firstOut to bucketHead below).
//
// References.
//  - A. V. Goldberg, R. E. Tarjan, "Finding minimum-cost circulations by successive
//    approximation", Mathematics of Operations Research 15 (1990) 430–466.
//  - A. V. Goldberg, "An efficient implementation of a scaling minimum-cost flow algorithm",
//    Journal of Algorithms 22 (1997) 1–29.
//  - R. K. Ahuja, T. L. Magnanti, J. B. Orlin, Network Flows, Prentice Hall, 1993, ch. 10.

/// Cost scaling push-relabel on a ``PreparedProblem``: see the explanation at the top of this file.
struct CostScaling: ~Copyable {
    static let algorithmName = "cost scaling (push-relabel)"
    /// The factor by which ε shrinks between refines.
    static let alpha: Int64 = 8

    let nodeCount: Int
    let arcCount: Int
    /// N = n + 1, the cost multiplier.
    let scale: Int64
    /// The largest scaled |cost|.
    let maxScaledCost: Int64

    // Residual arcs, grouped by tail: those of node u are firstOut[u] ..< firstOut[u + 1], its
    // forward arcs (the network's arcs out of u) first, then from firstReverse[u] the reverses of
    // the arcs into u. Most arcs carry no flow, so a forward arc mostly has room and a reverse arc
    // mostly has none: each run of tests on room goes mostly one way, and the price update skips
    // the reverses of empty arcs without reading their heads' labels (see `updatePrices`).
    let firstOut: UnsafeMutablePointer<Int32>
    let firstReverse: UnsafeMutablePointer<Int32>
    let head: UnsafeMutablePointer<Int32>
    let reverse: UnsafeMutablePointer<Int32>
    let cost: UnsafeMutablePointer<Int64>
    let residual: UnsafeMutablePointer<Int64>
    /// residual[a] + residual[reverse[a]], which pushes never change: the price update reads the
    /// room of the arc u → v as `width[b] − residual[b]` from v's own arc b, in order, so that it
    /// can test every arc without a read at reverse[b] anywhere in the arrays (see
    /// `updatePrices`).
    let width: UnsafeMutablePointer<Int64>
    /// For active arc i, the index of its forward residual arc.
    let forward: UnsafeMutablePointer<Int32>

    // Per node.
    let excess: UnsafeMutablePointer<Int64>
    let price: UnsafeMutablePointer<Int64>
    let startPrice: UnsafeMutablePointer<Int64>
    let current: UnsafeMutablePointer<Int32>
    let queue: UnsafeMutablePointer<Int32>
    let queued: UnsafeMutablePointer<Bool>
    // Price update: distance labels and doubly linked buckets (n + 1 of them, heads in bucketHead).
    let distance: UnsafeMutablePointer<Int32>
    let bucketNext: UnsafeMutablePointer<Int32>
    let bucketPrevious: UnsafeMutablePointer<Int32>
    let bucketHead: UnsafeMutablePointer<Int32>

    /// Whether cost scaling's prices and reduced costs provably fit in Int64 (see the top).
    static func fits(nodeCount n: Int, maxAbsCost: Int64) -> Bool {
        let big = Int64(n) + 1
        let (a, o1) = big.multipliedReportingOverflow(by: big)
        let (b, o2) = a.multipliedReportingOverflow(by: max(maxAbsCost, 1))
        let (c, o3) = b.multipliedReportingOverflow(by: 8 * (alpha + 1))
        return !(o1 || o2 || o3) && c > 0
    }

    /// Builds the residual graph with zero flow and zero potentials.
    ///
    /// - Complexity: O(n + m).
    init(prepared: PreparedProblem, network: FlowNetwork) {
        let n = network.nodeCount, m = prepared.activeArcCount
        nodeCount = n
        arcCount = m
        scale = Int64(n) + 1
        firstOut = .allocate(capacity: n + 1)
        firstReverse = .allocate(capacity: n)
        head = .allocate(capacity: 2 * m)
        reverse = .allocate(capacity: 2 * m)
        cost = .allocate(capacity: 2 * m)
        residual = .allocate(capacity: 2 * m)
        width = .allocate(capacity: 2 * m)
        forward = .allocate(capacity: m)
        excess = .allocate(capacity: n)
        price = .allocate(capacity: n)
        startPrice = .allocate(capacity: n)
        current = .allocate(capacity: n)
        queue = .allocate(capacity: max(n, 1))
        queued = .allocate(capacity: n)
        distance = .allocate(capacity: n)
        bucketNext = .allocate(capacity: n)
        bucketPrevious = .allocate(capacity: n)
        bucketHead = .allocate(capacity: n + 1)

        firstOut.initialize(repeating: 0, count: n + 1)
        var largest: Int64 = 0
        let scale = self.scale
        let firstOut = self.firstOut, firstReverse = self.firstReverse, head = self.head, reverse = self.reverse
        let cost = self.cost, residual = self.residual, forward = self.forward
        let width = self.width, current = self.current
        prepared.activeArcs.withUnsafeBufferPointer { order in
        network.withArcColumns { arcs in
            // firstReverse[] counts the forward arcs first.
            for v in 0..<n { firstReverse[v] = 0 }
            for i in 0..<m {
                let a = Int(order[i])
                firstOut[Int(arcs.tails[a]) + 1] &+= 1
                firstOut[Int(arcs.heads[a]) + 1] &+= 1
                firstReverse[Int(arcs.tails[a])] &+= 1
            }
            for v in 0..<n { firstOut[v + 1] &+= firstOut[v] }
            // current[] serves as the fill position of the forward arcs while building, and
            // firstReverse[] (until it is done) as that of the reverses.
            for v in 0..<n {
                current[v] = firstOut[v]
                firstReverse[v] &+= firstOut[v]
            }
            for i in 0..<m {
                let a = Int(order[i])
                let u = Int(arcs.tails[a]), v = Int(arcs.heads[a])
                let f = Int(current[u]); current[u] &+= 1
                let b = Int(firstReverse[v]); firstReverse[v] &+= 1
                let c = arcs.costs[a] &* scale
                largest = max(largest, abs(c))
                head[f] = Int32(truncatingIfNeeded: v); head[b] = Int32(truncatingIfNeeded: u)
                reverse[f] = Int32(truncatingIfNeeded: b); reverse[b] = Int32(truncatingIfNeeded: f)
                cost[f] = c; cost[b] = 0 &- c
                let w = arcs.width(a)
                residual[f] = w; residual[b] = 0
                width[f] = w; width[b] = w
                forward[i] = Int32(truncatingIfNeeded: f)
            }
            // The forward arcs' fill positions ended where each node's reverses begin.
            for v in 0..<n { firstReverse[v] = current[v] }
        }}
        maxScaledCost = largest
        for v in 0..<n {
            excess[v] = prepared.supplies[v]
            price[v] = 0
            queued[v] = false
        }
    }

    deinit {
        firstOut.deallocate(); firstReverse.deallocate(); head.deallocate(); reverse.deallocate(); cost.deallocate()
        residual.deallocate(); width.deallocate(); forward.deallocate(); excess.deallocate(); price.deallocate()
        startPrice.deallocate(); current.deallocate(); queue.deallocate(); queued.deallocate()
        distance.deallocate(); bucketNext.deallocate(); bucketPrevious.deallocate(); bucketHead.deallocate()
    }

    struct Outcome {
        /// False when cost scaling gave up (see the top of the file); the simplex then decides.
        var finished: Bool
        var refines = 0
        var pushes = 0
        var relabels = 0
        var priceUpdates = 0
    }

    /// Refines from ε = the largest scaled cost down to 1, then computes exact potentials.
    func run() -> Outcome {
        var outcome = Outcome(finished: false)
        var epsilon = maxScaledCost
        repeat {
            epsilon = max(epsilon / Self.alpha, 1)
            outcome.refines += 1
            guard refine(epsilon: epsilon, outcome: &outcome) else { return outcome }
        } while epsilon > 1
        outcome.finished = exactPotentials()
        return outcome
    }

    /// One refine: see the top of the file. False when it gives up.
    ///
    /// - Complexity: O(n²·m) in theory; close to linear in practice.
    func refine(epsilon: Int64, outcome: inout Outcome) -> Bool {
        let n = nodeCount
        let firstOut = self.firstOut, head = self.head, reverse = self.reverse
        let cost = self.cost, residual = self.residual
        let excess = self.excess, price = self.price, current = self.current
        let queue = self.queue, queued = self.queued

        // Saturate every residual arc with negative reduced cost.
        for u in 0..<n {
            let pu = price[u]
            var a = Int(firstOut[u])
            let end = Int(firstOut[u + 1])
            while a < end {
                let r = residual[a]
                if r > 0 {
                    let v = Int(head[a])
                    if cost[a] &- pu &+ price[v] < 0 {
                        residual[a] = 0
                        residual[Int(reverse[a])] &+= r
                        excess[u] &-= r
                        excess[v] &+= r
                    }
                }
                a &+= 1
            }
        }

        // The largest rise of a price in a feasible problem, with a margin.
        let limit = (Self.alpha &+ 1) &* 2 &* scale &* epsilon
        var queueHead = 0, queueTail = 0, queueCount = 0
        for u in 0..<n {
            current[u] = firstOut[u]
            startPrice[u] = price[u]
            if excess[u] > 0 {
                queue[queueTail] = Int32(truncatingIfNeeded: u)
                queueTail &+= 1
                if queueTail == n { queueTail = 0 }
                queueCount &+= 1
                queued[u] = true
            }
        }

        var pushes = 0, relabels = 0
        defer { outcome.pushes &+= pushes; outcome.relabels &+= relabels }
        // Price updates: one now, then one whenever the relabels since the last reach n.
        let updateEvery = max(n, 16)
        var relabelsAtUpdate = 0
        if queueCount > 0 {
            guard updatePrices(epsilon: epsilon) else { return false }
            outcome.priceUpdates &+= 1
        }
        while queueCount > 0 {
            if relabels &- relabelsAtUpdate >= updateEvery {
                relabelsAtUpdate = relabels
                guard updatePrices(epsilon: epsilon) else { return false }
                outcome.priceUpdates &+= 1
            }
            let u = Int(queue[queueHead])
            queueHead &+= 1
            if queueHead == n { queueHead = 0 }
            queueCount &-= 1
            queued[u] = false

            // Discharge u.
            let start = Int(firstOut[u]), end = Int(firstOut[u + 1])
            var a = Int(current[u])
            var pu = price[u]
            var e = excess[u]
            while e > 0 {
                if a == end {
                    // Relabel: the cheapest residual arc becomes admissible with rc = −ε.
                    let (best, cheapest) = cheapestResidual(start, end)
                    if best == .max { excess[u] = e; return false }
                    pu = best &+ epsilon
                    if pu &- startPrice[u] > limit { excess[u] = e; return false }
                    price[u] = pu
                    relabels &+= 1
                    a = cheapest
                    continue
                }
                let r = residual[a]
                if r > 0 {
                    let v = Int(head[a])
                    if cost[a] &- pu &+ price[v] < 0 {
                        if excess[v] >= 0 && !lookAhead(v, epsilon: epsilon) && cost[a] &- pu &+ price[v] >= 0 {
                            relabels &+= 1
                            a &+= 1
                            continue
                        }
                        let delta = min(e, r)
                        residual[a] = r &- delta
                        residual[Int(reverse[a])] &+= delta
                        e &-= delta
                        let before = excess[v]
                        excess[v] = before &+ delta
                        pushes &+= 1
                        if before &+ delta > 0 && !queued[v] {
                            queue[queueTail] = Int32(truncatingIfNeeded: v)
                            queueTail &+= 1
                            if queueTail == n { queueTail = 0 }
                            queueCount &+= 1
                            queued[v] = true
                        }
                        if delta < r { break }   // u is empty and the arc still has room
                    }
                }
                a &+= 1
            }
            excess[u] = e
            current[u] = Int32(truncatingIfNeeded: a)
        }
        return true
    }

    /// Push look-ahead (Goldberg 1997): before pushing into `v`, make sure `v` can pass the flow
    /// on. True when `v` has an admissible arc (its current arc is moved to it); otherwise `v` is
    /// relabelled (which may make the arc into `v` inadmissible) and the answer is false.
    @inline(__always)
    func lookAhead(_ v: Int, epsilon: Int64) -> Bool {
        let start = Int(firstOut[v]), end = Int(firstOut[v + 1])
        let pv = price[v]
        var b = Int(current[v])
        while b < end {
            if residual[b] > 0 && cost[b] &- pv &+ price[Int(head[b])] < 0 {
                current[v] = Int32(truncatingIfNeeded: b)
                return true
            }
            b &+= 1
        }
        let (best, cheapest) = cheapestResidual(start, end)
        if best != .max { price[v] = best &+ epsilon }
        current[v] = Int32(truncatingIfNeeded: cheapest)
        return false
    }

    /// The least c(a) + π(head) over the residual arcs start ..< end (of one node), or Int64.max
    /// when none has room: what a relabel raises the node's price to, less ε; with the first arc
    /// that attains it (`start` when none has room), the relabelled node's new current arc.
    @inline(__always)
    func cheapestResidual(_ start: Int, _ end: Int) -> (best: Int64, arc: Int) {
        var best = Int64.max, arc = start
        var b = start
        while b < end {
            if residual[b] > 0 {
                let candidate = cost[b] &+ price[Int(head[b])]
                if candidate < best { best = candidate; arc = b }
            }
            b &+= 1
        }
        return (best, arc)
    }

    /// Goldberg's global price update: raises every price by ε times its distance to the nearest
    /// deficit, measured with arc lengths `ℓ(a) = ⌊rc(a)/ε⌋ + 1 ≥ 0` over residual arcs, so that
    /// every node with excess gets a path of admissible arcs to a deficit and ε-optimality is
    /// kept (`rc' = rc − ε(d(u) − d(v)) ≥ rc − ε·ℓ ≥ −ε`). A bucket Dijkstra from the deficits;
    /// it stops once every node with excess has its distance `d ≤ K`, and raises every node not
    /// reached by then by `K·ε` (their distances are all ≥ K, which keeps the bound above).
    /// False when a price would leave the range `fits` guarantees (then cost scaling gives up).
    ///
    /// - Complexity: O(m + n) per update.
    func updatePrices(epsilon: Int64) -> Bool {
        let n = nodeCount
        let firstOut = self.firstOut, firstReverse = self.firstReverse, head = self.head
        let cost = self.cost, residual = self.residual, width = self.width
        let price = self.price, excess = self.excess
        let distance = self.distance, next = self.bucketNext, previous = self.bucketPrevious
        let bucketHead = self.bucketHead, current = self.current
        // Unreached is n + 1, one more than any distance the search keeps (see the arc loop).
        let unreached = Int32(truncatingIfNeeded: n &+ 1), done: Int32 = -2
        var activeLeft = 0
        for v in 0...n { bucketHead[v] = -1 }
        func insert(_ v: Int, _ d: Int32) {
            let h = bucketHead[Int(d)]
            next[v] = h
            previous[v] = -1
            if h >= 0 { previous[Int(h)] = Int32(truncatingIfNeeded: v) }
            bucketHead[Int(d)] = Int32(truncatingIfNeeded: v)
        }
        func remove(_ v: Int, _ d: Int32) {
            let p = previous[v], q = next[v]
            if p >= 0 { next[Int(p)] = q } else { bucketHead[Int(d)] = q }
            if q >= 0 { previous[Int(q)] = p }
        }
        /// u's distance becomes `bucket + ℓ` for the arc u → v of reduced cost `reduced` (at
        /// least −1) into the settled node v, from `du`, which may be unreached: it moves bucket.
        func lower(_ u: Int, from du: Int32, bucket: Int64, reduced: Int64) {
            let d = Int32(truncatingIfNeeded: bucket &+ (reduced < 0 ? 0 : reduced / epsilon &+ 1))
            if du != unreached { remove(u, du) }
            distance[u] = d
            insert(u, d)
        }
        for v in 0..<n {
            if excess[v] < 0 {
                distance[v] = 0
                insert(v, 0)
            } else {
                distance[v] = unreached
                if excess[v] > 0 { activeLeft &+= 1 }
            }
        }
        // A settled node's distance is stored as −3 − d, so that "settled" is one test (< 0).
        var bucket = 0
        var reach = 0
        while bucket <= n && activeLeft > 0 {
            let v32 = bucketHead[bucket]
            if v32 < 0 { bucket &+= 1; continue }
            let v = Int(v32)
            remove(v, Int32(truncatingIfNeeded: bucket))
            distance[v] = done &- Int32(truncatingIfNeeded: bucket) &- 1
            reach = bucket
            if excess[v] > 0 { activeLeft &-= 1; if activeLeft == 0 { break } }
            // Residual arcs u → v are the reverses of v's arcs b = v → u with room in the
            // reverse, whose cost is −cost[b]. The length ℓ = ⌊rc/ε⌋ + 1 (0 when rc < 0)
            // improves u's distance exactly when bucket + ℓ < d(u), i.e. when max(rc, −1) <
            // (d(u) − bucket − 1)·ε: one multiplication instead of a division, and (on the
            // reverses' run below) one branch that is rarely taken instead of three that go either
            // way (the tests on room and on d(u) were most of the update's time). Settled nodes (d < 0) never pass it, and
            // d(u) ≤ n + 1 keeps every kept distance ≤ n.
            let pv = price[v]
            let bucket64 = Int64(bucket)
            var b = Int(firstOut[v])
            let split = Int(firstReverse[v]), end = Int(firstOut[v + 1])
            // v's forward arcs v → u: their reverses u → v have room only where the arc carries
            // flow, which few do, so room is tested first (a branch mostly not taken) and the
            // labels of u are read only then.
            while b < split {
                if residual[b] < width[b] {
                    let u = Int(head[b])
                    let du = distance[u]
                    let reduced = max(pv &- cost[b] &- price[u], -1)
                    let slack = (Int64(du) &- bucket64 &- 1) &* epsilon &- reduced
                    if slack > 0 { lower(u, from: du, bucket: bucket64, reduced: reduced) }
                }
                b &+= 1
            }
            // The reverses of the arcs u → v, which mostly have room: one test for both.
            while b < end {
                let u = Int(head[b])
                let du = distance[u]
                let reduced = max(pv &- cost[b] &- price[u], -1)
                let room = width[b] &- residual[b]                        // ≥ 0
                let slack = (Int64(du) &- bucket64 &- 1) &* epsilon &- reduced
                if min(room, slack) > 0 { lower(u, from: du, bucket: bucket64, reduced: reduced) }
                b &+= 1
            }
        }
        // Nodes with excess left unsettled (unreachable, or farther than n) are raised by K·ε
        // like every unsettled node: still ε-optimal; relabels take it from there.
        let ceiling = Int64.max / 4
        let far = Int64(reach) &* epsilon
        for v in 0..<n {
            let d = distance[v]
            let rise = d < 0 ? Int64(done &- 1 &- d) &* epsilon : far
            if rise != 0 {
                let p = price[v] &+ rise
                if p > ceiling { return false }
                price[v] = p
            }
            current[v] = firstOut[v]
        }
        return true
    }

    /// Turns the scaled 1-optimal prices into exact potentials for the real costs (see the top).
    /// False when the correction does not settle, which cannot happen for an optimal flow.
    ///
    /// - Complexity: O(m) for the rounding and a label-correcting pass that is typically short.
    func exactPotentials() -> Bool {
        let n = nodeCount
        for v in 0..<n where excess[v] != 0 { return false }
        let firstOut = self.firstOut, head = self.head
        let cost = self.cost, residual = self.residual, width = self.width, price = self.price
        let scale = self.scale
        // Real potentials P = ⌊π/N⌋, kept in `startPrice`; corrections g ≤ 0 in `excess`.
        let potential = startPrice, correction = excess
        for v in 0..<n {
            let p = price[v]
            potential[v] = p >= 0 ? p / scale : 0 &- ((0 &- p &+ scale &- 1) / scale)
            correction[v] = 0
        }
        // g(u) = min(0, min over residual arcs u→w of (rc_P(u→w) + g(w))). When g(w) drops,
        // the tails u of residual arcs into w are rechecked: they are the heads of w's own
        // arcs whose reverse has room.
        var queueHead = 0, queueTail = 0, queueCount = n
        for v in 0..<n {
            queue[v] = Int32(truncatingIfNeeded: v)
            queued[v] = true
        }
        var dequeued = 0
        let budget = 64 &* n &+ 1024
        while queueCount > 0 {
            let w = Int(queue[queueHead])
            queueHead &+= 1
            if queueHead == n { queueHead = 0 }
            queueCount &-= 1
            queued[w] = false
            dequeued &+= 1
            if dequeued > budget { return false }
            let gw = correction[w], pw = potential[w]
            var b = Int(firstOut[w])
            let end = Int(firstOut[w + 1])
            while b < end {
                if residual[b] < width[b] {      // the arc u → w has room; its cost is −cost[b]
                    let u = Int(head[b])
                    let reduced = (0 &- cost[b]) / scale &- potential[u] &+ pw
                    let candidate = reduced &+ gw
                    if candidate < correction[u] {
                        correction[u] = candidate
                        if !queued[u] {
                            queue[queueTail] = Int32(truncatingIfNeeded: u)
                            queueTail &+= 1
                            if queueTail == n { queueTail = 0 }
                            queueCount &+= 1
                            queued[u] = true
                        }
                    }
                }
                b &+= 1
            }
        }
        for v in 0..<n { potential[v] &+= correction[v] }
        return true
    }

    /// The flows of the active arcs, in the prepared order.
    func activeFlows() -> [Int64] {
        (0..<arcCount).map { residual[Int(reverse[Int(forward[$0])])] }
    }

    /// The exact potentials of the real nodes, after `run` finished.
    func nodePotentials() -> [Int64] {
        Array(UnsafeBufferPointer(start: startPrice, count: nodeCount))
    }
}
