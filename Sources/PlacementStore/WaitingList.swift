import GRDB
import GRDBSQLite
import PlacementModel

/// A citizen on the waiting list on one day, with the grant's deadline and the waiting-time
/// norms the wait is beyond: what `placement status`, the weekly report and the web app's
/// waiting list show per citizen.
public struct WaitingEntry: Sendable, Equatable {
    public var citizenId: String
    public var offerType: OfferType
    public var targetGroups: TargetGroups
    public var supportLevel: Int
    public var urgency: Urgency
    /// The day the waiting began.
    public var since: Day
    public var daysWaiting: Int
    /// The grant's `needed_by` ("senest"), when the export gives one.
    public var neededBy: Day?
    /// Days past `neededBy` on the day asked; nil when there is no deadline or it is not past.
    public var daysOverDeadline: Int?
    /// The norms (days, ascending) the wait is beyond.
    public var normsExceeded: [Int]

    /// The longest norm the wait is beyond, if any.
    public var highestNormExceeded: Int? { normsExceeded.last }
}

/// The waiting list on one day in the order the match gives priority (urgency in the
/// policy's order, then the longest wait), with the norms it was measured against.
public struct WaitingListOnDay: Sendable, Equatable {
    public var day: Day
    /// The policy's waiting-time norms, each once, ascending (`MatchPolicy.reportedWaitNorms`).
    public var norms: [Int]
    public var entries: [WaitingEntry]

    /// Citizens waiting past their deadline, most days over first.
    public var pastDeadline: [WaitingEntry] {
        entries.filter { $0.daysOverDeadline != nil }
            .sorted { ($0.daysOverDeadline ?? 0, $1.citizenId) > ($1.daysOverDeadline ?? 0, $0.citizenId) }
    }

    /// How many wait beyond `norm`.
    public func count(beyond norm: Int) -> Int { entries.filter { $0.normsExceeded.contains(norm) }.count }

    /// Citizens past their deadline or beyond a norm, in priority order: the ones to follow up.
    public var followUp: [WaitingEntry] { entries.filter { $0.daysOverDeadline != nil || !$0.normsExceeded.isEmpty } }
}

public enum WaitingList {
    /// The one rule for the norms: a wait is beyond a norm when it is longer than it.
    public static func isBeyond(_ daysWaiting: Int, norm: Int) -> Bool { daysWaiting > norm }

    /// The one rule for the deadline: days past `neededBy` on `day`, nil when not past.
    public static func daysOver(_ neededBy: Day?, on day: Day) -> Int? {
        guard let neededBy else { return nil }
        let d = neededBy.days(until: day)
        return d > 0 ? d : nil
    }

    /// The SQL rank of a citizen's urgency in the policy's order (`Priority.rank`), so a list
    /// is in the order the match gives priority.
    public static func urgencyRankSQL(_ priority: Priority, column: String = "c.urgency") -> String {
        "CASE \(column) " + Urgency.allCases.map { "WHEN '\($0.rawValue)' THEN \(priority.rank($0)) " }.joined() + "ELSE 9 END"
    }

    /// Who was waiting on `day`, with deadlines and norms from the stored policy.
    public static func on(_ db: Database, _ day: Day) throws -> WaitingListOnDay {
        try on(db, day, policy: try MatchPolicy.load(db))
    }

    /// Who was waiting on `day`, measured against `policy`'s norms and in its urgency order.
    public static func on(_ db: Database, _ day: Day, policy: MatchPolicy) throws -> WaitingListOnDay {
        let norms = policy.reportedWaitNorms
        let sql = """
            SELECT w.citizen_id, c.offer_type, c.target_groups, c.support_level, c.urgency, w.since, c.needed_by
            FROM \(WaitingPeriods.waitingOnRangesSQL(columns: "citizen_id, since")) w JOIN citizen c ON c.id = w.citizen_id
            ORDER BY \(urgencyRankSQL(Priority(policy: policy))), w.since, w.citizen_id
            """
        func entry(_ citizenId: String, _ offerType: String, _ targetGroups: Int, _ supportLevel: Int, _ urgency: String,
                   _ since: Day, _ neededBy: Day?) -> WaitingEntry {
            let days = since.days(until: day)
            return WaitingEntry(
                citizenId: citizenId, offerType: OfferType(rawValue: offerType) ?? .sel108,
                targetGroups: TargetGroups(rawValue: targetGroups), supportLevel: supportLevel,
                urgency: Urgency(rawValue: urgency) ?? .normal, since: since, daysWaiting: days,
                neededBy: neededBy, daysOverDeadline: daysOver(neededBy, on: day),
                normsExceeded: norms.filter { isBeyond(days, norm: $0) })
        }
        // The columns are read straight from SQLite (`StatementColumns`: GRDB's `Row` per entry
        // was a fifth of the list); a row with a value of another type, or a date in another
        // form, leaves the whole list to `RowReader`, which reads it alike or names the row.
        var stepped: [WaitingEntry] = [], plain = true
        try StatementColumns.step(db, sql: sql, arguments: [day]) { s in
            typealias C = StatementColumns
            guard C.isType(s, 0, SQLITE_TEXT), C.isType(s, 1, SQLITE_TEXT), C.isType(s, 2, SQLITE_INTEGER),
                  C.isType(s, 3, SQLITE_INTEGER), C.isType(s, 4, SQLITE_TEXT), let since = C.day(s, 5) else { plain = false; return false }
            let neededBy = C.day(s, 6)
            guard neededBy != nil || C.isType(s, 6, SQLITE_NULL) else { plain = false; return false }
            stepped.append(entry(C.text(s, 0), C.text(s, 1), Int(sqlite3_column_int64(s, 2)), Int(sqlite3_column_int64(s, 3)),
                                 C.text(s, 4), since, neededBy))
            return true
        }
        if plain { return WaitingListOnDay(day: day, norms: norms, entries: stepped) }
        // A cursor, not `fetchAll`: each row is read once, so it need not be copied out first (a
        // national list has 4,600 entries).
        let entries = try Array(Row.fetchCursor(db, sql: sql, arguments: [day]).map { row in
            let r = RowReader(row, table: "waiting_period")
            let since = try r.day(5), neededBy = try r.optionalDay(6)
            return entry(try r.value(0), try r.value(1), try r.value(2), try r.value(3), try r.value(4), since, neededBy)
        })
        return WaitingListOnDay(day: day, norms: norms, entries: entries)
    }
}

extension PlacementDatabase {
    /// The waiting list on `day` with deadlines and norms, read in one transaction.
    public func waitingList(on day: Day) throws -> WaitingListOnDay {
        try read { try WaitingList.on($0, day) }
    }
}
