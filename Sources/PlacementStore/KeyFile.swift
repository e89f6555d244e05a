import Foundation

/// A database's pseudonym key on disk: a small text file, readable by its owner only (0600),
/// naming the database it belongs to so that the wrong key is refused rather than used.
///
///     # placement pseudonym key: keep it secret and apart from the database and its backups.
///     database-id: 3f0c9a1e6b2d4c58a7e1f09b2c3d4e5f
///     key: <the key's bytes in base64>
public struct KeyFile: Sendable, Equatable {
    public let databaseId: String
    public let key: PseudonymKey

    public init(databaseId: String, key: PseudonymKey) {
        self.databaseId = databaseId
        self.key = key
    }

    public var text: String {
        """
        # placement pseudonym key: keep it secret and apart from the database and its backups.
        database-id: \(databaseId)
        key: \(key.bytes.base64EncodedString())

        """
    }

    public static func read(_ url: URL) throws -> KeyFile {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw KeyError.unreadable(path: url.path) }
        var id: String?, key: PseudonymKey?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "database-id" { id = parts[1] }
            if parts[0] == "key" { key = Data(base64Encoded: parts[1]).flatMap(PseudonymKey.init(bytes:)) }
        }
        guard let id, !id.isEmpty, let key else { throw KeyError.notAKeyFile(path: url.path) }
        return KeyFile(databaseId: id, key: key)
    }

    /// Writes the file with mode 0600 (its folder, when created, 0700), whole or not at all.
    /// An existing file is kept when it holds this very key, and refused otherwise.
    public func write(to url: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) {
            if (try? Self.read(url)) == self { return }
            throw KeyError.exists(path: url.path)
        }
        let folder = url.deletingLastPathComponent()
        if !fm.fileExists(atPath: folder.path) {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        // Created 0600 before the first byte is written, then linked into place: never readable
        // by others, never half written, never over another file.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw KeyError.cannotWrite(path: url.path) }
        defer { unlink(temporary.path) }
        let bytes = Array(text.utf8)
        let written = writeAll(fd, bytes)
        let synced = fsync(fd) == 0
        close(fd)
        guard written, synced, link(temporary.path, url.path) == 0 else { throw KeyError.cannotWrite(path: url.path) }
    }
}

/// Where a database's key file is: one named file, or a folder of key files named by database id.
public enum KeyLocation: Sendable, Equatable {
    /// `<folder>/<database-id>.key`.
    case folder(URL)
    /// One file, given with `--key-file` or `PLACEMENT_KEY_FILE`.
    case file(URL)

    /// `PLACEMENT_KEY_FILE` if set, else the folder `placement/keys` in the user's configuration
    /// folder: `$XDG_CONFIG_HOME`, or `~/.config`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> KeyLocation {
        if let file = environment["PLACEMENT_KEY_FILE"], !file.isEmpty { return .file(URL(fileURLWithPath: file)) }
        let config: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            config = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            config = URL(fileURLWithPath: home).appendingPathComponent(".config")
        }
        return .folder(config.appendingPathComponent("placement/keys"))
    }

    public func url(databaseId: String) -> URL {
        switch self {
        case .folder(let folder): folder.appendingPathComponent("\(databaseId).key")
        case .file(let file): file
        }
    }
}

/// What can go wrong with a key file; no message shows a key.
public enum KeyError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String)
    case notAKeyFile(path: String)
    case exists(path: String)
    case cannotWrite(path: String)
    case otherDatabase(path: String)
    case missing(path: String)

    public var description: String {
        switch self {
        case .unreadable(let p): "Cannot read the key file \(p)."
        case .notAKeyFile(let p): "\(p) is not a placement key file."
        case .exists(let p): "A different key file already exists at \(p); it is left as it is."
        case .cannotWrite(let p): "Cannot write the key file \(p)."
        case .otherDatabase(let p): "The key file \(p) belongs to another database."
        case .missing(let p):
            "This database's pseudonym key is not on this computer (looked for \(p)). Import it with `placement key import FILE`, or name it with --key-file."
        }
    }
}

/// The POSIX write of all of `bytes` (outside `KeyFile`, whose `write(to:)` would hide it).
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
}
