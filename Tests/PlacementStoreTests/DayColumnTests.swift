import GRDB
import PlacementModel
import PlacementStore
import Testing

/// A day column is read from its bytes when it has the stored form; every text, stored form or
/// not, gives the day `Day(iso:)` gives (or none), so the fast path cannot change a reading.
@Suite struct DayColumnTests {
    @Test(arguments: ["2026-11-23", "1900-01-01", "2199-12-31", "2024-02-29", "2026-02-29", "2026-13-01", "2026-00-10",
                      "0000-01-01", "+026-01-01", "2026-1-01", "2026-01-1", "2026-01-01 ", " 2026-01-01", "2026/01/01",
                      "20260101", "", "2026-01-0a", "２026-01-01"])
    func readsAsDayIso(text: String) {
        #expect(Day.fromDatabaseValue(text.databaseValue) == Day(iso: text))
    }

    @Test func readsTheDayStored() throws {
        let queue = try DatabaseQueue()
        let day = try queue.read { try Day.fetchOne($0, sql: "SELECT '2026-11-23'") }
        #expect(day == Day(year: 2026, month: 11, day: 23))
    }
}
