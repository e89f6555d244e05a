/// Exact decimal text for numbers: what `.number` cells hold.
public enum DecimalText {
    /// Excel shows and computes with 15 significant digits.
    public static let excelSignificantDigits = 15

    /// Normalises a number as XLSX stores it (`1234.5`, `2.5E-3`, `-1.0000000000000001E-2`)
    /// to plain decimal text without exponent or superfluous zeros (`1234.5`, `0.0025`,
    /// `-0.01`), rounded half-up to `significantDigits` digits. Nil when not a number.
    public static func normalize(_ text: String, significantDigits: Int = excelSignificantDigits) -> String? {
        var digits: [UInt8] = []
        var negative = false
        var fractionDigits = 0
        var seenPoint = false
        var seenDigit = false
        var exponent = 0
        let bytes = Array(text.utf8)
        var i = 0
        let n = bytes.count
        // Surrounding spaces are tolerated.
        while i < n, bytes[i] == 0x20 { i += 1 }
        var end = n
        while end > i, bytes[end - 1] == 0x20 { end -= 1 }
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        while i < end {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                seenDigit = true
                if !(digits.isEmpty && b == 48) { digits.append(b - 48) }
                if seenPoint { fractionDigits += 1 }
            } else if b == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        guard seenDigit else { return nil }
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var any = false
            while i < end, bytes[i] >= 48, bytes[i] <= 57 {
                exponent = exponent * 10 + Int(bytes[i] - 48)
                any = true
                i += 1
                if exponent > 10_000 { return nil }
            }
            guard any else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == end else { return nil }
        // value = digits (an integer, leading zeros dropped) × 10^scale
        var scale = exponent - fractionDigits
        if digits.isEmpty { return "0" }
        if digits.count > significantDigits {
            let drop = digits.count - significantDigits
            let roundUp = digits[significantDigits] >= 5
            digits.removeLast(drop)
            scale += drop
            if roundUp {
                var k = digits.count - 1
                while k >= 0 {
                    if digits[k] == 9 { digits[k] = 0; k -= 1 } else { digits[k] += 1; break }
                }
                if k < 0 { digits.insert(1, at: 0); digits.removeLast(); scale += 1 }
            }
        }
        while let last = digits.last, last == 0, digits.count > 1 {
            digits.removeLast()
            scale += 1
        }
        if digits == [0] { return "0" }
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if scale >= 0 {
            out += digits.map { $0 + 48 }
            out += [UInt8](repeating: 48, count: scale)
        } else {
            let k = -scale
            if k >= digits.count {
                out += [48, UInt8(ascii: ".")]
                out += [UInt8](repeating: 48, count: k - digits.count)
                out += digits.map { $0 + 48 }
            } else {
                out += digits[0..<(digits.count - k)].map { $0 + 48 }
                out.append(UInt8(ascii: "."))
                out += digits[(digits.count - k)...].map { $0 + 48 }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
