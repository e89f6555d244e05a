import Hummingbird
import PlacementModel
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
            // The date fields take dd-mm-yyyy or ISO; the log is filtered by ISO days.
            let from = get("from").map { (text: $0, day: Day(written: $0)) }, to = get("to").map { (text: $0, day: Day(written: $0)) }
            let filter = AuditLog.Filter(citizen: get("citizen"), user: get("user"), command: get("command"), entity: get("entity"),
                                         from: from?.day?.iso, to: to?.day?.iso)
            let entries = try await web.read { try AuditLog.entries($0, filter: filter, limit: 500) }
            let unread = [from, to].compactMap { $0 }.filter { $0.day == nil }.map(\.text)
            return page(ctx, filter, entries, unreadDays: unread)
        }
    }

    /// A value longer than a table cell should be (a file's SHA-256, 64 hex digits): its start,
    /// with the whole value on hover and for screen readers, so the table fits a laptop.
    static func shortened(_ value: String, keep: Int = 12) -> Node {
        guard value.count > keep + 8 else { return .text(value) }
        return Node.el("span", [("class", "long"), ("title", value)], [
            .text(String(value.prefix(keep)) + "…"),
            Node.el("span", [("class", "sr-only")], String(value.dropFirst(keep))),
        ])
    }

    /// `2026-12-01T13:46:22Z` as `2026-12-01 13:46:22` (the column says UTC).
    static func time(_ at: String) -> String {
        at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }

    /// Hex runs of 32 digits or more (hashes) in a detail, shortened to their first 12.
    static func detail(_ text: String) -> String {
        text.replacing(#/[0-9a-f]{32,}/#) { String($0.output.prefix(12)) + "…" }
    }

    func page(_ ctx: WebContext, _ f: AuditLog.Filter, _ entries: [AuditLog.Entry], unreadDays: [String]) -> Response {
        let t = ctx.words
        let day = { (iso: String?) in iso.flatMap(Day.init(iso:)) }
        return Page.html(ctx, title: t("Revisionslog", "Audit log"), path: "/audit", [
            unreadDays.isEmpty ? .empty : Parts.notice(t("Datoen \(unreadDays.joined(separator: ", ")) kan ikke læses; skriv dd-mm-åååå. Den er ikke brugt.",
                                                         "The date \(unreadDays.joined(separator: ", ")) cannot be read; write yyyy-mm-dd. It was not used."), kind: "error"),
            Node.el("form", [("method", "get"), ("action", "/audit"), ("class", "filters")], [
                Parts.field(t("Borger", "Citizen"), name: "citizen", value: f.citizen),
                Parts.field(t("Bruger", "User"), name: "user", value: f.user),
                Parts.field(t("Kommando (fx import, accept)", "Command (e.g. import, accept)"), name: "command", value: f.command),
                Parts.dateField(t("Fra dag", "From day"), name: "from", day: day(f.from), t),
                Parts.dateField(t("Til dag", "To day"), name: "to", day: day(f.to), t),
                Parts.button(t("Filtrér", "Filter")),
            ]),
            Parts.table(caption: t("\(entries.count) poster, nyeste først (højst 500)", "\(entries.count) entries, newest first (at most 500)"),
                        headers: [t("Tid (UTC)", "Time (UTC)"), t("Bruger", "User"), t("Kommando", "Command"), t("Emne", "Entity"), "Id",
                                  t("Handling", "Action"), t("Detaljer", "Detail"), t("Fil", "File")],
                        rows: entries.map { e in
                            [Node.el("span", [("class", "nowrap")], Self.time(e.at)), .text(e.user ?? "–"), .text(e.command), .text(e.entity),
                             Self.shortened(e.entityId), .text(e.action), .text(Self.detail(e.detail ?? "")), Self.shortened(e.source ?? "", keep: 24)]
                        }, sortable: true, id: "audit"),
        ])
    }
}
