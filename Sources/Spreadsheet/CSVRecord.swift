/// The bytes and field boundaries of one CSV record, decoded to `String` only when asked.
///
/// `CSVParser` refills one storage object record after record while nothing else holds
/// it; if a caller keeps a `SheetRow`, the parser sees the extra reference
/// (`isKnownUniquelyReferenced`) and starts a new storage instead, so a kept row never
/// changes.
final class CSVRecord {
    /// The record's bytes (fields and delimiters, quotes still in).
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCapacity: Int
    var byteCount = 0
    /// Two `Int32` per field: start (with `quotedFlag` when the field was quoted) and end,
    /// relative to `bytes`. A quoted field's range starts after its opening quote.
    private(set) var fields: UnsafeMutablePointer<Int32>
    private(set) var fieldCapacity: Int
    var fieldCount = 0
    /// Fields after the last non-empty one are not counted.
    var trimmedCount = 0
    /// Changed only by `CSVReader`, when a file whose first MiB is ASCII turns out to be Windows-1252.
    var encoding: CSVDialect.Encoding

    static let quotedFlag: Int32 = 1 << 30

    init(encoding: CSVDialect.Encoding, byteCapacity: Int = 4096, fieldCapacity: Int = 64) {
        self.encoding = encoding
        self.byteCapacity = byteCapacity
        self.fieldCapacity = fieldCapacity
        bytes = .allocate(capacity: byteCapacity)
        fields = .allocate(capacity: fieldCapacity * 2)
    }

    /// A fresh storage with this one's capacities.
    func makeSibling() -> CSVRecord {
        CSVRecord(encoding: encoding, byteCapacity: byteCapacity, fieldCapacity: fieldCapacity)
    }

    deinit {
        bytes.deallocate()
        fields.deallocate()
    }

    func reserveFields(_ count: Int) {
        guard count > fieldCapacity else { return }
        var c = fieldCapacity
        while c < count { c *= 2 }
        let f = UnsafeMutablePointer<Int32>.allocate(capacity: c * 2)
        f.update(from: fields, count: fieldCount * 2)
        fields.deallocate()
        fields = f
        fieldCapacity = c
    }

    /// Copies the record's bytes in.
    func setBytes(_ source: UnsafePointer<UInt8>, count: Int) {
        if count > byteCapacity {
            var c = byteCapacity
            while c < count { c *= 2 }
            bytes.deallocate()
            bytes = .allocate(capacity: c)
            byteCapacity = c
        }
        bytes.update(from: source, count: count)
        byteCount = count
    }

    @inline(__always)
    func isEmpty(_ i: Int) -> Bool {
        guard i < trimmedCount else { return true }
        let s = fields[2 * i], e = fields[2 * i + 1]
        if s & CSVRecord.quotedFlag == 0 { return e == s }
        let start = Int(s & ~CSVRecord.quotedFlag)
        // `""` alone: the range holds only the closing quote.
        return Int(e) - start == 1 && bytes[start] == UInt8(ascii: "\"")
    }

    /// Whether every byte of the record is ASCII (the common case: nothing to validate).
    var isASCII: Bool {
        var i = 0
        while i < byteCount { if bytes[i] >= 0x80 { return false }; i += 1 }
        return true
    }

    /// The record's bytes, for the reader's encoding checks.
    var byteBuffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: byteCount) }

    /// The first field holding bytes that are not valid UTF-8, with the offset of the first
    /// such byte within the field's raw bytes, or nil.
    func firstInvalidUTF8Field() -> (field: Int, offset: Int)? {
        guard let at = TextEncoding.firstInvalidUTF8(byteBuffer) else { return nil }
        for i in 0..<fieldCount {
            let start = Int(fields[2 * i] & ~CSVRecord.quotedFlag), end = Int(fields[2 * i + 1])
            if at < end || i == fieldCount - 1 { return (i, max(0, at - start)) }
        }
        return (0, at)
    }

    /// The field's bytes as in the file (quotes still in), for messages.
    func rawField(_ i: Int) -> [UInt8] {
        guard i < fieldCount else { return [] }
        let start = Int(fields[2 * i] & ~CSVRecord.quotedFlag), end = Int(fields[2 * i + 1])
        var out = Array(UnsafeBufferPointer(start: bytes + start, count: max(0, end - start)))
        if fields[2 * i] & CSVRecord.quotedFlag != 0, out.last == UInt8(ascii: "\"") { out.removeLast() }
        return out
    }

    /// The field as a `String`: quotes removed, `""` unescaped, CRLF and CR inside
    /// quotes turned into LF, decoded from the file's encoding.
    func string(_ i: Int) -> String {
        guard i < trimmedCount else { return "" }
        let s = fields[2 * i], e = Int(fields[2 * i + 1])
        if s & CSVRecord.quotedFlag == 0 {
            return decode(UnsafeBufferPointer(start: bytes + Int(s), count: e - Int(s)))
        }
        let start = Int(s & ~CSVRecord.quotedFlag)
        var out: [UInt8] = []
        out.reserveCapacity(e - start)
        let quote = UInt8(ascii: "\"")
        var inQuotes = true
        var j = start
        while j < e {
            let b = bytes[j]
            if inQuotes && b == quote {
                if j + 1 < e && bytes[j + 1] == quote {
                    out.append(quote)
                    j += 2
                    continue
                }
                inQuotes = false
            } else if b == 13 {
                out.append(10)
                if j + 1 < e && bytes[j + 1] == 10 { j += 1 }
            } else {
                out.append(b)
            }
            j += 1
        }
        return out.withUnsafeBufferPointer { decode($0) }
    }

    private func decode(_ b: UnsafeBufferPointer<UInt8>) -> String {
        switch encoding {
        case .windows1252: return TextEncoding.decodeWindows1252(b)
        default: return TextEncoding.decodeUTF8(b) // UTF-16 is transcoded to UTF-8 before parsing
        }
    }
}
