/// How a CSV file is written: delimiter, text encoding, line ends. Detected from the
/// first MiB of a file by `CSVReader`, or given by the caller to force it.
public struct CSVDialect: Sendable, Hashable, CustomStringConvertible {
    public enum Encoding: Sendable, Hashable {
        case utf8
        /// Danish Excel's default "CSV (semikolonsepareret)".
        case windows1252
        /// Excel's "Unicode text": always with a byte order mark.
        case utf16LittleEndian
        case utf16BigEndian
    }

    public enum LineEnding: Sendable, Hashable {
        case crlf, lf, cr
    }

    /// `;`, `,` or tab (any single ASCII byte other than `"`, CR and LF works).
    public var delimiter: UInt8
    public var encoding: Encoding
    /// The file starts with a byte order mark (skipped when reading).
    public var hasByteOrderMark: Bool
    /// The line end first seen (all three are accepted anywhere when reading).
    public var lineEnding: LineEnding
    /// The file starts with Excel's `sep=;` line, which is not a row.
    public var hasSeparatorLine: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ";"), encoding: Encoding = .utf8, hasByteOrderMark: Bool = false,
                lineEnding: LineEnding = .crlf, hasSeparatorLine: Bool = false) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
        self.lineEnding = lineEnding
        self.hasSeparatorLine = hasSeparatorLine
    }

    /// For messages: `CSV, semicolon, Windows-1252, CRLF`.
    public var description: String {
        let d: String
        switch delimiter {
        case UInt8(ascii: ";"): d = "semicolon"
        case UInt8(ascii: ","): d = "comma"
        case UInt8(ascii: "\t"): d = "tab"
        default: d = "delimiter '\(String(UnicodeScalar(delimiter)))'"
        }
        let e: String
        switch encoding {
        case .utf8: e = hasByteOrderMark ? "UTF-8 with BOM" : "UTF-8"
        case .windows1252: e = "Windows-1252"
        case .utf16LittleEndian: e = "UTF-16LE"
        case .utf16BigEndian: e = "UTF-16BE"
        }
        let l: String
        switch lineEnding {
        case .crlf: l = "CRLF"
        case .lf: l = "LF"
        case .cr: l = "CR"
        }
        return "CSV, \(d), \(e), \(l)"
    }

    static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ",")]

    /// Detects delimiter, line ending and a `sep=` line from the start of the text (UTF-8
    /// or any ASCII-compatible encoding). Delimiters are counted outside quotes, per
    /// record, in up to 50 records; the header must contain the delimiter (unless it holds
    /// none, like a title line: then at least two records must agree), and the one whose count is the same in most records wins
    /// (then the larger count, then `;`, tab, `,`). A file without any of them is one
    /// column: `;` unless `;` appears in it.
    static func detectLayout(_ text: UnsafeBufferPointer<UInt8>, isWholeFile: Bool)
        -> (delimiter: UInt8, lineEnding: LineEnding, hasSeparatorLine: Bool) {
        let n = text.count
        let quote = UInt8(ascii: "\""), cr = UInt8(13), lf = UInt8(10)
        var lineEnding: LineEnding?

        // Excel's "sep=;" first line.
        if n >= 5, text[0] | 0x20 == UInt8(ascii: "s"), text[1] | 0x20 == UInt8(ascii: "e"),
           text[2] | 0x20 == UInt8(ascii: "p"), text[3] == UInt8(ascii: "=") {
            let d = text[4]
            if d != cr, d != lf, d != quote, n == 5 || text[5] == cr || text[5] == lf {
                var le: LineEnding = .crlf
                if n > 5 { le = text[5] == lf ? .lf : (n > 6 && text[6] == lf ? .crlf : .cr) }
                return (d, le, true)
            }
        }

        var records: [[Int]] = []  // counts per candidate, per non-blank record
        var counts = [0, 0, 0]
        var recordLength = 0
        var inQuotes = false
        var i = 0
        while i < n, records.count < 50 {
            let b = text[i]
            if b == quote {
                inQuotes.toggle()
                recordLength += 1
            } else if !inQuotes && (b == cr || b == lf) {
                if lineEnding == nil {
                    lineEnding = b == lf ? .lf : (i + 1 < n && text[i + 1] == lf ? .crlf : .cr)
                }
                if b == cr && i + 1 < n && text[i + 1] == lf { i += 1 }
                if recordLength > 0 { records.append(counts) }
                counts = [0, 0, 0]
                recordLength = 0
            } else {
                if !inQuotes {
                    for (k, c) in candidates.enumerated() where c == b { counts[k] += 1 }
                }
                recordLength += 1
            }
            i += 1
        }
        // The last record counts only when it is complete (not cut off by the sample's end).
        if i >= n && recordLength > 0 && isWholeFile && !inQuotes {
            records.append(counts)
        }

        // The reference count of a candidate: its count in the header; when the header
        // has none of the candidates (a title line above the table), its most common
        // non-zero count.
        var best: (index: Int, consistent: Int, reference: Int)?
        if let header = records.first {
            let headerHasOne = header.contains { $0 > 0 }
            for k in 0..<candidates.count {
                var reference = header[k]
                if !headerHasOne {
                    var frequency: [Int: Int] = [:]
                    for r in records where r[k] > 0 { frequency[r[k], default: 0] += 1 }
                    reference = frequency.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 0
                }
                guard reference > 0 else { continue }
                let consistent = records.filter { $0[k] == reference }.count
                if !headerHasOne && consistent < 2 { continue }  // one line is no table
                if let b = best, (b.consistent, b.reference) >= (consistent, reference) { continue }
                best = (k, consistent, reference)
            }
        }
        let delimiter: UInt8
        if let best {
            delimiter = candidates[best.index]
        } else {
            // One column: pick a delimiter that does not occur in the data.
            let total = records.reduce([0, 0, 0]) { [$0[0] + $1[0], $0[1] + $1[1], $0[2] + $1[2]] }
            delimiter = candidates.indices.first { total[$0] == 0 }.map { candidates[$0] } ?? candidates[0]
        }
        return (delimiter, lineEnding ?? .crlf, false)
    }
}
