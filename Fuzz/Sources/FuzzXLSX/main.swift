import FuzzSupport
import Spreadsheet

/// Any bytes are an .xlsx file: the ZIP, then the workbook's parts, then every sheet's rows.
func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let url = ScratchFile.write(UnsafeRawBufferPointer(start: start, count: count), name: "input.xlsx")
    do {
        let book = try Workbook.open(url)
        for sheet in book.sheets {
            try? book.readRows(sheet: sheet.index) { row in _ = row.cells }
        }
    } catch {}
    return 0
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzXLSX(UnsafeRawPointer(data), count)
}
