/// A residence (botilbud) or other offer: own, or in the external catalogue to buy from.
public struct Residence: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var operatorKind: OperatorKind
    public var municipalityCode: Int
    public var postcode: Int?
    public var location: Coordinate
    public var offerType: OfferType
    public var targetGroups: TargetGroups
    public var supportLevels: ClosedRange<Int>
    public var features: Features
    public var ageRange: ClosedRange<Int>?
    public var places: Int
    public var dailyRate: Money
    /// What filling a vacant own place adds per day; nil means "a policy share of the rate".
    public var variableDailyCost: Money?
    public var opensOn: Day?
    public var closesOn: Day?

    public init(
        id: String, name: String, operatorKind: OperatorKind, municipalityCode: Int, postcode: Int?,
        location: Coordinate, offerType: OfferType, targetGroups: TargetGroups, supportLevels: ClosedRange<Int> = 1...5,
        features: Features = [], ageRange: ClosedRange<Int>? = nil, places: Int, dailyRate: Money,
        variableDailyCost: Money? = nil, opensOn: Day? = nil, closesOn: Day? = nil
    ) {
        self.id = id
        self.name = name
        self.operatorKind = operatorKind
        self.municipalityCode = municipalityCode
        self.postcode = postcode
        self.location = location
        self.offerType = offerType
        self.targetGroups = targetGroups
        self.supportLevels = supportLevels
        self.features = features
        self.ageRange = ageRange
        self.places = places
        self.dailyRate = dailyRate
        self.variableDailyCost = variableDailyCost
        self.opensOn = opensOn
        self.closesOn = closesOn
    }

    public var isOwn: Bool { operatorKind.isOwn }

    /// Open on `day`: opened on or before it and not yet closed.
    public func isOpen(on day: Day) -> Bool { Self.isOpen(on: day, opensOn: opensOn, closesOn: closesOn) }

    /// The rule of `isOpen(on:)`, for callers that keep a residence's days apart from it.
    public static func isOpen(on day: Day, opensOn: Day?, closesOn: Day?) -> Bool {
        (opensOn.map { $0 <= day } ?? true) && (closesOn.map { day < $0 } ?? true)
    }
}

/// One place in an own residence.
public struct Place: Hashable, Sendable, Codable {
    public var residenceId: String
    public var id: String
    /// The place's own features; nil means the residence's.
    public var features: Features?
    public var status: PlaceStatus
    public var availableFrom: Day?

    public init(residenceId: String, id: String, features: Features? = nil, status: PlaceStatus = .vacant, availableFrom: Day? = nil) {
        self.residenceId = residenceId
        self.id = id
        self.features = features
        self.status = status
        self.availableFrom = availableFrom
    }
}
