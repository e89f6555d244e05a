import PlacementModel

/// Whole-km distances from postcodes to residence locations, computed ahead for callers that run
/// the engine many times on the same residences: the capacity plan matches every simulated
/// quarter of every run, and the haversines were a tenth of its time. Each entry is
/// `Costing.km(fromPostcode:to:)`, so a run with the table gives exactly the figures of one
/// without; a postcode or location the table lacks is computed as usual.
///
/// Keyed by location, not by residence id: the distance depends on nothing else, and a scenario's
/// new residence with a reused id cannot pick up another's distances.
public struct KilometreTable: Sendable {
    private let columns: [Coordinate: Int]
    /// Per known postcode: the distance to each location, by column.
    private let rows: [Int: [Int]]

    /// - Complexity: O(P × L) haversines for P postcodes and L distinct locations.
    public init(postcodes: some Sequence<Int>, locations: some Sequence<Coordinate>) {
        var columns: [Coordinate: Int] = [:]
        var points: [Coordinate] = []
        for l in locations where columns[l] == nil {
            columns[l] = points.count
            points.append(l)
        }
        let prepared = points.map(Coordinate.Prepared.init)
        var rows: [Int: [Int]] = [:]
        for pc in postcodes where rows[pc] == nil {
            rows[pc] = Costing.km(fromPostcode: pc, to: prepared)
        }
        self.columns = columns
        self.rows = rows
    }

    /// The column of a location, if the table has it.
    public func column(of location: Coordinate) -> Int? { columns[location] }

    /// The distances from a postcode by column, if the table has it (only known postcodes are).
    func row(postcode: Int) -> [Int]? { rows[postcode] }

    /// One postcode's distances, for asking many locations in turn.
    public func from(postcode: Int?) -> FromPostcode {
        FromPostcode(postcode: postcode, row: postcode.flatMap { rows[$0] })
    }

    /// The distances from one postcode: `Costing.km(fromPostcode:to:)`, read from the table where
    /// it has the postcode and the location's column, worked out where it does not.
    public struct FromPostcode: Sendable {
        let postcode: Int?
        let row: [Int]?

        /// The whole km to `location`, whose column in the table is `column` (`column(of:)`,
        /// asked once per location by the caller); nil when the postcode is not known.
        public func km(to location: Coordinate, column: Int?) -> Int? {
            if let row, let column { return row[column] }
            return Costing.km(fromPostcode: postcode, to: location)
        }
    }
}
