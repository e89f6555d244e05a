import PlacementModel

extension Matcher {
    /// Vacant places that count together: the same residence, features and first free day.
    struct ClassKey: Hashable {
        let residence: Int
        let features: Features
        let availableFrom: Day
    }

    /// Citizens of the cost stage that are interchangeable: placed own (or not) with the same
    /// options at the same costs: the same (class, objective) pairs of own options, then the same
    /// (residence, objective) pairs of external ones, in option order.
    ///
    /// The key holds the citizen's option lists as slices of `OptionLists` (no copy: a national
    /// run's keys held 30 MB of copied pairs). A citizen can have hundreds of options, and a key
    /// is hashed on lookup and again on insert, so the hash is worked out once (FNV-1a over the
    /// pairs) and equality still compares them all.
    struct OptionsKey: Hashable {
        let own: Bool
        let ownOptions: ArraySlice<OwnOption>
        let extOptions: ArraySlice<ExtOption>
        let digest: UInt64

        /// A citizen of the cost stage: with its own options when it is placed own, else its external ones.
        init(own: Bool, ownOptions: ArraySlice<OwnOption>, extOptions: ArraySlice<ExtOption>) {
            self.init(own: own, own ? ownOptions : [], own ? [] : extOptions)
        }

        /// Both lists (the place values' problem offers every option).
        init(own: Bool, _ ownOptions: ArraySlice<OwnOption>, _ extOptions: ArraySlice<ExtOption>) {
            self.own = own
            self.ownOptions = ownOptions
            self.extOptions = extOptions
            var h: UInt64 = own ? 0xcbf2_9ce4_8422_2326 : 0x8422_2325_cbf2_9ce4
            func mix(_ target: Int, _ cost: Int64) {
                h = (h ^ UInt64(truncatingIfNeeded: target)) &* 0x0000_0100_0000_01b3
                h = (h ^ UInt64(bitPattern: cost)) &* 0x0000_0100_0000_01b3
            }
            for o in ownOptions { mix(o.cls, o.cost.objective) }
            for o in extOptions { mix(~o.res, o.cost.objective) }
            digest = h
        }

        static func == (a: OptionsKey, b: OptionsKey) -> Bool {
            a.digest == b.digest && a.own == b.own
                && a.ownOptions.elementsEqual(b.ownOptions) { $0.cls == $1.cls && $0.cost.objective == $1.cost.objective }
                && a.extOptions.elementsEqual(b.extOptions) { $0.res == $1.res && $0.cost.objective == $1.cost.objective }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// Citizens interchangeable for the place values: the same options at the same costs, and
    /// the same everything that makes their cost differ at a new place (an unknown birth year,
    /// postcode or distance limit counts as 0, as it always has). Own and external options are
    /// compared list by list: own targets (place classes) all come before external ones in the
    /// problem, so that says what comparing the joined lists said.
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

        init(ownOptions: ArraySlice<OwnOption>, extOptions: ArraySlice<ExtOption>, citizen c: Citizen) {
            options = OptionsKey(own: false, ownOptions, extOptions)
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

        /// The options' digest and the numbers, not the lists of ids: citizens with the same
        /// options rarely differ in anything else, and a key is hashed on lookup and on insert
        /// (equality still compares every field).
        func hash(into hasher: inout Hasher) {
            hasher.combine(options.digest)
            hasher.combine(supportLevel)
            hasher.combine(birthYear)
            hasher.combine(networkPostcode)
        }
    }
}
