#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in WGS84 decimal degrees.
public struct Coordinate: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
    /// Distance is not money, so floating point is fine here; costs per km are computed
    /// from the whole number of kilometres (`wholeKilometres(to:)`).
    public func kilometres(to other: Coordinate) -> Double {
        Prepared(self).kilometres(to: Prepared(other))
    }

    /// A coordinate with the cosine of its latitude worked out, for one point measured against
    /// many: a national match measures a thousand postcodes against eight thousand residences.
    /// The arithmetic is the same, operation for operation, so the distances are bit for bit
    /// those of `kilometres(to:)`.
    public struct Prepared: Sendable {
        public let point: Coordinate
        let cosLatitude: Double

        public init(_ point: Coordinate) {
            self.point = point
            cosLatitude = cos(point.latitude * (Double.pi / 180))
        }

        public func kilometres(to other: Prepared) -> Double {
            let r = 6371.0088
            let rad = Double.pi / 180
            let sinHalfLat = sin((other.point.latitude - point.latitude) * rad / 2)
            let sinHalfLon = sin((other.point.longitude - point.longitude) * rad / 2)
            let a = sinHalfLat * sinHalfLat + cosLatitude * other.cosLatitude * sinHalfLon * sinHalfLon
            return 2 * r * asin(min(1, a.squareRoot()))
        }

        public func wholeKilometres(to other: Prepared) -> Int { Int(kilometres(to: other).rounded()) }
    }

    /// The distance rounded to whole kilometres: what a planner sees and what is priced.
    public func wholeKilometres(to other: Coordinate) -> Int { Int(kilometres(to: other).rounded()) }
}

/// One of the 98 municipalities (`kommuner.csv`).
public struct Municipality: Hashable, Sendable, Codable {
    public var code: Int
    public var name: String
    public var regionCode: Int
    public var regionName: String
    public var centroid: Coordinate

    public init(code: Int, name: String, regionCode: Int, regionName: String, centroid: Coordinate) {
        self.code = code
        self.name = name
        self.regionCode = regionCode
        self.regionName = regionName
        self.centroid = centroid
    }
}

/// A Danish postcode with its reference point and primary municipality (`postnumre.csv`).
public struct Postcode: Hashable, Sendable, Codable {
    public var code: Int
    public var name: String
    public var point: Coordinate
    public var municipalityCode: Int
    /// Rough coordinates (`naermeste_land`) are flagged so distances from them are read with care.
    public var isApproximate: Bool

    public init(code: Int, name: String, point: Coordinate, municipalityCode: Int, isApproximate: Bool) {
        self.code = code
        self.name = name
        self.point = point
        self.municipalityCode = municipalityCode
        self.isApproximate = isApproximate
    }
}
