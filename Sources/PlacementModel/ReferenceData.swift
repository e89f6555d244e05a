
/// The 98 municipalities and 1.089 postcodes with coordinates (shared/data, see
/// ReferenceData/SOURCES.md for sources and licences), compiled into the program.
public enum ReferenceData {
    public static let municipalities: [Municipality] = {
        // Compiled-in data: a row that did not parse would be missing, which the tests' counts
        // (98 municipalities, 1.089 postcodes) catch.
        rows(PackageResources.kommuner_csv).compactMap { f in
            // kommunekode,kommunenavn,fuldt_navn,regionskode,regionsnavn,lat,lon,centroid_paa_land,areal_km2
            guard let code = Int(f[0]), let region = Int(f[3]), let lat = Double(f[5]), let lon = Double(f[6]) else { return nil }
            return Municipality(code: code, name: f[1], regionCode: region, regionName: f[4],
                                centroid: Coordinate(latitude: lat, longitude: lon))
        }
    }()

    public static let postcodes: [Postcode] = {
        rows(PackageResources.postnumre_csv).compactMap { f in
            // postnr,navn,lat,lon,koordinat_kilde,kommunekode,...
            guard let code = Int(f[0]), let lat = Double(f[2]), let lon = Double(f[3]), let municipality = Int(f[5]) else { return nil }
            return Postcode(code: code, name: f[1], point: Coordinate(latitude: lat, longitude: lon),
                            municipalityCode: municipality, isApproximate: f[4] == "naermeste_land")
        }
    }()

    public static let municipalityByCode: [Int: Municipality] =
        Dictionary(uniqueKeysWithValues: municipalities.map { ($0.code, $0) })

    public static let postcodeByCode: [Int: Postcode] =
        Dictionary(uniqueKeysWithValues: postcodes.map { ($0.code, $0) })

    /// A municipality by code (`615`, `0615`) or by name (`Horsens`, `Horsens Kommune`),
    /// ignoring case.
    public static func municipality(named text: String) -> Municipality? {
        // Files nearly always give the code.
        if let code = Int(text) { return municipalityByCode[code] }
        let t = text.split(separator: " ").joined(separator: " ").lowercased()
        if let code = Int(t) { return municipalityByCode[code] }
        let key = t.hasSuffix(" kommune") ? String(t.dropLast(" kommune".count)) : t
        return municipalities.first { $0.name.lowercased() == key }
    }

    /// The simple comma-separated files shipped with the program (no quoting is used in them).
    private static func rows(_ bytes: [UInt8]) -> [[String]] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}
