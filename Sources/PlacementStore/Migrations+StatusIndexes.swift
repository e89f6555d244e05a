import GRDB

extension Migrations {
    /// The version this step upgrades to; the one place the number is written, so that it can
    /// be renumbered when other schema changes land first.
    static let agreedRatesVersion = 11

    /// Version 11: the citizens with an agreed daily rate indexed apart (a partial index), so
    /// that `placement status` reads the few agreed rates (2,000 of 81,000 citizens nationally)
    /// from the index rather than every citizen's row. An index only: no data changes.
    static func toAgreedRates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX citizen_by_agreed_rate ON citizen(agreed_daily_rate_ore) WHERE agreed_daily_rate_ore IS NOT NULL;
            """)
    }
}
