import Crypto
import Foundation

/// Danish personal identity numbers (CPR). They must never be stored or printed: a
/// citizen id that looks like one is replaced by a keyed pseudonym before it reaches the
/// database, and any value shown in a message is masked.
public enum CPR {
    /// The ten digits of `text` if it looks like a CPR number: `ddmmyy-xxxx`, `ddmmyyxxxx`
    /// or `ddmmyy xxxx`, with a valid day and month (any year).
    public static func digits(_ text: String) -> String? {
        // Most ids (case numbers such as "B0012345") fail at the first character.
        guard let first = text.utf8.first(where: { $0 != 32 }), first >= 48, first <= 57 else { return nil }
        let t = text.filter { $0 != " " && $0 != "-" }
        guard t.count == 10, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // Only the separators a CPR number is written with, in the right place.
        let raw = text.trimmingCharacters(in: .whitespaces)
        guard raw.count == 10 || (raw.count == 11 && "- ".contains(raw[raw.index(raw.startIndex, offsetBy: 6)])) else { return nil }
        let d = t.compactMap(\.wholeNumberValue)  // ten ASCII digits, checked above
        let day = d[0] * 10 + d[1], month = d[2] * 10 + d[3]
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return t
    }

    public static func looksLikeCPR(_ text: String) -> Bool { digits(text) != nil }

    /// The same CPR number always gives the same pseudonym in one database (the key is per
    /// database), and the pseudonym reveals nothing without the key: HMAC-SHA256, the first
    /// 50 bits in base 32, prefixed `P-`.
    public static func pseudonym(_ text: String, key: Data) -> String? {
        guard let digits = digits(text) else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(digits.utf8), using: SymmetricKey(data: key))
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")  // no 0/O, 1/I
        var bits: UInt64 = 0
        for byte in mac.prefix(8) { bits = bits << 8 | UInt64(byte) }
        var out = "P-"
        for i in 0..<10 { out.append(alphabet[Int((bits >> UInt64(59 - 5 * i)) & 31)]) }
        return out
    }

    /// A value for a message: a CPR-like value keeps its date part only (`010190-****`).
    public static func mask(_ value: String) -> String {
        guard let d = digits(value) else {
            // A CPR number inside a longer text is masked too.
            return maskEmbedded(value)
        }
        return String(d.prefix(6)) + "-****"
    }

    private static func maskEmbedded(_ value: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            if run.filter(\.isNumber).count == 10, digits(run) != nil { out += String(run.filter(\.isNumber).prefix(6)) + "-****" } else { out += run }
            run = ""
        }
        for ch in value {
            if ch.isNumber || (ch == "-" && run.count == 6) { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }
}
