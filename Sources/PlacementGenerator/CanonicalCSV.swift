import Foundation
import PlacementModel

/// The canonical CSV form the generator writes (and the importer reads as its simplest case):
/// UTF-8 without BOM, `,` between fields, `\n` after each row, RFC 4180 quotes only around a
/// field holding `,`, `"` or a line break, lists joined with `|`, dates `yyyy-mm-dd`, amounts
/// in kroner with a decimal point (`1850`, `1850.50`), booleans `yes`/`no`, empty = not given.
enum CanonicalCSV {
    /// Decimal degrees from hundred-thousandths (`5586598` → `55.86598`), exact.
    static func degrees(e5 value: Int) -> String {
        precondition(value >= 0)
        let (whole, frac) = value.quotientAndRemainder(dividingBy: 100_000)
        let f = String(frac)
        return "\(whole).\(String(repeating: "0", count: 5 - f.count))\(f)"
    }

    static func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }

    static func list<T: RawRepresentable<String>>(_ terms: [T]) -> String { terms.map(\.rawValue).joined(separator: "|") }

    /// Every set of target groups and of features written once, by bit set.
    private static let groupLists = (0..<256).map { list(TargetGroups(rawValue: $0).members) }
    private static let featureLists = (0..<16).map { list(Features(rawValue: $0).members) }

    static func list(_ groups: TargetGroups) -> String { groupLists[groups.rawValue] }
    static func list(_ features: Features) -> String { featureLists[features.rawValue] }
}

/// Rows being built for one file: fields are appended as bytes, numbers and dates as digits
/// directly (a million-row file would otherwise make tens of millions of short strings).
struct CSVRowBuffer {
    var bytes: [UInt8] = []
    private var fieldsInRow = 0

    /// A text field, quoted when it must be.
    mutating func field(_ text: String) {
        separate()
        let utf8 = text.utf8
        let needsQuotes = utf8.withContiguousStorageIfAvailable { b in
            b.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        } ?? utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes {
            bytes.append(0x22)
            for b in utf8 {
                if b == 0x22 { bytes.append(0x22) }
                bytes.append(b)
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// A field known never to need quotes (ids, codes, terms and lists of terms).
    mutating func plain(_ text: String) {
        assert(!text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    /// An empty field: "not given".
    mutating func empty() { separate() }

    mutating func field(_ n: Int) {
        separate()
        appendDigits(n, width: 1)
    }

    /// `yyyy-mm-dd` (as `Day.iso`).
    mutating func field(_ day: Day) {
        separate()
        let c = day.components
        appendDigits(c.year, width: 4)
        bytes.append(0x2D)
        appendDigits(c.month, width: 2)
        bytes.append(0x2D)
        appendDigits(c.day, width: 2)
    }

    /// Kroner with a decimal point and two decimals only when there are øre: `1850`, `1850.50`.
    mutating func field(_ m: Money) {
        precondition(m.ore >= 0, "amounts in the canonical files are never negative")
        separate()
        let (k, o) = m.ore.quotientAndRemainder(dividingBy: 100)
        appendDigits(Int(k), width: 1)
        if o != 0 {
            bytes.append(0x2E)
            appendDigits(Int(o), width: 2)
        }
    }

    mutating func field(_ b: Bool) { plain(CanonicalCSV.yesNo(b)) }

    mutating func field(_ n: Int?) { if let n { field(n) } else { empty() } }
    mutating func field(_ day: Day?) { if let day { field(day) } else { empty() } }
    mutating func field(_ m: Money?) { if let m { field(m) } else { empty() } }

    mutating func endRow() {
        bytes.append(0x0A)
        fieldsInRow = 0
    }

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(0x2C) }
        fieldsInRow += 1
    }

    /// A non-negative integer, zero-padded to `width` digits.
    private mutating func appendDigits(_ n: Int, width: Int) {
        precondition(n >= 0)
        var divisor = 1
        var digits = 1
        while divisor <= n / 10 { divisor *= 10; digits += 1 }
        for _ in digits..<max(digits, width) { bytes.append(0x30) }
        var v = n
        while divisor > 0 {
            bytes.append(UInt8(0x30 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }
}

/// One CSV file being written: each row is built in a byte buffer that is handed to the file
/// whenever it passes a megabyte, so a file of a million rows never sits in memory whole.
final class CSVFileWriter {
    private let handle: FileHandle
    private var buffer = CSVRowBuffer()
    private static let flushSize = 1 << 20

    init(url: URL, header: [String]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.bytes.reserveCapacity(CSVFileWriter.flushSize + 4096)
        try row { r in for h in header { r.plain(h) } }
    }

    /// Appends one row built by `build` (one access to the buffer for the whole row).
    func row(_ build: (inout CSVRowBuffer) throws -> Void) throws {
        try build(&buffer)
        buffer.endRow()
        if buffer.bytes.count >= CSVFileWriter.flushSize { try flush() }
    }

    private func flush() throws {
        guard !buffer.bytes.isEmpty else { return }
        try handle.write(contentsOf: buffer.bytes)
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}
