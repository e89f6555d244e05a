import PlacementModel
import Testing

@Suite struct RoundingTests {
    /// Halves go away from zero whatever the signs; other remainders go to the nearer whole number.
    @Test(arguments: [
        (Int64(5), Int64(2), Int64(3)), (-5, 2, -3), (5, -2, -3), (-5, -2, 3),
        (149, 100, 1), (150, 100, 2), (-149, 100, -1), (-150, 100, -2),
        (7, 3, 2), (8, 3, 3), (-8, 3, -3), (0, 7, 0), (1000, 1, 1000),
    ])
    func halvesGoAwayFromZero(a: Int64, b: Int64, expected: Int64) {
        #expect(Rounding.divide(a, by: b) == expected)
    }

    /// A shown decimal is rounded once from the exact value, not digit by digit: 0,14499999
    /// million is 0,1 (rounding each digit in turn made it 0,2).
    @Test(arguments: [
        (Int64(14_499_999), 8, 1, "0,1"), (15_000_000, 8, 1, "0,2"), (-15_000_000, 8, 1, "-0,2"),
        (-14_499_999, 8, 1, "-0,1"), (1_449, 3, 1, "1,4"), (1_450, 3, 1, "1,5"), (123_456, 2, 2, "1.234,56"),
    ])
    func aShownDecimalIsRoundedOnce(value: Int64, scale: Int, decimals: Int, expected: String) {
        #expect(DisplayFormat(.da).decimal(value, scale: scale, decimals: decimals) == expected)
    }
}
