/// A signed 128-bit integer, just enough for ``FlowCertificate`` to add up products of `Int64`s
/// without overflowing. (The standard library's `Int128` needs macOS 15, and the package
/// declares macOS 14.)
///
/// Two's complement: the value is `high · 2⁶⁴ + low`.
struct WideInt: Sendable, Equatable, Comparable, CustomStringConvertible {
    var high: Int64
    var low: UInt64

    static let zero = WideInt(0)

    init(high: Int64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ value: Int64) {
        high = value < 0 ? -1 : 0
        low = UInt64(bitPattern: value)
    }

    /// The exact product of two `Int64`s.
    static func product(_ a: Int64, _ b: Int64) -> WideInt {
        let (high, low) = a.multipliedFullWidth(by: b)
        return WideInt(high: high, low: low)
    }

    /// The sum, and whether it overflowed 128 bits.
    func addingReportingOverflow(_ other: WideInt) -> (partialValue: WideInt, overflow: Bool) {
        let (low, carry) = self.low.addingReportingOverflow(other.low)
        let (high1, o1) = self.high.addingReportingOverflow(other.high)
        let (high2, o2) = high1.addingReportingOverflow(carry ? 1 : 0)
        return (WideInt(high: high2, low: low), o1 != o2)
    }

    /// The value as an `Int64`, when it fits.
    var int64: Int64? {
        let candidate = Int64(bitPattern: low)
        return (candidate < 0 ? -1 : 0) == high ? candidate : nil
    }

    static func < (a: WideInt, b: WideInt) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    var description: String {
        if let small = int64 { return String(small) }
        // Magnitude in two's complement, then base-10¹⁸ digits by full-width division.
        let negative = high < 0
        var magnitudeHigh = UInt64(bitPattern: high), magnitudeLow = low
        if negative {
            magnitudeHigh = ~magnitudeHigh
            magnitudeLow = ~magnitudeLow
            let (sum, carry) = magnitudeLow.addingReportingOverflow(1)
            magnitudeLow = sum
            if carry { magnitudeHigh &+= 1 }
        }
        let base: UInt64 = 1_000_000_000_000_000_000
        var chunks: [UInt64] = []
        while magnitudeHigh != 0 || magnitudeLow != 0 {
            let highQuotient = magnitudeHigh / base
            let (lowQuotient, remainder) = base.dividingFullWidth((magnitudeHigh % base, magnitudeLow))
            chunks.append(remainder)
            magnitudeHigh = highQuotient
            magnitudeLow = lowQuotient
        }
        var text = negative ? "-" : ""
        text += String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 18 - digits.count) + digits
        }
        return text
    }
}
