import PlacementModel

/// What world to generate. The defaults are the committed demo seeds: Horsens-size (615),
/// today 23 November 2026, two years of history.
public struct WorldSpec: Sendable, Hashable {
    public var seed: UInt64 = 1
    /// The planning area: own residences are run by these municipalities.
    public var municipalities: [Int] = [615]
    /// "Today" of the world; the history lies before it.
    public var asOf: Day = Day(clampedYear: 2026, month: 11, day: 23)
    /// How far back the placement history reaches (at least 1).
    public var historyYears: Int = 2
    /// If set, the whole world is scaled so that citizens.csv has about this many rows.
    public var citizens: Int? = nil

    public init(
        seed: UInt64 = 1, municipalities: [Int] = [615], asOf: Day = Day(clampedYear: 2026, month: 11, day: 23),
        historyYears: Int = 2, citizens: Int? = nil
    ) {
        self.seed = seed
        self.municipalities = municipalities
        self.asOf = asOf
        self.historyYears = historyYears
        self.citizens = citizens
    }

    /// The planning area as generated: each code once, in ascending order (the order of the
    /// output and of the draws, so `[766, 615]` and `[615, 766]` give the same world).
    var planningArea: [Int] { Array(Set(municipalities)).sorted() }

    func validate() throws {
        if municipalities.isEmpty { throw WorldSpecError.noMunicipalities }
        for code in municipalities where ReferenceData.municipalityByCode[code] == nil {
            throw WorldSpecError.unknownMunicipality(code)
        }
        if historyYears < 1 { throw WorldSpecError.historyYears(historyYears) }
        if let n = citizens, n < 1 { throw WorldSpecError.citizens(n) }
    }
}

/// A spec the generator cannot make a world of.
public enum WorldSpecError: Error, Equatable, CustomStringConvertible {
    case noMunicipalities
    case unknownMunicipality(Int)
    case historyYears(Int)
    case citizens(Int)

    public var description: String {
        switch self {
        case .noMunicipalities: "the planning area has no municipality"
        case .unknownMunicipality(let c): "\(c) is not a municipality code"
        case .historyYears(let y): "history years must be at least 1, not \(y)"
        case .citizens(let n): "the number of citizens must be at least 1, not \(n)"
        }
    }
}

/// The key figures of a written world, counted while writing it.
public struct WorldSummary: Sendable, Equatable {
    public var ownResidences = 0
    public var externalResidences = 0
    public var ownPlaces = 0
    public var occupiedOwnPlaces = 0
    public var reservedOwnPlaces = 0
    public var closedOwnPlaces = 0
    public var citizensWaiting = 0
    public var citizensPlacedOwn = 0
    public var citizensPlacedExternal = 0
    public var citizensLeft = 0
    /// Placed citizens whose stay is a bridge while they wait for the granted offer (counted
    /// among the placed, too).
    public var citizensBridging = 0
    /// Rows of placements.csv: stays that ended on or before the world's today.
    public var historyPlacements = 0
    /// The current external stays' daily rates (agreed or the residence's) times 365.
    public var externalAnnualCost = Money.zero

    public init() {}

    /// Rows of citizens.csv.
    public var citizens: Int { citizensWaiting + citizensPlacedOwn + citizensPlacedExternal + citizensLeft }
    /// Own places neither occupied, reserved nor closed.
    public var vacantOwnPlaces: Int { ownPlaces - occupiedOwnPlaces - reservedOwnPlaces - closedOwnPlaces }
}
