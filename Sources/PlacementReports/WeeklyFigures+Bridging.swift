import GRDB
import PlacementModel
import PlacementStore

/// The weekly report's bridging placements (overgangsophold) and stale vacancies.
///
/// Definitions:
/// - Bridging citizens: citizens on Sunday with a stay marked as a bridge and an open waiting
///   period for the granted offer (`Bridges.on`); they are counted among the waiting and among
///   the placed as well, since they are both.
/// - Bridging days: for each bridge and the citizen's waiting periods, the days of the week on
///   which both run (`Bridges.days`).
/// - Stale vacancies: own places vacant on Sunday whose vacancy was last confirmed more than
///   the policy's `vacancy_confirm_days` before Sunday (`VacancyConfirmations.stale`); a
///   vacancy never confirmed is not judged.
public struct BridgingFigures: Sendable, Equatable {
    public struct Citizen: Sendable, Equatable {
        public var citizenId: String
        public var residenceName: String
        /// The bridge's offer type, and the granted one the citizen waits for.
        public var bridgeOfferType: OfferType
        public var grantedOfferType: OfferType
        public var bridgeSince: Day
        /// Days on the waiting list on Sunday.
        public var waitDays: Int
        /// What the bridge costs a day.
        public var dailyRate: Money
    }

    public var citizens: [Citizen] = []
    /// Citizens who bridged on some day of the week, and their bridging days in it.
    public var citizensInWeek = 0
    public var daysInWeek = 0

    public init() {}
}

extension WeeklyFigures {
    /// The bridging figures of `week`.
    static func bridging(_ db: Database, week: ISOWeek) throws -> BridgingFigures {
        var out = BridgingFigures()
        let residences = Dictionary(try Residences.all(db).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let citizens = Dictionary(try Citizens.all(db).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let waitingSince = Dictionary(try WaitingPeriods.on(db, week.sunday).map { ($0.citizenId, $0.period.from) },
                                      uniquingKeysWith: { a, _ in a })
        for b in try Bridges.on(db, week.sunday) {
            guard let r = residences[b.residenceId], let c = citizens[b.citizenId] else { continue }
            out.citizens.append(BridgingFigures.Citizen(
                citizenId: b.citizenId, residenceName: r.name, bridgeOfferType: r.offerType, grantedOfferType: c.offerType,
                bridgeSince: b.since, waitDays: waitingSince[b.citizenId].map { $0.days(until: week.sunday) } ?? 0,
                dailyRate: b.dailyRate))
        }
        (out.citizensInWeek, out.daysInWeek) = try Bridges.days(db, from: week.monday, to: week.nextMonday)
        return out
    }

    /// Adds the bridging figures and the stale vacancies to figures computed without them.
    static func addingBridgingAndVacancies(_ figures: WeeklyFigures, _ db: Database, policy: MatchPolicy) throws -> WeeklyFigures {
        var f = figures
        f.bridging = try bridging(db, week: f.week)
        f.vacancyConfirmDays = policy.vacancyConfirmDays
        f.staleVacancies = try VacancyConfirmations.stale(db, on: f.sunday, days: policy.vacancyConfirmDays)
        return f
    }
}
