import FuzzSupport
import Spreadsheet

/// Any bytes are a CSV file to the reader: it must detect a dialect or refuse with an error,
/// then hand out rows or refuse; never trap.
func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let url = ScratchFile.write(UnsafeRawBufferPointer(start: start, count: count), name: "input.csv")
    do {
        let reader = try CSVReader(url: url)
        // Every cell is looked at, as the importer does.
        try reader.readRows { row in _ = row.cells }
    } catch {}
    return 0
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzCSV(UnsafeRawPointer(data), count)
}
