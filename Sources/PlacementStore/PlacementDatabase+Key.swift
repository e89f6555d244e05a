import Foundation
import GRDB

/// The pseudonym key of a database: found by the database's id in its key location, checked
/// against the database (`key_check`), moved between computers as a key file.
extension PlacementDatabase {
    /// The random id the database got when it was made; it names its key file.
    public func databaseId(_ db: Database) throws -> String {
        guard let id = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'database_id'") else {
            throw StoreError.invalid("The database has no id.")
        }
        return id
    }

    /// Where this database's key file is, or would be (nil in memory).
    public func keyFileURL(_ db: Database) throws -> URL? {
        try keyLocation.map { $0.url(databaseId: try databaseId(db)) }
    }

    /// The key for new pseudonyms, or nil when it is not on this computer (everything that makes
    /// no new pseudonym works without it). A key file of another database is refused.
    public func pseudonymKey(_ db: Database) throws -> PseudonymKey? {
        guard let url = try keyFileURL(db) else { return memoryKey }
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let file = try KeyFile.read(url)
        guard try belongs(file, db) else { throw KeyError.otherDatabase(path: url.path) }
        return file.key
    }

    public func pseudonymKey() throws -> PseudonymKey? { try read { try pseudonymKey($0) } }

    /// The key, or the error that says where it was looked for.
    public func requiredPseudonymKey(_ db: Database) throws -> PseudonymKey {
        guard let key = try pseudonymKey(db) else { throw KeyError.missing(path: try keyFileURL(db)?.path ?? "-") }
        return key
    }

    /// Writes the key to `url` (mode 0600) to be carried to another computer; returns nothing
    /// secret. Refuses to overwrite a different file.
    public func exportKey(to url: URL) throws {
        let file = try read { db in KeyFile(databaseId: try databaseId(db), key: try requiredPseudonymKey(db)) }
        try file.write(to: url)
    }

    /// Puts a key file brought from another computer into this database's key location, after
    /// checking that it is this database's key. Returns where it now is.
    @discardableResult
    public func importKey(from url: URL) throws -> URL {
        let file = try KeyFile.read(url)
        return try read { db in
            guard try belongs(file, db) else { throw KeyError.otherDatabase(path: url.path) }
            guard let target = try keyFileURL(db) else { throw StoreError.invalid("A database in memory keeps its key in memory.") }
            try file.write(to: target)
            return target
        }
    }

    private func belongs(_ file: KeyFile, _ db: Database) throws -> Bool {
        let id = try databaseId(db)
        let check = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'key_check'")
        return file.databaseId == id && (check == nil || check == file.key.check(databaseId: id))
    }
}

/// The database file itself: created readable by its owner only, so that SQLite gives its
/// WAL and shared-memory files the same mode (SQLite copies the main file's permissions).
enum DatabaseFile {
    /// 128 random bits in hex: the database's id.
    static func newId() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    static func createPrivate(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw StoreError.invalid("Cannot create \(path).") }
        close(fd)
    }

    /// Mode 0600 on the file and its WAL and shared-memory files, where they exist.
    static func makePrivate(_ path: String) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }
}
