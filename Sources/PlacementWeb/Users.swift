import Foundation
import GRDB
import HummingbirdBcrypt
import PlacementStore

/// A person who logs in to the web app.
public struct AppUser: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let role: Role
    public let disabled: Bool
    public let createdAt: String
}

/// Problems with a user change, in the user's words.
public enum AccountError: Error, Equatable, CustomStringConvertible {
    case invalidName(String)
    case weakPassword
    case exists(String)
    case unknown(String)
    case lastAdministrator

    public var description: String {
        switch self {
        case .invalidName(let n): return "The user name \"\(n)\" is not allowed: use 1 to 64 letters, digits, '.', '-' or '_'."
        case .weakPassword: return "The password must be at least \(Passwords.minimumLength) characters."
        case .exists(let n): return "There is already a user \(n)."
        case .unknown(let n): return "There is no user \(n)."
        case .lastAdministrator: return "The last active administrator cannot be disabled."
        }
    }
}

/// bcrypt hashes of passwords (the hash holds its salt and cost).
public enum Passwords {
    public static let minimumLength = 10
    /// The cost of a new hash: 2^12 rounds, about a quarter second, so guessing is slow.
    public static let cost: UInt8 = 12

    public static func hash(_ password: String, cost: UInt8 = cost) -> String { Bcrypt.hash(password, cost: cost) }
    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A password for a new or reset account when none is given: 16 letters and digits
    /// without look-alikes.
    public static func generate() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }
}

/// The users table: every change is one call inside the caller's write transaction, and is
/// audited (never with the password or its hash).
public enum UserStore {
    static func validName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    @discardableResult
    public static func add(_ db: Database, name: String, role: Role, password: String, command: String,
                           cost: UInt8 = Passwords.cost, now: Date = Date()) throws -> AppUser {
        guard validName(name) else { throw AccountError.invalidName(name) }
        guard password.count >= Passwords.minimumLength else { throw AccountError.weakPassword }
        if try find(db, name: name) != nil { throw AccountError.exists(name) }
        try db.execute(sql: "INSERT INTO app_user(name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [name, role.rawValue, Passwords.hash(password, cost: cost), Timestamp.utc(now)])
        try AuditLog.append(db, command: command, entity: "user", entityId: name, action: "insert", detail: "role \(role.rawValue)", now: now)
        guard let user = try find(db, name: name) else { throw AccountError.unknown(name) }
        return user
    }

    public static func list(_ db: Database) throws -> [AppUser] {
        try Row.fetchAll(db, sql: "SELECT id, name, role, disabled, created_at FROM app_user ORDER BY name").map(user)
    }

    public static func find(_ db: Database, name: String) throws -> AppUser? {
        try Row.fetchOne(db, sql: "SELECT id, name, role, disabled, created_at FROM app_user WHERE name = ?", arguments: [name]).map(user)
    }

    public static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0
    }

    /// Disables a user and ends their sessions; the last active administrator is kept.
    public static func disable(_ db: Database, name: String, command: String, now: Date = Date()) throws {
        guard let user = try find(db, name: name) else { throw AccountError.unknown(name) }
        if user.role == .administrator && !user.disabled {
            let admins = try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user WHERE role = 'administrator' AND disabled = 0") ?? 0
            if admins <= 1 { throw AccountError.lastAdministrator }
        }
        try db.execute(sql: "UPDATE app_user SET disabled = 1 WHERE id = ?", arguments: [user.id])
        try db.execute(sql: "DELETE FROM app_session WHERE user_id = ?", arguments: [user.id])
        try AuditLog.append(db, command: command, entity: "user", entityId: user.name, action: "disable", now: now)
    }

    /// A new password (and the account enabled again); the user's sessions end.
    public static func resetPassword(_ db: Database, name: String, password: String, command: String,
                                     cost: UInt8 = Passwords.cost, now: Date = Date()) throws {
        guard let user = try find(db, name: name) else { throw AccountError.unknown(name) }
        guard password.count >= Passwords.minimumLength else { throw AccountError.weakPassword }
        try db.execute(sql: "UPDATE app_user SET password_hash = ?, disabled = 0 WHERE id = ?",
                       arguments: [Passwords.hash(password, cost: cost), user.id])
        try db.execute(sql: "DELETE FROM app_session WHERE user_id = ?", arguments: [user.id])
        try AuditLog.append(db, command: command, entity: "user", entityId: user.name, action: "reset_password", now: now)
    }

    /// The user whose name and password these are, if active; nil otherwise (the same
    /// answer for a wrong name and a wrong password). A hash is checked even for an unknown
    /// name, so the time taken does not tell which names exist.
    public static func authenticate(_ db: Database, name: String, password: String) throws -> AppUser? {
        let row = try Row.fetchOne(db, sql: "SELECT id, name, role, disabled, created_at, password_hash FROM app_user WHERE name = ?", arguments: [name])
        guard let row else {
            _ = Passwords.verify(password, hash: decoyHash)
            return nil
        }
        let user = try user(row)
        let hash: String = try RowReader(row, table: "app_user", keyColumn: 1).value(5)
        guard Passwords.verify(password, hash: hash), !user.disabled else { return nil }
        return user
    }

    /// A hash of nothing anyone knows, at the usual cost.
    static let decoyHash = Passwords.hash(Passwords.generate())

    /// A row of `id, name, role, disabled, created_at`; a value of the wrong type or an unknown
    /// role is `StoreError.badRow` naming the user, not a stop.
    private static func user(_ row: Row) throws -> AppUser {
        let r = RowReader(row, table: "app_user", keyColumn: 1)
        return AppUser(id: try r.value(0), name: try r.value(1), role: try r.term(2, Role.self), disabled: try r.int(3, 0...1) != 0,
                       createdAt: try r.value(4))
    }
}
