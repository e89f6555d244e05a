import GRDB
import PlacementModel
import PlacementStore

/// Every figure of the weekly placement report for one ISO week, computed by SQL over the
/// history the store keeps (`WeeklyQueries`), so any past week can be asked and a report for
/// a past week is the same whenever it is produced. Amounts are exact øre; nothing is
/// rounded here (the renderers round when they print).
///
/// Definitions (also printed in the "Definitions" note of the HTML report):
/// - The week is Monday to Sunday, `[monday, nextMonday)`. "As at the end of the week" means
///   the state on Sunday: stays with `starts_on <= sunday < ends_on`, waiting periods with
///   `since <= sunday < until`.
/// - Waiting count, median and longest wait: waiting periods open on Sunday; a wait is
///   `sunday - since` in days. The median of an even number of waits is the mean of the two
///   middle ones, so it is held exactly as twice its value (`Median`).
/// - New referrals: waiting periods starting in the week.
/// - Placements made: stays of a citizen starting in the week (moves included), own or
///   external by the residence's operator.
/// - Moves home: stays in an own residence starting in the week whose citizen's previous stay
///   (ending on that start day) was external.
/// - Placed citizens, placed locally (in own residences), externally placed citizens and
///   their annual cost: stays on Sunday, exactly as `placement status` counts them. The
///   annual cost of an external stay is `COALESCE(stay rate, citizen's agreed rate,
///   residence rate) × 365`.
/// - Own places: the `place` rows of own residences. A place is occupied on a day when a
///   stay covers it (a stay with no citizen is someone from outside the planning area),
///   else reserved or closed by its flag, else vacant. Occupied + vacant + reserved + closed
///   = places. Simplification: the reserved/closed flags and the daily rates are the current
///   ones and are applied to the whole history, the place list is the current one, and a
///   residence's opening and closing dates are not applied (as in `placement status`).
/// - Vacancy days: for each own place and each day of the week, the days it is vacant;
///   vacancy cost: Σ vacancy days × the residence's daily rate.
/// - Current proposal: the citizen's row in the latest match run (not a replay) with
///   `as_of <= sunday`. Bring-home candidates: citizens in an external stay on Sunday who
///   are open to moving, with the annual saving of that run's `bring_home` proposal.
/// - Waiting-time norms: the policy `wait_norm_days` (default `91,183`); a citizen is over
///   a norm when the wait on Sunday is longer than it.
/// - Declines: `decline` rows with `declined_on` in the week.
/// - Changes: referred = waiting periods starting in the week; placed = stays starting in
///   the week whose citizen had no stay ending that day; moved = stays starting in the week
///   whose citizen had another stay ending that day; left = stays ending in the week with
///   no stay of the citizen starting that day.
/// - Citizen attributes (offer type, target groups, support level, urgency) are the current
///   ones: the store keeps no history of them.
public struct WeeklyFigures: Sendable, Equatable {
    public var week: ISOWeek
    public var planningArea: [AreaMunicipality]
    /// The waiting-time norms in days, ascending.
    public var waitNormDays: [Int]
    /// The latest match run (not a replay) with `as_of <= sunday`, if any.
    public var latestRun: MatchRunRef?
    public var headline: Headline
    /// The same figures for the week before.
    public var previousHeadline: Headline
    public var waitingList: [WaitingCitizen]
    public var residences: [OwnResidence]
    public var external: ExternalPurchases
    public var bringHome: [BringHomeCandidate]
    public var norms: [NormRow]
    public var declines: [Decline]
    public var changes: [Change]
    /// One point per week, oldest first, ending with `week`.
    public var trend: [TrendPoint]
    /// Bridging placements (overgangsophold) on Sunday and during the week.
    public var bridging = BridgingFigures()
    /// Own places vacant on Sunday whose vacancy was confirmed longer ago than the policy's
    /// `vacancy_confirm_days`, by residence and place.
    public var staleVacancies: [VacancyConfirmations.Stale] = []
    public var vacancyConfirmDays = MatchPolicy.defaultVacancyConfirmDays
    /// The week's report as first produced, when kept (`recordFirstProduction`): the report
    /// then shows the figures that differ from it.
    public var firstProduced: FirstProduction? = nil

    public var monday: Day { week.monday }
    public var sunday: Day { week.sunday }

    /// The annual cost above which a placement is a "særligt dyr enkeltsag": 2 mio. kr.
    public static let expensiveThreshold = Money(kroner: 2_000_000)
    public static let defaultTrendWeeks = 26
}

public struct AreaMunicipality: Sendable, Hashable {
    public var code: Int
    public var name: String
}

public struct MatchRunRef: Sendable, Hashable {
    public var id: Int64
    public var asOf: Day
    public init(id: Int64, asOf: Day) {
        self.id = id
        self.asOf = asOf
    }
}

/// A median of whole days, held exactly as twice its value (the mean of two middle waits
/// may end in ½).
public struct Median: Sendable, Hashable, Comparable {
    public var twice: Int
    public init(twice: Int) { self.twice = twice }
    public init(days: Int) { self.twice = 2 * days }
    /// The median of whole days sorted ascending: the middle one, or the mean of the two middle
    /// ones (nil for none).
    public init?(sortedDays d: [Int]) {
        guard !d.isEmpty else { return nil }
        twice = d.count % 2 == 1 ? 2 * d[d.count / 2] : d[d.count / 2 - 1] + d[d.count / 2]
    }
    /// The value in tenths of a day, for printing with one decimal.
    public var tenths: Int64 { Int64(twice) * 5 }
    public static func < (a: Median, b: Median) -> Bool { a.twice < b.twice }
}

/// The headline figures of one week.
public struct Headline: Sendable, Equatable {
    public var week: ISOWeek
    // On Sunday.
    public var waiting: Int
    public var medianWaitDays: Median?
    public var longestWaitDays: Int?
    // During the week.
    public var referrals: Int
    public var placementsOwn: Int
    public var placementsExternal: Int
    public var movesHome: Int
    // On Sunday.
    public var placedOwn: Int
    public var placedExternal: Int
    public var externalAnnualCost: Money
    public var ownPlaces: Int
    public var placesOccupied: Int
    public var placesVacant: Int
    public var placesReserved: Int
    public var placesClosed: Int
    // During the week.
    public var vacancyDays: Int
    public var vacancyCost: Money

    public var placementsMade: Int { placementsOwn + placementsExternal }
    public var placed: Int { placedOwn + placedExternal }
}

public struct WaitingCitizen: Sendable, Equatable {
    public var citizenId: String
    public var offerType: OfferType
    public var targetGroups: TargetGroups
    public var supportLevel: Int
    public var urgency: Urgency
    public var since: Day
    public var daysWaiting: Int
    /// The grant's deadline ("senest") and the days past it on Sunday (nil: none or not past).
    public var neededBy: Day?
    public var daysOverDeadline: Int?
    /// The norms (days) the wait is beyond on Sunday, ascending.
    public var normsExceeded: [Int]
    public var proposal: CurrentProposal?

    init(entry e: WaitingEntry, proposal: CurrentProposal?) {
        citizenId = e.citizenId
        offerType = e.offerType
        targetGroups = e.targetGroups
        supportLevel = e.supportLevel
        urgency = e.urgency
        since = e.since
        daysWaiting = e.daysWaiting
        neededBy = e.neededBy
        daysOverDeadline = e.daysOverDeadline
        normsExceeded = e.normsExceeded
        self.proposal = proposal
    }
}

/// A waiting citizen's row in the latest match run, with the residence's name.
public struct CurrentProposal: Sendable, Equatable {
    public var action: ProposalAction
    public var residenceId: String?
    public var residenceName: String?
    public var placeId: String?
    public var moveIn: Day?
    public var annualCostGross: Money?
    public var annualSaving: Money?
    public var status: ProposalStatus
}

/// An own residence on Sunday, with its vacancy over the week.
public struct OwnResidence: Sendable, Equatable {
    public var id: String
    public var name: String
    public var offerType: OfferType
    public var places: Int
    public var occupied: Int
    public var vacant: Int
    public var reserved: Int
    public var closed: Int
    public var vacancyDays: Int
    public var dailyRate: Money
    public var vacancyCost: Money
}

public struct ExternalPurchases: Sendable, Equatable {
    public var byOfferType: [ExternalGroup<OfferType>]
    public var byOperator: [ExternalGroup<OperatorKind>]
    public var byMunicipality: [ExternalGroup<AreaMunicipality>]
    /// External stays on Sunday costing more than `WeeklyFigures.expensiveThreshold` a year.
    public var expensive: [ExternalStay]
}

public struct ExternalGroup<Key: Sendable & Hashable>: Sendable, Equatable {
    public var key: Key
    public var count: Int
    public var annualCost: Money
}

public struct ExternalStay: Sendable, Equatable {
    public var citizenId: String
    public var residenceId: String
    public var residenceName: String
    public var operatorKind: OperatorKind
    public var municipality: AreaMunicipality
    public var offerType: OfferType
    public var since: Day
    public var dailyRate: Money
    public var annualCost: Money
}

public struct BringHomeCandidate: Sendable, Equatable {
    public var citizenId: String
    public var residenceId: String
    public var residenceName: String
    public var offerType: OfferType
    public var annualCost: Money
    /// From the latest run's `bring_home` proposal, if there is one.
    public var proposedResidenceId: String?
    public var proposedResidenceName: String?
    public var annualSaving: Money?
}

/// Waiting citizens of one offer type on Sunday and how many wait longer than each norm.
public struct NormRow: Sendable, Equatable {
    public var offerType: OfferType
    public var waiting: Int
    /// One count per norm, in the order of `WeeklyFigures.waitNormDays`.
    public var over: [Int]
    /// Waiting past the grant's deadline (`needed_by`).
    public var pastDeadline: Int
    public var longestWaitDays: Int
    public init(offerType: OfferType, waiting: Int, over: [Int], pastDeadline: Int = 0, longestWaitDays: Int) {
        self.offerType = offerType
        self.waiting = waiting
        self.over = over
        self.pastDeadline = pastDeadline
        self.longestWaitDays = longestWaitDays
    }
}

public struct Decline: Sendable, Equatable {
    public var day: Day
    public var citizenId: String
    public var residenceId: String?
    public var residenceName: String?
    public var reason: DeclineReason
    public var note: String?
}

public struct Change: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case referred, placed, moved, left
    }
    public var kind: Kind
    public var day: Day
    public var citizenId: String
    public var offerType: OfferType
    /// Moved, left: the residence left.
    public var fromResidence: String?
    /// Placed, moved: the residence moved into.
    public var toResidence: String?
    /// Moved from an external residence into an own one.
    public var isMoveHome: Bool
    /// Placed, moved: whether the new residence is own.
    public var toOwn: Bool?
}

/// The state on one Sunday, for the trend charts.
public struct TrendPoint: Sendable, Equatable {
    public var week: ISOWeek
    public var waiting: Int
    public var medianWaitDays: Median?
    public var longestWaitDays: Int?
    public var ownPlaces: Int
    public var placesOccupied: Int
    /// Citizens in own residences.
    public var placedOwn: Int
    /// Citizens in external residences.
    public var externalCount: Int
    public var externalAnnualCost: Money
}

extension WeeklyFigures {
    /// Computes the report of `week` from the history in `db`.
    public static func compute(_ db: Database, week: ISOWeek, trendWeeks: Int = defaultTrendWeeks) throws -> WeeklyFigures {
        let q = WeeklyQueries(db: db)
        let policy = try q.policy()
        let norms = policy.reportedWaitNorms
        let run = try q.latestRun(onOrBefore: week.sunday)
        let waiting = try q.waitingList(week, run: run, policy: policy)
        let residences = try q.ownResidences(week)
        // The headlines take their Sundays from the trend, which covers at least both weeks.
        let trend = try q.trend(ending: week, weeks: max(trendWeeks, 2))
        let (headline, previousHeadline) = try q.headlines(week, residences: residences.this,
                                                            previousResidences: residences.previous, trend: trend)
        return try addingBridgingAndVacancies(WeeklyFigures(
            week: week,
            planningArea: try q.planningArea(),
            waitNormDays: norms,
            latestRun: run,
            headline: headline,
            previousHeadline: previousHeadline,
            waitingList: waiting,
            residences: residences.this,
            external: try q.external(week),
            bringHome: try q.bringHome(week, run: run),
            norms: WeeklyQueries.norms(waiting, norms: norms),
            declines: try q.declines(week),
            changes: try q.changes(week),
            trend: Array(trend.suffix(max(trendWeeks, 1)))), db, policy: policy)
    }
}

extension PlacementDatabase {
    /// The weekly report's figures for `week`, read in one transaction.
    public func weeklyFigures(_ week: ISOWeek, trendWeeks: Int = WeeklyFigures.defaultTrendWeeks) throws -> WeeklyFigures {
        try read { try WeeklyFigures.compute($0, week: week, trendWeeks: trendWeeks) }
    }
}
