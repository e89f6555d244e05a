/// Every citizen's options in one flat array, cut into one list per citizen.
///
/// A national run has four to five thousand waiting citizens with hundreds of options each
/// (1.5 M in all): an array per citizen cost a heap block and its growth slack each, and the
/// option lists were a third of the match's peak memory. Here the lists share one buffer,
/// trimmed to its size once the last list is in; each list is a slice of it (no copy).
///
/// - Complexity: O(1) to read a list; appending is amortised O(1) per option.
struct OptionLists<Option> {
    private(set) var all: [Option] = []
    /// Where each list ends in `all` (its start is the previous list's end).
    private var ends: [Int] = []

    /// The number of lists.
    var count: Int { ends.count }

    /// List `i`, in the order its options were appended.
    subscript(i: Int) -> ArraySlice<Option> { all[(i == 0 ? 0 : ends[i - 1]) ..< ends[i]] }

    /// Ends the current list: the options appended since the last call are list `count`.
    mutating func endList() { ends.append(all.count) }

    /// Appends an option to the current list.
    mutating func append(_ option: Option) { all.append(option) }

    /// Drops the growth slack of the buffer (up to half of it after the last doubling).
    mutating func trim() {
        guard all.capacity > all.count else { return }
        all = all.withUnsafeBufferPointer { old in
            [Option](unsafeUninitializedCapacity: old.count) { new, initialised in
                _ = new.initialize(fromContentsOf: old)
                initialised = old.count
            }
        }
    }
}
