import GRDB
import PlacementModel

/// Who lives in which place on a day, from the stays covering it (`Placements.on`, the store's
/// one placed-on-day rule): a place's state that day (`state(…)`, by `PlaceStatus.onDay`), its
/// occupant, and the stays that hold no place (bought ones), for the pages that list places.
public struct PlaceOccupancy: Sendable {
    struct PlaceKey: Hashable, Sendable {
        let residenceId: String
        let placeId: String
    }

    /// The places a stay covers, a citizen's of ours or of someone outside the planning area.
    private var covered: Set<PlaceKey> = []
    /// The citizen of ours living in each place.
    private var occupants: [PlaceKey: String] = [:]
    /// The stays with no place, by residence.
    public private(set) var staysWithoutPlace: [String: Int] = [:]

    public static func on(_ db: Database, _ day: Day) throws -> PlaceOccupancy {
        var o = PlaceOccupancy()
        for stay in try Placements.on(db, day) {
            guard let placeId = stay.placeId else { o.staysWithoutPlace[stay.residenceId, default: 0] += 1; continue }
            let key = PlaceKey(residenceId: stay.residenceId, placeId: placeId)
            o.covered.insert(key)
            if let c = stay.citizenId, o.occupants[key] == nil { o.occupants[key] = c }
        }
        return o
    }

    /// The place's state on the day, from its mark and whether a stay covers it.
    public func state(residenceId: String, placeId: String, marked: PlaceStatus) -> PlaceStatus {
        PlaceStatus.onDay(marked: marked, covered: covered.contains(PlaceKey(residenceId: residenceId, placeId: placeId)))
    }

    /// The citizen of ours living in the place on the day (nil: nobody, or someone from outside the area).
    public func occupant(residenceId: String, placeId: String) -> String? {
        occupants[PlaceKey(residenceId: residenceId, placeId: placeId)]
    }
}
