/// A problem found while reading DIMACS min-cost-flow text, located by its 1-based line number.
public struct DIMACSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the problem was found (for a problem of the whole file, such as a
    /// missing `p` line, the last line read, or 0 for empty input).
    public let line: Int
    /// What is wrong, in an English sentence that names the offending token or count.
    public let message: String
    /// What is wrong as a value, for a caller that words it in another language; nil for an
    /// error made from a sentence alone.
    public let problem: DIMACSProblem?

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
        self.problem = nil
    }

    public init(line: Int, problem: DIMACSProblem) {
        self.line = line
        self.message = problem.english
        self.problem = problem
    }

    public var description: String { "line \(line): \(message)" }

    /// Two errors are the same when they say the same about the same line, however made.
    public static func == (a: DIMACSError, b: DIMACSError) -> Bool {
        a.line == b.line && a.message == b.message
    }
}

/// A value of a DIMACS line the reader expects, named in a problem.
public enum DIMACSField: Sendable, Equatable, CaseIterable {
    case nodeCount, arcCount, nodeID, supply, arcTail, arcHead, lowerBound, capacity, cost

    public var english: String {
        switch self {
        case .nodeCount: "node count"
        case .arcCount: "arc count"
        case .nodeID: "node id"
        case .supply: "supply"
        case .arcTail: "arc tail"
        case .arcHead: "arc head"
        case .lowerBound: "lower bound"
        case .capacity: "capacity"
        case .cost: "cost"
        }
    }
}

/// Each way DIMACS text can be wrong, with what the reader saw. The English sentence is here,
/// beside the reader; a caller speaking another language words the same cases itself.
public enum DIMACSProblem: Sendable, Equatable {
    case missingProblemLine
    case arcCountDiffers(declared: Int, found: Int)
    case unknownLineType(String)
    case duplicateProblemLine(firstLine: Int)
    case problemTypeMissing
    case problemTypeNotMin(String)
    case countOutOfRange(DIMACSField, Int64)
    case arcsBeyondFile(arcs: Int64, bytesAfter: Int, lineBytes: Int, room: Int64)
    case nodesBeyondFile(nodes: Int64, bytes: Int, room: Int64)
    /// An `n` or `a` line before the `p` line.
    case beforeProblemLine(lineType: String)
    case supplyGivenTwice(node: Int, firstLine: Int)
    case moreArcsThanDeclared(declared: Int)
    case notANode(DIMACSField, Int64, nodeCount: Int)
    case missing(DIMACSField)
    case notAnInteger(DIMACSField, String)
    case beyond64Bits(DIMACSField, String)
    case unexpectedAtEnd(String)

    public var english: String {
        switch self {
        case .missingProblemLine:
            "missing problem line 'p min NODES ARCS'"
        case .arcCountDiffers(let declared, let found):
            "the problem line declares \(declared) arcs but \(found) 'a' lines follow"
        case .unknownLineType(let token):
            "unknown line type '\(token)'; expected c, p, n or a"
        case .duplicateProblemLine(let first):
            "duplicate problem line (the first is line \(first))"
        case .problemTypeMissing:
            "problem line lacks the type 'min'"
        case .problemTypeNotMin(let type):
            "problem type '\(type)' is not 'min'"
        case .countOutOfRange(let field, let value):
            "\(field.english) \(value) out of range"
        case .arcsBeyondFile(let arcs, let bytesAfter, let lineBytes, let room):
            "the problem line declares \(arcs) arcs, more than the \(bytesAfter) bytes after it can hold "
                + "(an 'a' line takes at least \(lineBytes) bytes; at most \(room))"
        case .nodesBeyondFile(let nodes, let bytes, let room):
            "the problem line declares \(nodes) nodes, more than a file of \(bytes) bytes can use (at most \(room))"
        case .beforeProblemLine(let type):
            "'\(type)' line before the problem line"
        case .supplyGivenTwice(let node, let first):
            "node \(node) already has a supply (line \(first))"
        case .moreArcsThanDeclared(let declared):
            "more 'a' lines than the \(declared) arcs the problem line declares"
        case .notANode(let field, let value, let count):
            "\(field.english) \(value) is not a node of 1...\(count)"
        case .missing(let field):
            "missing \(field.english)"
        case .notAnInteger(let field, let token):
            "\(field.english) '\(token)' is not an integer"
        case .beyond64Bits(let field, let token):
            "\(field.english) '\(token)' does not fit in 64 bits"
        case .unexpectedAtEnd(let token):
            "unexpected '\(token)' at the end of the line"
        }
    }
}
