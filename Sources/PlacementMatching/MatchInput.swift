import PlacementModel

/// Everything a run decides from, as a value: stored with the run so that `--replay` solves
/// exactly the same problem later, whatever has changed in the database since.
public struct MatchInput: Codable, Sendable, Equatable {
    /// An own place that is, or will be, vacant: from `availableFrom` on nobody has it.
    public struct VacantPlace: Codable, Sendable, Equatable {
        public var residenceId: String
        public var placeId: String
        public var features: Features
        public var availableFrom: Day
        /// The last day the vacancy was confirmed (`VacancyConfirmations`); nil: never, or a
        /// run stored before vacancies were confirmed.
        public var confirmedOn: Day?

        public init(residenceId: String, placeId: String, features: Features, availableFrom: Day, confirmedOn: Day? = nil) {
            self.residenceId = residenceId
            self.placeId = placeId
            self.features = features
            self.availableFrom = availableFrom
            self.confirmedOn = confirmedOn
        }
    }

    /// A waiting citizen's bridging stay (overgangsophold): where they live while they wait,
    /// and what it costs a day. Ending it is what a proposal for them saves.
    public struct Bridge: Codable, Sendable, Equatable {
        public var citizenId: String
        public var residenceId: String
        public var placeId: String?
        public var since: Day
        public var dailyRate: Money

        public init(citizenId: String, residenceId: String, placeId: String?, since: Day, dailyRate: Money) {
            self.citizenId = citizenId
            self.residenceId = residenceId
            self.placeId = placeId
            self.since = since
            self.dailyRate = dailyRate
        }
    }

    /// An externally placed citizen who may be offered a move home.
    public struct ExternalStay: Codable, Sendable, Equatable {
        public var citizen: Citizen
        public var residenceId: String
        public var dailyRate: Money
        public var since: Day

        public init(citizen: Citizen, residenceId: String, dailyRate: Money, since: Day) {
            self.citizen = citizen
            self.residenceId = residenceId
            self.dailyRate = dailyRate
            self.since = since
        }
    }

    public var asOf: Day
    public var residences: [Residence]
    public var vacantPlaces: [VacantPlace]
    /// Places still free in each external residence: its `places` less the planning area's
    /// citizens living there.
    public var externalCapacity: [String: Int]
    public var waiting: [Citizen]
    public var externalStays: [ExternalStay]
    /// The bridges of waiting citizens who live in one, by citizen id; nil in runs stored
    /// before bridges were known (none then).
    public var bridges: [Bridge]?

    public init(asOf: Day, residences: [Residence], vacantPlaces: [VacantPlace], externalCapacity: [String: Int],
                waiting: [Citizen], externalStays: [ExternalStay], bridges: [Bridge]? = nil) {
        self.bridges = bridges
        self.asOf = asOf
        self.residences = residences
        self.vacantPlaces = vacantPlaces
        self.externalCapacity = externalCapacity
        self.waiting = waiting
        self.externalStays = externalStays
    }
}
