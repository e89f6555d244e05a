/// The streaming CSV engine: bytes in 1 MiB chunks, one record at a time.
///
/// RFC 4180 with Excel's leniency: a quote only starts a quoted field at the start of
/// the field; inside quotes `""` is a quote and CR/LF are part of the field; text after a
/// closing quote is kept literally (`"ab"c` = `abc`); CRLF, LF and lone CR end records.
/// A record that runs past the buffer is moved to the front and scanned again once the
/// buffer holds more (the buffer doubles when the record fills it), so the work stays
/// linear and the memory is bounded by `CSVReader.maxRecordBytes`.
final class CSVParser {
    private let source: any ChunkSource
    private let fileName: String
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var eof = false
    private var record: CSVRecord
    /// 0 ordinary, 1 delimiter, 2 LF, 3 CR, 4 NUL.
    private let table: UnsafeMutablePointer<UInt8>
    /// The row number of the record being scanned (for messages).
    var rowNumber = 1

    static let chunkSize = 1 << 20

    init(source: any ChunkSource, fileName: String, delimiter: UInt8, encoding: CSVDialect.Encoding) {
        self.source = source
        self.fileName = fileName
        capacity = CSVParser.chunkSize
        buffer = .allocate(capacity: capacity)
        record = CSVRecord(encoding: encoding)
        table = .allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        table[Int(delimiter)] = 1
        table[10] = 2
        table[13] = 3
        table[0] = 4
    }

    deinit {
        buffer.deallocate()
        table.deallocate()
    }

    private enum Outcome {
        case record(next: Int)
        case needMore(fieldStart: Int, inQuotes: Bool)
        case end
    }

    /// The next record, or nil at the end of the file. The returned storage is valid
    /// until the next call (it is replaced, not changed, if the caller kept it).
    func next() throws -> CSVRecord? {
        if !isKnownUniquelyReferenced(&record) {
            record = record.makeSibling()
        }
        while true {
            switch try scan() {
            case .record(let next):
                start = next
                return record
            case .end:
                return nil
            case .needMore(let fieldStart, let inQuotes):
                if end - fieldStart > CSVReader.maxFieldBytes {
                    throw inQuotes ? unclosedQuote(orLongerThanLimit: true) : fieldTooLong()
                }
                if end - start > CSVReader.maxRecordBytes {
                    throw SpreadsheetError(.tooLarge, file: fileName, row: rowNumber,
                                           "this row is longer than \(CSVReader.maxRecordBytes >> 20) MiB; is this really a table?")
                }
                try refill()
            }
        }
    }

    private func refill() throws {
        if start > 0 {
            let len = end - start
            if len > 0 { buffer.update(from: buffer + start, count: len) }
            end = len
            start = 0
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n = try source.read(into: buffer + end, count: capacity - end)
        if n == 0 { eof = true } else { end += n }
    }

    private func unclosedQuote(orLongerThanLimit: Bool) -> SpreadsheetError {
        let tail = orLongerThanLimit
            ? " (or the quoted field is longer than \(CSVReader.maxFieldBytes >> 20) MiB)"
            : ", so everything after it up to the end of the file would be one field. Check the quotes in this row"
        return SpreadsheetError(.malformed, file: fileName, row: rowNumber,
                                "a quote (\") opened in this row is never closed\(tail)")
    }

    private func fieldTooLong() -> SpreadsheetError {
        SpreadsheetError(.tooLarge, file: fileName, row: rowNumber,
                         "a field is longer than \(CSVReader.maxFieldBytes >> 20) MiB; is this really a table?")
    }

    private func nulByte() -> SpreadsheetError {
        SpreadsheetError(.notASpreadsheet, file: fileName, row: rowNumber,
                         "the file contains binary data (a NUL byte): it is not a text file. Save the sheet as .xlsx or .csv")
    }

    private func scan() throws -> Outcome {
        let p = buffer
        let end = self.end
        let eof = self.eof
        let t = table
        let base = start
        var i = base
        if i >= end { return eof ? .end : .needMore(fieldStart: i, inQuotes: false) }
        let rec = record
        var fields = rec.fields
        var fieldCapacity = rec.fieldCapacity
        var nf = 0
        let quote = UInt8(ascii: "\"")
        let maxField = CSVReader.maxFieldBytes

        while true {
            let fs = i
            var quoted = false
            if i < end && p[i] == quote {
                quoted = true
                i += 1
                while true {
                    while i < end {
                        let b = p[i]
                        if b == quote || b == 0 { break }
                        i += 1
                    }
                    if i >= end {
                        if eof { throw unclosedQuote(orLongerThanLimit: false) }
                        return .needMore(fieldStart: fs, inQuotes: true)
                    }
                    if p[i] == 0 { throw nulByte() }
                    if i + 1 >= end {
                        if !eof { return .needMore(fieldStart: fs, inQuotes: true) }
                        i += 1
                        break
                    }
                    if p[i + 1] == quote { i += 2; continue }
                    i += 1
                    break
                }
            }
            while i < end && t[Int(p[i])] == 0 { i += 1 }
            if i >= end && !eof { return .needMore(fieldStart: fs, inQuotes: false) }

            // The field is [fs, i).
            if i - fs > maxField { throw fieldTooLong() }
            if nf == fieldCapacity {
                if nf >= CSVReader.maxColumns {
                    throw SpreadsheetError(.tooLarge, file: fileName, row: rowNumber,
                                           "this row has more than \(CSVReader.maxColumns) columns")
                }
                rec.fieldCount = nf
                rec.reserveFields(nf + 1)
                fields = rec.fields
                fieldCapacity = rec.fieldCapacity
            }
            fields[2 * nf] = quoted ? Int32(fs + 1 - base) | CSVRecord.quotedFlag : Int32(fs - base)
            fields[2 * nf + 1] = Int32(i - base)
            nf += 1

            if i >= end {
                finish(nf, recordEnd: i)
                return .record(next: i)
            }
            switch t[Int(p[i])] {
            case 1:
                i += 1
            case 2:
                finish(nf, recordEnd: i)
                return .record(next: i + 1)
            case 3:
                let next: Int
                if i + 1 < end {
                    next = p[i + 1] == 10 ? i + 2 : i + 1
                } else if eof {
                    next = i + 1
                } else {
                    return .needMore(fieldStart: fs, inQuotes: false)
                }
                finish(nf, recordEnd: i)
                return .record(next: next)
            default:
                throw nulByte()
            }
        }
    }

    @inline(__always)
    private func finish(_ nf: Int, recordEnd: Int) {
        let rec = record
        rec.fieldCount = nf
        let f = rec.fields
        let p = buffer + start
        var n = nf
        while n > 0 {
            let s = f[2 * n - 2], e = f[2 * n - 1]
            if s & CSVRecord.quotedFlag == 0 {
                if e != s { break }
            } else {
                let qs = Int(s & ~CSVRecord.quotedFlag)
                if !(Int(e) - qs == 1 && p[qs] == UInt8(ascii: "\"")) { break }
            }
            n -= 1
        }
        rec.trimmedCount = n
        rec.setBytes(p, count: recordEnd - start)
    }
}
