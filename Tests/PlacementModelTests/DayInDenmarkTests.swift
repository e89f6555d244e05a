import Foundation
import PlacementModel
import Testing

/// "Today" is the day in Denmark, not in UTC: late in the evening UTC it is already the next
/// day in Copenhagen (one hour ahead in winter, two in summer).
@Suite struct DayInDenmarkTests {
    @Test(arguments: [
        ("2026-11-22T22:59:59Z", "2026-11-22"),
        ("2026-11-22T23:00:00Z", "2026-11-23"),
        ("2026-06-30T21:59:59Z", "2026-06-30"),
        ("2026-06-30T22:00:00Z", "2026-07-01"),
        ("2026-12-31T23:30:00Z", "2027-01-01"),
    ])
    func theDayIsTheDayInCopenhagen(instant: String, day: String) throws {
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        #expect(Day.inDenmark(at: date).iso == day)
    }
}
