import Hummingbird
import PlacementStore

/// The audit log, newest first, filterable by citizen, user, kind (command) and date.
struct AuditController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/audit") { request, ctx in
            _ = try ctx.require(.look)
            let q = request.uri.queryParameters
            func get(_ k: String) -> String? { q.get(k).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) } }
            let filter = AuditLog.Filter(citizen: get("citizen"), user: get("user"), command: get("command"), entity: get("entity"),
                                         from: get("from"), to: get("to"))
            let entries = try await web.read { try AuditLog.entries($0, filter: filter, limit: 500) }
            return page(ctx, filter, entries)
        }
    }

    func page(_ ctx: WebContext, _ f: AuditLog.Filter, _ entries: [AuditLog.Entry]) -> Response {
        let t = ctx.words
        return Page.html(ctx, title: t("Revisionslog", "Audit log"), path: "/audit", [
            Node.el("form", [("method", "get"), ("action", "/audit"), ("class", "filters")], [
                Parts.field(t("Borger", "Citizen"), name: "citizen", value: f.citizen),
                Parts.field(t("Bruger", "User"), name: "user", value: f.user),
                Parts.field(t("Kommando (fx import, accept)", "Command (e.g. import, accept)"), name: "command", value: f.command),
                Parts.field(t("Fra dag", "From day"), name: "from", type: "date", value: f.from),
                Parts.field(t("Til dag", "To day"), name: "to", type: "date", value: f.to),
                Parts.button(t("Filtrér", "Filter")),
            ]),
            Parts.table(caption: t("\(entries.count) poster, nyeste først (højst 500)", "\(entries.count) entries, newest first (at most 500)"),
                        headers: [t("Tid (UTC)", "Time (UTC)"), t("Bruger", "User"), t("Kommando", "Command"), t("Emne", "Entity"), "Id",
                                  t("Handling", "Action"), t("Detaljer", "Detail"), t("Fil", "File")],
                        rows: entries.map { e in
                            [.text(e.at), .text(e.user ?? "–"), .text(e.command), .text(e.entity), .text(e.entityId), .text(e.action),
                             .text(e.detail ?? ""), .text(e.source ?? "")]
                        }, sortable: true, id: "audit"),
        ])
    }
}
