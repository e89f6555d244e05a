import PlacementModel

/// How big each municipality's world is, relative to Horsens (615, exactly 1.0).
///
/// The choice: the largest cities and the smallest islands get their approximate population
/// relative to Horsens (about 98.000 inhabitants); every other municipality gets a factor
/// between 0.3 and 1.0 drawn from a hash of its code (log-uniform), the same for every seed
/// so that a municipality keeps its size when only the seed changes. Area is no guide here
/// (Copenhagen has 90 km², Ringkøbing-Skjern 1.494 km²). A national world sums to about 70
/// Horsens, roughly Denmark's population.
enum MunicipalitySize {
    static let known: [Int: Double] = [
        615: 1.0,
        101: 6.6, 751: 3.7, 461: 2.1, 851: 2.2, 561: 1.2, 630: 1.2, 147: 1.05, 621: 0.95, 730: 0.98,
        740: 1.0, 791: 0.98, 657: 0.9, 265: 0.9,
        825: 0.02, 563: 0.035, 741: 0.04, 492: 0.06,
    ]

    static func base(_ code: Int) -> Double {
        if let k = known[code] { return k }
        let u = Double(XoshiroRandom.hash(UInt64(code) &+ 0x5157) >> 11) * 0x1.0p-53
        // Log-uniform in [0.3, 1.0]: 0.3 · (1/0.3)^u.
        return 0.3 * DeterministicMath.exp(u * DeterministicMath.ln(1.0 / 0.3))
    }
}
