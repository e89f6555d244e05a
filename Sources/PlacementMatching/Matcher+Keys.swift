import PlacementModel

extension Matcher {
    /// Vacant places that count together: the same residence, features and first free day.
    struct ClassKey: Hashable {
        let residence: Int
        let features: Features
        let availableFrom: Day
    }

    /// Citizens of the cost stage that are interchangeable: placed own (or not) with the same
    /// options at the same costs. A flat list of (target, cost) pairs, in option order.
    ///
    /// A citizen can have hundreds of options, and a key is hashed on lookup and again on insert,
    /// so the hash is worked out once (FNV-1a over the pairs) and equality still compares them all.
    struct OptionsKey: Hashable {
        let own: Bool
        let arcs: [Int64]
        let digest: UInt64

        init(own: Bool, arcs: [(Int, Int64)]) {
            self.own = own
            var flat: [Int64] = []
            flat.reserveCapacity(2 * arcs.count)
            var h: UInt64 = own ? 0xcbf2_9ce4_8422_2326 : 0x8422_2325_cbf2_9ce4
            for (target, cost) in arcs {
                flat.append(Int64(target))
                flat.append(cost)
                h = (h ^ UInt64(truncatingIfNeeded: target)) &* 0x0000_0100_0000_01b3
                h = (h ^ UInt64(bitPattern: cost)) &* 0x0000_0100_0000_01b3
            }
            self.arcs = flat
            self.digest = h
        }

        static func == (a: OptionsKey, b: OptionsKey) -> Bool { a.digest == b.digest && a.own == b.own && a.arcs == b.arcs }
        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// Citizens interchangeable for the place values: the same options at the same costs, and
    /// the same everything that makes their cost differ at a new place (an unknown birth year,
    /// postcode or distance limit counts as 0, as it always has).
    struct PlaceValueKey: Hashable {
        let options: OptionsKey
        let offerType: OfferType
        let targetGroups: TargetGroups
        let supportLevel: Int
        let requiredFeatures: Features
        let birthYear: Int
        let networkPostcode: Int
        let maxDistanceKm: Int
        let excludedResidences: [String]
        let preferredResidences: [String]

        init(arcs: [(Int, Int64)], citizen c: Citizen) {
            options = OptionsKey(own: false, arcs: arcs)
            offerType = c.offerType
            targetGroups = c.targetGroups
            supportLevel = c.supportLevel
            requiredFeatures = c.requiredFeatures
            birthYear = c.birthYear ?? 0
            networkPostcode = c.networkPostcode ?? 0
            maxDistanceKm = c.maxDistanceKm ?? 0
            excludedResidences = c.excludedResidences
            preferredResidences = c.preferredResidences
        }
    }
}
