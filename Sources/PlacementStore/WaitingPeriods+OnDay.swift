import PlacementModel

extension WaitingPeriods {
    /// The one rule, in SQL, for "waiting on day D": the period began on or before D and had not
    /// ended by it (`until` is the first day no longer waiting), the SQL form of
    /// `DayInterval.contains`. The status, the waiting list, the bridges and `WaitingPeriods.on`
    /// all ask it; `WaitingOnDayTests` holds them to the Swift rule.
    ///
    /// - Parameters:
    ///   - alias: the `waiting_period` table's alias in the query, or nil for its bare columns.
    ///   - day: the SQL parameter the day is bound to (`?1` unless told).
    public static func waitingOnSQL(_ alias: String? = "w", day: String = "?1") -> String {
        let p = alias.map { $0 + "." } ?? ""
        return "\(p)since <= \(day) AND (\(p)until IS NULL OR \(p)until > \(day))"
    }
}
