/// A figure over the simulated runs: the median and the 10 % and 90 % quantiles.
///
/// Exact order statistics on integers (nearest rank, no interpolation): with the n values
/// sorted, the p-quantile is the value at rank ⌈p·n⌉. So every figure shown is a value one of
/// the runs actually had, and the same runs always give the same band.
public struct Band: Hashable, Sendable, Codable {
    public var low: Int64
    public var median: Int64
    public var high: Int64

    public init(low: Int64, median: Int64, high: Int64) {
        self.low = low
        self.median = median
        self.high = high
    }

    /// A figure that does not vary between runs.
    public init(exactly value: Int64) { self.init(low: value, median: value, high: value) }

    public var isExact: Bool { low == high }

    public static let zero = Band(exactly: 0)
}

public enum Quantiles {
    /// The nearest-rank p-quantile (p = percent / 100) of sorted values.
    public static func nearestRank(sorted values: [Int64], percent: Int) -> Int64 {
        precondition(!values.isEmpty && (0...100).contains(percent))
        // rank = ceil(percent * n / 100), at least 1.
        let rank = max(1, (percent * values.count + 99) / 100)
        return values[rank - 1]
    }

    /// Median and 10-90 % band of the values (any order).
    public static func band(_ values: [Int64]) -> Band {
        guard !values.isEmpty else { return .zero }
        let s = values.sorted()
        return Band(low: nearestRank(sorted: s, percent: 10), median: nearestRank(sorted: s, percent: 50),
                    high: nearestRank(sorted: s, percent: 90))
    }
}
