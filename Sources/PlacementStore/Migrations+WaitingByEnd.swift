import GRDB

extension Migrations {
    /// The version this step upgrades to; the one place the number is written, so that it can
    /// be renumbered when other schema changes land first.
    static let waitingByEndVersion = 10

    /// Version 10: the waiting periods indexed by their end, so that the periods open on a day
    /// are read as two ranges of the index (`WaitingPeriods.waitingOnRangesSQL`) rather than
    /// every period begun by the day. An index only: no data changes.
    static func toWaitingByEnd(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX waiting_period_by_end ON waiting_period(until, since);")
    }
}
