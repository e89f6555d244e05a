import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// The SQL behind `WeeklyFigures`: each function answers one part of the report from the
/// history tables (`waiting_period`, `placement`, `decline`, `match_run`, `proposal`). Days
/// are bound as `yyyy-mm-dd` text where they are compared, and as day numbers (days since
/// 1970-01-01, `Day.daysSinceEpoch`, which is `julianday(x) - 2440587.5` in SQL) where they
/// are counted. The queries read each table once per concern: a national world (98
/// municipalities, three years of history) is reported in about a second.
struct WeeklyQueries {
    let db: Database
    /// Results shared by two parts of the report: the external stays on Sunday of citizens
    /// open to moving, found by `external` and used by `bringHome`.
    final class Cache {
        var openToMove: [ISOWeek: [ExternalStay]] = [:]
    }
    let cache = Cache()

    // MARK: Settings

    func planningArea() throws -> [AreaMunicipality] {
        try Row.fetchAll(db, sql: """
            SELECT pa.municipality_code, COALESCE(m.name, '?') FROM planning_area pa
            LEFT JOIN municipality m ON m.code = pa.municipality_code ORDER BY 1
            """).map { row in
            let r = RowReader(row, table: "planning_area")
            return AreaMunicipality(code: try r.value(0), name: try r.value(1))
        }
    }

    /// The policy the match uses (its norms and urgency order are the report's too).
    func policy() throws -> MatchPolicy { try MatchPolicy.load(db) }

    func latestRun(onOrBefore day: Day) throws -> MatchRunRef? {
        try Row.fetchOne(db, sql: """
            SELECT id, as_of FROM match_run WHERE as_of <= ? AND replay_of IS NULL
            ORDER BY as_of DESC, id DESC LIMIT 1
            """, arguments: [day]).map { row in
            let r = RowReader(row, table: "match_run")
            return MatchRunRef(id: try r.value(0), asOf: try r.day(1))
        }
    }

    // MARK: Headline

    /// The headlines of `week` and the week before. The state on their Sundays comes from the
    /// last two points of `trend` (counted as `placement status` counts it; a test holds them
    /// equal), the places and vacancy from their `ownResidences`, the events of each week from
    /// the stays and waiting periods starting in it.
    func headlines(_ week: ISOWeek, residences: [OwnResidence], previousResidences: [OwnResidence],
                   trend: [TrendPoint]) throws -> (Headline, Headline) {
        precondition(trend.count >= 2 && trend[trend.count - 1].week == week)
        func headline(_ w: ISOWeek, _ rs: [OwnResidence], _ t: TrendPoint) throws -> Headline {
            let (mon, next) = (w.monday, w.nextMonday)
            // An aggregate always has its one row; none would be a broken database.
            guard let made = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) FILTER (WHERE r.operator = 'own'), COUNT(*) FILTER (WHERE r.operator <> 'own')
                FROM placement p JOIN residence r ON r.id = p.residence_id
                WHERE p.citizen_id IS NOT NULL AND p.starts_on >= ?1 AND p.starts_on < ?2
                """, arguments: [mon, next]).map({ RowReader($0, table: "placement") }) else {
                throw StoreError.invalid("An aggregate query returned no row.")
            }
            let movesHome = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM placement p JOIN residence r ON r.id = p.residence_id AND r.operator = 'own'
                WHERE p.citizen_id IS NOT NULL AND p.starts_on >= ?1 AND p.starts_on < ?2
                  AND EXISTS (SELECT 1 FROM placement q JOIN residence rq ON rq.id = q.residence_id AND rq.operator <> 'own'
                              WHERE q.citizen_id = p.citizen_id AND q.ends_on = p.starts_on)
                """, arguments: [mon, next]) ?? 0
            let referrals = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM waiting_period WHERE since >= ?1 AND since < ?2
                """, arguments: [mon, next]) ?? 0
            func sum(_ v: (OwnResidence) -> Int) -> Int { rs.reduce(0) { $0 + v($1) } }
            return Headline(
                week: w, waiting: t.waiting, medianWaitDays: t.medianWaitDays, longestWaitDays: t.longestWaitDays,
                referrals: referrals, placementsOwn: try made.value(0), placementsExternal: try made.value(1), movesHome: movesHome,
                placedOwn: t.placedOwn, placedExternal: t.externalCount, externalAnnualCost: t.externalAnnualCost,
                ownPlaces: sum(\.places), placesOccupied: sum(\.occupied), placesVacant: sum(\.vacant),
                placesReserved: sum(\.reserved), placesClosed: sum(\.closed),
                vacancyDays: sum(\.vacancyDays), vacancyCost: rs.map(\.vacancyCost).sum())
        }
        return (try headline(week, residences, trend[trend.count - 1]),
                try headline(week.previous, previousResidences, trend[trend.count - 2]))
    }

    /// The daily rate an external stay costs (the store's rule, as `placement status` counts it).
    static let externalRate = Placements.externalRateSQL

    // MARK: Waiting list

    /// The waiting list on Sunday from the store (`WaitingList`: the policy's urgency order,
    /// deadlines and norms), with each citizen's row in `run`.
    func waitingList(_ week: ISOWeek, run: MatchRunRef?, policy: MatchPolicy) throws -> [WaitingCitizen] {
        var proposals: [String: CurrentProposal] = [:]
        if let run {
            for row in try Row.fetchAll(db, sql: """
                SELECT pr.citizen_id, pr.action, pr.residence_id, r.name, pr.place_id, pr.move_in, pr.annual_cost_gross_ore,
                       pr.annual_saving_ore, pr.status
                FROM proposal pr LEFT JOIN residence r ON r.id = pr.residence_id
                WHERE pr.run_id = ?
                """, arguments: [run.id]) {
                let pr = RowReader(row, table: "proposal")
                guard let action = ProposalAction(rawValue: try pr.value(1)) else { continue }
                proposals[try pr.value(0)] = CurrentProposal(
                    action: action, residenceId: try pr.optional(2), residenceName: try pr.optional(3), placeId: try pr.optional(4),
                    moveIn: try pr.optionalDay(5), annualCostGross: try pr.optionalMoney(6), annualSaving: try pr.optionalMoney(7),
                    status: ProposalStatus(rawValue: try pr.value(8)) ?? .proposed)
            }
        }
        return try WaitingList.on(db, week.sunday, policy: policy).entries.map { e in
            WaitingCitizen(entry: e, proposal: proposals[e.citizenId])
        }
    }

    // MARK: Own residences

    /// Own residences on Sunday of `week` and of the week before, with each one's vacancy
    /// days over its week: 7 per place that is not reserved or closed, less the days stays on
    /// those places cover (stays on one place never overlap). A place is occupied when a stay
    /// covers Sunday, else reserved or closed by its flag, else vacant. One pass over the
    /// stays of the two weeks, each with its place's flag.
    func ownResidences(_ week: ISOWeek) throws -> (this: [OwnResidence], previous: [OwnResidence]) {
        let p = week.previous
        var this: [OwnResidence] = [], previous: [OwnResidence] = []
        // ?1-?5: day numbers of the previous Monday and Sunday, this Monday, next Monday and this Sunday;
        // ?6, ?7: the two weeks as text, [previous Monday, next Monday).
        for row in try Row.fetchAll(db, sql: """
            WITH st AS MATERIALIZED (
                -- Day numbers; a stay that began before the two weeks or ends after them is
                -- clamped to their edges without converting its dates.
                SELECT p.residence_id AS rid, pl.status = 'reserved' AS res, pl.status = 'closed' AS clo,
                       CASE WHEN p.starts_on <= ?6 THEN ?1
                            ELSE CAST(julianday(p.starts_on) - 2440587.5 AS INTEGER) END AS a,
                       CASE WHEN p.ends_on IS NULL THEN NULL WHEN p.ends_on >= ?7 THEN ?4
                            ELSE CAST(julianday(p.ends_on) - 2440587.5 AS INTEGER) END AS b
                FROM placement p JOIN place pl ON pl.residence_id = p.residence_id AND pl.id = p.place_id
                -- `+` keeps SQLite from walking the date index, which here matches nearly every row.
                WHERE +p.starts_on < ?7 AND (p.ends_on IS NULL OR p.ends_on > ?6)),
            agg AS (
                SELECT rid,
                       SUM(on1) AS o1, SUM(on1 AND res) AS ro1, SUM(on1 AND clo) AS co1,
                       SUM(CASE WHEN res OR clo THEN 0 ELSE cov1 END) AS cov1,
                       SUM(on0) AS o0, SUM(on0 AND res) AS ro0, SUM(on0 AND clo) AS co0,
                       SUM(CASE WHEN res OR clo THEN 0 ELSE cov0 END) AS cov0
                FROM (SELECT rid, res, clo,
                             a <= ?5 AND (b IS NULL OR b > ?5) AS on1, a <= ?2 AND (b IS NULL OR b > ?2) AS on0,
                             MAX(0, MIN(COALESCE(b, ?4), ?4) - MAX(a, ?3)) AS cov1,
                             MAX(0, MIN(COALESCE(b, ?3), ?3) - MAX(a, ?1)) AS cov0
                      FROM st)
                GROUP BY rid),
            pc AS (
                SELECT residence_id AS rid, COUNT(*) AS n, SUM(status = 'reserved') AS nr, SUM(status = 'closed') AS nc
                FROM place GROUP BY residence_id)
            SELECT r.id, r.name, r.offer_type, r.daily_rate_ore, COALESCE(pc.n, 0),
                   COALESCE(o1, 0), COALESCE(nr, 0) - COALESCE(ro1, 0), COALESCE(nc, 0) - COALESCE(co1, 0),
                   7 * (COALESCE(pc.n, 0) - COALESCE(nr, 0) - COALESCE(nc, 0)) - COALESCE(cov1, 0),
                   COALESCE(o0, 0), COALESCE(nr, 0) - COALESCE(ro0, 0), COALESCE(nc, 0) - COALESCE(co0, 0),
                   7 * (COALESCE(pc.n, 0) - COALESCE(nr, 0) - COALESCE(nc, 0)) - COALESCE(cov0, 0)
            FROM residence r LEFT JOIN pc ON pc.rid = r.id LEFT JOIN agg ON agg.rid = r.id
            WHERE r.operator = 'own'
            ORDER BY r.name, r.id
            """, arguments: [p.monday.daysSinceEpoch, p.sunday.daysSinceEpoch, week.monday.daysSinceEpoch,
                             week.nextMonday.daysSinceEpoch, week.sunday.daysSinceEpoch, p.monday, week.nextMonday]) {
            let r = RowReader(row, table: "residence")
            let places: Int = try r.value(4), rate = try r.money(3)
            let offer = OfferType(rawValue: try r.value(2)) ?? .sel108
            let id: String = try r.value(0), name: String = try r.value(1)
            func residence(_ i: Int) throws -> OwnResidence {
                let occupied: Int = try r.value(i), reserved: Int = try r.value(i + 1), closed: Int = try r.value(i + 2)
                let vacancyDays: Int = try r.value(i + 3)
                return OwnResidence(
                    id: id, name: name, offerType: offer, places: places, occupied: occupied,
                    vacant: places - occupied - reserved - closed, reserved: reserved, closed: closed,
                    vacancyDays: vacancyDays, dailyRate: rate, vacancyCost: rate * Int64(vacancyDays))
            }
            this.append(try residence(5))
            previous.append(try residence(9))
        }
        return (this, previous)
    }

    // MARK: External purchases

    /// External stays on `?1` with the rate they cost (`externalRate`) and whether the citizen
    /// is open to moving.
    static let externalOnDay = """
        ext AS MATERIALIZED (
            SELECT p.citizen_id, p.starts_on, p.residence_id, r.name, r.operator, r.municipality_code, r.offer_type,
                   \(externalRate) AS rate,
                   (SELECT c.open_to_move FROM citizen c WHERE c.id = p.citizen_id) AS open
            FROM placement p JOIN residence r ON r.id = p.residence_id AND r.operator <> 'own'
            -- `+` keeps SQLite from walking the date index, which here matches nearly every row.
            WHERE p.citizen_id IS NOT NULL AND +p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1))
        """

    /// External placements on Sunday by offer type, operator and municipality, and the stays
    /// above the expensive threshold; from one pass over the stays, which also finds the
    /// citizens open to moving (kept for `bringHome`).
    func external(_ week: ISOWeek) throws -> ExternalPurchases {
        let offerOrder = OfferType.allCases, operatorOrder = OperatorKind.allCases
        var byOffer: [ExternalGroup<OfferType>] = [], byOperator: [ExternalGroup<OperatorKind>] = []
        var byMunicipality: [ExternalGroup<AreaMunicipality>] = []
        var expensive: [ExternalStay] = [], open: [ExternalStay] = []
        // Rows of kind 0-2 are the groupings (key, count, cost); kind 3 are single stays.
        for row in try Row.fetchAll(db, sql: """
            WITH \(Self.externalOnDay),
            g AS (
                SELECT 0 AS kind, offer_type AS key, COUNT(*) AS n, SUM(rate) * 365 AS cost FROM ext GROUP BY offer_type
                UNION ALL SELECT 1, operator, COUNT(*), SUM(rate) * 365 FROM ext GROUP BY operator
                UNION ALL SELECT 2, municipality_code, COUNT(*), SUM(rate) * 365 FROM ext GROUP BY municipality_code)
            SELECT g.kind, g.key, g.n, g.cost, COALESCE(m.name, '?'),
                   -- Named for the columns of the stays below, which a message may name.
                   NULL AS residence_id, NULL AS name, NULL AS operator, NULL AS municipality_code,
                   NULL AS offer_type, NULL AS starts_on, NULL AS daily_rate_ore, NULL AS open_to_move
            FROM g LEFT JOIN municipality m ON g.kind = 2 AND m.code = g.key
            UNION ALL
            SELECT 3, e.citizen_id, NULL, NULL, COALESCE(m.name, '?'),
                   e.residence_id, e.name, e.operator, e.municipality_code, e.offer_type, e.starts_on, e.rate, e.open
            FROM ext e LEFT JOIN municipality m ON m.code = e.municipality_code
            WHERE e.rate * 365 > ?2 OR e.open = 1
            ORDER BY 1, 4 DESC, 12 DESC, 2
            """, arguments: [week.sunday, WeeklyFigures.expensiveThreshold.ore]) {
            let r = RowReader(row, table: "placement", keyColumn: 1)
            let kind: Int = try r.value(0)
            switch kind {
            case 0, 1, 2:
                let n: Int = try r.value(2), cost = try r.money(3)
                if kind == 0, let o = OfferType(rawValue: try r.value(1)) {
                    byOffer.append(ExternalGroup(key: o, count: n, annualCost: cost))
                } else if kind == 1, let o = OperatorKind(rawValue: try r.value(1)) {
                    byOperator.append(ExternalGroup(key: o, count: n, annualCost: cost))
                } else if kind == 2 {
                    byMunicipality.append(ExternalGroup(key: AreaMunicipality(code: try r.value(1), name: try r.value(4)),
                                                        count: n, annualCost: cost))
                }
            default:
                guard let rate = try r.dailyRate(11) else { throw r.bad(11, "NULL is not a daily rate") }
                let stay = ExternalStay(
                    citizenId: try r.value(1), residenceId: try r.value(5), residenceName: try r.value(6),
                    operatorKind: OperatorKind(rawValue: try r.value(7)) ?? .private,
                    municipality: AreaMunicipality(code: try r.value(8), name: try r.value(4)),
                    offerType: OfferType(rawValue: try r.value(9)) ?? .sel108, since: try r.day(10), dailyRate: rate,
                    annualCost: rate.perYear)
                if stay.annualCost > WeeklyFigures.expensiveThreshold { expensive.append(stay) }
                if try r.value(12) as Bool { open.append(stay) }
            }
        }
        cache.openToMove[week] = open
        byOffer.sort { (offerOrder.firstIndex(of: $0.key) ?? 0) < (offerOrder.firstIndex(of: $1.key) ?? 0) }
        byOperator.sort { (operatorOrder.firstIndex(of: $0.key) ?? 0) < (operatorOrder.firstIndex(of: $1.key) ?? 0) }
        return ExternalPurchases(byOfferType: byOffer, byOperator: byOperator, byMunicipality: byMunicipality,
                                 expensive: expensive)
    }

    /// Citizens in an external stay on Sunday who are open to moving, with the saving of the
    /// run's `bring_home` proposal; the largest savings first, then those without one.
    func bringHome(_ week: ISOWeek, run: MatchRunRef?) throws -> [BringHomeCandidate] {
        var proposals: [String: (String?, String?, Int64?)] = [:]
        if let run {
            for row in try Row.fetchAll(db, sql: """
                SELECT pr.citizen_id, pr.residence_id, r.name, pr.annual_saving_ore FROM proposal pr
                LEFT JOIN residence r ON r.id = pr.residence_id
                WHERE pr.run_id = ? AND pr.action = 'bring_home'
                """, arguments: [run.id]) {
                let r = RowReader(row, table: "proposal")
                proposals[try r.value(0)] = (try r.optional(1), try r.optional(2), try r.optional(3))
            }
        }
        if cache.openToMove[week] == nil { _ = try external(week) }
        let candidates = (cache.openToMove[week] ?? []).map { stay in
            let p = proposals[stay.citizenId]
            return BringHomeCandidate(
                citizenId: stay.citizenId, residenceId: stay.residenceId, residenceName: stay.residenceName,
                offerType: stay.offerType, annualCost: stay.annualCost, proposedResidenceId: p?.0,
                proposedResidenceName: p?.1, annualSaving: p?.2.map { Money(ore: $0) })
        }
        return candidates.sorted {
            switch ($0.annualSaving, $1.annualSaving) {
            case let (a?, b?): return a != b ? a > b : $0.citizenId < $1.citizenId
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return $0.citizenId < $1.citizenId
            }
        }
    }

    // MARK: Norms, declines, changes

    /// Waits beyond each norm and past the deadline per offer type, counted from the waiting
    /// list (the store's rule for both).
    static func norms(_ list: [WaitingCitizen], norms: [Int]) -> [NormRow] {
        OfferType.allCases.compactMap { o in
            let ws = list.filter { $0.offerType == o }
            guard !ws.isEmpty else { return nil }
            return NormRow(offerType: o, waiting: ws.count,
                           over: norms.map { n in ws.filter { $0.normsExceeded.contains(n) }.count },
                           pastDeadline: ws.filter { $0.daysOverDeadline != nil }.count,
                           longestWaitDays: ws.map(\.daysWaiting).max() ?? 0)
        }
    }

    func declines(_ week: ISOWeek) throws -> [Decline] {
        try Row.fetchAll(db, sql: """
            SELECT d.declined_on, d.citizen_id, d.residence_id, r.name, d.reason, d.note
            FROM decline d LEFT JOIN residence r ON r.id = d.residence_id
            WHERE d.declined_on >= ?1 AND d.declined_on < ?2
              AND d.ended_how IS NOT 'revoked'  -- a revoked decline was taken back
            ORDER BY d.declined_on, d.id
            """, arguments: [week.monday, week.nextMonday]).map { row in
            let r = RowReader(row, table: "decline", keyColumn: 1)
            return Decline(day: try r.day(0), citizenId: try r.value(1), residenceId: try r.value(2), residenceName: try r.optional(3),
                           reason: DeclineReason(rawValue: try r.value(4)) ?? .other, note: try r.optional(5))
        }
    }

    func changes(_ week: ISOWeek) throws -> [Change] {
        let args: StatementArguments = [week.monday, week.nextMonday]
        let referred = try Row.fetchAll(db, sql: """
            SELECT w.since, w.citizen_id, c.offer_type FROM waiting_period w JOIN citizen c ON c.id = w.citizen_id
            WHERE w.since >= ?1 AND w.since < ?2
            """, arguments: args).map { row in
            let r = RowReader(row, table: "waiting_period", keyColumn: 1)
            return Change(kind: .referred, day: try r.day(0), citizenId: try r.value(1),
                          offerType: OfferType(rawValue: try r.value(2)) ?? .sel108,
                          fromResidence: nil, toResidence: nil, isMoveHome: false, toOwn: nil)
        }
        // New stays; the citizen's stay ending on the start day, if any, makes it a move.
        let started = try Row.fetchAll(db, sql: """
            SELECT p.starts_on, p.citizen_id, r.offer_type, r.name, r.operator = 'own', rq.name, rq.operator = 'own'
            FROM placement p JOIN residence r ON r.id = p.residence_id
            LEFT JOIN placement q ON q.citizen_id = p.citizen_id AND q.ends_on = p.starts_on AND q.id <> p.id
            LEFT JOIN residence rq ON rq.id = q.residence_id
            WHERE p.citizen_id IS NOT NULL AND p.starts_on >= ?1 AND p.starts_on < ?2
            """, arguments: args).map { row in
            let r = RowReader(row, table: "placement", keyColumn: 1)
            let from: String? = try r.optional(5), toOwn: Bool = try r.value(4), fromOwn: Bool? = try r.optional(6)
            return Change(kind: from == nil ? .placed : .moved, day: try r.day(0), citizenId: try r.value(1),
                          offerType: OfferType(rawValue: try r.value(2)) ?? .sel108, fromResidence: from, toResidence: try r.value(3),
                          isMoveHome: from != nil && toOwn && fromOwn == false, toOwn: toOwn)
        }
        let left = try Row.fetchAll(db, sql: """
            SELECT p.ends_on, p.citizen_id, r.offer_type, r.name FROM placement p JOIN residence r ON r.id = p.residence_id
            WHERE p.citizen_id IS NOT NULL AND p.ends_on >= ?1 AND p.ends_on < ?2
              AND NOT EXISTS (SELECT 1 FROM placement n WHERE n.citizen_id = p.citizen_id AND n.starts_on = p.ends_on)
            """, arguments: args).map { row in
            let r = RowReader(row, table: "placement", keyColumn: 1)
            return Change(kind: .left, day: try r.day(0), citizenId: try r.value(1),
                          offerType: OfferType(rawValue: try r.value(2)) ?? .sel108,
                          fromResidence: try r.value(3), toResidence: nil, isMoveHome: false, toOwn: nil)
        }
        let kinds = Change.Kind.allCases
        return (referred + started + left).sorted {
            ($0.day, kinds.firstIndex(of: $0.kind) ?? 0, $0.citizenId) < ($1.day, kinds.firstIndex(of: $1.kind) ?? 0, $1.citizenId)
        }
    }

    // MARK: Trends

    /// The state on the Sunday of each of the `weeks` weeks ending with `last`, oldest first,
    /// counted as `placement status` counts it.
    /// Each stay or waiting period overlapping the window covers a run of Sundays `[i0, i1)`
    /// (day numbers make it integer arithmetic); the counts and amounts per Sunday are sums over
    /// the runs that cover it, so each table is read once. Medians need the waits
    /// themselves: the periods are expanded to the Sundays they cover and counted per wait,
    /// and the middle one or two are found by a running count.
    func trend(ending last: ISOWeek, weeks: Int) throws -> [TrendPoint] {
        var list = [last]
        while list.count < max(weeks, 1), let oldest = list.first { list.insert(oldest.previous, at: 0) }
        let k = list.count
        let first = (list.first ?? last).sunday, lastSunday = last.sunday
        // ?1, ?2: first and last Sunday as text; ?3: the first Sunday's day number; ?4: the number of Sundays.
        let args: StatementArguments = [first, lastSunday, first.daysSinceEpoch, k]
        let index = { (x: String) in "MAX(0, MIN(?4, (\(x) - ?3 + 6) / 7))" }
        let series = """
            s(k) AS MATERIALIZED (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < ?4 - 1)
            """

        var waiting: [Int: (Int, Int, Int)] = [:]
        for row in try Row.fetchAll(db, sql: """
            WITH RECURSIVE \(series),
            wp AS MATERIALIZED (
                SELECT CAST(julianday(since) - 2440587.5 AS INTEGER) AS a,
                       COALESCE(CAST(julianday(until) - 2440587.5 AS INTEGER), 1 << 40) AS b
                FROM waiting_period WHERE since <= ?2 AND (until IS NULL OR until > ?1)),
            h AS (SELECT s.k AS k, ?3 + 7 * s.k - wp.a AS days, COUNT(*) AS c
                  FROM s JOIN wp ON wp.a <= ?3 + 7 * s.k AND wp.b > ?3 + 7 * s.k GROUP BY s.k, days),
            cum AS MATERIALIZED (
                SELECT k, days, SUM(c) OVER (PARTITION BY k ORDER BY days) AS upto, SUM(c) OVER (PARTITION BY k) AS n FROM h)
            SELECT k, MAX(n), MIN(days) FILTER (WHERE upto >= (n + 1) / 2) + MIN(days) FILTER (WHERE upto >= n / 2 + 1),
                   MAX(days)
            FROM cum GROUP BY k
            """, arguments: args) {
            let r = RowReader(row, table: "waiting_period")
            waiting[try r.value(0)] = (try r.value(1), try r.value(2), try r.value(3))
        }

        let ownPlaces = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM place pl JOIN residence r ON r.id = pl.residence_id AND r.operator = 'own'
            """) ?? 0
        // Occupied own places (stays with a place), citizens placed in own residences and in
        // external ones (stays with a citizen), and the daily rates of the external stays. Each
        // stay covers the Sundays [i0, i1); stays are summed per (i0, i1) and the sums added up
        // for each Sunday they cover. Most stays began before the window or are still open,
        // so their dates are compared as text and converted only when they fall inside it.
        var stays: [Int: (occupied: Int, own: Int, external: Int, rate: Int64)] = [:]
        for row in try Row.fetchAll(db, sql: """
            WITH RECURSIVE \(series),
            st AS MATERIALIZED (
                SELECT CASE WHEN p.starts_on <= ?1 THEN 0
                            ELSE \(index("CAST(julianday(p.starts_on) - 2440587.5 AS INTEGER)")) END AS i0,
                       CASE WHEN p.ends_on IS NULL OR p.ends_on > ?2 THEN ?4
                            ELSE \(index("CAST(julianday(p.ends_on) - 2440587.5 AS INTEGER)")) END AS i1,
                       r.operator = 'own' AND p.place_id IS NOT NULL AS occ,
                       r.operator = 'own' AND p.citizen_id IS NOT NULL AS own,
                       r.operator <> 'own' AND p.citizen_id IS NOT NULL AS ext,
                       CASE WHEN r.operator <> 'own' AND p.citizen_id IS NOT NULL THEN \(Self.externalRate) ELSE 0 END AS rate
                FROM placement p JOIN residence r ON r.id = p.residence_id
                -- `+` keeps SQLite from walking the date index, which here matches nearly every row.
                WHERE +p.starts_on <= ?2 AND (p.ends_on IS NULL OR p.ends_on > ?1)),
            g AS (SELECT i0, i1, SUM(occ) AS o, SUM(own) AS w, SUM(ext) AS e, SUM(rate) AS y FROM st GROUP BY i0, i1)
            SELECT s.k, COALESCE(SUM(g.o), 0), COALESCE(SUM(g.w), 0), COALESCE(SUM(g.e), 0), COALESCE(SUM(g.y), 0) * 365
            FROM s LEFT JOIN g ON g.i0 <= s.k AND g.i1 > s.k GROUP BY s.k
            """, arguments: args) {
            let r = RowReader(row, table: "placement")
            stays[try r.value(0)] = (try r.value(1), try r.value(2), try r.value(3), try r.value(4))
        }

        return list.enumerated().map { i, w in
            TrendPoint(
                week: w, waiting: waiting[i]?.0 ?? 0, medianWaitDays: waiting[i].map { Median(twice: $0.1) },
                longestWaitDays: waiting[i]?.2, ownPlaces: ownPlaces, placesOccupied: stays[i]?.occupied ?? 0,
                placedOwn: stays[i]?.own ?? 0, externalCount: stays[i]?.external ?? 0,
                externalAnnualCost: Money(ore: stays[i]?.rate ?? 0))
        }
    }

}
