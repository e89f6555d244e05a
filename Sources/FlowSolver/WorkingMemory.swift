#if canImport(Glibc)
import Glibc
#endif

/// Working arrays of the solvers, in memory that Linux may back with 2 MiB pages.
///
/// Each solve fills several fresh arrays of m elements; with 4 KiB pages every page costs a page
/// fault on first touch (about 1,300 for a 160,000-arc network's simplex arrays), and the
/// pricing loop's stream over the arcs and gathers of potentials miss the TLB. Arrays of at
/// least ``hugePageThreshold`` are aligned to 2 MiB and marked `MADV_HUGEPAGE`, which asks for
/// huge pages where transparent huge pages are in `madvise` mode; elsewhere (macOS, smaller
/// arrays) this is an ordinary allocation. The rounding up to whole huge pages costs at most
/// 2 MiB per array (six arrays per solve). Free with ``deallocate(_:)``.
enum WorkingMemory {
    static let hugePage = 2 << 20

    /// Arrays from this size on (16 MiB) ask for huge pages. Not from 2 MiB: with that threshold
    /// the national match, whose networks have about a million arcs (arrays of 4-8 MiB), peaked
    /// at 260-268 MB against 237 MB with this one, whether transparent huge pages were on or off,
    /// and its time did not measurably change. The 8-byte arrays of the solver benchmark's 3 M-arc
    /// networks (24 MiB) still ask, where huge pages saved about a tenth of the time.
    static let hugePageThreshold = 8 * hugePage

    /// Uninitialised room for `count` values of `T`.
    static func allocate<T>(_ type: T.Type = T.self, capacity count: Int) -> UnsafeMutablePointer<T> {
        #if canImport(Glibc)
        // malloc and posix_memalign both pair with free (see deallocate), and both align to
        // at least 16 bytes, enough for every element type used here.
        let bytes = max(count * MemoryLayout<T>.stride, 1)
        var raw: UnsafeMutableRawPointer?
        if bytes >= hugePageThreshold {
            let rounded = (bytes + hugePage - 1) / hugePage * hugePage
            if posix_memalign(&raw, hugePage, rounded) == 0, let raw {
                _ = madvise(raw, rounded, 14)   // MADV_HUGEPAGE; only a hint, so its result does not matter
            }
        }
        if raw == nil { raw = malloc(bytes) }
        guard let raw else { fatalError("out of memory for \(count) elements of \(T.self)") }
        return raw.bindMemory(to: T.self, capacity: count)
        #else
        return .allocate(capacity: count)
        #endif
    }

    /// Frees room from ``allocate(_:capacity:)``.
    static func deallocate<T>(_ pointer: UnsafeMutablePointer<T>) {
        #if canImport(Glibc)
        free(pointer)
        #else
        pointer.deallocate()
        #endif
    }
}
