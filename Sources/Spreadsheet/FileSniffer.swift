/// Tells from a file's first bytes what it is, so that a wrong file gets a message
/// saying what it is and what to do instead of a parse error.
enum FileSniffer {
    enum Kind: Equatable {
        case zip
        case text(TextStart)
        /// Not readable here; the message says what it is and what to do.
        case rejected(SpreadsheetError.Kind, String)
    }

    enum TextStart: Equatable {
        case plain
        case utf8BOM
        case utf16(bigEndian: Bool, bom: Bool)
    }

    static let saveAs = "Open it in Excel or LibreOffice and save it as .xlsx or .csv."

    static func sniff(_ head: [UInt8]) -> Kind {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head[0..<magic.count]) == magic }
        if head.isEmpty { return .rejected(.empty, "the file is empty (0 bytes)") }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return .rejected(.unsupportedFormat,
                             "this is an old Excel 97-2003 workbook (.xls) or another old Office file, which cannot be read. \(saveAs)")
        }
        if starts([0xFF, 0xFE, 0x00, 0x00]) || starts([0x00, 0x00, 0xFE, 0xFF]) {
            return .rejected(.unsupportedFormat, "this text file is in UTF-32, which cannot be read. Save it as UTF-8 CSV (or .xlsx).")
        }
        if starts([0xFF, 0xFE]) { return .text(.utf16(bigEndian: false, bom: true)) }
        if starts([0xFE, 0xFF]) { return .text(.utf16(bigEndian: true, bom: true)) }
        if starts(Array("%PDF-".utf8)) {
            return .rejected(.notASpreadsheet, "this is a PDF document, not a spreadsheet. Export the data from its source system as .xlsx or .csv.")
        }
        for (magic, what) in [([0x1F, 0x8B], "a gzip archive"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
                              ([0xFF, 0xD8, 0xFF], "a JPEG image"), (Array("Rar!".utf8), "a RAR archive"),
                              ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"), (Array("GIF8".utf8), "a GIF image")]
            as [([UInt8], String)] where starts(magic) {
            return .rejected(.notASpreadsheet, "this is \(what), not a spreadsheet. \(saveAs)")
        }
        // UTF-16 without a byte order mark: every other byte is NUL.
        if head.count >= 4, let bigEndian = utf16WithoutBOM(head) {
            return .text(.utf16(bigEndian: bigEndian, bom: false))
        }
        let hasBOM = starts([0xEF, 0xBB, 0xBF])
        let start = markupStart(head, from: hasBOM ? 3 : 0)
        if start.hasPrefix("{\\rtf") {
            return .rejected(.unsupportedFormat, "this is an RTF document, not a spreadsheet. \(saveAs)")
        }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<table")
            || start.hasPrefix("<head") || start.hasPrefix("<meta") {
            return .rejected(.unsupportedFormat,
                             "this is a web page (HTML); some systems export tables as HTML with an .xls name. \(saveAs)")
        }
        if start.hasPrefix("<?xml") {
            if start.contains("urn:schemas-microsoft-com:office:spreadsheet") {
                return .rejected(.unsupportedFormat, "this is an Excel 2003 XML spreadsheet, which cannot be read. \(saveAs)")
            }
            return .rejected(.unsupportedFormat, "this is an XML file, not a spreadsheet. \(saveAs)")
        }
        return .text(hasBOM ? .utf8BOM : .plain)
    }

    /// The first 4 KiB after leading whitespace, lowercased, when it looks like markup.
    private static func markupStart(_ head: [UInt8], from: Int) -> String {
        var i = from
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        guard i < head.count, head[i] == UInt8(ascii: "<") || head[i] == UInt8(ascii: "{") else { return "" }
        let slice = head[i..<min(head.count, i + 4096)]
        return String(decoding: slice, as: UTF8.self).lowercased()
    }

    /// True/false for big/little endian when the start looks like UTF-16 text without a
    /// BOM (NUL in nearly every other byte, never in the other ones); nil otherwise.
    private static func utf16WithoutBOM(_ head: [UInt8]) -> Bool? {
        let n = min(head.count, 4096) & ~1
        var zeroEven = 0, zeroOdd = 0
        var i = 0
        while i < n {
            if head[i] == 0 { zeroEven += 1 }
            if head[i + 1] == 0 { zeroOdd += 1 }
            i += 2
        }
        let pairs = n / 2
        if zeroOdd * 10 >= pairs * 9 && zeroEven == 0 { return false }
        if zeroEven * 10 >= pairs * 9 && zeroOdd == 0 { return true }
        return nil
    }
}
