import FuzzSupport
import FlowSolver

/// Any bytes are DIMACS text: a network or a located `DIMACSError`, never a trap or an
/// allocation the file cannot justify.
func fuzzDIMACS(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let network = try? DIMACS.parse(text) { _ = DIMACS.write(network) }
    return 0
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzDIMACS(UnsafeRawPointer(data), count)
}
