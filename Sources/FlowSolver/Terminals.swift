/// The sources and sinks of a network, counted from its supplies, and the test every shape rule
/// of the automatic solve shares: a count of terminals is *many* when it is at least a
/// twentieth of the nodes (placement: every citizen a source; random-many: a tenth each).
struct Terminals {
    private(set) var sources = 0
    private(set) var sinks = 0

    /// - Complexity: O(n).
    init(supplies: [Int64]) {
        for b in supplies {
            if b > 0 { sources += 1 } else if b < 0 { sinks += 1 }
        }
    }

    /// Whether `count` terminals are many among `n` nodes.
    static func many(_ count: Int, nodes n: Int) -> Bool {
        n > 0 && 20 * count >= n
    }
}
