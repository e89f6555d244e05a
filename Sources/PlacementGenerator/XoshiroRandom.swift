/// The generator's only source of randomness: xoshiro256** (Blackman and Vigna, "Scrambled
/// linear pseudorandom number generators", 2018), seeded through SplitMix64.
///
/// Every draw goes through this type's own methods, never the standard library's
/// `random(in:using:)` or `shuffled(using:)`, whose algorithms may change between Swift
/// versions: the same seed must give byte-identical files on every toolchain and platform.
/// Floating point is used only with operations IEEE 754 rounds exactly (+ - * /), see
/// `DeterministicMath`. Named for its algorithm: the capacity plan's `SplitMixRandom` is
/// another one, kept apart so that neither `seeds/` nor a plan changes.
struct XoshiroRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var sm = seed
        s0 = XoshiroRandom.splitMix(&sm)
        s1 = XoshiroRandom.splitMix(&sm)
        s2 = XoshiroRandom.splitMix(&sm)
        s3 = XoshiroRandom.splitMix(&sm)
    }

    /// An independent stream for one purpose (`stream`) of one seed: the world's parts draw
    /// from their own streams, so adding a draw in one part leaves the others unchanged.
    init(seed: UInt64, stream: UInt64) {
        var sm = seed ^ 0x6A09_E667_F3BC_C909
        let a = XoshiroRandom.splitMix(&sm)
        var st = stream &+ 0xBB67_AE85_84CA_A73B
        let b = XoshiroRandom.splitMix(&st)
        self.init(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable 64-bit hash of a number (for values that depend on a code, not on the seed).
    static func hash(_ value: UInt64) -> UInt64 {
        var s = value
        return splitMix(&s)
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    mutating func next() -> UInt64 {
        let result = XoshiroRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = XoshiroRandom.rotl(s3, 45)
        return result
    }

    /// Uniform in `0..<bound` without bias (Lemire's multiply-and-reject).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// Uniform in a closed range of integers.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1), 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn with probability proportional to `weights` (all >= 0, sum > 0).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// An exponentially distributed number with the given mean (inverse transform).
    mutating func exponential(mean: Double) -> Double {
        -mean * DeterministicMath.ln(1 - unit())
    }

    /// `x` rounded up or down at random so that the expected value is `x` (a count scaled
    /// by a fractional size stays right on average).
    mutating func stochasticRound(_ x: Double) -> Int {
        let whole = x.rounded(.down)
        return Int(whole) + (chance(x - whole) ? 1 : 0)
    }

    /// The elements in a random order (Fisher-Yates).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}
