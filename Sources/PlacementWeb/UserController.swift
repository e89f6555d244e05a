import Hummingbird
import PlacementStore

/// Users and their roles, for administrators: add, disable, reset a password. Every change
/// is audited with the administrator who made it.
struct UserController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/users") { request, ctx in
            _ = try ctx.require(.administer)
            let users = try await web.read { try UserStore.list($0) }
            return page(ctx, users, message: request.uri.queryParameters.get("done"), problem: nil)
        }
        router.post("/users") { _, ctx in
            let session = try ctx.require(.administer)
            guard let name = ctx.form["name"], let role = ctx.form["role"].flatMap(Role.init(rawValue:)), let password = ctx.form["password"] else {
                throw HTTPError(.badRequest)
            }
            let cost = web.arguments.bcryptCost
            return try await change(ctx, done: "added") {
                _ = try await web.write(session, command: "web user add") { try UserStore.add($0, name: name, role: role, password: password, command: "web user add", cost: cost) }
            }
        }
        router.post("/users/disable") { _, ctx in
            let session = try ctx.require(.administer)
            guard let name = ctx.form["name"] else { throw HTTPError(.badRequest) }
            return try await change(ctx, done: "disabled") {
                try await web.write(session, command: "web user disable") { try UserStore.disable($0, name: name, command: "web user disable") }
            }
        }
        router.post("/users/reset") { _, ctx in
            let session = try ctx.require(.administer)
            guard let name = ctx.form["name"], let password = ctx.form["password"] else { throw HTTPError(.badRequest) }
            let cost = web.arguments.bcryptCost
            return try await change(ctx, done: "reset") {
                try await web.write(session, command: "web user reset-password") {
                    try UserStore.resetPassword($0, name: name, password: password, command: "web user reset-password", cost: cost)
                }
            }
        }
    }

    private func change(_ ctx: WebContext, done: String, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return Page.redirect("/users?done=\(done)")
        } catch let e as AccountError {
            let users = try await web.read { try UserStore.list($0) }
            return page(ctx, users, message: nil, problem: e.description, status: .badRequest)
        }
    }

    func page(_ ctx: WebContext, _ users: [AppUser], message: String?, problem: String?, status: HTTPResponse.Status = .ok) -> Response {
        let t = ctx.words
        let csrf = ctx.session?.csrf ?? ""
        let roles = Role.allCases.map { ($0.rawValue, $0.name(t)) }
        let done: String? = switch message {
        case "added": t("Brugeren er oprettet.", "The user was added.")
        case "disabled": t("Brugeren er spærret, og dens sessioner er afsluttet.", "The user was disabled and their sessions ended.")
        case "reset": t("Adgangskoden er skiftet.", "The password was reset.")
        default: nil
        }
        return Page.html(ctx, title: t("Brugere", "Users"), path: "/users", status: status, [
            done.map { Parts.notice($0, kind: "ok") } ?? .empty,
            problem.map { Parts.notice($0, kind: "error") } ?? .empty,
            Parts.table(caption: t("Brugere og roller", "Users and roles"),
                        headers: [t("Navn", "Name"), t("Rolle", "Role"), t("Status", "Status"), t("Oprettet (UTC)", "Created (UTC)")],
                        rows: users.map { [.text($0.name), .text($0.role.name(t)), .text($0.disabled ? t("spærret", "disabled") : t("aktiv", "active")), .text(AuditController.time($0.createdAt))] },
                        id: "users"),
            Node.el("h2", [], t("Opret bruger", "Add a user")),
            Parts.form(action: "/users", csrf: csrf, attributes: [("class", "stack")], [
                Parts.field(t("Navn", "Name"), name: "name", required: true),
                Parts.select(t("Rolle", "Role"), name: "role", options: roles, selected: Role.planner.rawValue),
                Parts.field(t("Adgangskode (mindst \(Passwords.minimumLength) tegn)", "Password (at least \(Passwords.minimumLength) characters)"), name: "password",
                            type: "password", required: true, extra: [("autocomplete", "new-password")]),
                Parts.button(t("Opret", "Add")),
            ]),
            Node.el("h2", [], t("Spær en bruger", "Disable a user")),
            Parts.form(action: "/users/disable", csrf: csrf, attributes: [("class", "stack")], [
                Parts.select(t("Bruger", "User"), name: "name", options: users.filter { !$0.disabled }.map { ($0.name, $0.name) }, id: "f-disable-name"),
                Parts.button(t("Spær", "Disable"), secondary: true),
            ]),
            Node.el("h2", [], t("Ny adgangskode", "Reset a password")),
            Parts.form(action: "/users/reset", csrf: csrf, attributes: [("class", "stack")], [
                Node.el("div", [("class", "field")], [
                    Node.el("label", [("for", "f-reset-name")], t("Bruger", "User")),
                    Node.el("select", [("id", "f-reset-name"), ("name", "name")], users.map { Node.el("option", [("value", $0.name)], $0.name) }),
                ]),
                Node.el("div", [("class", "field")], [
                    Node.el("label", [("for", "f-reset-password")], t("Ny adgangskode", "New password")),
                    Node.el("input", [("id", "f-reset-password"), ("name", "password"), ("type", "password"), ("required", ""), ("autocomplete", "new-password")]),
                ]),
                Parts.button(t("Skift", "Reset")),
            ]),
        ])
    }
}
