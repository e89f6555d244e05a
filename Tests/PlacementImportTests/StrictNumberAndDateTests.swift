import PlacementModel
import Spreadsheet
import Testing

@testable import PlacementImport

/// The number and date forms the README lists, and a table of look-alikes that are refused
/// rather than guessed at (issue 12: "1,2,3" was stored as 123 kr., "-2026-01-01" as 2026-01-01).
@Suite struct StrictNumberAndDateTests {
    @Test(arguments: [
        ("1234", 123_400), ("1234.5", 123_450), ("1234,5", 123_450), ("1.234,50", 123_450), ("1,234.50", 123_450),
        ("kr. 1.234", 123_400), ("1.234 kr.", 123_400), ("DKK 1234", 123_400), ("1.234,-", 123_400), ("1 234,50", 123_450),
        ("1\u{A0}234,50", 123_450), ("1.850", 185_000), ("1,850", 185_000), ("1.234.567", 123_456_700), ("0,5", 50),
        ("1234.567,5", -1), ("12,5", 1_250), (" 2900 ", 290_000), ("1'234.50", 123_450),
    ] as [(String, Int64)])
    func acceptedAmounts(text: String, ore: Int64) {
        if ore < 0 {
            #expect(CellParsing.money(.text(text)) == .failure(CellParsing.Expected("is not an amount in kroner (e.g. 1.850,00)")), "\(text)")
        } else {
            #expect(CellParsing.money(.text(text)) == .success(Money(ore: ore)), "\(text)")
        }
    }

    @Test(arguments: ["1,2,3", "1.2.3", "12.34.567", "1.234.56", "1,234,5", "1.234,5.6", "1 2 3", "--5", "5-", "1kr2", "kr",
                      ",5", "5,", "1.,5", "1e3", "0x10", "12,34,56", "1 234.567,5,0", "½"])
    func refusedNumbers(text: String) {
        #expect(CellParsing.decimal(.text(text)) == nil, "\(text)")
    }

    @Test func negativeAmountsAreReadAndThenRefusedAsAmounts() {
        let negative = CellParsing.decimal(.text("-1.234,50"))
        #expect(negative?.value == -123_450 && negative?.scale == 2)
        #expect(CellParsing.money(.text("-5")) == .failure(CellParsing.Expected("is negative; an amount must be 0 or more")))
    }

    /// 18 digits are a number, but 10^17 kroner are more øre than 64 bits hold: refused, not a
    /// trap; an amount that fits in øre meets the plausibility check as before.
    @Test func amountsBeyondWhatØreCanHoldAreRefused() {
        #expect(CellParsing.money(.text("999999999999999999")) == .failure(CellParsing.Expected("is too large to be an amount in kroner")))
        #expect(CellParsing.money(.text("92233720368547758")) == .failure(CellParsing.Expected("is not a plausible daily amount")))
    }

    @Test(arguments: [
        ("2026-11-23", "2026-11-23"), ("23-11-2026", "2026-11-23"), ("23.11.2026", "2026-11-23"), ("23/11/2026", "2026-11-23"),
        ("2026-1-5", "2026-01-05"), ("5.1.2026", "2026-01-05"), ("2026/11/23", "2026-11-23"),
        ("23-11-2026 00:00:00", "2026-11-23"), ("2026-11-23T08:30", "2026-11-23"), ("2026-11-23 08:30:15.250", "2026-11-23"),
    ])
    func acceptedDates(text: String, iso: String) {
        #expect(CellParsing.date(.text(text)) == .success(Day(iso: iso)!), "\(text)")
    }

    @Test(arguments: ["-2026-01-01", "2026-01-01-", "2026--01-01", "2026-01", "23-11-26", "2026-11.23", "23.11-2026",
                      "+2026-01-01", "2026-13-01", "31-02-2026", "2026-11-23 garbage", "2026-11-23T25:00", "2026-11-23 8",
                      "12026-11-23", "2026-011-23", "1899-12-31", "2026 11 23", "20261123"])
    func refusedDates(text: String) {
        #expect(CellParsing.date(.text(text)) == .failure(CellParsing.Expected("is not a date (dd-mm-yyyy or yyyy-mm-dd)")), "\(text)")
    }

    @Test(arguments: [("55,86060", 55.8606), ("55.8606", 55.8606), ("56", 56.0)])
    func acceptedCoordinates(text: String, value: Double) {
        #expect(CellParsing.coordinate(.text(text), 54...58, "latitude") == .success(value))
    }

    @Test(arguments: ["5.6e1", "nan", "inf", "55,8,6", "0x38"])
    func refusedCoordinates(text: String) {
        #expect(CellParsing.coordinate(.text(text), 54...58, "latitude") == .failure(CellParsing.Expected("is not a latitude in Denmark")))
    }
}
