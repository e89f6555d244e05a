import PlacementModel
import Testing

/// Days as people write them: ISO, or day first as Danes do.
@Suite struct DayWrittenTests {
    @Test(arguments: [
        ("2026-11-23", "2026-11-23"), ("23-11-2026", "2026-11-23"), ("23.11.2026", "2026-11-23"), ("23/11/2026", "2026-11-23"),
        ("1-8-2027", "2027-08-01"), (" 01-08-2027 ", "2027-08-01"),
    ])
    func aWrittenDayIsRead(text: String, iso: String) {
        #expect(Day(written: text)?.iso == iso)
    }

    @Test(arguments: ["11/23/2026", "31-02-2028", "23-11-26", "2026/11/23", "", "i morgen", "123-11-2026"])
    func anythingElseIsNoDay(text: String) {
        #expect(Day(written: text) == nil)
    }
}
