import Crypto
import Foundation
import GRDB
import PlacementStore

/// A logged-in browser, as a request sees it.
public struct Session: Sendable, Equatable {
    public let user: AppUser
    /// The token every form of this session carries (CSRF protection).
    public let csrf: String
    public let expiresAt: Date
}

/// Sessions in the database: the cookie holds a random token, the table only its SHA-256,
/// so that the file alone opens no session. A session ends at its expiry, at logout, or
/// when its user is disabled or gets a new password.
public enum SessionStore {
    public static func random(bytes: Int = 32) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    static func digest(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }

    /// Starts a session; returns the cookie's token.
    public static func start(_ db: Database, user: AppUser, lifetime: TimeInterval, now: Date) throws -> String {
        let token = random()
        try db.execute(sql: "DELETE FROM app_session WHERE expires_at <= ?", arguments: [Timestamp.utc(now)])
        try db.execute(sql: "INSERT INTO app_session(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [digest(token), user.id, random(), Timestamp.utc(now), Timestamp.utc(now.addingTimeInterval(lifetime))])
        return token
    }

    /// The session of a cookie's token, if it exists, has not expired and its user is active.
    public static func find(_ db: Database, token: String, now: Date) throws -> Session? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        let row = try Row.fetchOne(db, sql: """
            SELECT u.id, u.name, u.role, u.created_at, s.csrf_token, s.expires_at
            FROM app_session s JOIN app_user u ON u.id = s.user_id
            WHERE s.token_hash = ? AND u.disabled = 0
            """, arguments: [digest(token)])
        guard let row else { return nil }
        // A value of the wrong type (the sqlite3 shell can put one anywhere) is
        // `StoreError.badRow`, which the page shows, instead of a stop of the server.
        let r = RowReader(row, table: "app_session", keyColumn: 1)
        let expires: String = try r.value(5)
        // Timestamps are UTC in one fixed format, so text order is time order.
        guard expires > Timestamp.utc(now) else { return nil }
        guard let expiresAt = parse(expires) else { throw r.bad(5, "\"\(expires)\" is not a UTC time") }
        return Session(user: AppUser(id: try r.value(0), name: try r.value(1), role: try r.term(2, Role.self), disabled: false,
                                     createdAt: try r.value(3)),
                       csrf: try r.value(4), expiresAt: expiresAt)
    }

    public static func end(_ db: Database, token: String) throws {
        try db.execute(sql: "DELETE FROM app_session WHERE token_hash = ?", arguments: [digest(token)])
    }

    static func parse(_ utc: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: utc)
    }
}
