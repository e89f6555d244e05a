import GRDB
import GRDBSQLite
import PlacementModel

extension Status {
    /// What one pass over the residences and the stays covering a day counts.
    struct StayCounts {
        var ownResidences = 0, externalResidences = 0
        /// Citizens in own and in external residences.
        var own = 0, external = 0
        /// The sum of the external stays' daily rates.
        var externalDailyRates = Money(ore: 0)
        /// Own places taken, by citizens or by stays of no citizen of ours.
        var occupied = 0
        /// Stays that are bridges on the day (`Bridges.bridgingSQL`).
        var bridging = 0
    }

    /// The residences, own and external, and the stays covering `day`, counted in one pass:
    /// citizens in own and in external residences, the sum of the external ones' daily rates
    /// (the stay's, else the citizen's agreed one, else the residence's: `Placements.externalRate`,
    /// the rule of `Placements.externalRateSQL`), the own places taken (by citizens or by stays
    /// of no citizen of ours), and the bridges (`Bridges.bridgingSQL`, the rule of `Bridges.on`).
    ///
    /// A national world has 78,000 stays, 58,000 on a day, in 8,000 residences. Joining each stay
    /// to its residence in SQL (a search of the text key) and looking up each external stay's
    /// citizen for an agreed rate were four fifths of the query and a third of `placement
    /// status`; here the residences' kind and rate and the few agreed rates are read once into
    /// dictionaries, and the stays are stepped through with SQLite's C interface (no `Row` kept).
    /// Stays are stored residence by residence, so a stay's residence is looked up only when its
    /// key's bytes differ from the stay before's. The bridges were a second pass over the stays.
    ///
    /// A rate that is not a whole number from 0 to `Money.maximumDailyRate` (a value planted with
    /// the shell) is not summed: the stays are read again by `Placements.placed`, whose message
    /// names the row. So is a bridge with a value `Bridges.on` would not read: `Bridges.on` then
    /// counts them, or names the row.
    ///
    /// - Complexity: one pass over the residences, the citizens with an agreed rate and the stays.
    static func staysOn(_ db: Database, _ day: Day) throws -> StayCounts {
        var counts = StayCounts()
        // Per residence id: whether it is own, and its daily rate (nil: not a rate; see above).
        var residences: [String: (own: Bool, rate: Int64?)] = [:]
        // A residence without an operator (planted with the shell) is neither own nor external,
        // and `Bridges.on` would refuse it.
        var operatorMissing = false
        try StatementColumns.step(db, sql: "SELECT id, operator = 'own', daily_rate_ore FROM residence") { s in
            let own = sqlite3_column_int64(s, 1) != 0
            if StatementColumns.isType(s, 1, SQLITE_NULL) {
                operatorMissing = true
            } else if own {
                counts.ownResidences += 1
            } else {
                counts.externalResidences += 1
            }
            residences[StatementColumns.text(s, 0)] = (own, rate(s, 2))
            return true
        }
        // The few agreed rates (2,000 of 80,000 citizens nationally), asked only for an external
        // stay without a rate of its own; read from their partial index (version 11), as a scan
        // of every citizen's row was a tenth of `placement status`.
        var agreed: [String: Int64?] = [:]
        try StatementColumns.step(db, sql: """
            SELECT id, agreed_daily_rate_ore FROM citizen INDEXED BY citizen_by_agreed_rate WHERE agreed_daily_rate_ore IS NOT NULL
            """) { s in
            agreed[StatementColumns.text(s, 0)] = rate(s, 1)
            return true
        }
        var rates: Int64 = 0, unreadable = false, unusualBridge = false
        var lastKey: [UInt8] = [], residence: (own: Bool, rate: Int64?)?
        // Nearly every stay began before the day asked, so the date index would only add a lookup
        // per row: the table is read straight through. The last column is the start of a bridge,
        // NULL for any other stay.
        try StatementColumns.step(db, sql: """
            SELECT p.residence_id, p.citizen_id, p.place_id, p.daily_rate_ore, CASE WHEN \(Bridges.bridgingSQL) THEN p.starts_on END
            FROM placement p NOT INDEXED
            WHERE p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1)
            """, arguments: [day]) { s in
            let key = StatementColumns.bytes(s, 0)
            if !StatementColumns.equal(key, lastKey) {
                lastKey = Array(key)
                residence = residences[StatementColumns.text(s, 0)]
            }
            // A stay of a residence that is not there is not counted (as a join would not).
            guard let r = residence else { return true }
            let hasCitizen = !StatementColumns.isType(s, 1, SQLITE_NULL)
            if !StatementColumns.isType(s, 4, SQLITE_NULL) {
                counts.bridging += 1
                // The values `Bridges.on` reads, of the types it reads them as.
                let plain = !operatorMissing && StatementColumns.isType(s, 0, SQLITE_TEXT) && StatementColumns.isType(s, 1, SQLITE_TEXT)
                    && (StatementColumns.isType(s, 2, SQLITE_NULL) || StatementColumns.isType(s, 2, SQLITE_TEXT))
                    && (StatementColumns.isType(s, 3, SQLITE_INTEGER) || (StatementColumns.isType(s, 3, SQLITE_NULL) && r.rate != nil))
                    && StatementColumns.day(s, 4) != nil
                if !plain { unusualBridge = true }
            }
            if r.own {
                if hasCitizen { counts.own += 1 }
                if !StatementColumns.isType(s, 2, SQLITE_NULL) { counts.occupied += 1 }
                return true
            }
            guard hasCitizen else { return true }
            counts.external += 1
            // Each rate is nil when unreadable; the stay's own is absent (`.none`) when NULL.
            let stayRate: Int64?? = StatementColumns.isType(s, 3, SQLITE_NULL) ? Int64??.none : Int64??.some(rate(s, 3))
            let dailyRate = Placements.externalRate(stay: stayRate, agreed: agreed[StatementColumns.text(s, 1)], residence: r.rate)
            guard let dailyRate else { unreadable = true; return true }
            rates &+= dailyRate  // no overflow: at most a million stays of at most 10^10 øre each
            return true
        }
        if unreadable {
            // A rate beyond any real one: the stays are read one by one for the message naming it.
            _ = try Placements.placed(db, on: day)
        }
        if unusualBridge { counts.bridging = try Bridges.on(db, day).count }
        counts.externalDailyRates = Money(ore: rates)
        return counts
    }

    /// Column `i` as a daily rate in øre; nil when it is not a whole number from 0 to
    /// `Money.maximumDailyRate` (nor NULL: a caller asks only where NULL is not the answer).
    private static func rate(_ s: OpaquePointer, _ i: Int32) -> Int64? {
        guard StatementColumns.isType(s, i, SQLITE_INTEGER) else { return nil }
        let ore = sqlite3_column_int64(s, i)
        return (0...Money.maximumDailyRate.ore).contains(ore) ? ore : nil
    }
}
