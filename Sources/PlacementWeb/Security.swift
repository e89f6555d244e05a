import Foundation
import HTTPTypes
import Hummingbird
import PlacementModel

/// Headers on every response: a Content-Security-Policy that allows nothing from elsewhere
/// (the app's own CSS and script only; no inline script; the script may ask the app itself, for a plan's progress), no sniffing, no referrer, no
/// caching of pages with personal data, and no framing by other sites.
enum SecurityHeaders {
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// For the reports and plans shown in a frame: they are self-contained files with their
    /// own inline style and SVG charts, and no script.
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "form-action 'none'; frame-ancestors 'self'; base-uri 'none'"

    static func apply(_ response: inout Response) {
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = policy }
        response.headers[.xContentTypeOptions] = "nosniff"
        if let referrer = HTTPField.Name("Referrer-Policy") { response.headers[referrer] = "no-referrer" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    }
}

/// Cookie names and flags in one place.
enum CookieNames {
    static let session = "placement_session"
    static let loginCSRF = "placement_login"
    static let language = "placement_lang"

    static func make(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil, httpOnly: Bool = true) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: httpOnly, sameSite: .strict)
    }
}

/// Looks at each request before its handler: the language, the session, the login gate,
/// and for every POST the form with its CSRF token. Errors become pages in the shell.
struct GateMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let database: WebDatabase
    let arguments: WebArguments
    let defaultLanguage: Language

    /// Paths anyone may open: the login page, the language switch, the app's CSS and script.
    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path == "/favicon.ico" || path.hasPrefix("/lang/") || path.hasPrefix("/static/")
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var ctx = context
        ctx.language = request.cookies[CookieNames.language].flatMap { Language(rawValue: $0.value) } ?? defaultLanguage
        var response: Response
        do {
            response = try await gate(request, &ctx, next)
        } catch let e as HTTPError {
            response = ErrorPage.render(ctx, status: e.status, message: e.body)
        } catch {
            response = ErrorPage.render(ctx, status: .internalServerError, message: ErrorPage.describe(error, ctx.words))
        }
        SecurityHeaders.apply(&response)
        return response
    }

    private func gate(_ request: Request, _ ctx: inout WebContext, _ next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if let token = request.cookies[CookieNames.session]?.value {
            let now = arguments.clock()
            ctx.session = try await database.run { try self.database.reader.read { try SessionStore.find($0, token: token, now: now) } }
            if ctx.session != nil { ctx.token = token }
        }
        if ctx.session == nil && !Self.isPublic(path) {
            // A form sent after the session ended goes to the login page too.
            return Page.redirect("/login?next=\(Page.escapeQuery(path))")
        }
        if request.method == .post {
            var req = request
            let body = try await req.collectBody(upTo: ctx.maxUploadSize)
            ctx.form = FormData(body: Data(body.readableBytesView), contentType: request.headers[.contentType])
            let expected = ctx.session?.csrf ?? request.cookies[CookieNames.loginCSRF]?.value
            guard let expected, let sent = ctx.form["csrf"], Self.same(sent, expected) else {
                throw HTTPError(.forbidden, message: ctx.words("Formularen er udløbet eller kom ikke fra denne side. Genindlæs siden og prøv igen.",
                                                                "The form has expired or did not come from this page. Reload the page and try again."))
            }
            return try await next(req, ctx)
        }
        return try await next(request, ctx)
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
