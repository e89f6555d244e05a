import FuzzSupport
import PlacementPlanning

/// Any bytes are a demand sheet (CSV): rows, or problems naming row and column; never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDemand(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let url = ScratchFile.write(UnsafeRawBufferPointer(start: start, count: count), name: "efterspoergsel.csv")
    _ = try? DemandSheet.read(url: url)
    return 0
}
