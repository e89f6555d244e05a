import PlacementModel

/// Demand estimated from the database's own history, per segment (offer type × target
/// groups × support level), with its basis, so every rate can be checked by hand:
///
/// - **Referrals per year** = waiting periods started in the history window ÷ the window's
///   length in years (365 days). A waiting period that ended in a placement counts under the
///   offer type of the residence it led to; an open one under the citizen's granted type.
/// - **Exits** (how long a need for the offer lasts) = ended stays ÷ years lived in stays, both
///   inside the window (occurrence / exposure). Unlike the mean of ended stays it is not biased
///   short by the long stays that have not ended yet. Moves between residences of the same offer
///   type (less than 32 days apart) are one stay, not an exit. The mean stay is its inverse.
///   A segment with fewer than `minimumExits` ended stays uses the rate of its whole offer type
///   (`pooled`), and says so.
///
/// The window is the last `historyYears` years before the plan's day, shortened to where the
/// history begins (the first ended stay), so a database holding two years of history is not
/// read as three quiet ones.
public struct DemandEstimate: Sendable {
    public struct Options: Sendable, Equatable {
        public var historyYears: Int = 3
        public var minimumExits: Int = 5
        public init(historyYears: Int = 3, minimumExits: Int = 5) {
            self.historyYears = historyYears
            self.minimumExits = minimumExits
        }
    }

    public enum ExitBasis: String, Sendable, Codable {
        /// The segment's own ended stays.
        case segment
        /// Too few of its own: the offer type's.
        case pooled
        /// No ended stay of this offer type in the window: stays do not end in the plan.
        case none
        /// Set in an assumptions or scenario file.
        case overridden
    }

    public struct Segment: Sendable, Codable, Equatable {
        public var segment: DemandSegment
        /// Waiting periods started in the window.
        public var referrals: Int
        /// Ended stays and days lived in stays of the segment itself, inside the window.
        public var exits: Int
        public var exposureDays: Int64
        /// The exits and exposure the rate is taken from (the segment's, or its offer type's).
        public var exitBasis: ExitBasis
        public var basisExits: Int
        public var basisExposureDays: Int64
        /// Citizens placed or waiting in the segment on the plan's day.
        public var current: Int
        /// Indices into `PlanWorld.citizens` of the citizens referred in the window: future
        /// referrals of the segment are drawn like them (features, network, age at referral).
        public var templates: [Int]
    }

    public let options: Options
    public let windowFrom: Day
    public let windowTo: Day
    public var segments: [Segment]
    /// Warnings about the basis (too little history, no ended stays).
    public var notes: [Note]

    public enum Note: Sendable, Codable, Equatable {
        case windowShortened(requestedYears: Int, from: Day)
        case noEndedStays
    }

    public var windowDays: Int { windowFrom.days(until: windowTo) }

    /// Referrals per year of a segment in hundredths (exact integer arithmetic, rounded).
    public func referralsPerYearHundredths(_ s: Segment) -> Int64 {
        guard windowDays > 0 else { return 0 }
        return Rounding.divide(Int64(s.referrals) * 365 * 100, by: Int64(windowDays))
    }

    public func referralsPerYear(_ s: Segment) -> Double {
        windowDays > 0 ? Double(s.referrals) * 365 / Double(windowDays) : 0
    }

    /// Mean stay in days (nil: no exits, stays do not end).
    public static func meanStayDays(_ s: Segment) -> Double? {
        s.basisExits > 0 ? Double(s.basisExposureDays) / Double(s.basisExits) : nil
    }

    public init(world: PlanWorld, options: Options = Options()) {
        self.options = options
        let window = DemandCount.window(world, historyYears: options.historyYears)
        windowFrom = window.from
        windowTo = world.asOf
        notes = window.notes
        var count = DemandCount(world: world, from: window.from)
        count.countReferrals()
        count.countStays()
        count.countCurrent()
        segments = count.segments(minimumExits: options.minimumExits)
    }

    public func segment(_ s: DemandSegment) -> Segment? { segments.first { $0.segment == s } }
}
