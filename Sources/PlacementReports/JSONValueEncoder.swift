import Foundation

/// An `Encodable` value as a `JSON` value, for the one writer: an object's keys in the order
/// the value encodes them (a synthesised `Encodable` encodes its properties in declaration
/// order, so a type reads in the order it is written), a dictionary's keys sorted (they are
/// data, in no order of their own, and are never rewritten to snake case).
public struct JSONValueEncoder {
    /// Property names in `snake_case`; names already in snake case stay as they are.
    public var snakeCase: Bool

    public init(snakeCase: Bool = true) { self.snakeCase = snakeCase }

    public func encode(_ value: some Encodable) throws -> JSON {
        let root = JSONNode()
        try JSONNodeWriter(node: root, snakeCase: snakeCase, codingPath: []).put(value)
        return root.json
    }

    /// `externalAnnualNetOre` → `external_annual_net_ore`, `percentile90WaitDays` →
    /// `percentile90_wait_days` (a word starts at a capital after a small letter or a digit,
    /// or at the last capital of a run followed by a small letter).
    static func snakeCased(_ key: String) -> String {
        let chars = Array(key)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let before = chars[i - 1]
                let after = i + 1 < chars.count ? chars[i + 1] : nil
                if !before.isUppercase && before != "_" || before.isUppercase && after?.isLowercase == true { out += "_" }
            }
            out += c.lowercased()
        }
        return out
    }
}

/// A number as exact decimal text (`Exact.decimalText`), written as a JSON number (`12.5`):
/// a fraction of øre, per mille or hundredths without a binary float's digits.
public struct JSONDecimal: Encodable, Sendable {
    public let text: String
    /// `value` in units of 10^-`scale` (`JSONDecimal(873, scale: 1)` is 87.3).
    public init(_ value: Int64, scale: Int) { text = Exact.decimalText(value, scale: scale) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// Dictionaries encoded as objects (keyed by strings, or by values that name themselves as keys,
/// such as a `String` enum): their keys are sorted and kept as written, so that the same value
/// is the same bytes in every process (a dictionary's own order changes with each).
protocol JSONKeyedByData {}
extension Dictionary: JSONKeyedByData where Key: CodingKeyRepresentable {}

/// One value being built: a leaf, an object or an array of nodes.
final class JSONNode {
    var leaf: JSON?
    var members: [(String, JSONNode)]?
    var items: [JSONNode]?
    var keyedByData = false

    var json: JSON {
        if let members {
            let list = keyedByData ? members.sorted { $0.0 < $1.0 } : members
            return .object(list.map { ($0.0, $0.1.json) })
        }
        if let items { return .array(items.map(\.json)) }
        return leaf ?? .object([])
    }

    func member(_ key: String) -> JSONNode {
        let child = JSONNode()
        if members == nil { members = [] }
        // A key written twice keeps its first place and its last value, as an object can hold it once.
        // A dictionary writes each of its keys once: its thousands of keys (a national run's place
        // values) are not searched for each other.
        if !keyedByData, let i = members?.firstIndex(where: { $0.0 == key }) { members?[i].1 = child } else { members?.append((key, child)) }
        return child
    }

    func item() -> JSONNode {
        let child = JSONNode()
        if items == nil { items = [] }
        items?.append(child)
        return child
    }
}

struct JSONNodeWriter: Encoder {
    let node: JSONNode
    let snakeCase: Bool
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes `value` into this writer's node: numbers, strings and Bools as leaves, a string-
    /// keyed dictionary marked so, everything else through its own `encode(to:)`.
    func put<T: Encodable>(_ value: T) throws {
        // Only a value of one of `leaf`'s types can be a leaf: asking `leaf` of any other (an
        // array, a struct) boxed it and tried each cast in turn, a third of a status's --json.
        // An optional of a leaf type encodes its value through `encode(to:)`, as a leaf again.
        if JSONNodeWriter.isLeafType(T.self), let leaf = JSONNodeWriter.leaf(value) { node.leaf = leaf; return }
        if T.self == JSONDecimal.self, let d = value as? JSONDecimal { node.leaf = .number(d.text); return }
        if value is any JSONKeyedByData { node.keyedByData = true; if node.members == nil { node.members = [] } }
        try value.encode(to: self)
    }

    /// Whether `type` is one of the types `leaf` reads.
    static func isLeafType(_ type: Any.Type) -> Bool {
        type == String.self || type == Int.self || type == Int64.self || type == Bool.self || type == Double.self
            || type == Int32.self || type == Int16.self || type == Int8.self || type == UInt.self || type == UInt64.self
            || type == UInt32.self || type == UInt16.self || type == UInt8.self || type == Float.self || type == URL.self
    }

    static func leaf(_ value: Any) -> JSON? {
        switch value {
        case let v as String: .string(v)
        case let v as Bool: .bool(v)
        case let v as Int: .int(Int64(v))
        case let v as Int64: .int(v)
        case let v as Int32: .int(Int64(v))
        case let v as Int16: .int(Int64(v))
        case let v as Int8: .int(Int64(v))
        case let v as UInt: v <= UInt(Int64.max) ? .int(Int64(v)) : .number(String(v))
        case let v as UInt64: v <= UInt64(Int64.max) ? .int(Int64(v)) : .number(String(v))
        case let v as UInt32: .int(Int64(v))
        case let v as UInt16: .int(Int64(v))
        case let v as UInt8: .int(Int64(v))
        case let v as Double: number(v)
        case let v as Float: number(Double(v))
        case let v as URL: .string(v.absoluteString)
        default: nil
        }
    }

    /// A binary float as the shortest decimal that reads back as it (`0.1`, `12.5`), a whole
    /// one without a fraction (`3`); not a number is `null`.
    static func number(_ d: Double) -> JSON {
        guard d.isFinite else { return .null }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return .int(Int64(d)) }
        return .number("\(d)")
    }

    func key(_ k: some CodingKey) -> String {
        node.keyedByData || !snakeCase ? k.stringValue : JSONValueEncoder.snakeCased(k.stringValue)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [] }
        return KeyedEncodingContainer(Keyed<Key>(writer: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return Unkeyed(writer: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(writer: self) }

    func child(_ node: JSONNode, _ key: (any CodingKey)?) -> JSONNodeWriter {
        JSONNodeWriter(node: node, snakeCase: snakeCase, codingPath: codingPath + (key.map { [$0] } ?? []))
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: JSONNodeWriter
        var codingPath: [any CodingKey] { writer.codingPath }

        mutating func encodeNil(forKey key: Key) throws { writer.node.member(writer.key(key)).leaf = .null }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try writer.child(writer.node.member(writer.key(key)), key).put(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            writer.child(writer.node.member(writer.key(key)), key).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            writer.child(writer.node.member(writer.key(key)), key).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { writer.child(writer.node.member("super"), nil) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { writer.child(writer.node.member(writer.key(key)), key) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: JSONNodeWriter
        var codingPath: [any CodingKey] { writer.codingPath }
        var count: Int { writer.node.items?.count ?? 0 }

        mutating func encodeNil() throws { writer.node.item().leaf = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.child(writer.node.item(), nil).put(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            writer.child(writer.node.item(), nil).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { writer.child(writer.node.item(), nil).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { writer.child(writer.node.item(), nil) }
    }

    struct Single: SingleValueEncodingContainer {
        let writer: JSONNodeWriter
        var codingPath: [any CodingKey] { writer.codingPath }

        mutating func encodeNil() throws { writer.node.leaf = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.put(value) }
    }
}
