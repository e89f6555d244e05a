import PlacementModel
import PlacementStore

/// An outcome the equity audit compares between groups.
public enum EquityOutcome: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    /// Days from referral to moving in, for waits that ended in a placement in the period.
    case waitDays = "wait_days"
    /// Share of those placements in a residence within the planning area.
    case placedLocally = "placed_locally"
    /// Whole km from the citizen's network postcode to the residence moved into.
    case distanceKm = "distance_km"
    /// Share of those placements bought from another operator.
    case boughtExternally = "bought_externally"
    /// Share of the citizens proposed a residence whom a provider declined.
    case declinedByProvider = "declined_by_provider"

    /// Shown as a percentage (a mean of 0 and 1) rather than a number.
    public var isShare: Bool { self == .placedLocally || self == .boughtExternally || self == .declinedByProvider }

    /// A higher value is the worse outcome for the citizen.
    public var higherIsWorse: Bool { self != .placedLocally }
}

/// A way of dividing the citizens into groups.
public enum EquityAttribute: String, CaseIterable, Codable, Sendable {
    case ageBand = "age_band"
    case targetGroup = "target_group"
    case supportLevel = "support_level"
    case urgency
    case homeMunicipality = "home_municipality"

    /// The groups a citizen belongs to (several target groups at once, else one). Keys are
    /// stable English words or numbers, worded by `EquityWords`.
    func levels(of c: Citizen, on day: Day) -> [String] {
        switch self {
        case .ageBand: [AgeBand(age: c.age(on: day)).rawValue]
        case .targetGroup: c.targetGroups.members.map(\.rawValue)
        case .supportLevel: [String(c.supportLevel)]
        case .urgency: [c.urgency.rawValue]
        case .homeMunicipality: [String(c.homeMunicipalityCode)]
        }
    }

    /// The stratum a comparison stays within: same offer type and support level (only the
    /// offer type when support level itself is compared).
    func stratum(of c: Citizen) -> String {
        self == .supportLevel ? c.offerType.rawValue : "\(c.offerType.rawValue)/\(c.supportLevel)"
    }
}

/// The band of an age in whole years at the end of the period (`Citizen.age(on:)`, from the
/// birth year, all the store keeps); unknown without a birth year.
enum AgeBand: String, CaseIterable, Sendable {
    case under30 = "under_30", from30to49 = "30_49", from50to64 = "50_64", over65 = "65_plus", unknown

    init(age: Int?) {
        guard let age else { self = .unknown; return }
        switch age {
        case ..<30: self = .under30
        case 30..<50: self = .from30to49
        case 50..<65: self = .from50to64
        default: self = .over65
        }
    }
}
