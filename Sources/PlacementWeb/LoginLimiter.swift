import Foundation

/// At most `attempts` failed logins for one user name within `window` seconds; then the name
/// is refused until the oldest failure is older than the window. Kept in memory: a restart
/// forgets it, which only gives a guesser a few more tries per restart.
public final class LoginLimiter: @unchecked Sendable {
    public let attempts: Int
    public let window: TimeInterval
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]

    public init(attempts: Int = 5, window: TimeInterval = 15 * 60) {
        self.attempts = attempts
        self.window = window
    }

    /// Seconds until `name` may try again, or nil when it may try now.
    func blocked(_ name: String, now: Date) -> Int? {
        lock.withLock {
            let recent = (failures[name.lowercased()] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[name.lowercased()] = recent
            guard recent.count >= attempts, let oldest = recent.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }

    func failed(_ name: String, now: Date) {
        lock.withLock { failures[name.lowercased(), default: []].append(now) }
    }

    func succeeded(_ name: String) {
        lock.withLock { failures[name.lowercased()] = nil }
    }
}
