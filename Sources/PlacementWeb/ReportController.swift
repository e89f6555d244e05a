import Foundation
import Hummingbird
import PlacementModel
import PlacementReports

/// The weekly report for any week on screen (the report's own HTML, in a frame), with its
/// downloads: HTML, XLSX, JSON, Markdown and each table as CSV; the public version too.
struct ReportController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    struct Asked: Sendable {
        let week: ISOWeek
        let isPublic: Bool
        var query: String { "week=\(week.description)\(isPublic ? "&public=1" : "")" }
    }

    func asked(_ request: Request, _ ctx: WebContext) throws -> Asked {
        let q = request.uri.queryParameters
        let text = q.get("week").flatMap { $0.isEmpty ? nil : $0 }
        do {
            return Asked(week: try WeeklyReport.week(text: text, asOf: nil, today: web.arguments.today), isPublic: q.get("public") == "1")
        } catch let e as WeekError {
            throw HTTPError(.badRequest, message: e.description)
        }
    }

    func report(_ a: Asked, _ language: Language) async throws -> WeeklyReport {
        let db = web.database
        return try await db.run { try WeeklyReport(database: db.reader, week: a.week, language: language, isPublic: a.isPublic) }
    }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/reports/weekly") { request, ctx in
            _ = try ctx.require(.look)
            let a = try asked(request, ctx)
            let r = try await report(a, ctx.language)
            // Each CSV is named by its section's or table's title, in the page's language.
            let doc = r.document
            let keys = CSVReport.keys(doc).map { key in
                (key, doc.sections.first { $0.key == key }?.title ?? doc.table(key)?.title ?? key)
            }
            return page(ctx, a, keys: keys)
        }
        router.get("/reports/weekly/document") { request, ctx in
            _ = try ctx.require(.look)
            return Download.document(try await report(try asked(request, ctx), ctx.language).html)
        }
        router.get("/reports/weekly/download") { request, ctx in
            _ = try ctx.require(.look)
            let a = try asked(request, ctx)
            let r = try await report(a, ctx.language)
            let base = "\(a.isPublic ? "public-" : "")\(a.week.description)"
            switch request.uri.queryParameters.get("format") ?? "html" {
            case "html": return Download.file(Data(r.html.utf8), name: "\(base).html", type: "text/html; charset=utf-8")
            case "xlsx": return Download.file(try r.xlsx(), name: "\(base).xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            case "json": return Download.file(Data(r.json.utf8), name: "\(base).json", type: "application/json")
            case "md": return Download.file(Data(r.markdown.utf8), name: "\(base).md", type: "text/markdown; charset=utf-8")
            case "csv":
                let key = request.uri.queryParameters.get("section")
                guard let table = CSVReport.tables(r.document, selecting: key).first, key != nil else { throw HTTPError(.notFound) }
                return Download.file(Data(CSVReport.bytes(table, language: r.document.language)), name: "\(base)-\(table.key).csv", type: "text/csv; charset=utf-8")
            default: throw HTTPError(.notFound)
            }
        }
    }

    func page(_ ctx: WebContext, _ a: Asked, keys: [(key: String, title: String)]) -> Response {
        let t = ctx.words, fm = t.format
        let q = a.query
        var downloads: [Node] = [
            Parts.link(t("Udskriftsvisning (gem som PDF)", "Print layout (save as PDF)"), "/reports/weekly/document?\(q)"),
            Parts.link("HTML", "/reports/weekly/download?\(q)&format=html"),
            Parts.link("XLSX", "/reports/weekly/download?\(q)&format=xlsx"),
            Parts.link("JSON", "/reports/weekly/download?\(q)&format=json"),
            Parts.link("Markdown", "/reports/weekly/download?\(q)&format=md"),
        ]
        // The sixteen CSV files fold away under one line, so the report stays at the top.
        downloads.append(Node.el("details", [("class", "csv-list")], [
            Node.el("summary", [], t("CSV pr. afsnit (\(keys.count))", "CSV by section (\(keys.count))")),
            Node.el("ul", [("class", "toc")], keys.map { k in
                Node.el("li", [], [Parts.link(k.title, "/reports/weekly/download?\(q)&format=csv&section=\(k.key)")])
            }),
        ]))
        return Page.html(ctx, title: t("Ugerapport, \(fm.week(a.week))", "Weekly report, \(fm.week(a.week))"), path: "/reports/weekly", [
            Node.el("form", [("method", "get"), ("action", "/reports/weekly"), ("class", "filters")], [
                Parts.field(t("Uge (fx 2026-W48)", "Week (e.g. 2026-W48)"), name: "week", value: a.week.description),
                Node.el("div", [("class", "field check")], [
                    Node.el("input", [("id", "f-public"), ("type", "checkbox"), ("name", "public"), ("value", "1"), ("checked", a.isPublic ? "" : nil)]),
                    Node.el("label", [("for", "f-public")], t("Offentlig udgave (tal under 5 skjult)", "Public version (counts below 5 hidden)")),
                ]),
                Parts.button(t("Vis", "Show")),
            ]),
            Node.el("div", [("class", "downloads"), ("aria-label", t("Hent", "Download"))], downloads),
            Node.el("iframe", [("class", "document"), ("src", "/reports/weekly/document?\(q)"), ("title", t("Ugerapporten", "The weekly report"))], []),
        ])
    }
}
