import GRDB
import PlacementStore
import Foundation
import Hummingbird
import Logging
import PlacementModel

/// The web app over a placement database: one function builds it, for `placement serve`
/// and for the tests alike.
public enum WebApp {
    public static func buildRouter(_ arguments: WebArguments) throws -> Router<WebContext> {
        let db = arguments.database
        let language = try db.reader.language()
        let router = Router(context: WebContext.self)
        router.addMiddleware {
            GateMiddleware(database: db, arguments: arguments, defaultLanguage: language)
        }
        router.get("/static/app.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        // No icon: an empty answer, so the browser's request does not land on the login page.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/static/app.js") { _, _ in Self.asset(Assets.js, type: "text/javascript; charset=utf-8") }
        let web = WebControllers(arguments: arguments)
        AuthController(web).addRoutes(to: router)
        OverviewController(web).addRoutes(to: router)
        WaitingController(web).addRoutes(to: router)
        MatchController(web).addRoutes(to: router)
        ResidenceController(web).addRoutes(to: router)
        ImportController(web).addRoutes(to: router)
        ReportController(web).addRoutes(to: router)
        PlanController(web).addRoutes(to: router)
        PolicyController(web).addRoutes(to: router)
        AuditController(web).addRoutes(to: router)
        UserController(web).addRoutes(to: router)
        return router
    }

    public static func buildApplication(_ arguments: WebArguments) throws -> some ApplicationProtocol {
        var logger = Logger(label: "placement-web")
        // Requests are not logged: their paths carry pseudonyms and the log is no place for
        // who looked at whom (the audit log keeps the changes).
        logger.logLevel = .notice
        return Application(router: try buildRouter(arguments),
                           configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "placement"),
                           logger: logger)
    }

    /// Serves until SIGINT or SIGTERM.
    public static func serve(_ arguments: WebArguments) async throws {
        try await buildApplication(arguments).runService()
    }

    static func asset(_ text: String, type: String) -> Response {
        var r = Page.response(text, type: type)
        r.headers[.cacheControl] = "max-age=300"
        return r
    }
}

/// What every controller shares: the arguments and the database.
struct WebControllers: Sendable {
    let arguments: WebArguments
    var database: WebDatabase { arguments.database }
    let imports = PendingImports()
    let plans = PlanJobs()
    let scenarios = WrittenScenarios()

    init(arguments: WebArguments) { self.arguments = arguments }

    /// Reads on the pages' connection, off the cooperative pool.
    func read<T: Sendable>(_ body: @escaping @Sendable (GRDB.Database) throws -> T) async throws -> T {
        let db = database
        return try await db.run { try db.reader.read(body) }
    }

    /// A store request of its own (accept, decline, …) on the session user's connection, which
    /// audits it as that user.
    func store<T: Sendable>(_ session: Session, _ body: @escaping @Sendable (PlacementDatabase) throws -> T) async throws -> T {
        let db = database
        return try await db.run { try body(try db.writer(for: session.user.name)) }
    }

    /// One write transaction, audited as the session's user.
    func write<T: Sendable>(_ session: Session, command: String, _ body: @escaping @Sendable (GRDB.Database) throws -> T) async throws -> T {
        let db = database
        return try await db.run { try db.writer(for: session.user.name).write(command: command, body) }
    }
}
