import Foundation

/// The simulation's random numbers: SplitMix64, seeded per run and per purpose, so a run's
/// draws never depend on which thread ran it or on what other runs drew.
///
/// Streams are keyed by stable hashes (FNV-1a of text, never Swift's per-process `Hasher`),
/// so the same seed gives the same plan in every process, on every machine of this kind.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one purpose of one run: the seed mixed with every key in order.
    public init(seed: UInt64, _ keys: UInt64...) {
        var s = SeededRandom.mix(seed ^ 0x9E37_79B9_7F4A_7C15)
        for k in keys { s = SeededRandom.mix(s ^ SeededRandom.mix(k &+ 0x632B_E59B_D9B4_E019)) }
        state = s
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededRandom.mix(state)
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1]: never 0, so its logarithm is finite.
    mutating func unitOpen() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// An index in `0..<n`, unbiased (Lemire's method through the standard library).
    mutating func index(_ n: Int) -> Int { Int.random(in: 0..<n, using: &self) }

    /// An exponential waiting time with the given mean (in days), as a whole number of days ≥ 1.
    mutating func exponentialDays(mean: Double) -> Int {
        let d = -log(unitOpen()) * mean
        return max(1, Int(min(d, 1_000_000).rounded()))
    }
}

/// FNV-1a, 64 bits: a stable hash of text for stream keys.
public func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01B3
    }
    return h
}
