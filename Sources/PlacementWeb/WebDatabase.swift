import Dispatch
import Foundation
import PlacementStore

/// The database as the web app uses it: one read-only connection for pages, and one writing
/// connection per user, opened when first needed, so that each change is audited with the
/// user who made it (the store names the user per connection). The file is in WAL mode:
/// pages read while a CLI command writes, and the reverse.
public final class WebDatabase: @unchecked Sendable {
    public let path: String
    public let keys: KeyLocation
    let writeWait: Double
    let reader: PlacementDatabase
    private let lock = NSLock()
    private var writers: [String: PlacementDatabase] = [:]
    /// Blocking database work runs here, off Swift's cooperative threads, so that a long
    /// match or import does not stop other requests from being served.
    private let queue = DispatchQueue(label: "placement.web.database", attributes: .concurrent)

    /// Opens the file (upgrading an older schema first) for reading and writing.
    public init(path: String, keys: KeyLocation, writeWait: Double = 10) throws {
        self.path = path
        self.keys = keys
        self.writeWait = writeWait
        // Opening for writing upgrades the schema if needed; the pages then read through a
        // connection that cannot write.
        let first = try PlacementDatabase.open(path: path, keys: keys, user: "web", access: .write, writeWait: writeWait)
        try first.writer.close()
        reader = try PlacementDatabase.open(path: path, keys: keys, user: "web", access: .read, writeWait: writeWait)
    }

    /// The writing connection whose changes are audited as `user`.
    func writer(for user: String) throws -> PlacementDatabase {
        lock.lock()
        defer { lock.unlock() }
        if let w = writers[user] { return w }
        let w = try PlacementDatabase.open(path: path, keys: keys, user: user, access: .write, writeWait: writeWait)
        writers[user] = w
        return w
    }

    /// Runs blocking work off the cooperative pool.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
        }
    }
}
