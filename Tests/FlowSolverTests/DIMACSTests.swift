import FlowSolver
import Foundation
import Testing

@Suite("DIMACS format")
struct DIMACSTests {
    @Test("Writing gives the documented text")
    func writeExactText() {
        var network = Networks.make(nodes: 3, supplies: [0: 4, 2: -4], arcs: [(0, 1, 1, 4, -2), (1, 2, 0, 3, 1)])
        network.setSupply(1, 0)
        let text = DIMACS.write(network, comments: ["tiny example", "second line"])
        #expect(text == """
            c tiny example
            c second line
            p min 3 2
            n 1 4
            n 3 -4
            a 1 2 1 4 -2
            a 2 3 0 3 1

            """)
    }

    @Test("Write then parse gives the same network", arguments: 0..<20)
    func roundTrip(seed: UInt64) throws {
        let network = RandomNetworks.small(seed: 9000 + seed, nodes: 1...12, maxArcs: 40, costs: -1_000_000...1_000_000)
        #expect(try DIMACS.parse(DIMACS.write(network, comments: ["seed \(seed)"])) == network)
    }

    @Test("Extreme numbers survive a round trip")
    func extremeNumbers() throws {
        let network = Networks.make(nodes: 2, supplies: [0: .min, 1: .max], arcs: [(0, 1, .min, .max, .min), (1, 1, 0, 0, .max)])
        #expect(try DIMACS.parse(DIMACS.write(network)) == network)
    }

    @Test("Parsing a file equals parsing its text")
    func parseFile() throws {
        let text = DIMACS.write(Networks.textbook, comments: ["textbook"])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flowsolver-\(UUID().uuidString).min")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try DIMACS.parse(contentsOf: url) == Networks.textbook)
    }

    @Test("Comments, blank lines, tabs and CRLF line ends are accepted")
    func lenientWhitespace() throws {
        let text = "c header\r\n\r\np min 2 1\r\n  n\t1\t3\r\nc between\r\nn 2 -3\r\na 1 2 0 5 7   \r\n"
        #expect(try DIMACS.parse(text) == Networks.make(nodes: 2, supplies: [0: 3, 1: -3], arcs: [(0, 1, 0, 5, 7)]))
    }

    @Test("Solution text is exact")
    func solutionText() {
        let network = Networks.documentation
        let text = DIMACS.solutionText(network, MinCostFlow.solve(network))
        #expect(text == "s 14\nf 1 2 3\nf 2 3 3\nf 1 3 1\n")
    }

    @Test("Solution text for a non-optimal status is a comment")
    func solutionTextInfeasible() {
        let network = Networks.make(nodes: 2, supplies: [0: 5, 1: -5], arcs: [(0, 1, 0, 3, 1)])
        #expect(DIMACS.solutionText(network, MinCostFlow.solve(network)) == "c status: infeasible\n")
    }

    @Test("Parse errors name the line", arguments: [
        ("", 0, "missing problem line 'p min NODES ARCS'"),
        ("c only a comment\n", 1, "missing problem line 'p min NODES ARCS'"),
        ("p min 2 0\np min 2 0\n", 2, "duplicate problem line (the first is line 1)"),
        ("p max 2 0\n", 1, "problem type 'max' is not 'min'"),
        ("p min 2\n", 1, "missing arc count"),
        ("p min 2 0 9\n", 1, "unexpected '9' at the end of the line"),
        ("p min -1 0\n", 1, "node count -1 out of range"),
        ("n 1 5\np min 2 0\n", 1, "'n' line before the problem line"),
        ("a 1 2 0 1 1\n", 1, "'a' line before the problem line"),
        ("p min 2 1\nx 1 2\n", 2, "unknown line type 'x'; expected c, p, n or a"),
        ("p min 2 1\nab 1 2\n", 2, "unknown line type 'ab'; expected c, p, n or a"),
        ("p min 2 1\nn 3 5\n", 2, "node id 3 is not a node of 1...2"),
        ("p min 2 1\nn 0 5\n", 2, "node id 0 is not a node of 1...2"),
        ("p min 2 0\nn 1 5\nn 1 -5\n", 3, "node 1 already has a supply (line 2)"),
        ("p min 2 1\n\na 1 3 0 1 1\n", 3, "arc head 3 is not a node of 1...2"),
        ("p min 2 1\na 1 2 0 x 1\n", 2, "capacity 'x' is not an integer"),
        ("p min 2 1\na 1 2 0 1 -\n", 2, "cost '-' is not an integer"),
        ("p min 2 1\na 1 2 0 1 99999999999999999999\n", 2, "cost '99999999999999999999' does not fit in 64 bits"),
        ("p min 2 1\na 1 2 0 1\n", 2, "missing cost"),
        ("p min 2 2\nc\na 1 2 0 1 1\n", 1, "the problem line declares 2 arcs but 1 'a' lines follow"),
        ("p min 2 1\na 1 2 0 1 1\na 2 1 0 1 1\n", 3, "more 'a' lines than the 1 arcs the problem line declares"),
    ])
    func parseErrors(text: String, line: Int, message: String) {
        #expect(throws: DIMACSError(line: line, message: message)) {
            try DIMACS.parse(text)
        }
    }

    @Test("Errors describe themselves with their line")
    func errorDescription() {
        #expect(DIMACSError(line: 7, message: "bad").description == "line 7: bad")
    }
}
