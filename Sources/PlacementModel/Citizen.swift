/// A citizen granted an offer: their needs, preferences and current status. Identified by a
/// pseudonymous id; a CPR number never reaches this type (the importer replaces it).
public struct Citizen: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var birthYear: Int?
    public var homeMunicipalityCode: Int
    public var networkPostcode: Int?
    public var targetGroups: TargetGroups
    public var offerType: OfferType
    public var supportLevel: Int
    public var requiredFeatures: Features
    public var status: CitizenStatus
    public var referredOn: Day?
    public var neededBy: Day?
    public var urgency: Urgency
    public var openToMove: Bool
    /// A daily rate agreed for this citizen, overriding the residence's.
    public var agreedDailyRate: Money?
    public var preferredResidences: [String]
    public var excludedResidences: [String]
    public var maxDistanceKm: Int?

    public init(
        id: String, birthYear: Int? = nil, homeMunicipalityCode: Int, networkPostcode: Int? = nil,
        targetGroups: TargetGroups, offerType: OfferType, supportLevel: Int, requiredFeatures: Features = [],
        status: CitizenStatus, referredOn: Day? = nil, neededBy: Day? = nil, urgency: Urgency = .normal,
        openToMove: Bool = false, agreedDailyRate: Money? = nil, preferredResidences: [String] = [],
        excludedResidences: [String] = [], maxDistanceKm: Int? = nil
    ) {
        self.id = id
        self.birthYear = birthYear
        self.homeMunicipalityCode = homeMunicipalityCode
        self.networkPostcode = networkPostcode
        self.targetGroups = targetGroups
        self.offerType = offerType
        self.supportLevel = supportLevel
        self.requiredFeatures = requiredFeatures
        self.status = status
        self.referredOn = referredOn
        self.neededBy = neededBy
        self.urgency = urgency
        self.openToMove = openToMove
        self.agreedDailyRate = agreedDailyRate
        self.preferredResidences = preferredResidences
        self.excludedResidences = excludedResidences
        self.maxDistanceKm = maxDistanceKm
    }

    /// Age in whole years on `day` as far as the birth year tells (the birthday is not kept).
    public func age(on day: Day) -> Int? { age(inYear: day.year) }

    /// Age in whole years on any day of `year` (the birthday is not kept).
    public func age(inYear year: Int) -> Int? { birthYear.map { year - $0 } }
}

/// A stay of a citizen in a residence (and, for own residences, a place): `[from, to)`.
/// A nil citizen means the place is occupied by someone outside the planning area (a place
/// sold to another municipality), which still makes it unavailable.
public struct Placement: Hashable, Sendable, Codable {
    public var citizenId: String?
    public var residenceId: String
    public var placeId: String?
    public var period: DayInterval
    public var dailyRate: Money?

    public init(citizenId: String?, residenceId: String, placeId: String?, period: DayInterval, dailyRate: Money? = nil) {
        self.citizenId = citizenId
        self.residenceId = residenceId
        self.placeId = placeId
        self.period = period
        self.dailyRate = dailyRate
    }
}

/// A time a citizen spent on the waiting list: from referral until placed or removed.
public struct WaitingPeriod: Hashable, Sendable, Codable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case placed
        /// The need changed and the case went back to the case worker for re-assessment.
        case reassessment
        /// No longer in the full export of the waiting list, closed on request.
        case closedMissing = "closed_missing"
        case withdrawn
    }

    public var citizenId: String
    public var period: DayInterval
    public var outcome: Outcome?

    public init(citizenId: String, period: DayInterval, outcome: Outcome? = nil) {
        self.citizenId = citizenId
        self.period = period
        self.outcome = outcome
    }
}
