import Foundation
import PlacementModel

/// Uploaded files between their preview and the planner's confirm or cancel: kept in a
/// private temporary folder (nothing is written to the database before the confirm), for
/// the user who uploaded them only, and removed after an hour at the latest.
final class PendingImports: @unchecked Sendable {
    struct Upload: Sendable {
        let userId: Int64
        let folder: URL
        let files: [URL]
        let asOf: Day
        let closeMissing: Bool
        let created: Date
    }

    private let lock = NSLock()
    private var uploads: [String: Upload] = [:]
    static let lifetime: TimeInterval = 3600

    /// Saves the files under their own names (path parts and odd characters removed).
    func keep(_ files: [FormData.File], userId: Int64, asOf: Day, closeMissing: Bool, now: Date) throws -> (String, Upload) {
        sweep(now: now)
        let token = SessionStore.random(bytes: 16)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("placement-web-\(token)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var urls: [URL] = [], used: Set<String> = []
        for (i, f) in files.enumerated() {
            var name = Self.safeName(f.filename)
            if used.contains(name) { name = "\(i + 1)-\(name)" }
            used.insert(name)
            let url = folder.appendingPathComponent(name)
            try f.bytes.write(to: url, options: .atomic)
            urls.append(url)
        }
        let upload = Upload(userId: userId, folder: folder, files: urls, asOf: asOf, closeMissing: closeMissing, created: now)
        lock.withLock { uploads[token] = upload }
        return (token, upload)
    }

    /// The upload of `token` if it is this user's; it stays until `finish`.
    func find(_ token: String, userId: Int64) -> Upload? {
        lock.withLock { uploads[token].flatMap { $0.userId == userId ? $0 : nil } }
    }

    func finish(_ token: String) {
        let upload = lock.withLock { uploads.removeValue(forKey: token) }
        if let upload { try? FileManager.default.removeItem(at: upload.folder) }
    }

    private func sweep(now: Date) {
        let old = lock.withLock { uploads.filter { now.timeIntervalSince($0.value.created) > Self.lifetime }.map(\.key) }
        for token in old { finish(token) }
    }

    static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "file"
        let kept = last.filter { $0.isLetter || $0.isNumber || "._- ".contains($0) }
        let trimmed = kept.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return trimmed.isEmpty ? "file" : String(trimmed.prefix(120))
    }
}
