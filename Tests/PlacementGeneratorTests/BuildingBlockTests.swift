import Foundation
import Testing
import PlacementModel
@testable import PlacementGenerator

@Suite struct BuildingBlockTests {
    /// One row of the given fields, as written.
    func written(_ build: (inout CSVRowBuffer) -> Void) -> String {
        var row = CSVRowBuffer()
        build(&row)
        row.endRow()
        return String(decoding: row.bytes, as: UTF8.self)
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
                      ("Bostedet Lindegården", "Bostedet Lindegården"), ("", "")])
    func fieldsAreQuotedOnlyWhenNeeded(_ field: String, _ written: String) {
        #expect(self.written { $0.field(field) } == written + "\n")
    }

    @Test(arguments: [(Int64(185_000), "1850"), (185_050, "1850.50"), (185_005, "1850.05"), (0, "0"), (99, "0.99"), (100_000_000, "1000000")])
    func amountsAreKronerWithADecimalPoint(_ ore: Int64, _ text: String) {
        #expect(written { $0.field(Money(ore: ore)) } == text + "\n")
    }

    @Test func aRowJoinsItsFieldsWithCommas() {
        let row = written { w in
            w.plain("B0000001")
            w.field(1966)
            w.field(Day(year: 2026, month: 1, day: 5)!)
            w.field(Day(year: 987, month: 12, day: 31)!)
            w.empty()
            w.field(Int?.none)
            w.field(0)
            w.field(true)
            w.field(false)
            w.field(Money?.none)
        }
        #expect(row == "B0000001,1966,2026-01-05,0987-12-31,,,0,yes,no,\n")
    }

    @Test func degreesAreExact() {
        #expect(CanonicalCSV.degrees(e5: 5_586_598) == "55.86598")
        #expect(CanonicalCSV.degrees(e5: 989_301) == "9.89301")
        #expect(CanonicalCSV.degrees(e5: 1_000_005) == "10.00005")
    }

    @Test func theGeneratorIsXoshiroFromSplitMix() {
        // SplitMix64 from 0 gives the published first output.
        var s: UInt64 = 0
        #expect(XoshiroRandom.splitMix(&s) == 0xE220_A839_7B1D_CDAF)
        var a = XoshiroRandom(seed: 42), b = XoshiroRandom(seed: 42), c = XoshiroRandom(seed: 43)
        let xs = (0..<8).map { _ in a.next() }
        #expect(xs == (0..<8).map { _ in b.next() })
        #expect(xs != (0..<8).map { _ in c.next() })
    }

    @Test func drawsStayInTheirRanges() {
        var rng = XoshiroRandom(seed: 5, stream: 9)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let x = rng.int(3...7)
            #expect((3...7).contains(x))
            seen.insert(x)
            let u = rng.unit()
            #expect(u >= 0 && u < 1)
        }
        #expect(seen == [3, 4, 5, 6, 7])
        var items = Array(0..<20)
        rng.shuffle(&items)
        #expect(items.sorted() == Array(0..<20))
    }

    @Test(arguments: [0.001, 0.5, 1, 2, 2.718281828459045, 10, 1234.5, 1e-9])
    func theLogarithmIsAccurate(_ x: Double) {
        #expect(abs(DeterministicMath.ln(x) - Foundation.log(x)) < 1e-12 * max(1, abs(Foundation.log(x))))
    }

    @Test(arguments: [-2.0, -0.5, 0, 0.3, 1, 2])
    func theExponentialIsAccurate(_ x: Double) {
        #expect(abs(DeterministicMath.exp(x) - Foundation.exp(x)) < 1e-13 * Foundation.exp(x))
    }

    @Test func municipalitySizes() {
        #expect(MunicipalitySize.base(615) == 1.0)
        for m in ReferenceData.municipalities {
            #expect((0.01...7).contains(MunicipalitySize.base(m.code)))
        }
        let national = ReferenceData.municipalities.map { MunicipalitySize.base($0.code) }.reduce(0, +)
        #expect((55...85).contains(national), "national size \(national)")
    }
}
