import FuzzSupport
import PlacementModel

/// Each line `key value` is given to the policy as `placement policy set key value` does: a
/// value it accepts, or an error saying why; never a trap. Every key is read back.
func fuzzPolicy(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    var policy = MatchPolicy()
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
        let parts = line.split(separator: " ", maxSplits: 1)
        guard let key = parts.first else { continue }
        try? policy.set(String(key), parts.count > 1 ? String(parts[1]) : "")
    }
    for key in MatchPolicy.keys { _ = policy.value(key) }
    return 0
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzPolicy(UnsafeRawPointer(data), count)
}
