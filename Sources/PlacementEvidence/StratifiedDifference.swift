/// The difference in an outcome between a group and everyone else, compared only within the
/// same stratum (offer type and support level), so that a group does not look worse merely
/// because more of its members need a scarce kind of place.
///
/// Each stratum's difference of means is weighted by how many of the group's members it holds
/// (the group's own mix of strata, "direct standardisation" on the group). Strata where either
/// side has no case cannot be compared and are left out; `matched` says how many of the
/// group's cases were compared.
struct StratifiedDifference: Equatable, Sendable {
    /// One stratum: the group's outcomes and the others' outcomes.
    struct Stratum: Equatable, Sendable {
        var group: [Double]
        var others: [Double]
    }

    /// The group's weighted mean, the others' mean with the same weights, and their difference.
    var groupMean: Double
    var othersMean: Double
    var difference: Double { groupMean - othersMean }
    /// The group's cases in strata that also hold others.
    var matched: Int
    /// The others' cases in those strata.
    var othersMatched: Int

    /// nil when no stratum holds both sides.
    init?(_ strata: [Stratum]) {
        let comparable = strata.filter { !$0.group.isEmpty && !$0.others.isEmpty }
        let n = comparable.reduce(0) { $0 + $1.group.count }
        guard n > 0 else { return nil }
        var g = 0.0, o = 0.0
        for s in comparable {
            let w = Double(s.group.count) / Double(n)
            g += w * Self.mean(s.group)
            o += w * Self.mean(s.others)
        }
        groupMean = g
        othersMean = o
        matched = n
        othersMatched = comparable.reduce(0) { $0 + $1.others.count }
    }

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    /// The plain difference of means over all strata, for showing what the adjustment changes.
    static func unadjusted(_ strata: [Stratum]) -> Double? {
        let g = strata.flatMap(\.group), o = strata.flatMap(\.others)
        guard !g.isEmpty, !o.isEmpty else { return nil }
        return mean(g) - mean(o)
    }

    /// A percentile bootstrap interval of the difference: each resample draws, within every
    /// comparable stratum and side, as many cases as it holds, with replacement. Seeded, so the
    /// same data and seed give the same interval.
    static func interval<R: RandomNumberGenerator>(
        _ strata: [Stratum], resamples: Int, level: Double, using random: inout R
    ) -> ClosedRange<Double>? {
        let comparable = strata.filter { !$0.group.isEmpty && !$0.others.isEmpty }
        guard !comparable.isEmpty, resamples > 0 else { return nil }
        func draw(_ xs: [Double]) -> [Double] { xs.map { _ in xs[Int.random(in: 0..<xs.count, using: &random)] } }
        var differences: [Double] = []
        differences.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let resample = comparable.map { Stratum(group: draw($0.group), others: draw($0.others)) }
            if let d = StratifiedDifference(resample) { differences.append(d.difference) }
        }
        differences.sort()
        let tail = (1 - level) / 2
        // The order statistics that cut off `tail` on each side (nearest rank).
        let lo = Int((tail * Double(differences.count)).rounded(.down))
        let hi = max(lo, Int(((1 - tail) * Double(differences.count)).rounded(.up)) - 1)
        return differences[min(lo, differences.count - 1)]...differences[min(hi, differences.count - 1)]
    }
}
