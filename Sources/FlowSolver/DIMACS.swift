import Foundation

/// The DIMACS minimum-cost-flow text format (First DIMACS Implementation Challenge, 1991):
///
/// ```
/// c a comment
/// p min NODES ARCS
/// n ID SUPPLY          (only for nodes with nonzero supply; negative = demand)
/// a FROM TO LOW CAP COST
/// ```
///
/// Node ids are 1-based in the text and 0-based in ``FlowNetwork``. The solution format written by
/// ``solutionText(_:_:)`` is `s COST` followed by one `f FROM TO FLOW` line per arc with nonzero
/// flow.
public enum DIMACS {
    /// Reads a network from DIMACS text.
    ///
    /// - Throws: ``DIMACSError`` naming the line for an unknown line type, a malformed or
    ///   out-of-range number, a missing or duplicate `p` line, a node id outside `1...NODES`, a
    ///   repeated `n` line for a node, or an arc count different from the `p` line's.
    /// - Complexity: O(length of the text).
    public static func parse(_ text: String) throws(DIMACSError) -> FlowNetwork {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(DIMACSError) -> FlowNetwork in
                var reader = DIMACSReader(bytes)
                return try reader.read()
            }
        }
        return try result.get()
    }

    /// Reads a network from a DIMACS file, parsing its bytes directly (no `String` or `Character`
    /// is made per line), which is what makes multi-million-arc files quick to load.
    ///
    /// - Throws: an error from reading the file, or ``DIMACSError`` as for ``parse(_:)``.
    /// - Complexity: O(file size).
    public static func parse(contentsOf url: URL) throws -> FlowNetwork {
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        let result = data.withUnsafeBytes { raw in
            Result { () throws(DIMACSError) -> FlowNetwork in
                var reader = DIMACSReader(raw.bindMemory(to: UInt8.self))
                return try reader.read()
            }
        }
        return try result.get()
    }

    /// The network as DIMACS text: comment lines, the `p` line, an `n` line per node with
    /// nonzero supply, and an `a` line per arc in index order, so that ``parse(_:)`` gives back an
    /// equal network.
    ///
    /// - Complexity: O(n + m).
    public static func write(_ network: FlowNetwork, comments: [String] = []) -> String {
        var out = DIMACSWriter()
        for comment in comments {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append(line.isEmpty ? "c" : "c \(line)")
                out.newline()
            }
        }
        out.line("p min", Int64(network.nodeCount), Int64(network.arcCount))
        for v in 0..<network.nodeCount where network.supplies[v] != 0 {
            out.line("n", Int64(v + 1), network.supplies[v])
        }
        for a in 0..<network.arcCount {
            out.line("a", Int64(network.tails[a]) + 1, Int64(network.heads[a]) + 1,
                     network.lowerBounds[a], network.capacities[a], network.costs[a])
        }
        return out.text
    }

    /// The solution in DIMACS solution format: `s COST`, then `f FROM TO FLOW` (1-based ids) for
    /// every arc with nonzero flow, in arc order. For a non-optimal solution there is no `s` line,
    /// only `c status: <status>`.
    ///
    /// - Complexity: O(m).
    public static func solutionText(_ network: FlowNetwork, _ solution: FlowSolution) -> String {
        var out = DIMACSWriter()
        guard solution.status == .optimal else {
            out.append("c status: \(solution.status)")
            out.newline()
            return out.text
        }
        out.line("s", solution.totalCost)
        for a in 0..<min(network.arcCount, solution.flows.count) where solution.flows[a] != 0 {
            out.line("f", Int64(network.tails[a]) + 1, Int64(network.heads[a]) + 1, solution.flows[a])
        }
        return out.text
    }
}
