import Foundation
import PlacementModel

/// Everything `buildApplication` needs; tests pass a temporary database, a clock and a low
/// bcrypt cost.
public struct WebArguments: Sendable {
    public var database: WebDatabase
    public var host: String
    public var port: Int
    /// Set the Secure flag on cookies: when a TLS proxy is in front (`--host` with `--tls-proxy`).
    public var secureCookies: Bool
    public var sessionLifetime: TimeInterval
    public var bcryptCost: UInt8
    public var limiter: LoginLimiter
    public var clock: @Sendable () -> Date

    public init(database: WebDatabase, host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
                sessionLifetime: TimeInterval = 8 * 3600, bcryptCost: UInt8 = Passwords.cost,
                limiter: LoginLimiter = LoginLimiter(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.bcryptCost = bcryptCost
        self.limiter = limiter
        self.clock = clock
    }

    /// The calendar day in Denmark at the clock's time.
    var today: Day { Day.inDenmark(at: clock()) }
}
