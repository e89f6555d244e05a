/// A one-pass reader of DIMACS min-cost-flow text over raw UTF-8 bytes.
///
/// Works on bytes rather than `Character`s because grapheme breaking would dominate the cost of
/// reading a file with millions of arcs. Only ASCII matters to the format; any other byte is
/// simply part of a token (and so reported as a bad token where a number is expected).
struct DIMACSReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lineNumber = 0
    private var lineEnd = 0

    private var network: FlowNetwork?
    private var problemLine = 0
    private var declaredArcs = 0
    /// The line of each node's `n` descriptor, to report duplicates; 0 = none yet.
    private var supplyLines: [Int32] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func read() throws(DIMACSError) -> FlowNetwork {
        while position < bytes.count {
            lineNumber += 1
            lineEnd = position
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            try readLine()
            position = lineEnd + 1
        }
        guard let network else {
            throw DIMACSError(line: lineNumber, problem: .missingProblemLine)
        }
        if network.arcCount != declaredArcs {
            throw DIMACSError(line: problemLine, problem: .arcCountDiffers(declared: declaredArcs, found: network.arcCount))
        }
        return network
    }

    private mutating func readLine() throws(DIMACSError) {
        skipSpaces()
        guard position < lineEnd else { return }    // blank line
        let kind = bytes[position]
        position += 1
        if position < lineEnd && !Self.isSpace(bytes[position]) {
            throw error(.unknownLineType(token(from: position - 1)))
        }
        switch kind {
        case UInt8(ascii: "c"):
            return
        case UInt8(ascii: "p"):
            try readProblem()
        case UInt8(ascii: "n"):
            try readNode()
        case UInt8(ascii: "a"):
            try readArc()
        default:
            throw error(.unknownLineType(token(from: position - 1)))
        }
    }

    private mutating func readProblem() throws(DIMACSError) {
        if network != nil {
            throw error(.duplicateProblemLine(firstLine: problemLine))
        }
        skipSpaces()
        let start = position
        while position < lineEnd && !Self.isSpace(bytes[position]) { position += 1 }
        let type = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard type == "min" else {
            throw error(type.isEmpty ? .problemTypeMissing : .problemTypeNotMin(type))
        }
        let nodes = try number(.nodeCount)
        let arcs = try number(.arcCount)
        try expectEnd()
        guard nodes >= 0 && nodes <= Int64(FlowNetwork.maxNodeCount) else { throw error(.countOutOfRange(.nodeCount, nodes)) }
        guard arcs >= 0 && arcs <= Int64(FlowNetwork.maxArcCount) else { throw error(.countOutOfRange(.arcCount, arcs)) }
        // Refuse counts the file cannot back before allocating for them: a 40-byte file declaring
        // a billion nodes would otherwise take gigabytes. Each arc is an 'a' line of 11 bytes or
        // more ("a 1 2 0 1 0"), plus a few thousand of slack so that a short file still gets the
        // precise complaint about its lines; nodes are capped at 64 per byte of the file (ids may
        // be sparse, so a short file can name a high node) with a floor of 2^20.
        let rest = bytes.count - lineEnd
        let arcRoom = Int64(max(0, rest) / Self.minimumArcLineBytes + Self.arcSlack)
        guard arcs <= arcRoom else {
            throw error(.arcsBeyondFile(arcs: arcs, bytesAfter: max(0, rest), lineBytes: Self.minimumArcLineBytes, room: arcRoom))
        }
        let nodeRoom = Int64(max(Self.minimumNodeRoom, bytes.count.multipliedReportingOverflow(by: 64).partialValue))
        guard nodes <= nodeRoom else {
            throw error(.nodesBeyondFile(nodes: nodes, bytes: bytes.count, room: nodeRoom))
        }
        var network = FlowNetwork(nodeCount: Int(nodes))
        network.reserveArcCapacity(Int(arcs))
        self.network = network
        problemLine = lineNumber
        declaredArcs = Int(arcs)
        supplyLines = Array(repeating: 0, count: Int(nodes))
    }

    /// "a 1 2 0 1 0" without its newline.
    static let minimumArcLineBytes = 11
    /// Arcs a file may declare beyond what its bytes can hold (cheap to reserve).
    static let arcSlack = 4096
    /// The node count a file of any size may declare.
    static let minimumNodeRoom = 1 << 20

    private mutating func readNode() throws(DIMACSError) {
        guard network != nil else { throw error(.beforeProblemLine(lineType: "n")) }
        let id = try nodeID(.nodeID)
        let supply = try number(.supply)
        try expectEnd()
        if supplyLines[id] != 0 {
            throw error(.supplyGivenTwice(node: id + 1, firstLine: Int(supplyLines[id])))
        }
        supplyLines[id] = Int32(truncatingIfNeeded: lineNumber)
        network?.setSupply(id, supply)
    }

    private mutating func readArc() throws(DIMACSError) {
        guard network != nil else { throw error(.beforeProblemLine(lineType: "a")) }
        if network?.arcCount == declaredArcs {
            throw error(.moreArcsThanDeclared(declared: declaredArcs))
        }
        let from = try nodeID(.arcTail)
        let to = try nodeID(.arcHead)
        let lower = try number(.lowerBound)
        let capacity = try number(.capacity)
        let cost = try number(.cost)
        try expectEnd()
        network?.addArc(from: from, to: to, lowerBound: lower, capacity: capacity, cost: cost)
    }

    // MARK: Tokens

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private mutating func skipSpaces() {
        while position < lineEnd && Self.isSpace(bytes[position]) { position += 1 }
    }

    private func token(from start: Int) -> String {
        var end = start
        while end < lineEnd && !Self.isSpace(bytes[end]) { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// A 1-based node id in `1...nodeCount`, returned 0-based.
    private mutating func nodeID(_ what: DIMACSField) throws(DIMACSError) -> Int {
        let value = try number(what)
        let count = network?.nodeCount ?? 0
        guard value >= 1 && value <= Int64(count) else {
            throw error(.notANode(what, value, nodeCount: count))
        }
        return Int(value) - 1
    }

    /// An optionally signed decimal integer that fits in `Int64`.
    private mutating func number(_ what: DIMACSField) throws(DIMACSError) -> Int64 {
        skipSpaces()
        guard position < lineEnd else { throw error(.missing(what)) }
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        // Accumulate as a negative number so that Int64.min parses too.
        var value: Int64 = 0
        var digits = 0
        while position < lineEnd && !Self.isSpace(bytes[position]) {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { throw error(.notAnInteger(what, token(from: start))) }
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !o1 && !o2 else { throw error(.beyond64Bits(what, token(from: start))) }
            value = next
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw error(.notAnInteger(what, token(from: start))) }
        if negative { return value }
        guard value != .min else { throw error(.beyond64Bits(what, token(from: start))) }
        return -value
    }

    private mutating func expectEnd() throws(DIMACSError) {
        skipSpaces()
        if position < lineEnd {
            throw error(.unexpectedAtEnd(token(from: position)))
        }
    }

    private func error(_ problem: DIMACSProblem) -> DIMACSError {
        DIMACSError(line: lineNumber, problem: problem)
    }
}
