/// The natural logarithm from + - * / only, so that it gives the same bits on every
/// platform (a libm `log` may differ in the last place between Linux and macOS, which would
/// move a generated date by a day and break byte-identical output).
enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// ln(x) for x > 0: x = m · 2^e with m in [1, 2), ln m = 2 atanh((m - 1) / (m + 1)),
    /// the series summed until its terms vanish (|z| <= 1/3, so 20 terms exceed double precision).
    static func ln(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite)
        let e = Double(x.exponent)
        let m = x.significand
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var term = z
        var sum = 0.0
        var k = 1.0
        for _ in 0..<20 {
            sum += term / k
            term *= z2
            k += 2
        }
        return e * ln2 + 2 * sum
    }

    /// e^x for |x| <= 2 by its Taylor series (30 terms are far past double precision there).
    static func exp(_ x: Double) -> Double {
        precondition(abs(x) <= 2)
        var term = 1.0, sum = 1.0
        for k in 1...30 {
            term *= x / Double(k)
            sum += term
        }
        return sum
    }
}
