import GRDB

/// Partial indexes for `placement status`, which reads a national world's 81,000 citizens and
/// 43,000 places on every call: each reads its few rows from an index rather than every row of
/// its table. Indexes only: no data changes.
extension Migrations {
    /// The versions these steps upgrade to; the one place the numbers are written, so that they
    /// can be renumbered when other schema changes land first.
    static let agreedRatesVersion = 11
    static let heldPlacesVersion = 12

    /// Version 11: the citizens with an agreed daily rate (2,000 of 81,000 nationally).
    static func toAgreedRates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX citizen_by_agreed_rate ON citizen(agreed_daily_rate_ore) WHERE agreed_daily_rate_ore IS NOT NULL;
            """)
    }

    /// Version 12: the places reserved or closed (1,300 of 43,000 nationally).
    static func toHeldPlaces(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX place_reserved_or_closed ON place(residence_id, id) WHERE status IN ('reserved', 'closed');
            """)
    }
}
