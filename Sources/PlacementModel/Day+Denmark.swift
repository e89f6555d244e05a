import Foundation

extension Day {
    /// The calendar day in Denmark (Europe/Copenhagen, summer time included) at `instant`: the
    /// one rule for "today" of the commands (`Clock.today`) and the web app
    /// (`WebArguments.today`), so a planner working past 23:00 UTC sees the same day in both.
    public static func inDenmark(at instant: Date) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        // The calendar always gives the three parts; 1970-01-01 stands in should it not.
        return Day(clampedYear: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }
}
