import PlacementModel

/// Daily rates as the municipalities' rate sheets have them: a base by offer type, rising
/// with the support level the residence is built for, more for shielded units and complex
/// target groups, a little more from private and regional operators. Ordinary residence
/// places land at 1.200-3.500 kr., the most complex at 5.500-7.500 kr. (above 2 mio. kr. a
/// year: "særligt dyre enkeltsager").
enum DailyRates {
    static func base(_ offer: OfferType) -> (base: Double, perLevel: Double) {
        switch offer {
        case .abl105: (1_150, 420)
        case .sel108: (1_550, 450)
        case .sel107: (1_500, 450)
        case .sel110: (850, 150)
        case .sel103: (380, 60)
        case .sel104: (480, 110)
        case .sel85: (600, 200)
        }
    }

    static func rate(_ offer: OfferType, groups: TargetGroups, support: ClosedRange<Int>, features: Features,
                     operator op: OperatorKind, specialised: Bool, rng: inout XoshiroRandom) -> Money {
        let (base, perLevel) = base(offer)
        var kr = base + perLevel * Double(support.upperBound - 1)
        if offer.isResidential {
            if features.contains(.shielded) { kr += 1_100 }
            if specialised { kr += 800 }
            if groups.contains(.dualDiagnosis) { kr += 350 }
            if groups.contains(.acquiredBrainInjury) { kr += 250 }
            if groups.contains(.autism) && support.upperBound >= 4 { kr += 250 }
            if features.contains(.wheelchair) { kr += 120 }
        }
        switch op {
        case .private: kr *= 1.08
        case .regional: kr *= 1.12
        case .own, .municipal: break
        }
        kr *= 0.9 + 0.25 * rng.unit()
        // Rate sheets give whole kroner, some with 25/50/75 øre.
        let whole = Int64(kr)
        let ore: Int64 = rng.chance(0.25) ? Int64(rng.int(1...3)) * 25 : 0
        return Money(ore: whole * 100 + ore)
    }

    /// The rate some years before today: rates rise about 3 % a year.
    static func deflated(_ rate: Money, yearsBefore: Double) -> Money {
        var factor = 1.0
        var y = yearsBefore
        while y >= 1 { factor /= 1.03; y -= 1 }
        factor /= 1 + 0.03 * y
        return Money(ore: Int64((Double(rate.ore) * factor / 100).rounded()) * 100)
    }
}
