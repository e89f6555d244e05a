import Hummingbird
import PlacementMatching
import PlacementModel

/// The matching policy with each value's meaning; an administrator changes a value by the
/// form (checked and audited by `MatchPolicy.store`, as `placement policy set`).
struct PolicyController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/policy") { request, ctx in
            _ = try ctx.require(.look)
            let policy = try await web.read { try MatchPolicy.load($0) }
            return page(ctx, policy, changed: request.uri.queryParameters.get("changed"), problem: nil)
        }
        router.post("/policy") { _, ctx in
            let session = try ctx.require(.administer)
            guard let key = ctx.form["key"], MatchPolicy.keys.contains(key), let value = ctx.form["value"] else { throw HTTPError(.badRequest) }
            do {
                _ = try await web.write(session, command: "policy set") { try MatchPolicy.store($0, key: key, value: value) }
            } catch let e as MatchPolicy.SetError {
                let policy = try await web.read { try MatchPolicy.load($0) }
                return page(ctx, policy, changed: nil, problem: e.text(ctx.words.language), status: .badRequest)
            }
            return Page.redirect("/policy?changed=\(key)")
        }
    }

    func page(_ ctx: WebContext, _ policy: MatchPolicy, changed: String?, problem: String?, status: HTTPResponse.Status = .ok) -> Response {
        let t = ctx.words
        let admin = ctx.session?.user.role.may(.administer) ?? false
        let csrf = ctx.session?.csrf ?? ""
        let rows: [[Node]] = MatchPolicy.keys.map { key in
            let value: Node = admin
                ? Parts.form(action: "/policy", csrf: csrf, attributes: [("class", "row-actions")], [
                    Node.el("input", [("type", "hidden"), ("name", "key"), ("value", key)]),
                    Node.el("label", [("for", "p-\(key)"), ("class", "muted")], t("Værdi", "Value")),
                    Node.el("input", [("id", "p-\(key)"), ("name", "value"), ("value", policy.shownValue(key, t.format)), ("size", "22")]),
                    Node.el("button", [("type", "submit"), ("aria-label", t("Gem \(key)", "Save \(key)"))], t("Gem", "Save")),
                ])
                : .text(policy.shownValue(key, t.format))
            return [Node.el("code", [], key), .text(MatchPolicy.meaning(key, ctx.language)), value]
        }
        return Page.html(ctx, title: t("Politik for match", "Matching policy"), path: "/policy", status: status, [
            changed.map { Parts.notice(t("\($0) er ændret og skrevet i revisionsloggen.", "\($0) was changed and written to the audit log."), kind: "ok") } ?? .empty,
            problem.map { Parts.notice($0, kind: "error") } ?? .empty,
            admin ? .empty : Node.el("p", [("class", "muted")], t("Kun en administrator kan ændre politikken.", "Only an administrator can change the policy.")),
            Parts.table(caption: t("Værdier og betydning", "Values and their meaning"),
                        headers: [t("Nøgle", "Key"), t("Betydning", "Meaning"), t("Værdi", "Value")], rows: rows, id: "policy"),
        ])
    }
}
