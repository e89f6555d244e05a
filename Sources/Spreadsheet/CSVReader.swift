import Foundation

/// Reads a CSV (or tab-separated text) file as one sheet, streaming.
///
/// The dialect is detected from the first MiB when not given: a UTF-8 BOM, a UTF-16 BOM
/// (decoded), UTF-8 unless that MiB holds more invalid bytes than valid UTF-8
/// sequences (then Windows-1252, see `TextEncoding.UTF8Census`); when the first MiB is
/// ASCII, the first record that is not decides. The encoding is one for the whole file: in
/// a UTF-8 file, a byte that is not valid UTF-8 is an error naming its row and column, never
/// a reason to read the field, or the file, as Windows-1252. The delimiter as
/// `CSVDialect.detectLayout` describes; Excel's `sep=;` first line.
///
/// Rows: the header is row 1; a record is one row even when a quoted field spans lines.
/// Trailing empty columns are not counted (`SheetRow.count`); empty rows inside the
/// data are handed out with `count == 0`; empty rows at the end are not handed out.
///
/// Limits (each gives a `.tooLarge` error naming the row): one field at most
/// `maxFieldBytes` (1 MiB), one row at most `maxRecordBytes` (16 MiB) and
/// `maxColumns` (16,384, Excel's own limit) columns. Memory stays around 2 MiB plus
/// the longest row, whatever the file size.
public final class CSVReader: WorkbookReader {
    public static let maxFieldBytes = 1 << 20
    public static let maxRecordBytes = 16 << 20
    public static let maxColumns = 16_384
    /// How much of the file the encoding and delimiter are detected from.
    public static let sampleBytes = 1 << 20

    public let url: URL
    public let fileName: String
    /// As detected or given; the encoding may still be decided while reading, when the first
    /// MiB is ASCII (`detectedDialect` then says the decision after `readRows`).
    public private(set) var dialect: CSVDialect
    public let sheets: [SheetInfo]
    public var detectedDialect: String? { dialect.description }
    private let byteOrderMarkLength: Int
    /// The first MiB was ASCII and the file is longer: the encoding is not known yet.
    private var encodingUndecided = false

    /// Opens and inspects the file. `dialect` forces delimiter and encoding (a BOM in
    /// the file is still skipped).
    public init(url: URL, dialect: CSVDialect? = nil) throws {
        self.url = url
        let fileName = url.lastPathComponent
        self.fileName = fileName
        sheets = [SheetInfo(name: url.deletingPathExtension().lastPathComponent, index: 0)]

        let head = try FileInput(url: url, fileName: fileName).readHead(CSVReader.sampleBytes)
        let isWholeFile = head.count < CSVReader.sampleBytes
        var detected = CSVDialect()
        var text: [UInt8]  // the sample as UTF-8 (or Windows-1252) bytes, BOM removed
        switch FileSniffer.sniff(head) {
        case .rejected(let kind, let message):
            throw SpreadsheetError(kind, file: fileName, message)
        case .zip:
            throw SpreadsheetError(.unsupportedFormat, file: fileName,
                                   "this is a ZIP archive (perhaps an .xlsx workbook), not a CSV file; open it with Workbook.open")
        case .text(.utf16(let bigEndian, let bom)):
            detected.encoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
            detected.hasByteOrderMark = bom
            let skip = bom ? 2 : 0
            byteOrderMarkLength = skip
            var converter = UTF16ToUTF8(bigEndian: bigEndian)
            text = []
            head.withUnsafeBufferPointer {
                converter.convert(UnsafeBufferPointer(rebasing: $0[skip...]), into: &text)
            }
        case .text(let start):
            let bom = start == .utf8BOM
            detected.hasByteOrderMark = bom
            let skip = bom ? 3 : 0
            byteOrderMarkLength = skip
            text = Array(head[skip...])
            if text.contains(0) {
                throw SpreadsheetError(.notASpreadsheet, file: fileName,
                                       "the file contains binary data (NUL bytes): it is not a text file. \(FileSniffer.saveAs)")
            }
            let census = text.withUnsafeBufferPointer { TextEncoding.census($0, allowTruncatedEnd: !isWholeFile) }
            detected.encoding = (census.isUTF8 || bom) ? .utf8 : .windows1252
            encodingUndecided = dialect == nil && !bom && census.isASCII && !isWholeFile
        }
        if isWholeFile && !text.contains(where: { $0 > 32 && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: ",") }) {
            throw SpreadsheetError(.empty, file: fileName, "the file has no rows (it is empty or blank)")
        }
        let layout = text.withUnsafeBufferPointer { CSVDialect.detectLayout($0, isWholeFile: isWholeFile) }
        detected.delimiter = layout.delimiter
        detected.lineEnding = layout.lineEnding
        detected.hasSeparatorLine = layout.hasSeparatorLine

        if var forced = dialect {
            forced.hasByteOrderMark = detected.hasByteOrderMark  // a BOM in the file is skipped either way
            self.dialect = forced
        } else {
            self.dialect = detected
        }
    }

    /// Checks the encoding of one record: decides it when the file's start was ASCII, and
    /// refuses a byte that is not valid UTF-8 in a UTF-8 file.
    private func checkEncoding(_ record: CSVRecord, row: Int) throws {
        guard dialect.encoding == .utf8, !record.isASCII else { return }
        if encodingUndecided {
            encodingUndecided = false
            if !TextEncoding.census(record.byteBuffer).isUTF8 {
                dialect.encoding = .windows1252
                record.encoding = .windows1252
                return
            }
        }
        guard let (field, offset) = record.firstInvalidUTF8Field() else { return }
        let raw = record.rawField(field)
        let byte = offset < raw.count ? raw[offset] : 0
        throw SpreadsheetError(.malformed, file: fileName, row: row, column: field,
                               value: String(decoding: raw, as: UTF8.self),
                               "holds a byte that is not UTF-8 (0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset + 1) "
                               + "of the cell), though the file is UTF-8; one character is damaged. Correct it and save "
                               + "the file again as CSV UTF-8")
    }

    /// Streams the rows of the file (sheet must be 0) to `body`; stops at the first
    /// error, or when `body` throws (that error is rethrown).
    public func readRows(sheet: Int = 0, _ body: (SheetRow) throws -> Void) throws {
        guard sheet == 0 else {
            throw SpreadsheetError(.malformed, file: fileName, "a CSV file has one sheet (index 0), not \(sheet)")
        }
        let input = try FileInput(url: url, fileName: fileName)
        input.skip(byteOrderMarkLength)
        let source: any ChunkSource
        switch dialect.encoding {
        case .utf16LittleEndian: source = UTF16Input(input, bigEndian: false)
        case .utf16BigEndian: source = UTF16Input(input, bigEndian: true)
        default: source = input
        }
        let parser = CSVParser(source: source, fileName: fileName, delimiter: dialect.delimiter,
                               encoding: dialect.encoding)
        if dialect.hasSeparatorLine {
            // Excel hides the "sep=;" line: the header is still row 1.
            _ = try parser.next()
        }
        var number = 0
        var pendingEmpty = 0
        while let record = try parser.next() {
            number += 1
            parser.rowNumber = number + 1
            try checkEncoding(record, row: number)
            if record.trimmedCount == 0 {
                pendingEmpty += 1
                continue
            }
            while pendingEmpty > 0 {
                try body(.empty(number - pendingEmpty))
                pendingEmpty -= 1
            }
            try body(SheetRow(number: number, storage: .csv(record), count: record.trimmedCount))
        }
    }
}
