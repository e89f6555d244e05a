import Foundation

/// The JSON of a stored run (its input, policy, totals, stages and each proposal's reasons): the
/// very bytes `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`, written straight
/// into one byte buffer as each value's `encode(to:)` walks it.
///
/// Why not `JSONEncoder`: it builds a tree of boxed values with a dictionary per object, then sorts
/// and writes it; a national run's input (thousands of citizens and residences) and its proposals'
/// reasons made that a fifth of the whole match. The format stays the one the `Codable`
/// conformances define, so a type added to the input needs nothing here.
///
/// The bytes are `JSONEncoder`'s: no whitespace; object keys sorted by their UTF-8 bytes; strings
/// with `"`, `\` and the control characters below U+0020 escaped (`\b \f \n \r \t`, the others as
/// `\u00xx`), everything else as it is, slashes included; integers in decimal; a `Double` as its
/// `description` less a final `.0`. What this writer does not do as `JSONEncoder` does
/// (`Float`, `Date`, `Data`, `URL`, `Decimal`, non-finite numbers, a value that encodes nothing or
/// asks twice for its container, a super encoder, containers written to out of order, the same
/// key twice) makes `append` answer false, and the caller uses `JSONEncoder` instead.
enum StoredJSON {
    /// Appends the JSON of `value` to `bytes`; false (and `bytes` as it was) when the value needs
    /// what this writer does not do.
    ///
    /// - Complexity: O(size of the JSON), plus sorting each object's keys.
    static func append<T: Encodable>(_ value: T, to bytes: inout [UInt8]) throws -> Bool {
        let writer = Writer(bytes)
        bytes = []
        defer { bytes = writer.state.pointee.out }
        let start = writer.state.pointee.out.count
        do {
            try writer.write(value)
        } catch {
            writer.state.pointee.out.removeSubrange(start...)
            throw error
        }
        if writer.state.pointee.unsupported { writer.state.pointee.out.removeSubrange(start...) }
        return !writer.state.pointee.unsupported
    }
}

extension StoredJSON {
    /// The encoder every container writes through. Its state sits behind a pointer: as stored
    /// properties of a class, every access to the buffer paid a run-time exclusivity check.
    final class Writer: Encoder {
        let state: UnsafeMutablePointer<State>
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(_ out: [UInt8]) {
            state = .allocate(capacity: 1)
            state.initialize(to: State(out: out))
        }

        deinit {
            state.deinitialize(count: 1)
            state.deallocate()
        }

        /// Writes one value: a number, string or bool directly (the cast runs only for its own
        /// type), anything else by its `encode(to:)`, whose containers are closed when it returns.
        func write<T: Encodable>(_ value: T) throws {
            if T.self == String.self, let v = value as? String { return state.pointee.writeString(v) }
            if T.self == Int.self, let v = value as? Int { return state.pointee.writeInteger(v) }
            if T.self == Int64.self, let v = value as? Int64 { return state.pointee.writeInteger(v) }
            if T.self == Int32.self, let v = value as? Int32 { return state.pointee.writeInteger(v) }
            if T.self == Bool.self, let v = value as? Bool { return state.pointee.writeBool(v) }
            if T.self == Double.self, let v = value as? Double { return state.pointee.writeDouble(v) }
            if T.self == Int8.self, let v = value as? Int8 { return state.pointee.writeInteger(v) }
            if T.self == Int16.self, let v = value as? Int16 { return state.pointee.writeInteger(v) }
            if T.self == UInt.self, let v = value as? UInt { return state.pointee.writeInteger(v) }
            if T.self == UInt8.self, let v = value as? UInt8 { return state.pointee.writeInteger(v) }
            if T.self == UInt16.self, let v = value as? UInt16 { return state.pointee.writeInteger(v) }
            if T.self == UInt32.self, let v = value as? UInt32 { return state.pointee.writeInteger(v) }
            if T.self == UInt64.self, let v = value as? UInt64 { return state.pointee.writeInteger(v) }
            if Self.isSpecialToJSONEncoder(T.self) { state.pointee.unsupported = true; return }
            let depth = state.pointee.frames.count, outer = state.pointee.opened
            state.pointee.opened = false
            try value.encode(to: self)
            state.pointee.endValue(depth: depth, outer: outer)
        }

        /// Types `JSONEncoder` writes by a strategy of its own rather than by their `encode(to:)`
        /// (a `Float` by its own `description`).
        private static func isSpecialToJSONEncoder(_ type: Any.Type) -> Bool {
            type == Float.self || type == Date.self || type == Data.self || type == URL.self || type == Decimal.self
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            state.pointee.openTop()
            return KeyedEncodingContainer(Keyed<Key>(writer: self, id: state.pointee.open(object: true)))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            state.pointee.openTop()
            return Unkeyed(writer: self, id: state.pointee.open(object: false))
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            state.pointee.openTop()
            return Single(writer: self)
        }
    }

    /// The buffer and the containers open in it.
    struct State {
        var out: [UInt8]
        var unsupported = false

        /// An open object or array. Its entries are written in place; an object's are put in key
        /// order when it closes.
        struct Frame {
            let id: Int
            let isObject: Bool
            var count = 0
            /// Where the frame's keys begin in `keys`.
            let keyBase: Int
        }
        /// The open containers, innermost last: a container is complete once one of an outer
        /// container is written to again, or the `encode(to:)` that opened it returns.
        var frames: [Frame] = []
        private var nextId = 0
        /// The keys of the open objects' entries, each with where its entry begins in `out`.
        private var keys: [(key: String, start: Int)] = []
        /// Whether the value now being encoded has asked for its container.
        var opened = false
        private var scratch: [UInt8] = []

        init(out: [UInt8]) { self.out = out }

        // MARK: Values

        mutating func writeString(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                out.append(UInt8(ascii: "\""))
                var mark = 0
                for i in 0..<utf8.count {
                    let c = utf8[i]
                    guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                    if i > mark { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
                    mark = i + 1
                    out.append(UInt8(ascii: "\\"))
                    switch c {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(c)
                    case 0x08: out.append(UInt8(ascii: "b"))
                    case 0x0C: out.append(UInt8(ascii: "f"))
                    case 0x0A: out.append(UInt8(ascii: "n"))
                    case 0x0D: out.append(UInt8(ascii: "r"))
                    case 0x09: out.append(UInt8(ascii: "t"))
                    default:
                        writeASCII("u00")
                        out.append(Self.hex(c >> 4))
                        out.append(Self.hex(c & 0xF))
                    }
                }
                if utf8.count > mark { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...])) }
                out.append(UInt8(ascii: "\""))
            }
        }

        private static func hex(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10 }

        mutating func writeInteger<I: BinaryInteger>(_ v: I) {
            if v < 0 { out.append(UInt8(ascii: "-")) }
            var m = UInt64(v.magnitude)
            if m < 10 { out.append(UInt8(ascii: "0") + UInt8(m)); return }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for 20 digits, written backwards
            withUnsafeMutableBytes(of: &digits) { d in
                var n = 0
                while m > 0 {
                    d[n] = UInt8(ascii: "0") + UInt8(m % 10)
                    m /= 10
                    n += 1
                }
                for i in stride(from: n - 1, through: 0, by: -1) { out.append(d[i]) }
            }
        }

        mutating func writeBool(_ b: Bool) { writeASCII(b ? "true" : "false") }

        mutating func writeDouble(_ d: Double) {
            guard d.isFinite else { unsupported = true; return }
            var text = d.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            text.withUTF8 { out.append(contentsOf: $0) }
        }

        mutating func writeNull() { writeASCII("null") }

        private mutating func writeASCII(_ s: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }

        // MARK: Containers

        /// The top container of the value being encoded: asked for once, as `JSONEncoder` needs.
        mutating func openTop() {
            if opened { unsupported = true }
            opened = true
        }

        /// After a value's `encode(to:)` returned: it must have asked for a container, and what it
        /// opened is complete.
        mutating func endValue(depth: Int, outer: Bool) {
            if !opened { unsupported = true }
            closeFrames(downTo: depth)
            opened = outer
        }

        mutating func open(object: Bool) -> Int {
            out.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
            nextId += 1
            frames.append(Frame(id: nextId, isObject: object, keyBase: keys.count))
            return nextId
        }

        /// Makes frame `id` the innermost (closing those inside it), or marks the value
        /// unsupported when it is closed already (written to out of order).
        private mutating func focus(_ id: Int) -> Bool {
            if frames.last?.id == id { return true }
            guard let i = frames.lastIndex(where: { $0.id == id }) else { unsupported = true; return false }
            closeFrames(downTo: i + 1)
            return true
        }

        /// Starts the next element of array `id`.
        mutating func element(_ id: Int) {
            guard focus(id) else { return }
            if frames[frames.count - 1].count > 0 { out.append(UInt8(ascii: ",")) }
            frames[frames.count - 1].count += 1
        }

        /// Starts the entry `key` of object `id`: its key and colon.
        mutating func entry(_ id: Int, _ key: String) {
            guard focus(id) else { return }
            if frames[frames.count - 1].count > 0 { out.append(UInt8(ascii: ",")) }
            frames[frames.count - 1].count += 1
            keys.append((key, out.count))
            writeString(key)
            out.append(UInt8(ascii: ":"))
        }

        func count(_ id: Int) -> Int { frames.last { $0.id == id }?.count ?? 0 }

        /// Closes the open containers from the innermost until `depth` of them are left open.
        mutating func closeFrames(downTo depth: Int) {
            while frames.count > depth {
                let f = frames.removeLast()
                if f.isObject {
                    sortEntries(from: f.keyBase)
                    keys.removeSubrange(f.keyBase...)
                    out.append(UInt8(ascii: "}"))
                } else {
                    out.append(UInt8(ascii: "]"))
                }
            }
        }

        /// Puts the entries of the object closing now (its keys from `keys[base...]`, its entries
        /// from the first key's start to the end of `out`, separated by commas) in key order.
        private mutating func sortEntries(from base: Int) {
            guard keys.count - base > 1 else { return }
            var sorted = true
            for i in base + 1 ..< keys.count where !Self.precedes(keys[i - 1].key, keys[i].key) {
                sorted = false
                break
            }
            if sorted { return }
            let order = (base..<keys.count).sorted { Self.precedes(keys[$0].key, keys[$1].key) }
            for j in 1..<order.count where !Self.precedes(keys[order[j - 1]].key, keys[order[j]].key) {
                unsupported = true   // the same key twice
                return
            }
            let first = keys[base].start, end = out.count
            scratch.removeAll(keepingCapacity: true)
            for (j, i) in order.enumerated() {
                if j > 0 { scratch.append(UInt8(ascii: ",")) }
                let upTo = i + 1 < keys.count ? keys[i + 1].start - 1 : end   // before the comma
                scratch.append(contentsOf: out[keys[i].start ..< upTo])
            }
            out.replaceSubrange(first..<end, with: scratch)
        }

        /// UTF-8 byte order, `JSONEncoder`'s order of keys.
        private static func precedes(_ a: String, _ b: String) -> Bool {
            let fast = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                    let common = min(x.count, y.count)
                    guard common > 0, let p = x.baseAddress, let q = y.baseAddress else { return x.count < y.count }
                    let c = memcmp(p, q, common)
                    return c < 0 || (c == 0 && x.count < y.count)
                }
            }
            if let fast, let fast { return fast }
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }
}

extension StoredJSON {
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        let id: Int
        var codingPath: [any CodingKey] { [] }

        private func entry(_ key: Key) { writer.state.pointee.entry(id, key.stringValue) }

        func encodeNil(forKey key: Key) throws { entry(key); writer.state.pointee.writeNull() }
        func encode(_ value: Bool, forKey key: Key) throws { entry(key); writer.state.pointee.writeBool(value) }
        func encode(_ value: String, forKey key: Key) throws { entry(key); writer.state.pointee.writeString(value) }
        func encode(_ value: Double, forKey key: Key) throws { entry(key); writer.state.pointee.writeDouble(value) }
        func encode(_ value: Float, forKey key: Key) throws { writer.state.pointee.unsupported = true }
        func encode(_ value: Int, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int8, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int16, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int32, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int64, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt8, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt16, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt32, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt64, forKey key: Key) throws { entry(key); writer.state.pointee.writeInteger(value) }
        func encode<T: Encodable>(_ value: T, forKey key: Key) throws { entry(key); try writer.write(value) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            entry(key)
            return KeyedEncodingContainer(Keyed<NestedKey>(writer: writer, id: writer.state.pointee.open(object: true)))
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            entry(key)
            return Unkeyed(writer: writer, id: writer.state.pointee.open(object: false))
        }

        func superEncoder() -> any Encoder { writer.state.pointee.unsupported = true; return writer }
        func superEncoder(forKey key: Key) -> any Encoder { writer.state.pointee.unsupported = true; return writer }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: Writer
        let id: Int
        var codingPath: [any CodingKey] { [] }
        var count: Int { writer.state.pointee.count(id) }

        private func element() { writer.state.pointee.element(id) }

        func encodeNil() throws { element(); writer.state.pointee.writeNull() }
        func encode(_ value: Bool) throws { element(); writer.state.pointee.writeBool(value) }
        func encode(_ value: String) throws { element(); writer.state.pointee.writeString(value) }
        func encode(_ value: Double) throws { element(); writer.state.pointee.writeDouble(value) }
        func encode(_ value: Float) throws { writer.state.pointee.unsupported = true }
        func encode(_ value: Int) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int8) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int16) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int32) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: Int64) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt8) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt16) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt32) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode(_ value: UInt64) throws { element(); writer.state.pointee.writeInteger(value) }
        func encode<T: Encodable>(_ value: T) throws { element(); try writer.write(value) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            element()
            return KeyedEncodingContainer(Keyed<NestedKey>(writer: writer, id: writer.state.pointee.open(object: true)))
        }

        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            element()
            return Unkeyed(writer: writer, id: writer.state.pointee.open(object: false))
        }

        func superEncoder() -> any Encoder { writer.state.pointee.unsupported = true; return writer }
    }

    /// A value written as one JSON value (a raw value, a wrapper): once.
    struct Single: SingleValueEncodingContainer {
        let writer: Writer
        private var used = false
        var codingPath: [any CodingKey] { [] }

        init(writer: Writer) { self.writer = writer }

        private mutating func start() {
            if used { writer.state.pointee.unsupported = true }
            used = true
        }

        mutating func encodeNil() throws { start(); writer.state.pointee.writeNull() }
        mutating func encode(_ value: Bool) throws { start(); writer.state.pointee.writeBool(value) }
        mutating func encode(_ value: String) throws { start(); writer.state.pointee.writeString(value) }
        mutating func encode(_ value: Double) throws { start(); writer.state.pointee.writeDouble(value) }
        mutating func encode(_ value: Float) throws { writer.state.pointee.unsupported = true }
        mutating func encode(_ value: Int) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: Int8) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: Int16) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: Int32) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: Int64) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: UInt) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: UInt8) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: UInt16) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: UInt32) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode(_ value: UInt64) throws { start(); writer.state.pointee.writeInteger(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { start(); try writer.write(value) }
    }
}
