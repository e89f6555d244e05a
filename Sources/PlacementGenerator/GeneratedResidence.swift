import PlacementModel

/// A residence of the generated world: the model value plus what only the generator needs.
struct GeneratedResidence: Sendable {
    var residence: Residence
    /// The written coordinates in hundred-thousandths of a degree; nil writes empty cells
    /// (the importer then takes the postcode's point).
    var latitudeE5: Int?
    var longitudeE5: Int?
    var regionCode: Int
    var specialised: Bool
    /// An own residence under construction: its places are closed until `opensOn`.
    var isNewBuild = false
    /// A feature of an own residence found in only some of its places (flats for couples,
    /// wheelchair-fitted flats), and the share of places that have it. The residence keeps
    /// at least one other feature, so a place without it still has features to write (an
    /// empty cell would mean "the residence's").
    var partialFeature: (feature: Feature, share: Double)? = nil

    var id: String { residence.id }
    var offer: OfferType { residence.offerType }
}
