import PlacementModel

/// Whole-km distances from each citizen's network postcode to every residence of a run: read from
/// a `KilometreTable` made ahead when it has the residence, else computed once per postcode.
/// Citizens share a few dozen postcodes, and the options, the place values and the reasons all
/// ask for the same distances again; each is `Costing.km`, so the figures do not change, only
/// how often the haversine is evaluated.
///
/// - Complexity: O(R) to set up for R residences; O(1) per postcode with a table that has every
///   residence, else O(R) per postcode.
struct DistanceTable {
    /// One citizen's distances, by residence index.
    enum Row {
        /// The postcode is not known: no distance anywhere.
        case unknown
        /// A `KilometreTable` row and each residence's column in it.
        case ahead([Int], columns: [Int])
        /// Kilometres by residence, -1 where there is none. 4 bytes a distance rather than the 16
        /// of an `Int?`: a national run holds a row for each of 1,089 postcodes × 8,000 residences.
        case computed([Int32])

        subscript(r: Int) -> Int? {
            switch self {
            case .unknown: nil
            case .ahead(let row, let columns): row[columns[r]]
            case .computed(let row): row[r] < 0 ? nil : Int(row[r])
            }
        }
    }

    private var byPostcode: [Int: Row] = [:]
    private let locations: [Coordinate.Prepared]
    private let known: KilometreTable?
    /// Each residence's column in `known`; nil unless it has them all.
    private let columns: [Int]?

    init(residences: [Residence], known: KilometreTable? = nil) {
        locations = residences.map { Coordinate.Prepared($0.location) }
        self.known = known
        let columns = known.map { k in residences.map { k.column(of: $0.location) ?? -1 } }
        self.columns = columns?.contains(-1) == false ? columns : nil
    }

    /// The distances of `citizen` to every residence, by residence index.
    mutating func row(for citizen: Citizen) -> Row {
        guard let pc = citizen.networkPostcode, ReferenceData.postcodeByCode[pc] != nil else { return .unknown }
        if let memo = byPostcode[pc] { return memo }
        let row: Row
        if let columns, let ahead = known?.row(postcode: pc) {
            row = .ahead(ahead, columns: columns)
        } else {
            row = (Costing.km(fromPostcode: pc, to: locations)?.map(Int32.init)).map(Row.computed) ?? .unknown
        }
        byPostcode[pc] = row
        return row
    }
}
