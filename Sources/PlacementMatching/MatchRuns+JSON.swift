import Foundation

extension MatchRuns {
    /// Each of `values` as `json` writes it alone, from one pass of the encoder over the whole
    /// array cut at its top-level commas: a national run stores 4,000 proposals, and one encoder
    /// pass per proposal's reasons cost more than the reasons themselves. The encoder writes no
    /// whitespace, so an element inside the array has the very bytes it has alone.
    ///
    /// - Complexity: O(n) in the length of the encoded array.
    static func jsonEach<T: Encodable>(_ values: [T]) throws -> [String] {
        guard !values.isEmpty else { return [] }
        let bytes = try encoder.encode(values)
        let cut = bytes.withUnsafeBytes { topLevelElements(of: $0) }
        // Not the array this encoder writes (it never happens): encode one by one instead.
        guard cut.count == values.count else { return try values.map { try json($0) } }
        return cut.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The byte ranges of the elements of a JSON array of no whitespace (`[e1,e2,...]`), found by
    /// depth outside strings; empty for anything that is not such an array.
    static func topLevelElements(of b: UnsafeRawBufferPointer) -> [Range<Int>] {
        guard b.count >= 2, b[0] == UInt8(ascii: "["), b[b.count - 1] == UInt8(ascii: "]") else { return [] }
        var out: [Range<Int>] = []
        var depth = 0, start = 1, inString = false, escaped = false
        for i in 0..<b.count {
            let c = b[i]
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch c {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    guard i == b.count - 1 else { return [] }
                    if i > start { out.append(start..<i) }
                }
            case UInt8(ascii: ",") where depth == 1:
                out.append(start..<i)
                start = i + 1
            default: break
            }
        }
        return depth == 0 && !inString ? out : []
    }
}
