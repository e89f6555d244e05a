import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// The pseudonym key lives in a key file of its own, readable by its owner only, and moves
/// between computers by export and import; the database file never holds it.
@Suite struct KeyFileTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// The key's bytes as they could appear in a file: raw, base64, hex.
    static func spellings(_ key: PseudonymKey) -> [Data] {
        [key.bytes, Data(key.bytes.base64EncodedString().utf8), Data(key.bytes.map { String(format: "%02x", $0) }.joined().utf8)]
    }

    @Test func aNewDatabaseHasItsKeyInAPrivateFileNamedByItsIdAndNotInTheFile() throws {
        let dir = try TempDir()
        let path = dir.path("placement.sqlite")
        let db = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys)
        let id = try db.read(db.databaseId)
        let keyURL = dir.url.appendingPathComponent("keys/\(id).key")
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
        #expect(try db.read(db.keyFileURL)?.path == keyURL.path)
        #expect(try Self.mode(keyURL.path) == 0o600)
        #expect(try Self.mode(dir.url.appendingPathComponent("keys").path) == 0o700)
        // The database file and its WAL and shared memory: owner only.
        try db.write { try AuditLog.append($0, command: "test", entity: "database", entityId: "-", action: "touch") }
        for suffix in ["", "-wal", "-shm"] { #expect(try Self.mode(path + suffix) == 0o600, "\(suffix)") }
        let key = try #require(try db.pseudonymKey())
        #expect(try KeyFile.read(keyURL) == KeyFile(databaseId: id, key: key))
        #expect(try db.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'pseudonym_key')") } == false)
        try db.writer.close()
        let file = Self.bytes(path) + Self.bytes(path + "-wal")
        for spelling in Self.spellings(key) { #expect(file.range(of: spelling) == nil) }
    }

    @Test func withoutItsKeyFileADatabaseOpensAndHasNoKey() throws {
        let dir = try TempDir(), elsewhere = try TempDir()
        let path = dir.path("placement.sqlite")
        try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys).writer.close()
        let db = try PlacementDatabase.open(path: path, keys: elsewhere.keys)
        #expect(try db.pseudonymKey() == nil)
        #expect(try db.planningArea() == [615])
        let expected = try #require(try db.read(db.keyFileURL)).path
        #expect(expected.hasPrefix(elsewhere.url.path))
        #expect(throws: KeyError.missing(path: expected)) { try db.read(db.requiredPseudonymKey) }
    }

    @Test func exportAndImportMoveTheKeyToAnotherComputer() throws {
        let dir = try TempDir(), usb = try TempDir(), other = try TempDir()
        let path = dir.path("placement.sqlite")
        let original = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys)
        let key = try #require(try original.pseudonymKey())
        let exported = usb.url.appendingPathComponent("horsens.key")
        try original.exportKey(to: exported)
        #expect(try Self.mode(exported.path) == 0o600)
        try original.writer.close()

        // The other computer: the same file, no key yet, then the imported one.
        let there = try PlacementDatabase.open(path: path, keys: other.keys)
        #expect(try there.pseudonymKey() == nil)
        let installed = try there.importKey(from: exported)
        #expect(installed.path.hasPrefix(other.url.path))
        #expect(try Self.mode(installed.path) == 0o600)
        #expect(try there.pseudonymKey() == key)
        #expect(key.pseudonym(ofDigits: "0101901234") == (try there.pseudonymKey())?.pseudonym(ofDigits: "0101901234"))
        // Importing it again is harmless; exporting over another file is refused.
        #expect(try there.importKey(from: exported).path == installed.path)
        let taken = try usb.write("taken.key", "something else")
        #expect(throws: KeyError.exists(path: taken.path)) { try there.exportKey(to: taken) }
    }

    @Test func theKeyOfAnotherDatabaseIsRefused() throws {
        let a = try TempDir(), b = try TempDir()
        let dbA = try PlacementDatabase.create(path: a.path("a.sqlite"), planningArea: [615], language: .da, keys: a.keys)
        let dbB = try PlacementDatabase.create(path: b.path("b.sqlite"), planningArea: [615], language: .da, keys: b.keys)
        let exported = a.url.appendingPathComponent("a-export.key")
        try dbA.exportKey(to: exported)
        #expect(throws: KeyError.otherDatabase(path: exported.path)) { try dbB.importKey(from: exported) }
        // Named with --key-file, the wrong key is refused too, not used.
        let wrong = try PlacementDatabase.open(path: b.path("b.sqlite"), keys: .file(exported))
        #expect(throws: KeyError.otherDatabase(path: exported.path)) { try wrong.pseudonymKey() }
    }

    @Test func thePseudonymOfAKnownKeyAndNumberNeverChanges() throws {
        // HMAC-SHA256 with the key 00 01 … 1f, computed independently (Python's hmac module).
        let key = try #require(PseudonymKey(bytes: Data(0..<32)))
        #expect(key.pseudonym(ofDigits: "0101901234") == "P-7UHQV6JZCX")
        #expect(key.pseudonym(ofDigits: "0808901241") == "P-YJZDMXV3DM")
    }

    @Test func theStandardKeyLocationFollowsTheEnvironment() {
        #expect(KeyLocation.standard(environment: ["PLACEMENT_KEY_FILE": "/k/a.key", "HOME": "/home/h"]) == .file(URL(fileURLWithPath: "/k/a.key")))
        #expect(KeyLocation.standard(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/h"]) == .folder(URL(fileURLWithPath: "/cfg/placement/keys")))
        #expect(KeyLocation.standard(environment: ["HOME": "/home/h"]) == .folder(URL(fileURLWithPath: "/home/h/.config/placement/keys")))
        #expect(KeyLocation.folder(URL(fileURLWithPath: "/cfg/placement/keys")).url(databaseId: "ab12").path == "/cfg/placement/keys/ab12.key")
    }
}
