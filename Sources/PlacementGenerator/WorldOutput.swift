import Foundation
import PlacementModel

/// A citizen's current stay as written in citizens.csv.
struct CurrentStay {
    var residenceId: String
    var placeId: String?
    var placedOn: Day
    var leavesOn: Day?
}

/// A finished stay as written in placements.csv: the row the importer reads back.
typealias PastStay = PastStayRow

/// The four files of a world being written, the citizen numbering and the running summary.
final class WorldOutput {
    // The header of each file: the importer's columns (`SheetColumns`), all but the name.
    static let residenceColumns = SheetColumns.residences.map(\.name)
    static let placeColumns = SheetColumns.places.map(\.name)
    static let citizenColumns = SheetColumns.citizens.map(\.name).filter { $0 != SheetColumns.citizenName }
    static let placementColumns = SheetColumns.placements.map(\.name)

    static let fileNames = ["residences.csv", "places.csv", "citizens.csv", "placements.csv"]

    private let residences: CSVFileWriter
    private let places: CSVFileWriter
    private let citizens: CSVFileWriter
    private let placements: CSVFileWriter
    private(set) var summary = WorldSummary()
    private var lastCitizenNumber = 0

    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        residences = try CSVFileWriter(url: directory.appendingPathComponent(Self.fileNames[0]), header: Self.residenceColumns)
        places = try CSVFileWriter(url: directory.appendingPathComponent(Self.fileNames[1]), header: Self.placeColumns)
        citizens = try CSVFileWriter(url: directory.appendingPathComponent(Self.fileNames[2]), header: Self.citizenColumns)
        placements = try CSVFileWriter(url: directory.appendingPathComponent(Self.fileNames[3]), header: Self.placementColumns)
    }

    func close() throws {
        try residences.close()
        try places.close()
        try citizens.close()
        try placements.close()
    }

    /// The next pseudonymous case number: `B` and seven digits (more past ten million),
    /// never ten digits, so it can never be taken for a CPR number.
    func nextCitizenId() -> String {
        lastCitizenNumber += 1
        return "B" + ResidenceCatalogue.pad(lastCitizenNumber, 7)
    }

    func write(_ g: GeneratedResidence) throws {
        let r = g.residence
        try residences.row { w in
            w.plain(r.id)
            w.field(r.name)
            w.plain(r.operatorKind.rawValue)
            w.field(r.municipalityCode)
            w.field(r.postcode)
            if let la = g.latitudeE5, let lo = g.longitudeE5 {
                w.plain(CanonicalCSV.degrees(e5: la))
                w.plain(CanonicalCSV.degrees(e5: lo))
            } else {
                w.empty()
                w.empty()
            }
            w.plain(r.offerType.rawValue)
            w.plain(CanonicalCSV.list(r.targetGroups))
            w.field(r.supportLevels.lowerBound)
            w.field(r.supportLevels.upperBound)
            w.plain(CanonicalCSV.list(r.features))
            w.field(r.ageRange.map(\.lowerBound))
            w.field(r.ageRange.flatMap { $0.upperBound < 130 ? $0.upperBound : nil })
            w.field(r.places)
            w.field(r.dailyRate)
            w.field(r.variableDailyCost)
            w.field(r.opensOn)
            w.field(r.closesOn)
        }
        if r.isOwn { summary.ownResidences += 1 } else { summary.externalResidences += 1 }
    }

    /// A place of an own residence; `features` only when they differ from the residence's.
    /// `confirmedOn`: the day the vacancy was last confirmed (vacant places only).
    func writePlace(residenceId: String, placeId: String, features: Features?, status: PlaceStatus, availableFrom: Day?,
                    confirmedOn: Day? = nil) throws {
        try places.row { w in
            w.plain(placeId)
            w.plain(residenceId)
            if let features { w.plain(CanonicalCSV.list(features)) } else { w.empty() }
            w.plain(status.rawValue)
            w.field(availableFrom)
            w.field(confirmedOn)
        }
        summary.ownPlaces += 1
        switch status {
        case .occupied: summary.occupiedOwnPlaces += 1
        case .reserved: summary.reservedOwnPlaces += 1
        case .closed: summary.closedOwnPlaces += 1
        case .vacant: break
        }
    }

    /// A citizen row. `stay` for placed citizens; `external` says where the stay is (for the
    /// summary and the open_to_move column, which is written for external stays only).
    /// `bridging`: the stay is a bridge (overgangsophold) while the citizen waits for the
    /// granted offer, written as `yes` in the bridging column.
    func write(_ c: Citizen, stay: CurrentStay?, external: Bool = false, residenceRate: Money? = nil, bridging: Bool = false) throws {
        try citizens.row { w in
            w.plain(c.id)
            w.field(c.birthYear)
            w.field(c.homeMunicipalityCode)
            w.field(c.networkPostcode)
            w.plain(CanonicalCSV.list(c.targetGroups))
            w.plain(c.offerType.rawValue)
            w.field(c.supportLevel)
            w.plain(CanonicalCSV.list(c.requiredFeatures))
            w.plain(c.status.rawValue)
            w.plain(stay?.residenceId ?? "")
            w.plain(stay?.placeId ?? "")
            w.field(stay?.placedOn)
            w.field(stay?.leavesOn)
            w.field(c.agreedDailyRate)
            w.field(c.referredOn)
            w.field(c.neededBy)
            if c.status == .waiting { w.plain(c.urgency.rawValue) } else { w.empty() }
            if external && c.status == .placed { w.field(c.openToMove) } else { w.empty() }
            w.plain(c.preferredResidences.joined(separator: "|"))
            w.plain(c.excludedResidences.joined(separator: "|"))
            w.field(c.maxDistanceKm)
            if bridging { w.plain("yes") } else { w.empty() }
        }
        if bridging { summary.citizensBridging += 1 }
        switch c.status {
        case .waiting: summary.citizensWaiting += 1
        case .left: summary.citizensLeft += 1
        case .placed:
            if external {
                summary.citizensPlacedExternal += 1
                summary.externalAnnualCost += (c.agreedDailyRate ?? residenceRate ?? .zero).perYear
            } else {
                summary.citizensPlacedOwn += 1
            }
        }
    }

    func write(_ s: PastStay) throws {
        try placements.row { w in
            w.plain(s.citizenId)
            w.plain(s.residenceId)
            w.plain(s.placeId ?? "")
            w.field(s.placedOn)
            w.field(s.leftOn)
            w.field(s.dailyRate)
            w.field(s.referredOn)
        }
        summary.historyPlacements += 1
    }
}
