/// Priority among waiting citizens: urgency in the policy's order, then the longest wait
/// (earliest referral), then citizen id for a stable order.
public struct Priority: Sendable {
    let rank: [Urgency: Int]

    public init(policy: MatchPolicy) {
        var r: [Urgency: Int] = [:]
        for (i, u) in policy.urgencyOrder.enumerated() { r[u] = i }
        rank = r
    }

    /// The place of `urgency` in the policy's order, 0 first (an urgency the order lacks comes last).
    public func rank(_ urgency: Urgency) -> Int { rank[urgency] ?? 9 }

    public func ordered(_ citizens: [Citizen]) -> [Citizen] {
        // Sorts positions by keys read once: the same comparisons as sorting the citizens
        // themselves, so the same order, without moving whole citizens around.
        let urgency = citizens.map { rank($0.urgency) }
        let referred = citizens.map { $0.referredOn ?? Day(daysSinceEpoch: .max) }
        let ids = citizens.map(\.id)
        return citizens.indices.sorted { a, b in
            if urgency[a] != urgency[b] { return urgency[a] < urgency[b] }
            if referred[a] != referred[b] { return referred[a] < referred[b] }
            return ids[a] < ids[b]
        }.map { citizens[$0] }
    }
}
