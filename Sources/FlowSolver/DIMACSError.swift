/// A problem found while reading DIMACS min-cost-flow text, located by its 1-based line number.
public struct DIMACSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the problem was found (for a problem of the whole file, such as a
    /// missing `p` line, the last line read, or 0 for empty input).
    public let line: Int
    /// What is wrong, in a sentence that names the offending token or count.
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
