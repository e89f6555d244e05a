/// Byte-level text decoding: UTF-8 validation, Windows-1252 (Danish Excel's "CSV
/// (semikolonsepareret)") and UTF-16 (Excel's "Unicode text") to UTF-8.
enum TextEncoding {
    /// Whether `bytes` are valid UTF-8. With `allowTruncatedEnd`, an incomplete
    /// sequence in the last 3 bytes is accepted (a sample cut in the middle of a character).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard let (need, lo, hi) = lead(b) else { return false }
            if i + need >= n {
                // Not enough bytes left for the whole sequence.
                guard allowTruncatedEnd else { return false }
                var j = i + 1
                while j < n {
                    let c = bytes[j]
                    if j == i + 1 {
                        if c < lo || c > hi { return false }
                    } else if c & 0xC0 != 0x80 {
                        return false
                    }
                    j += 1
                }
                return true
            }
            let c1 = bytes[i + 1]
            if c1 < lo || c1 > hi { return false }
            if need >= 2 && bytes[i + 2] & 0xC0 != 0x80 { return false }
            if need == 3 && bytes[i + 3] & 0xC0 != 0x80 { return false }
            i += need + 1
        }
        return true
    }

    /// What the non-ASCII bytes of a text say about its encoding.
    struct UTF8Census: Equatable {
        /// Complete, valid multi-byte UTF-8 sequences (`ø` = C3 B8).
        var sequences = 0
        /// Bytes that start no valid sequence (`ø` in Windows-1252 = F8, or a stray 80).
        var invalid = 0

        /// The encoding of a file whose text this is: UTF-8 unless invalid bytes outnumber
        /// valid sequences. A Danish Windows-1252 file has many invalid bytes and
        /// almost never a valid sequence; a UTF-8 file with one damaged byte is still UTF-8
        /// (and the damaged byte is an error, not a reason to misread every æ, ø and å).
        var isUTF8: Bool { invalid == 0 || sequences >= invalid }
        /// Nothing but ASCII: the text does not tell.
        var isASCII: Bool { sequences == 0 && invalid == 0 }
    }

    /// Counts valid UTF-8 sequences and invalid bytes; an incomplete sequence in the last
    /// 3 bytes is not counted when `allowTruncatedEnd` (a sample cut inside a character).
    static func census(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> UTF8Census {
        var census = UTF8Census()
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] < 0x80 { i += 1; continue }
            let length = sequenceLength(bytes, at: i)
            if length > 0 {
                census.sequences += 1
                i += length
            } else {
                if allowTruncatedEnd && n - i <= 3 && isValidUTF8(UnsafeBufferPointer(rebasing: bytes[i...]), allowTruncatedEnd: true) {
                    break
                }
                census.invalid += 1
                i += 1
            }
        }
        return census
    }

    /// For a lead byte of a multi-byte sequence: how many continuation bytes follow, and the
    /// range the first of them must lie in (which excludes overlong forms, surrogates and code
    /// points above U+10FFFF); nil for a byte that cannot start one.
    @inline(__always)
    static func lead(_ b: UInt8) -> (need: Int, lo: UInt8, hi: UInt8)? {
        switch b {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        default: nil
        }
    }

    /// The length of the valid multi-byte sequence starting at `i`, or 0.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard let (need, lo, hi) = lead(bytes[i]) else { return 0 }
        guard i + need < bytes.count else { return 0 }
        let c1 = bytes[i + 1]
        if c1 < lo || c1 > hi { return 0 }
        if need >= 2 && bytes[i + 2] & 0xC0 != 0x80 { return 0 }
        if need == 3 && bytes[i + 3] & 0xC0 != 0x80 { return 0 }
        return need + 1
    }

    /// The offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let length = sequenceLength(bytes, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// Decodes UTF-8 (the reader has refused invalid bytes before; any left become U+FFFD).
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Unicode scalars of Windows-1252 bytes 0x80...0x9F (the WHATWG mapping: the five
    /// unassigned bytes 81, 8D, 8F, 90, 9D map to the C1 controls of the same value).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar value of one Windows-1252 byte.
    @inline(__always)
    static func windows1252Scalar(_ b: UInt8) -> UInt32 {
        (b >= 0x80 && b <= 0x9F) ? windows1252High[Int(b) - 0x80] : UInt32(b)
    }

    /// Decodes Windows-1252 (every byte is a character; æøå = E6 F8 E5, ÆØÅ = C6 D8 C5, € = 80).
    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            appendUTF8(windows1252Scalar(b), to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 encoding of a scalar value (invalid values become U+FFFD).
    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0xD800...0xDFFF:
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x10000...0x10FFFF:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        }
    }
}

/// Converts UTF-16 to UTF-8 chunk by chunk, carrying an odd byte and an unpaired high
/// surrogate across chunk boundaries. Unpaired surrogates become U+FFFD.
struct UTF16ToUTF8 {
    let bigEndian: Bool
    private var oddByte: UInt8?
    private var highSurrogate: UInt32?

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    mutating func convert(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = input.count
        func unit(_ a: UInt8, _ b: UInt8) -> UInt32 {
            bigEndian ? UInt32(a) << 8 | UInt32(b) : UInt32(b) << 8 | UInt32(a)
        }
        if let odd = oddByte, n > 0 {
            oddByte = nil
            take(unit(odd, input[0]), &out)
            i = 1
        }
        while i + 1 < n {
            take(unit(input[i], input[i + 1]), &out)
            i += 2
        }
        if i < n { oddByte = input[i] }
    }

    /// Flushes what is left at the end of the input.
    mutating func finish(into out: inout [UInt8]) {
        if highSurrogate != nil { TextEncoding.appendUTF8(0xFFFD, to: &out); highSurrogate = nil }
        if oddByte != nil { TextEncoding.appendUTF8(0xFFFD, to: &out); oddByte = nil }
    }

    private mutating func take(_ u: UInt32, _ out: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(u) {
                TextEncoding.appendUTF8(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00), to: &out)
                return
            }
            TextEncoding.appendUTF8(0xFFFD, to: &out)
        }
        if (0xD800...0xDBFF).contains(u) {
            highSurrogate = u
        } else {
            TextEncoding.appendUTF8(u, to: &out) // lone low surrogates map to U+FFFD there
        }
    }
}
