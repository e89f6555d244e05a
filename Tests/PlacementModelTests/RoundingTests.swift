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
}
