@testable import FlowSolver
import Testing

@Suite("128-bit sums of the certificate")
struct WideIntTests {
    @Test("Products and sums beyond Int64 are exact")
    func arithmetic() {
        let big = WideInt.product(.max, .max)   // (2⁶³ − 1)²
        #expect(big.description == "85070591730234615847396907784232501249")
        let (twice, overflow) = big.addingReportingOverflow(big)
        #expect(!overflow)
        #expect(twice.description == "170141183460469231694793815568465002498")
        #expect(WideInt.product(.min, -1).description == "9223372036854775808")
        #expect(WideInt.product(.min, 3).description == "-27670116110564327424")
        #expect(WideInt.product(-7, 6) == WideInt(-42))
        #expect(WideInt(-42).int64 == -42)
        #expect(big.int64 == nil)
    }

    @Test("Overflow of 128 bits is reported")
    func overflow() {
        let big = WideInt.product(.min, .min)   // 2¹²⁶
        let (twice, o1) = big.addingReportingOverflow(big)   // 2¹²⁷: one too many
        #expect(o1)
        #expect(twice < .zero)
        let (back, o2) = WideInt.product(.min, .max).addingReportingOverflow(WideInt.product(.min, .max))
        #expect(!o2)
        #expect(back < .zero)
    }

    @Test("Ordering follows the signed value")
    func ordering() {
        #expect(WideInt(-1) < WideInt(0))
        #expect(WideInt(.max) < WideInt.product(.max, 2))
        #expect(WideInt.product(.min, 2) < WideInt(.min))
    }
}
