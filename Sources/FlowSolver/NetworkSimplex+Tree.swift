extension NetworkSimplex {
    /// Replaces the leaving arc `pred[uOut]` by the entering arc `e = (uIn, vIn)` in the tree.
    ///
    /// The subtree S below the leaving arc contains `uIn`. The stem is the tree path
    /// `uIn = s₀, s₁ = parent(s₀), …, s_k = uOut`. Afterwards S is rooted at `uIn`, hangs below
    /// `vIn`, and every stem arc is reversed (`parent(s_i) = s_{i-1}`).
    ///
    /// The preorder thread of the new S is, block by block, `[s₀'s old subtree]`, then for each
    /// i ≥ 1 the old subtree of s_i without that of s_{i-1}, which is two stretches of the old
    /// thread: from s_i to the node just before s_{i-1}, and from just after s_{i-1}'s subtree to
    /// the end of s_i's subtree (empty when both subtrees end together). So only O(k) thread
    /// links change. S is cut out of the thread and spliced back in right after `vIn`.
    ///
    /// - Complexity: O(k + d'), k the stem length and d' the ancestors whose subtree ends at a
    ///   changed place (bounded by the depth).
    @inline(__always)
    func updateTree(entering e: Int, uIn: Int, vIn: Int, uOut: Int, join: Int) {
        let parent = self.parent, pred = self.pred, predDir = self.predDir
        let thread = self.thread, revThread = self.revThread
        let succNum = self.succNum, lastSucc = self.lastSucc
        let stemNode = self.stemNode, stemLast = self.stemLast
        let stemRev = self.stemRev, stemAfter = self.stemAfter

        // 1. Record the stem and its old thread data before any link changes.
        var k = 0
        var s = uIn
        while true {
            let last = lastSucc[s]
            stemNode[k] = Int32(truncatingIfNeeded: s)
            stemLast[k] = last
            stemRev[k] = revThread[s]
            stemAfter[k] = thread[Int(last)]
            if s == uOut { break }
            s = Int(parent[s])
            k &+= 1
        }
        let vOut = Int(parent[uOut])
        let movedCount = succNum[uOut]

        // 2. Cut S out of the thread; ancestors whose subtree ended with S now end before it.
        let before = stemRev[k], after = stemAfter[k], oldLast = stemLast[k]
        thread[Int(before)] = after
        revThread[Int(after)] = before
        var w = vOut
        while w >= 0 && lastSucc[w] == oldLast {
            lastSucc[w] = before
            w = Int(parent[w])
        }

        // 3. Relink S in its new preorder (see above).
        var tail = stemLast[0]
        var i = 1
        while i <= k {
            let node = stemNode[i]
            thread[Int(tail)] = node
            revThread[Int(node)] = tail
            tail = stemRev[i - 1]
            if stemLast[i] != stemLast[i - 1] {
                let start = stemAfter[i - 1]
                thread[Int(tail)] = start
                revThread[Int(start)] = tail
                tail = stemLast[i]
            }
            i &+= 1
        }
        let newLast = tail

        // 4. Splice S in right after vIn; ancestors whose subtree ended at vIn now end with S.
        let uIn32 = Int32(truncatingIfNeeded: uIn), vIn32 = Int32(truncatingIfNeeded: vIn)
        let next = thread[vIn]
        thread[vIn] = uIn32
        revThread[uIn] = vIn32
        thread[Int(newLast)] = next
        revThread[Int(next)] = newLast
        w = vIn
        while w >= 0 && lastSucc[w] == vIn32 {
            lastSucc[w] = newLast
            w = Int(parent[w])
        }

        // 5. Subtree sizes outside S change only between the moved ends and the join.
        w = vOut
        while w != join {
            succNum[w] &-= movedCount
            w = Int(parent[w])
        }
        w = vIn
        while w != join {
            succNum[w] &+= movedCount
            w = Int(parent[w])
        }

        // 6. Reverse the stem, from s_k down to s_1, reading s_{i-1}'s old data before it changes.
        var belowSize: Int32 = 0
        i = k
        while i >= 1 {
            let node = Int(stemNode[i]), child = Int(stemNode[i - 1])
            let size = succNum[node] &- succNum[child] &+ belowSize
            parent[node] = Int32(truncatingIfNeeded: child)
            pred[node] = pred[child]
            predDir[node] = 0 &- predDir[child]
            succNum[node] = size
            lastSucc[node] = newLast
            belowSize = size
            i &-= 1
        }
        parent[uIn] = vIn32
        pred[uIn] = Int32(truncatingIfNeeded: e)
        predDir[uIn] = Int(source[e]) == uIn ? Self.up : Self.down
        succNum[uIn] = movedCount
        lastSucc[uIn] = newLast
    }
}
