import FlowSolver
import Testing

/// Counts in the `p` line that the file cannot back are refused before anything is allocated.
@Suite struct DIMACSLimitTests {
    @Test("Absurd counts are refused with the problem line's number", arguments: [
        ("c a comment\np min 1000000000 1\na 1 2 0 1 1\n", 2,
         "the problem line declares 1000000000 nodes, more than a file of 43 bytes can use (at most 1048576)"),
        ("p min 2 1000000000\n", 1,
         "the problem line declares 1000000000 arcs, more than the 1 bytes after it can hold (an 'a' line takes at least 11 bytes; at most 4096)"),
        ("p min 2 5000\n", 1,
         "the problem line declares 5000 arcs, more than the 1 bytes after it can hold (an 'a' line takes at least 11 bytes; at most 4096)"),
    ])
    func absurdCounts(text: String, line: Int, message: String) {
        #expect(throws: DIMACSError(line: line, message: message)) { try DIMACS.parse(text) }
    }

    @Test func countsAFileCanHoldAreRead() throws {
        // 4096 declared arcs with none given: the slack lets the precise complaint through.
        #expect(throws: DIMACSError(line: 1, message: "the problem line declares 4096 arcs but 0 'a' lines follow")) {
            try DIMACS.parse("p min 2 4096\n")
        }
        // A million nodes named by a short file are allowed (ids may be sparse).
        let network = try DIMACS.parse("p min 1048576 1\na 1 1048576 0 1 1\n")
        #expect(network.nodeCount == 1_048_576 && network.arcCount == 1)
    }
}
