import GRDB
import PlacementModel
import PlacementStore

/// The SQL behind `WeeklyFigures`: each function answers one part of the report from the
/// history tables (`waiting_period`, `placement`, `decline`, `match_run`, `proposal`). Days
/// are bound as `yyyy-mm-dd` text, so comparisons are string comparisons of ISO dates.
struct WeeklyQueries {
    let db: Database

    // MARK: Settings

    func planningArea() throws -> [AreaMunicipality] {
        try Row.fetchAll(db, sql: """
            SELECT pa.municipality_code, COALESCE(m.name, '?') FROM planning_area pa
            LEFT JOIN municipality m ON m.code = pa.municipality_code ORDER BY 1
            """).map { AreaMunicipality(code: $0[0], name: $0[1]) }
    }

    /// The policy's `wait_norm_days` ("91,183"), ascending; the default when missing or unreadable.
    func waitNorms() throws -> [Int] {
        let raw = try String.fetchOne(db, sql: "SELECT value FROM policy WHERE key = 'wait_norm_days'") ?? ""
        let days = raw.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !days.isEmpty, days.allSatisfy({ $0 > 0 }) else { return WeeklyFigures.defaultWaitNormDays }
        return Array(Set(days)).sorted()
    }

    func latestRun(onOrBefore day: Day) throws -> MatchRunRef? {
        try Row.fetchOne(db, sql: """
            SELECT id, as_of FROM match_run WHERE as_of <= ? AND replay_of IS NULL
            ORDER BY as_of DESC, id DESC LIMIT 1
            """, arguments: [day]).map { MatchRunRef(id: $0[0], asOf: $0[1]) }
    }

    // MARK: Headline

    /// The headline of `week`; `residences` are `ownResidences(week)`, whose vacancy it sums.
    func headline(_ week: ISOWeek, residences: [OwnResidence]) throws -> Headline {
        let (mon, sun, next) = (week.monday, week.sunday, week.nextMonday)
        // The state on Sunday exactly as `placement status` computes it.
        let status = try Status.summary(db, on: sun)
        let median = try medianWait(on: sun)
        let referrals = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM waiting_period WHERE since >= ?1 AND since < ?2
            """, arguments: [mon, next]) ?? 0
        let made = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) FILTER (WHERE r.operator = 'own'), COUNT(*) FILTER (WHERE r.operator <> 'own')
            FROM placement p JOIN residence r ON r.id = p.residence_id
            WHERE p.citizen_id IS NOT NULL AND p.starts_on >= ?1 AND p.starts_on < ?2
            """, arguments: [mon, next])!
        let movesHome = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM placement p JOIN residence r ON r.id = p.residence_id AND r.operator = 'own'
            WHERE p.citizen_id IS NOT NULL AND p.starts_on >= ?1 AND p.starts_on < ?2
              AND EXISTS (SELECT 1 FROM placement q JOIN residence rq ON rq.id = q.residence_id AND rq.operator <> 'own'
                          WHERE q.citizen_id = p.citizen_id AND q.ends_on = p.starts_on)
            """, arguments: [mon, next]) ?? 0
        return Headline(
            week: week,
            waiting: status.citizensWaiting, medianWaitDays: median, longestWaitDays: status.longestWaitDays,
            referrals: referrals, placementsOwn: made[0], placementsExternal: made[1], movesHome: movesHome,
            placedOwn: status.citizensPlacedOwn, placedExternal: status.citizensPlacedExternal,
            externalAnnualCost: status.externalAnnualCost,
            ownPlaces: status.ownPlaces, placesOccupied: status.placesOccupied, placesVacant: status.placesVacant,
            placesReserved: status.placesReserved, placesClosed: status.placesClosed,
            vacancyDays: residences.reduce(0) { $0 + $1.vacancyDays },
            vacancyCost: residences.map(\.vacancyCost).sum())
    }

    /// The median of the waits on `day`, in SQL: the one or two middle rows of the ordered
    /// waits; with one middle row its value is doubled, with two they are added.
    func medianWait(on day: Day) throws -> Median? {
        let twice = try Int.fetchOne(db, sql: """
            WITH w AS (
                SELECT CAST(julianday(?1) - julianday(since) AS INTEGER) AS days FROM waiting_period
                WHERE since <= ?1 AND (until IS NULL OR until > ?1)),
            o AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS rn, COUNT(*) OVER () AS n FROM w)
            SELECT CASE WHEN MAX(n) % 2 = 1 THEN 2 * SUM(days) ELSE SUM(days) END
            FROM o WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
            """, arguments: [day])
        return twice.map(Median.init(twice:))
    }

    // MARK: Waiting list

    static let urgencyOrder = "CASE c.urgency WHEN 'acute' THEN 0 WHEN 'high' THEN 1 ELSE 2 END"

    func waitingList(_ week: ISOWeek, run: MatchRunRef?) throws -> [WaitingCitizen] {
        try Row.fetchAll(db, sql: """
            SELECT w.citizen_id, c.offer_type, c.target_groups, c.support_level, c.urgency, w.since,
                   CAST(julianday(?1) - julianday(w.since) AS INTEGER),
                   pr.action, pr.residence_id, r.name, pr.place_id, pr.move_in, pr.annual_cost_gross_ore,
                   pr.annual_saving_ore, pr.status
            FROM waiting_period w JOIN citizen c ON c.id = w.citizen_id
            LEFT JOIN proposal pr ON pr.run_id = ?2 AND pr.citizen_id = w.citizen_id
            LEFT JOIN residence r ON r.id = pr.residence_id
            WHERE w.since <= ?1 AND (w.until IS NULL OR w.until > ?1)
            ORDER BY \(Self.urgencyOrder), w.since, w.citizen_id
            """, arguments: [week.sunday, run?.id]).map { r in
            let action: String? = r[7]
            return WaitingCitizen(
                citizenId: r[0], offerType: OfferType(rawValue: r[1]) ?? .sel108,
                targetGroups: TargetGroups(rawValue: r[2]), supportLevel: r[3],
                urgency: Urgency(rawValue: r[4]) ?? .normal, since: r[5], daysWaiting: r[6],
                proposal: action.flatMap(Proposal.Action.init(rawValue:)).map { a in
                    Proposal(action: a, residenceId: r[8], residenceName: r[9], placeId: r[10], moveIn: r[11],
                             annualCostGross: money(r[12]), annualSaving: money(r[13]), status: r[14])
                })
        }
    }

    // MARK: Own residences

    /// Own residences on Sunday of `week`, and each one's vacancy days over the week.
    func ownResidences(_ week: ISOWeek) throws -> [OwnResidence] {
        try Row.fetchAll(db, sql: """
            WITH RECURSIVE d(day) AS (SELECT ?1 UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < ?2),
            pls AS (
                SELECT pl.residence_id, pl.id, pl.status,
                       EXISTS (SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                               AND p.starts_on <= ?2 AND (p.ends_on IS NULL OR p.ends_on > ?2)) AS occupied,
                       (SELECT COUNT(*) FROM d WHERE pl.status NOT IN ('reserved', 'closed') AND NOT EXISTS (
                            SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                            AND p.starts_on <= d.day AND (p.ends_on IS NULL OR p.ends_on > d.day))) AS vacant_days
                FROM place pl)
            SELECT r.id, r.name, r.offer_type, r.daily_rate_ore,
                   COUNT(pl.id),
                   COALESCE(SUM(pl.occupied), 0),
                   COUNT(*) FILTER (WHERE NOT pl.occupied AND pl.status = 'reserved'),
                   COUNT(*) FILTER (WHERE NOT pl.occupied AND pl.status = 'closed'),
                   COALESCE(SUM(pl.vacant_days), 0)
            FROM residence r LEFT JOIN pls pl ON pl.residence_id = r.id
            WHERE r.operator = 'own'
            GROUP BY r.id
            ORDER BY r.name, r.id
            """, arguments: [week.monday, week.sunday]).map { r in
            let places: Int = r[4], occupied: Int = r[5], reserved: Int = r[6], closed: Int = r[7]
            let rate = Money(ore: r[3]), vacancyDays: Int = r[8]
            return OwnResidence(
                id: r[0], name: r[1], offerType: OfferType(rawValue: r[2]) ?? .sel108,
                places: places, occupied: occupied, vacant: places - occupied - reserved - closed,
                reserved: reserved, closed: closed, vacancyDays: vacancyDays, dailyRate: rate,
                vacancyCost: rate * Int64(vacancyDays))
        }
    }

    // MARK: External purchases

    /// External stays on `?1` with the rate they cost: the stay's, else the citizen's agreed
    /// one, else the residence's (as `placement status`).
    static let externalOnDay = """
        ext AS (
            SELECT p.citizen_id, p.starts_on, p.residence_id, r.name, r.operator, r.municipality_code,
                   COALESCE(m.name, '?') AS municipality_name, r.offer_type, c.open_to_move,
                   COALESCE(p.daily_rate_ore, c.agreed_daily_rate_ore, r.daily_rate_ore) AS rate
            FROM placement p JOIN residence r ON r.id = p.residence_id AND r.operator <> 'own'
            JOIN citizen c ON c.id = p.citizen_id
            LEFT JOIN municipality m ON m.code = r.municipality_code
            WHERE p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1))
        """

    func external(_ week: ISOWeek) throws -> ExternalPurchases {
        let sun = week.sunday
        func groups(_ column: String) throws -> [Row] {
            try Row.fetchAll(db, sql: """
                WITH \(Self.externalOnDay)
                SELECT \(column), COUNT(*), SUM(rate) * 365 FROM ext GROUP BY \(column)
                ORDER BY SUM(rate) DESC, 1
                """, arguments: [sun])
        }
        let offerOrder = OfferType.allCases
        let byOffer = try groups("offer_type").compactMap { r -> ExternalGroup<OfferType>? in
            guard let o = OfferType(rawValue: r[0]) else { return nil }
            return ExternalGroup(key: o, count: r[1], annualCost: Money(ore: r[2]))
        }.sorted { offerOrder.firstIndex(of: $0.key)! < offerOrder.firstIndex(of: $1.key)! }
        let operatorOrder = OperatorKind.allCases
        let byOperator = try groups("operator").compactMap { r -> ExternalGroup<OperatorKind>? in
            guard let o = OperatorKind(rawValue: r[0]) else { return nil }
            return ExternalGroup(key: o, count: r[1], annualCost: Money(ore: r[2]))
        }.sorted { operatorOrder.firstIndex(of: $0.key)! < operatorOrder.firstIndex(of: $1.key)! }
        let byMunicipality = try Row.fetchAll(db, sql: """
            WITH \(Self.externalOnDay)
            SELECT municipality_code, municipality_name, COUNT(*), SUM(rate) * 365 FROM ext
            GROUP BY municipality_code ORDER BY SUM(rate) DESC, municipality_code
            """, arguments: [sun]).map { r in
            ExternalGroup(key: AreaMunicipality(code: r[0], name: r[1]), count: r[2], annualCost: Money(ore: r[3]))
        }
        let expensive = try Row.fetchAll(db, sql: """
            WITH \(Self.externalOnDay)
            SELECT citizen_id, residence_id, name, operator, municipality_code, municipality_name, offer_type,
                   starts_on, rate
            FROM ext WHERE rate * 365 > ?2 ORDER BY rate DESC, citizen_id
            """, arguments: [sun, WeeklyFigures.expensiveThreshold.ore]).map { r in
            let rate = Money(ore: r[8])
            return ExternalStay(
                citizenId: r[0], residenceId: r[1], residenceName: r[2],
                operatorKind: OperatorKind(rawValue: r[3]) ?? .private,
                municipality: AreaMunicipality(code: r[4], name: r[5]),
                offerType: OfferType(rawValue: r[6]) ?? .sel108, since: r[7], dailyRate: rate, annualCost: rate.perYear)
        }
        return ExternalPurchases(byOfferType: byOffer, byOperator: byOperator, byMunicipality: byMunicipality,
                                 expensive: expensive)
    }

    func bringHome(_ week: ISOWeek, run: MatchRunRef?) throws -> [BringHomeCandidate] {
        try Row.fetchAll(db, sql: """
            WITH \(Self.externalOnDay)
            SELECT e.citizen_id, e.residence_id, e.name, e.offer_type, e.rate * 365,
                   pr.residence_id, rr.name, pr.annual_saving_ore
            FROM ext e
            LEFT JOIN proposal pr ON pr.run_id = ?2 AND pr.citizen_id = e.citizen_id AND pr.action = 'bring_home'
            LEFT JOIN residence rr ON rr.id = pr.residence_id
            WHERE e.open_to_move = 1
            ORDER BY pr.annual_saving_ore IS NULL, pr.annual_saving_ore DESC, e.citizen_id
            """, arguments: [week.sunday, run?.id]).map { r in
            BringHomeCandidate(
                citizenId: r[0], residenceId: r[1], residenceName: r[2], offerType: OfferType(rawValue: r[3]) ?? .sel108,
                annualCost: Money(ore: r[4]), proposedResidenceId: r[5], proposedResidenceName: r[6],
                annualSaving: money(r[7]))
        }
    }

    // MARK: Norms, declines, changes

    func norms(_ week: ISOWeek, norms: [Int]) throws -> [NormRow] {
        let over = norms.indices.map { ", COUNT(*) FILTER (WHERE days > ?\($0 + 2))" }.joined()
        var args: StatementArguments = [week.sunday]
        for n in norms { _ = args.append(contentsOf: [n]) }
        let order = OfferType.allCases
        return try Row.fetchAll(db, sql: """
            WITH w AS (
                SELECT c.offer_type, CAST(julianday(?1) - julianday(w.since) AS INTEGER) AS days
                FROM waiting_period w JOIN citizen c ON c.id = w.citizen_id
                WHERE w.since <= ?1 AND (w.until IS NULL OR w.until > ?1))
            SELECT offer_type, COUNT(*), MAX(days)\(over) FROM w GROUP BY offer_type
            """, arguments: args).compactMap { r -> NormRow? in
            guard let o = OfferType(rawValue: r[0]) else { return nil }
            return NormRow(offerType: o, waiting: r[1], over: norms.indices.map { r[3 + $0] }, longestWaitDays: r[2])
        }.sorted { order.firstIndex(of: $0.offerType)! < order.firstIndex(of: $1.offerType)! }
    }

    func declines(_ week: ISOWeek) throws -> [Decline] {
        try Row.fetchAll(db, sql: """
            SELECT d.declined_on, d.citizen_id, d.residence_id, r.name, d.reason, d.note
            FROM decline d LEFT JOIN residence r ON r.id = d.residence_id
            WHERE d.declined_on >= ?1 AND d.declined_on < ?2
            ORDER BY d.declined_on, d.id
            """, arguments: [week.monday, week.nextMonday]).map { r in
            Decline(day: r[0], citizenId: r[1], residenceId: r[2], residenceName: r[3],
                    reason: Decline.Reason(rawValue: r[4]) ?? .other, note: r[5])
        }
    }

    func changes(_ week: ISOWeek) throws -> [Change] {
        let args: StatementArguments = [week.monday, week.nextMonday]
        let referred = try Row.fetchAll(db, sql: """
            SELECT w.since, w.citizen_id, c.offer_type FROM waiting_period w JOIN citizen c ON c.id = w.citizen_id
            WHERE w.since >= ?1 AND w.since < ?2
            """, arguments: args).map { r in
            Change(kind: .referred, day: r[0], citizenId: r[1], offerType: OfferType(rawValue: r[2]) ?? .sel108,
                   fromResidence: nil, toResidence: nil, isMoveHome: false, toOwn: nil)
        }
        // New stays; the citizen's stay ending on the start day, if any, makes it a move.
        let started = try Row.fetchAll(db, sql: """
            SELECT p.starts_on, p.citizen_id, r.offer_type, r.name, r.operator = 'own', rq.name, rq.operator = 'own'
            FROM placement p JOIN residence r ON r.id = p.residence_id
            LEFT JOIN placement q ON q.citizen_id = p.citizen_id AND q.ends_on = p.starts_on AND q.id <> p.id
            LEFT JOIN residence rq ON rq.id = q.residence_id
            WHERE p.citizen_id IS NOT NULL AND p.starts_on >= ?1 AND p.starts_on < ?2
            """, arguments: args).map { r in
            let from: String? = r[5], toOwn: Bool = r[4], fromOwn: Bool? = r[6]
            return Change(kind: from == nil ? .placed : .moved, day: r[0], citizenId: r[1],
                          offerType: OfferType(rawValue: r[2]) ?? .sel108, fromResidence: from, toResidence: r[3],
                          isMoveHome: from != nil && toOwn && fromOwn == false, toOwn: toOwn)
        }
        let left = try Row.fetchAll(db, sql: """
            SELECT p.ends_on, p.citizen_id, r.offer_type, r.name FROM placement p JOIN residence r ON r.id = p.residence_id
            WHERE p.citizen_id IS NOT NULL AND p.ends_on >= ?1 AND p.ends_on < ?2
              AND NOT EXISTS (SELECT 1 FROM placement n WHERE n.citizen_id = p.citizen_id AND n.starts_on = p.ends_on)
            """, arguments: args).map { r in
            Change(kind: .left, day: r[0], citizenId: r[1], offerType: OfferType(rawValue: r[2]) ?? .sel108,
                   fromResidence: r[3], toResidence: nil, isMoveHome: false, toOwn: nil)
        }
        let kinds = Change.Kind.allCases
        return (referred + started + left).sorted {
            ($0.day, kinds.firstIndex(of: $0.kind)!, $0.citizenId) < ($1.day, kinds.firstIndex(of: $1.kind)!, $1.citizenId)
        }
    }

    // MARK: Trends

    /// The state on the Sunday of each of the `weeks` weeks ending with `last`, oldest first:
    /// three set-based queries over the history, each restricted first to the periods that
    /// overlap the window.
    func trend(ending last: ISOWeek, weeks: Int) throws -> [TrendPoint] {
        var list = [last]
        while list.count < max(weeks, 1) { list.insert(list[0].previous, at: 0) }
        let sundays = list.map(\.sunday)
        let values = sundays.indices.map { "(?\($0 + 3))" }.joined(separator: ", ")
        var args: StatementArguments = [sundays.first!, sundays.last!]
        for s in sundays { _ = args.append(contentsOf: [s]) }
        let s = "s(d) AS (VALUES \(values))"

        var waiting: [Day: (Int, Int)] = [:]
        for r in try Row.fetchAll(db, sql: """
            WITH \(s),
            wp AS (SELECT since, until FROM waiting_period WHERE since <= ?2 AND (until IS NULL OR until > ?1)),
            w AS (SELECT s.d AS d, CAST(julianday(s.d) - julianday(wp.since) AS INTEGER) AS days
                  FROM s JOIN wp ON wp.since <= s.d AND (wp.until IS NULL OR wp.until > s.d)),
            o AS (SELECT d, days, ROW_NUMBER() OVER (PARTITION BY d ORDER BY days) AS rn,
                         COUNT(*) OVER (PARTITION BY d) AS n FROM w)
            SELECT d, MAX(n), CASE WHEN MAX(n) % 2 = 1 THEN 2 * SUM(days) ELSE SUM(days) END
            FROM o WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY d
            """, arguments: args) {
            waiting[r[0]] = (r[1], r[2])
        }

        let ownPlaces = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM place pl JOIN residence r ON r.id = pl.residence_id AND r.operator = 'own'
            """) ?? 0
        var occupied: [Day: Int] = [:]
        for r in try Row.fetchAll(db, sql: """
            WITH \(s),
            st AS (SELECT p.residence_id, p.place_id, p.starts_on, p.ends_on
                   FROM placement p JOIN place pl ON pl.residence_id = p.residence_id AND pl.id = p.place_id
                   JOIN residence r ON r.id = p.residence_id AND r.operator = 'own'
                   WHERE p.starts_on <= ?2 AND (p.ends_on IS NULL OR p.ends_on > ?1))
            SELECT s.d, COUNT(DISTINCT st.residence_id || char(31) || st.place_id)
            FROM s JOIN st ON st.starts_on <= s.d AND (st.ends_on IS NULL OR st.ends_on > s.d)
            GROUP BY s.d
            """, arguments: args) {
            occupied[r[0]] = r[1]
        }

        var external: [Day: (Int, Int64)] = [:]
        for r in try Row.fetchAll(db, sql: """
            WITH \(s),
            ext AS (SELECT p.starts_on, p.ends_on, COALESCE(p.daily_rate_ore, c.agreed_daily_rate_ore, r.daily_rate_ore) AS rate
                    FROM placement p JOIN residence r ON r.id = p.residence_id AND r.operator <> 'own'
                    JOIN citizen c ON c.id = p.citizen_id
                    WHERE p.starts_on <= ?2 AND (p.ends_on IS NULL OR p.ends_on > ?1))
            SELECT s.d, COUNT(*), SUM(ext.rate) * 365
            FROM s JOIN ext ON ext.starts_on <= s.d AND (ext.ends_on IS NULL OR ext.ends_on > s.d)
            GROUP BY s.d
            """, arguments: args) {
            external[r[0]] = (r[1], r[2])
        }

        return list.map { w in
            let d = w.sunday
            return TrendPoint(
                week: w, waiting: waiting[d]?.0 ?? 0, medianWaitDays: waiting[d].map { Median(twice: $0.1) },
                ownPlaces: ownPlaces, placesOccupied: occupied[d] ?? 0,
                externalCount: external[d]?.0 ?? 0, externalAnnualCost: Money(ore: external[d]?.1 ?? 0))
        }
    }

    private func money(_ ore: Int64?) -> Money? { ore.map { Money(ore: $0) } }
}
