import FuzzSupport
import PlacementPlanning

/// Any bytes are a demand sheet (CSV): rows, or problems naming row and column; never a trap.
func fuzzDemand(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let url = ScratchFile.write(UnsafeRawBufferPointer(start: start, count: count), name: "efterspoergsel.csv")
    _ = try? DemandSheet.read(url: url)
    return 0
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzDemand(UnsafeRawPointer(data), count)
}
