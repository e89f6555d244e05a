import PlacementModel

/// Whole-km distances from each citizen's network postcode to every residence of a run: read from
/// a `KilometreTable` made ahead when it has the residence, else computed once per postcode and
/// residence, when first asked.
/// Citizens share a few dozen postcodes, and the options, the place values and the reasons all
/// ask for the same distances again; each is `Costing.km`, so the figures do not change, only
/// how often the haversine is evaluated.
///
/// - Complexity: O(R) to set up for R residences; O(1) per postcode with a table that has every
///   residence, else O(R) memory per postcode and one haversine per pair asked.
struct DistanceTable {
    /// One citizen's distances, by residence index.
    enum Row {
        /// The postcode is not known: no distance anywhere.
        case unknown
        /// A `KilometreTable` row and each residence's column in it.
        case ahead([Int], columns: [Int])
        /// Kilometres by residence, each worked out the first time it is asked.
        case computed(LazyKilometres)

        subscript(r: Int) -> Int? {
            switch self {
            case .unknown: nil
            case .ahead(let row, let columns): row[columns[r]]
            case .computed(let row): row[r]
            }
        }
    }

    /// One postcode's distances to every residence of a run, each computed when first asked: a
    /// citizen is asked about the residences its offer type, target groups and support level
    /// admit, a small part of the 8,000 of a national run, and the haversines for all of them
    /// were a sixth of the match. 2 bytes a distance (a national run holds a row for each of
    /// about 1,000 postcodes): no two points on Earth are 32,767 km apart, and a distance that
    /// did not fit would be worked out again each time, never cut. Used by one matcher on one thread.
    final class LazyKilometres {
        private let from: Coordinate.Prepared
        private let locations: [Coordinate.Prepared]
        private let values: UnsafeMutablePointer<Int16>
        private static let notYet = Int16.min

        init(from: Coordinate.Prepared, to locations: [Coordinate.Prepared]) {
            self.from = from
            self.locations = locations
            values = .allocate(capacity: max(1, locations.count))
            values.initialize(repeating: Self.notYet, count: max(1, locations.count))
        }

        deinit { values.deallocate() }

        subscript(r: Int) -> Int {
            precondition(r >= 0 && r < locations.count, "residence index out of range")
            let v = values[r]
            if v != Self.notYet { return Int(v) }
            let km = from.wholeKilometres(to: locations[r])
            if let v = Int16(exactly: km), v != Self.notYet { values[r] = v }
            return km
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
            row = Costing.preparedPostcode(pc).map { .computed(LazyKilometres(from: $0, to: locations)) } ?? .unknown
        }
        byPostcode[pc] = row
        return row
    }
}
