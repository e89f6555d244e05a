import FuzzSupport
import Spreadsheet

/// The input is the XML of a workbook's parts, separated by NUL bytes: worksheet, shared
/// strings, styles, workbook (missing ones get a minimal valid part). They are zipped here
/// into an .xlsx, so the fuzzer mutates XML rather than compressed bytes.
func fuzzXLSXParts(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let parts = WorkbookParts.split(UnsafeRawBufferPointer(start: start, count: count), count: 4)
    guard let zipped = WorkbookParts.xlsx(sheet: parts[0], sharedStrings: parts[1], styles: parts[2], workbook: parts[3]) else { return 0 }
    let url = ScratchFile.write(zipped, name: "parts.xlsx")
    do {
        let book = try Workbook.open(url)
        for sheet in book.sheets { try? book.readRows(sheet: sheet.index) { row in _ = row.cells } }
    } catch {}
    return 0
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzXLSXParts(UnsafeRawPointer(data), count)
}
