import Foundation

/// Writes RFC 4180 CSV, streaming to a file.
///
/// A field is quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
/// `.number` cells use `decimalSeparator`, `.date` cells `dateStyle`, booleans
/// `TRUE`/`FALSE`. `.danishExcel` writes what Danish Excel opens with a double click
/// (`;`, decimal comma, `dd-mm-yyyy`, UTF-8 BOM so æøå survive, CRLF).
public final class CSVWriter {
    public enum DateStyle: Sendable, Hashable {
        /// `2026-11-23`
        case iso
        /// `23-11-2026`
        case danish
    }

    public struct Options: Sendable, Hashable {
        public var delimiter: UInt8
        /// `,` or `.` for `.number` cells (text cells are written as they are).
        public var decimalSeparator: UInt8
        public var dateStyle: DateStyle
        /// Start the file with a UTF-8 byte order mark (Excel then reads UTF-8, not Windows-1252).
        public var byteOrderMark: Bool
        public var lineEnding: CSVDialect.LineEnding
        /// Prefix text cells starting with `=`, `+`, `-`, `@`, tab or CR with `'`, so a
        /// spreadsheet program never runs them as formulas (CSV injection).
        public var protectFormulas: Bool

        public init(delimiter: UInt8 = UInt8(ascii: ","), decimalSeparator: UInt8 = UInt8(ascii: "."),
                    dateStyle: DateStyle = .iso, byteOrderMark: Bool = false, lineEnding: CSVDialect.LineEnding = .crlf,
                    protectFormulas: Bool = false) {
            self.delimiter = delimiter
            self.decimalSeparator = decimalSeparator
            self.dateStyle = dateStyle
            self.byteOrderMark = byteOrderMark
            self.lineEnding = lineEnding
            self.protectFormulas = protectFormulas
        }

        /// `;`, decimal comma, `dd-mm-yyyy`, BOM, CRLF, formulas protected.
        public static let danishExcel = Options(delimiter: UInt8(ascii: ";"), decimalSeparator: UInt8(ascii: ","),
                                                dateStyle: .danish, byteOrderMark: true, lineEnding: .crlf,
                                                protectFormulas: true)
        /// RFC 4180: `,`, decimal point, ISO dates, no BOM, CRLF.
        public static let standard = Options()
    }

    public let options: Options
    private let handle: FileHandle
    private let fileName: String
    private var buffer: [UInt8] = []
    private var closed = false

    /// Creates (or truncates) the file.
    public init(url: URL, options: Options = .standard) throws {
        self.options = options
        fileName = url.lastPathComponent
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw SpreadsheetError(.writeFailed, file: url.lastPathComponent, "the file cannot be created")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
        if options.byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
    }

    deinit { if !closed { try? handle.close() } }

    /// Writes one row of cells.
    public func writeRow(_ cells: [Cell]) throws {
        CSVWriter.append(cells, options: options, to: &buffer)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes one row of text fields.
    public func writeRow(_ fields: [String]) throws {
        try writeRow(fields.map { $0.isEmpty ? Cell.empty : .text($0) })
    }

    /// Flushes and closes the file.
    public func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        do { try handle.close() } catch {
            throw SpreadsheetError(.writeFailed, file: fileName, "closing the file failed: \(error)")
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw SpreadsheetError(.writeFailed, file: fileName, "writing the file failed: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The whole CSV text for rows in memory (BOM included when the options ask for it).
    public static func bytes(_ rows: [[Cell]], options: Options = .standard) -> [UInt8] {
        var out: [UInt8] = options.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        for row in rows { append(row, options: options, to: &out) }
        return out
    }

    static func append(_ cells: [Cell], options: Options, to out: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(options.delimiter) }
            let text: String
            switch cell {
            case .empty: continue
            case .text(let s):
                if options.protectFormulas, let first = s.utf8.first,
                   [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13].contains(first) {
                    text = "'" + s
                } else {
                    text = s
                }
            case .number(let n):
                text = options.decimalSeparator == UInt8(ascii: ".")
                    ? n : String(decoding: n.utf8.map { $0 == UInt8(ascii: ".") ? options.decimalSeparator : $0 }, as: UTF8.self)
            case .date(let d):
                text = options.dateStyle == .iso ? d.description
                    : "\(d.day < 10 ? "0" : "")\(d.day)-\(d.month < 10 ? "0" : "")\(d.month)-\(d.description.prefix(4))"
            case .bool(let b): text = b ? "TRUE" : "FALSE"
            case .error(let e): text = e
            // Protected like any text starting with `=`: a CSV carries no formulas.
            case .uncalculatedFormula(let f): text = (options.protectFormulas ? "'=" : "=") + f
            }
            let quote = UInt8(ascii: "\"")
            let needsQuotes = text.utf8.contains { $0 == options.delimiter || $0 == quote || $0 == 10 || $0 == 13 }
            if needsQuotes {
                out.append(quote)
                for b in text.utf8 {
                    out.append(b)
                    if b == quote { out.append(quote) }
                }
                out.append(quote)
            } else {
                out.append(contentsOf: text.utf8)
            }
        }
        switch options.lineEnding {
        case .crlf: out += [13, 10]
        case .lf: out.append(10)
        case .cr: out.append(13)
        }
    }
}
