import PlacementModel

extension WaitingPeriods {
    /// The one rule, in SQL, for "waiting on day D": the period began on or before D and had not
    /// ended by it (`until` is the first day no longer waiting), the SQL form of
    /// `DayInterval.contains`. The status, the bridges and `WaitingPeriods.on` ask it (the
    /// waiting list its form as index ranges, `waitingOnRangesSQL`); `WaitingOnDayTests` holds
    /// them to the Swift rule.
    ///
    /// - Parameters:
    ///   - alias: the `waiting_period` table's alias in the query, or nil for its bare columns.
    ///   - day: the SQL parameter the day is bound to (`?1` unless told).
    public static func waitingOnSQL(_ alias: String? = "w", day: String = "?1") -> String {
        let p = alias.map { $0 + "." } ?? ""
        return "\(p)since <= \(day) AND (\(p)until IS NULL OR \(p)until > \(day))"
    }

    /// The periods waiting on `day`, by `waitingOnSQL`'s rule, as a subquery of `columns` of
    /// `waiting_period`: the open periods begun by the day and those ending after it, two
    /// disjoint ranges of `waiting_period_by_end` (since version 10), where `waitingOnSQL` over
    /// `waiting_period_by_dates` reads every period begun by the day (a national world: 79,000
    /// of them for 4,600 waiting). `WaitingOnDayTests` holds the waiting list, which reads it,
    /// to the Swift rule.
    public static func waitingOnRangesSQL(columns: String, day: String = "?1") -> String {
        """
        (SELECT \(columns) FROM waiting_period INDEXED BY waiting_period_by_end WHERE until IS NULL AND since <= \(day)
         UNION ALL
         SELECT \(columns) FROM waiting_period INDEXED BY waiting_period_by_end WHERE until > \(day) AND since <= \(day))
        """
    }
}
