import GRDB
import GRDBSQLite
import PlacementModel

extension Status {
    /// The stays covering `day`, counted in one pass: citizens in own and in external residences,
    /// the sum of the external ones' daily rates (the stay's, else the citizen's agreed one, else
    /// the residence's: `Placements.externalRate`, the rule of `Placements.externalRateSQL`), and
    /// the own places taken (by citizens or by stays of no citizen of ours).
    ///
    /// A national world has 78,000 stays, 58,000 on a day, in 8,000 residences. Joining each stay
    /// to its residence in SQL (a search of the text key) and looking up each external stay's
    /// citizen for an agreed rate were four fifths of the query and a third of `placement
    /// status`; here the residences' kind and rate and the few agreed rates are read once into
    /// dictionaries, and the stays are stepped through with SQLite's C interface (no `Row` kept).
    ///
    /// A rate that is not a whole number from 0 to `Money.maximumDailyRate` (a value planted with
    /// the shell) is not summed: the stays are read again by `Placements.placed`, whose message
    /// names the row.
    ///
    /// - Complexity: one pass over the residences, the citizens with an agreed rate and the stays.
    static func staysOn(_ db: Database, _ day: Day) throws -> (own: Int, external: Int, externalDailyRates: Money, occupied: Int) {
        // Per residence id: whether it is own, and its daily rate (nil: not a rate; see above).
        var residences: [String: (own: Bool, rate: Int64?)] = [:]
        try step(db, sql: "SELECT id, operator = 'own', daily_rate_ore FROM residence") { s in
            residences[text(s, 0)] = (sqlite3_column_int64(s, 1) != 0, rate(s, 2))
        }
        // The few agreed rates (2,000 of 80,000 citizens nationally), asked only for an external
        // stay without a rate of its own.
        var agreed: [String: Int64?] = [:]
        try step(db, sql: "SELECT id, agreed_daily_rate_ore FROM citizen WHERE agreed_daily_rate_ore IS NOT NULL") { s in
            agreed[text(s, 0)] = rate(s, 1)
        }
        var own = 0, external = 0, occupied = 0, rates: Int64 = 0, unreadable = false
        // Nearly every stay began before the day asked, so the date index would only add a lookup
        // per row: the table is read straight through.
        try step(db, sql: """
            SELECT residence_id, citizen_id, place_id IS NOT NULL, daily_rate_ore FROM placement NOT INDEXED
            WHERE starts_on <= ?1 AND (ends_on IS NULL OR ends_on > ?1)
            """, arguments: [day]) { s in
            // A stay of a residence that is not there is not counted (as a join would not).
            guard let r = residences[text(s, 0)] else { return }
            let hasCitizen = sqlite3_column_type(s, 1) != SQLITE_NULL
            if r.own {
                if hasCitizen { own += 1 }
                if sqlite3_column_int64(s, 2) != 0 { occupied += 1 }
                return
            }
            guard hasCitizen else { return }
            external += 1
            // Each rate is nil when unreadable; the stay's own is absent (`.none`) when NULL.
            let stayRate: Int64?? = sqlite3_column_type(s, 3) == SQLITE_NULL ? Int64??.none : Int64??.some(rate(s, 3))
            let dailyRate = Placements.externalRate(stay: stayRate, agreed: agreed[text(s, 1)], residence: r.rate)
            guard let dailyRate else { unreadable = true; return }
            rates &+= dailyRate  // no overflow: at most a million stays of at most 10^10 øre each
        }
        if unreadable {
            // A rate beyond any real one: the stays are read one by one for the message naming it.
            _ = try Placements.placed(db, on: day)
        }
        return (own, external, Money(ore: rates), occupied)
    }

    /// Runs `sql` and calls `body` with SQLite's statement at each row.
    private static func step(_ db: Database, sql: String, arguments: StatementArguments = [],
                             _ body: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while try rows.next() != nil { try body(statement.sqliteStatement) }
    }

    /// Column `i` as text (the key columns here are NOT NULL).
    private static func text(_ s: OpaquePointer, _ i: Int32) -> String {
        sqlite3_column_text(s, i).map { String(cString: $0) } ?? ""
    }

    /// Column `i` as a daily rate in øre; nil when it is not a whole number from 0 to
    /// `Money.maximumDailyRate` (nor NULL: a caller asks only where NULL is not the answer).
    private static func rate(_ s: OpaquePointer, _ i: Int32) -> Int64? {
        guard sqlite3_column_type(s, i) == SQLITE_INTEGER else { return nil }
        let ore = sqlite3_column_int64(s, i)
        return (0...Money.maximumDailyRate.ore).contains(ore) ? ore : nil
    }
}
