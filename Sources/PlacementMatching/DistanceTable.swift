import PlacementModel

/// Whole-km distances from each citizen's network postcode to every residence of a run, computed
/// once per postcode (or read from a `KilometreTable` made ahead). Citizens share a few dozen
/// postcodes, and the options, the place values and the reasons all ask for the same distances
/// again; each is `Costing.km`, so the figures do not change, only how often the haversine is
/// evaluated.
///
/// - Complexity: O(P × R) for P distinct postcodes and R residences.
struct DistanceTable {
    private var byPostcode: [Int: [Int?]] = [:]
    private let residences: [Residence]
    private let unknown: [Int?]
    private let known: KilometreTable?
    /// Per residence: its column in `known`.
    private let columns: [Int?]

    init(residences: [Residence], known: KilometreTable? = nil) {
        self.residences = residences
        self.unknown = Array(repeating: nil, count: residences.count)
        self.known = known
        self.columns = known.map { k in residences.map { k.column(of: $0.location) } } ?? []
    }

    /// The distances of `citizen` to every residence, by residence index.
    mutating func row(for citizen: Citizen) -> [Int?] {
        guard let pc = citizen.networkPostcode, ReferenceData.postcodeByCode[pc] != nil else { return unknown }
        if let memo = byPostcode[pc] { return memo }
        let row: [Int?]
        if let ahead = known?.row(postcode: pc) {
            row = residences.indices.map { r in
                columns[r].map { ahead[$0] } ?? Costing.km(fromPostcode: pc, to: residences[r].location)
            }
        } else {
            row = residences.map { Costing.km(fromPostcode: pc, to: $0.location) }
        }
        byPostcode[pc] = row
        return row
    }
}
