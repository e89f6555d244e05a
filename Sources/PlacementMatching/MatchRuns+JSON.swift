import Foundation

extension MatchRuns {
    /// The stored runs' JSON as `JSONEncoder` writes it with these options (`StoredJSON` writes the
    /// same bytes faster, and hands anything it does not write back to this encoder).
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// `value` as stored JSON.
    static func json(_ value: some Encodable) throws -> String {
        var bytes: [UInt8] = []
        return try json(value, buffer: &bytes)
    }

    /// Each of `values` as `json` writes it alone, through one buffer: a national run stores
    /// 4,000 proposals' reasons.
    ///
    /// - Complexity: O(n) in the length of the JSON.
    static func jsonEach<T: Encodable>(_ values: [T]) throws -> [String] {
        var bytes: [UInt8] = []
        return try values.map { try json($0, buffer: &bytes) }
    }

    private static func json(_ value: some Encodable, buffer bytes: inout [UInt8]) throws -> String {
        bytes.removeAll(keepingCapacity: true)
        guard try StoredJSON.append(value, to: &bytes) else { return String(decoding: try encoder.encode(value), as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
