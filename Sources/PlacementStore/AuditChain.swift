import Crypto
import Foundation
import GRDB
import PlacementModel

/// The audit log's hash chain: each entry stores the hash of the entry before it (`prev_hash`;
/// 32 zero bytes for the first) and its own `hash` = SHA-256 over `prev_hash` and its canonical
/// fields. Editing, deleting or inserting an entry with the SQLite shell (after dropping the
/// append-only triggers) then shows: the entry no longer matches its hash, or no longer links
/// to the one before. `verify` says which entry, by id.
///
/// What it cannot show: an entry removed from the very end, or a chain recomputed from the
/// damaged entry on by someone who knows this scheme (the hash has no secret); an anchor kept
/// outside the file (the last hash, printed by `placement check` and kept) covers both.
public enum AuditChain {
    /// The `prev_hash` of the first entry.
    public static let genesis = Data(repeating: 0, count: 32)

    /// One way the log is not as the program wrote it.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            /// The entry's fields (or its hash) were changed after it was written.
            case edited
            /// The entry with this id is gone (ids are given one after another and never reused).
            case deleted
            /// The entry was not written by the program: it neither matches its hash nor links
            /// to the entry before it.
            case inserted
        }

        public let kind: Kind
        /// The id of the entry concerned (for `deleted`, the missing id).
        public let id: Int64

        public init(_ kind: Kind, id: Int64) {
            self.kind = kind
            self.id = id
        }

        public var description: String { message(.en) }

        /// The finding as one sentence in `language`.
        public func message(_ language: Language) -> String {
            switch (kind, language) {
            case (.edited, .da): "Logpost \(id) er ændret, efter den blev skrevet."
            case (.deleted, .da): "Logpost \(id) er slettet."
            case (.inserted, .da): "Logpost \(id) er ikke skrevet af placement."
            case (.edited, _): "Audit entry \(id) was changed after it was written."
            case (.deleted, _): "Audit entry \(id) has been deleted."
            case (.inserted, _): "Audit entry \(id) was not written by placement."
            }
        }
    }

    /// Every damage to the chain, in id order; empty when the log is intact.
    ///
    /// - An entry whose hash does not match its fields but whose `prev_hash` links: `edited`.
    /// - A gap in the ids before an entry that matches its own hash: `deleted`, one per missing id.
    /// - An entry that matches neither its hash nor its predecessor: `inserted`.
    /// - An entry that matches its hash but not its predecessor's (which matched its own):
    ///   the predecessor was `edited` and its hash recomputed.
    ///
    /// - Complexity: one pass over the log, O(n) hashes.
    public static func verify(_ db: Database) throws -> [Finding] {
        var findings: [Finding] = []
        var previous: (id: Int64, hash: Data)?
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, at, user, command, entity, entity_id, action, detail, source, prev_hash, hash FROM audit_log ORDER BY id
            """)
        while let row = try rows.next() {
            let r = RowReader(row, table: "audit_log")
            let id: Int64 = try r.value(0)
            // A field of the wrong type (planted with the shell) is an edit of that entry.
            guard let f = try? Fields(id: id, at: r.value(1), user: r.optional(2), command: r.value(3), entity: r.value(4),
                                      entityId: r.value(5), action: r.value(6), detail: r.optional(7), source: r.optional(8)),
                  let prevHash = try? (r.optional(9) as Data?) ?? Data(), let stored = try? (r.optional(10) as Data?) ?? Data()
            else {
                findings.append(Finding(.edited, id: id))
                previous = (id, Data())
                continue
            }
            let selfOK = hash(prev: prevHash, f) == stored
            let linkOK = prevHash == (previous?.hash ?? genesis)
            let expectedId = (previous?.id ?? 0) + 1
            if !selfOK {
                findings.append(Finding(linkOK && f.id == expectedId ? .edited : .inserted, id: f.id))
            } else if f.id > expectedId {
                for missing in expectedId..<f.id { findings.append(Finding(.deleted, id: missing)) }
            } else if !linkOK, let p = previous, findings.last?.id != p.id {
                findings.append(Finding(.edited, id: p.id))
            }
            previous = (f.id, stored)
        }
        return findings
    }

    /// The last entry's id and hash in hex. Kept outside the file (printed by `placement check`),
    /// it lets a later check see what `verify` alone cannot: entries removed from the end, or a
    /// chain recomputed since.
    public static func head(_ db: Database) throws -> (id: Int64, hash: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1") else { return nil }
        let r = RowReader(row, table: "audit_log")
        return (try r.value(0), (try r.value(1) as Data).map { String(format: "%02x", $0) }.joined())
    }

    /// The same, on a database: a read of the whole log.
    public static func verify(_ database: PlacementDatabase) throws -> [Finding] { try database.read { try verify($0) } }

    /// An entry's fields in the order they are hashed.
    struct Fields {
        var id: Int64
        var at: String
        var user: String?
        var command: String
        var entity: String
        var entityId: String
        var action: String
        var detail: String?
        var source: String?
    }

    /// SHA-256 of `prev` and the fields, each written as its length in bytes, `:` and its UTF-8
    /// (or `-` for none) and `;`, so that no two different entries read the same.
    static func hash(prev: Data, _ f: Fields) -> Data {
        // The bytes hashed are written into one buffer of their exact length, on the stack when
        // small, and hashed once: an import writes an entry per change, and an array grown
        // piece by piece, a `String` per length and a `Data` per piece were a measurable share
        // of its time. Same bytes, same hash.
        let id = String(f.id)
        func size(_ value: String?) -> Int {
            guard let value else { return 2 }
            let n = value.utf8.count
            return decimalDigits(n) + n + 2
        }
        let length = prefix.count + prev.count + size(id) + size(f.at) + size(f.user) + size(f.command) + size(f.entity)
            + size(f.entityId) + size(f.action) + size(f.detail) + size(f.source)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
            var at = 0
            func put(_ byte: UInt8) { buffer[at] = byte; at += 1 }
            func put(bytes: UnsafeRawBufferPointer) {
                for b in bytes { buffer[at] = b; at += 1 }
            }
            // Each field as its length in bytes, `:`, its UTF-8 and `;`, or `-;` for none.
            func put(field: String?) {
                guard var value = field else { put(UInt8(ascii: "-")); put(UInt8(ascii: ";")); return }
                let n = value.utf8.count
                var divisor = 1
                while divisor * 10 <= n { divisor *= 10 }
                while divisor > 0 { put(UInt8(ascii: "0") + UInt8(n / divisor % 10)); divisor /= 10 }
                put(UInt8(ascii: ":"))
                value.withUTF8 { put(bytes: UnsafeRawBufferPointer($0)) }
                put(UInt8(ascii: ";"))
            }
            prefix.withUnsafeBytes { put(bytes: $0) }
            prev.withUnsafeBytes { put(bytes: $0) }
            put(field: id); put(field: f.at); put(field: f.user); put(field: f.command); put(field: f.entity)
            put(field: f.entityId); put(field: f.action); put(field: f.detail); put(field: f.source)
            return SHA256.hash(data: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[0..<at])))
                .withUnsafeBytes { Data($0) }
        }
    }

    /// The bytes every entry's hash begins with.
    private static let prefix = Array("placement audit 1;".utf8)

    /// How many digits `n` (≥ 0) has in decimal.
    private static func decimalDigits(_ n: Int) -> Int {
        var digits = 1, v = n
        while v >= 10 { v /= 10; digits += 1 }
        return digits
    }
}
