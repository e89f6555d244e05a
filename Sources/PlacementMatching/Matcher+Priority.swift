extension Matcher {
    /// Stage 1 by the greedy rule: citizens in priority order, each kept when it can be placed
    /// together with those kept before it, possibly by moving them to other classes.
    ///
    /// Why this is the flow's answer: the sets of citizens that can be placed together in own
    /// places are the independent sets of a transversal matroid (Edmonds & Fulkerson 1965). The
    /// flow maximises Σ w(c) with distinct weights n, n-1, ..., 1 in priority order; with positive
    /// distinct weights the maximum-weight independent set is unique, and it is the greedy one
    /// (Rado 1957; Edmonds 1971). So both ways give the same set, and stage 2, which only reads
    /// the set, the same proposals.
    ///
    /// "Can be placed together" is decided by an augmenting path (Kuhn's method): from the new
    /// citizen through its classes, on through a full class's occupants to their other classes,
    /// until a class with room. A class with room among the citizen's own options is taken at
    /// once. A class met in a failed search is dead for the rest of the stage: nothing reachable
    /// from it has room, and later moves happen on paths that avoid it, so that stays true.
    ///
    /// - Complexity: O(A) for the failed searches together and O(A) per successful one, for A
    ///   options in all.
    func priorityByAugmentingPaths(_ free: [Int], classCapacity: [Int]) -> Set<Int> {
        // The citizens' classes as one flat list: those of free[p] are classesOf[first[p] ..< first[p + 1]].
        var first = [0], classesOf: [Int] = []
        for c in free {
            for o in ownOptions[c] { classesOf.append(o.cls) }
            first.append(classesOf.count)
        }
        var search = AugmentingSearch(first: first, classesOf: classesOf, room: classCapacity)
        var kept = Set<Int>()
        for p in free.indices where search.place(p) { kept.insert(free[p]) }
        return kept
    }
}

/// The state of stage 1's greedy rule: who is in which class, and which classes are dead.
struct AugmentingSearch {
    let first: [Int]
    let classesOf: [Int]
    var room: [Int]
    /// The citizens (positions) in each class.
    var occupants: [[Int]]
    var dead: [Bool]
    /// Classes met by the current search.
    var seen: [Bool]
    var seenList: [Int] = []

    init(first: [Int], classesOf: [Int], room: [Int]) {
        self.first = first
        self.classesOf = classesOf
        self.room = room
        occupants = Array(repeating: [], count: room.count)
        dead = Array(repeating: false, count: room.count)
        seen = Array(repeating: false, count: room.count)
    }

    /// Places citizen `p` if it can be placed with everyone placed so far; returns whether it was.
    mutating func place(_ p: Int) -> Bool {
        let options = first[p] ..< first[p + 1]
        if options.isEmpty { return false }
        for j in options where room[classesOf[j]] > 0 {
            room[classesOf[j]] -= 1
            occupants[classesOf[j]].append(p)
            return true
        }
        let found = augment(from: p)
        for k in seenList {
            seen[k] = false
            if !found { dead[k] = true }
        }
        seenList.removeAll(keepingCapacity: true)
        return found
    }

    /// Searches an augmenting path from citizen `start` depth first (an explicit stack: a path can
    /// be as long as the waiting list) and, when one ends in a class with room, moves the citizens
    /// along it. Returns whether it did.
    private mutating func augment(from start: Int) -> Bool {
        // The path: each citizen on it, the next of its options to try, the full class being tried
        // and its next occupant, and the class the citizen would leave (-1 for the new citizen).
        struct Step { let citizen: Int; var option: Int; var full = -1; var occupant = 0; let leaves: Int }
        var path = [Step(citizen: start, option: first[start], leaves: -1)]
        while let step = path.last {
            let top = path.count - 1
            if step.full >= 0 && step.occupant < occupants[step.full].count {
                path[top].occupant += 1
                let next = occupants[step.full][step.occupant]
                path.append(Step(citizen: next, option: first[next], leaves: step.full))
                continue
            }
            guard step.option < first[step.citizen + 1] else {
                path.removeLast()
                continue
            }
            path[top].option += 1
            path[top].full = -1
            let k = classesOf[step.option]
            guard !seen[k] && !dead[k] else { continue }
            seen[k] = true
            seenList.append(k)
            if room[k] > 0 {
                // Found: the last citizen moves into k, each one before it into the class the next leaves.
                room[k] -= 1
                var into = k
                for s in path.reversed() {
                    if s.leaves >= 0 { occupants[s.leaves].removeAll { $0 == s.citizen } }
                    occupants[into].append(s.citizen)
                    into = s.leaves
                }
                return true
            }
            path[top].full = k
            path[top].occupant = 0
        }
        return false
    }
}
