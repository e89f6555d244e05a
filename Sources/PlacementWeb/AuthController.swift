import Foundation
import Hummingbird
import PlacementModel
import PlacementStore

/// Logging in and out, and the language switch.
struct AuthController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, ctx in
            if ctx.session != nil { return Page.redirect("/") }
            return loginPage(ctx, next: request.uri.queryParameters.get("next"), message: nil, status: .ok,
                             token: request.cookies[CookieNames.loginCSRF]?.value)
        }
        router.post("/login") { _, ctx in try await login(ctx) }
        router.post("/logout") { _, ctx in
            if let token = ctx.token, let session = ctx.session {
                try await web.write(session, command: "web logout") { db in
                    try SessionStore.end(db, token: token)
                    try AuditLog.append(db, command: "web logout", entity: "user", entityId: session.user.name, action: "logout")
                }
            }
            var r = Page.redirect("/login")
            r.setCookie(CookieNames.make(CookieNames.session, "", secure: web.arguments.secureCookies, maxAge: 0))
            return r
        }
        router.get("/lang/{code}") { request, ctx in
            let code = ctx.parameters.get("code").flatMap(Language.init(rawValue:)) ?? .da
            var r = Page.redirect(Self.localPath(request.uri.queryParameters.get("back")) ?? "/")
            r.setCookie(CookieNames.make(CookieNames.language, code.rawValue, secure: web.arguments.secureCookies, maxAge: 365 * 86_400))
            return r
        }
    }

    /// Only a path on this site (no `//host` or scheme) may be a redirect target.
    static func localPath(_ s: String?) -> String? {
        guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), !s.contains("\\") else { return nil }
        return s
    }

    private func login(_ ctx: WebContext) async throws -> Response {
        let t = ctx.words
        let name = (ctx.form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = ctx.form["password"] ?? ""
        let next = Self.localPath(ctx.form["next"])
        let now = web.arguments.clock()
        if let wait = web.arguments.limiter.blocked(name, now: now) {
            let minutes = max(1, (wait + 59) / 60)
            return loginPage(ctx, next: next, message: t("For mange forkerte forsøg. Prøv igen om \(minutes) min.",
                                                         "Too many failed attempts. Try again in \(minutes) min."), status: .tooManyRequests)
        }
        let user = try await web.read { try UserStore.authenticate($0, name: name, password: password) }
        guard let user else {
            web.arguments.limiter.failed(name, now: now)
            return loginPage(ctx, next: next, message: t("Forkert brugernavn eller adgangskode.", "Wrong user name or password."), status: .unauthorized)
        }
        web.arguments.limiter.succeeded(name)
        let lifetime = web.arguments.sessionLifetime
        let token = try await web.database.run {
            try self.web.database.writer(for: user.name).write(command: "web login") { db in
                let token = try SessionStore.start(db, user: user, lifetime: lifetime, now: now)
                try AuditLog.append(db, command: "web login", entity: "user", entityId: user.name, action: "login", now: now)
                return token
            }
        }
        var r = Page.redirect(next ?? "/")
        r.setCookie(CookieNames.make(CookieNames.session, token, secure: web.arguments.secureCookies))
        r.setCookie(CookieNames.make(CookieNames.loginCSRF, "", secure: web.arguments.secureCookies, maxAge: 0))
        return r
    }

    /// The login form's token is kept while the browser has one: a second tab, or the
    /// browser's own request for an icon, must not make the first form's token stale.
    private func loginPage(_ ctx: WebContext, next: String?, message: String?, status: HTTPResponse.Status, token: String? = nil) -> Response {
        let t = ctx.words
        let csrf = token.flatMap { $0.count == 32 && $0.allSatisfy(\.isHexDigit) ? $0 : nil } ?? SessionStore.random(bytes: 16)
        var r = Page.html(ctx, title: t("Log ind", "Log in"), path: "/login", status: status, [
            Node.el("div", [("class", "login")], [
                message.map { Parts.notice($0, kind: "error") } ?? .empty,
                Parts.form(action: "/login", csrf: csrf, [
                    Node.el("input", [("type", "hidden"), ("name", "next"), ("value", Self.localPath(next))]),
                    Parts.field(t("Brugernavn", "User name"), name: "name", required: true, extra: [("autocomplete", "username")]),
                    Parts.field(t("Adgangskode", "Password"), name: "password", type: "password", required: true, extra: [("autocomplete", "current-password")]),
                    Parts.button(t("Log ind", "Log in")),
                ]),
                Node.el("p", [("class", "muted")], t("Brugere oprettes af en administrator (placement user add).",
                                                     "Users are created by an administrator (placement user add).")),
            ]),
        ])
        r.setCookie(CookieNames.make(CookieNames.loginCSRF, csrf, secure: web.arguments.secureCookies))
        return r
    }
}
