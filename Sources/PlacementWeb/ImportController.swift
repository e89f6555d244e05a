import Foundation
import Hummingbird
import PlacementImport
import PlacementModel

/// Upload CSV or XLSX files, see the dry run's preview (every problem located by file,
/// sheet, row and column), then confirm or cancel. Nothing is written before the confirm.
struct ImportController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/import") { _, ctx in
            _ = try ctx.require(.plan)
            return form(ctx, message: nil)
        }
        router.post("/import/preview") { _, ctx in
            let session = try ctx.require(.plan)
            let t = ctx.words
            let files = ctx.form.files.filter { !$0.bytes.isEmpty }
            guard !files.isEmpty else { return form(ctx, message: t("Vælg mindst én fil.", "Choose at least one file.")) }
            guard let asOf = ctx.day("as_of") else {
                return form(ctx, message: t("Skriv dagen som dd-mm-åååå, fx 23-11-2026.", "Write the day as yyyy-mm-dd, e.g. 2026-11-23."))
            }
            let (token, upload) = try web.imports.keep(files, userId: session.user.id, asOf: asOf, closeMissing: ctx.form["close_missing"] == "on",
                                                       now: web.arguments.clock())
            let db = web.database
            let report: ImportReport
            do {
                report = try await db.run {
                    var options = ImportOptions(asOf: upload.asOf, dryRun: true, closeMissing: upload.closeMissing)
                    options.command = "import"
                    return try Importer(database: db.reader, options: options).run(files: upload.files)
                }
            } catch {
                web.imports.finish(token)
                throw error
            }
            if report.hasErrors { web.imports.finish(token) }
            return result(ctx, report, token: report.hasErrors ? nil : token, confirmed: false)
        }
        router.post("/import/confirm") { _, ctx in
            let session = try ctx.require(.plan)
            let t = ctx.words
            guard let token = ctx.form["upload"], let upload = web.imports.find(token, userId: session.user.id) else {
                return form(ctx, message: t("Forhåndsvisningen er udløbet; upload filerne igen.", "The preview has expired; upload the files again."))
            }
            defer { web.imports.finish(token) }
            let db = web.database
            let report = try await db.run {
                let options = ImportOptions(asOf: upload.asOf, dryRun: false, closeMissing: upload.closeMissing)
                return try Importer(database: try db.writer(for: session.user.name), options: options).run(files: upload.files)
            }
            return result(ctx, report, token: nil, confirmed: true)
        }
        router.post("/import/cancel") { _, ctx in
            let session = try ctx.require(.plan)
            if let token = ctx.form["upload"], web.imports.find(token, userId: session.user.id) != nil { web.imports.finish(token) }
            return form(ctx, message: nil, cancelled: true)
        }
    }

    /// What a sheet holds, in the page's language.
    static func kindName(_ kind: SheetKind, _ t: Words) -> String {
        switch kind {
        case .residences: return t("Tilbud", "Residences")
        case .places: return t("Pladser", "Places")
        case .citizens: return t("Borgere", "Citizens")
        case .placements: return t("Ophold", "Stays")
        }
    }

    func form(_ ctx: WebContext, message: String?, cancelled: Bool = false) -> Response {
        let t = ctx.words
        return Page.html(ctx, title: t("Import", "Import"), path: "/import", [
            message.map { Parts.notice($0, kind: "error") } ?? .empty,
            cancelled ? Parts.notice(t("Importen er annulleret; intet er ændret.", "The import was cancelled; nothing changed."), kind: "ok") : .empty,
            Node.el("p", [], t("Upload tilbud, pladser, borgere og ophold som CSV eller XLSX (en eller flere filer). Du ser først, hvad der ville ændres, og bekræfter derefter.",
                              "Upload residences, places, citizens and stays as CSV or XLSX (one or more files). You first see what would change, then confirm.")),
            Parts.form(action: "/import/preview", csrf: ctx.session?.csrf ?? "",
                       attributes: [("class", "stack"), ("enctype", "multipart/form-data"), ("data-busy", t("Kontrollerer…", "Checking…"))], [
                Parts.field(t("Filer", "Files"), name: "files", type: "file", required: true, extra: [("multiple", ""), ("accept", ".csv,.xlsx,.txt")]),
                Parts.dateField(t("Filerne beskriver dagen", "The files describe the day"), name: "as_of", day: web.arguments.today, t, required: true),
                Node.el("div", [("class", "field")], [
                    Node.el("label", [("for", "f-close")], t("Fuld venteliste: luk ventende, der mangler", "Full waiting list: close waiting citizens absent")),
                    Node.el("input", [("id", "f-close"), ("type", "checkbox"), ("name", "close_missing")]),
                ]),
                Parts.button(t("Vis forhåndsvisning", "Show preview")),
            ]),
        ])
    }

    func result(_ ctx: WebContext, _ r: ImportReport, token: String?, confirmed: Bool) -> Response {
        let t = ctx.words, fm = t.format
        var content: [Node] = []
        if r.hasErrors {
            content.append(Parts.notice(t("\(fm.integer(r.errorCount)) fejl: intet er importeret, databasen er uændret. Ret fejlene og upload igen.",
                                          "\(fm.integer(r.errorCount)) errors: nothing was imported, the database is unchanged. Correct the errors and upload again."), kind: "error"))
        } else if confirmed {
            content.append(Parts.notice(t("Importeret.", "Imported."), kind: "ok"))
        } else {
            content.append(Parts.notice(t("Forhåndsvisning: filerne er gyldige. Intet er skrevet endnu.", "Preview: the files are valid. Nothing has been written yet."), kind: "warn"))
        }
        // Before the confirm the counts are what would happen, after it what did.
        let counts = confirmed
            ? [t("Tilføjet", "Inserted"), t("Ændret", "Updated"), t("Uændret", "Unchanged")]
            : [t("Tilføjes", "To insert"), t("Ændres", "To update"), t("Uændret", "Unchanged")]
        content.append(Parts.table(caption: confirmed ? t("Ark og hvad importen ændrede", "Sheets and what the import changed")
                                       : t("Ark og hvad importen vil ændre", "Sheets and what the import will change"),
                                   headers: [t("Fil", "File"), t("Ark", "Sheet"), t("Indhold", "Kind"), t("Rækker", "Rows")] + counts,
                                   rows: r.sheets.map { [.text($0.file), .text($0.sheet ?? "–"), .text(Self.kindName($0.kind, t)), .text(fm.integer($0.rowsRead)),
                                                         .text(fm.integer($0.inserted)), .text(fm.integer($0.updated)), .text(fm.integer($0.unchanged))] },
                                   numeric: [3, 4, 5, 6], id: "sheets"))
        if !r.issues.isEmpty {
            content.append(Parts.table(caption: t("Problemer", "Problems"),
                                       headers: [t("Alvor", "Severity"), t("Fil", "File"), t("Ark", "Sheet"), t("Række", "Row"), t("Kolonne", "Column"), t("Værdi", "Value"), t("Besked", "Message")],
                                       rows: r.issues.map { [.text($0.severity == .error ? t("fejl", "error") : t("advarsel", "warning")), .text($0.file), .text($0.sheet ?? "–"),
                                                             .text($0.row.map(String.init) ?? "–"), .text($0.column ?? "–"), .text($0.value ?? ""), .text($0.message)] },
                                       numeric: [3], id: "issues"))
            if r.errorsNotListed > 0 { content.append(Node.el("p", [], t("… og \(r.errorsNotListed) fejl mere", "… and \(r.errorsNotListed) more errors"))) }
        }
        if !r.missingWaiting.isEmpty {
            content.append(Node.el("p", [], r.closedMissing
                ? t("\(r.missingWaiting.count) ventende mangler i eksporten og lukkes.", "\(r.missingWaiting.count) waiting citizens are absent from the export and are closed.")
                : t("\(r.missingWaiting.count) ventende mangler i eksporten og beholdes.", "\(r.missingWaiting.count) waiting citizens are absent from the export and are kept.")))
        }
        if let token, let csrf = ctx.session?.csrf {
            content.append(Node.el("div", [("class", "downloads")], [
                Parts.form(action: "/import/confirm", csrf: csrf, attributes: [("class", "inline"), ("data-busy", t("Importerer…", "Importing…"))], [
                    Node.el("input", [("type", "hidden"), ("name", "upload"), ("value", token)]), Parts.button(t("Bekræft import", "Confirm import")),
                ]),
                Parts.form(action: "/import/cancel", csrf: csrf, attributes: [("class", "inline")], [
                    Node.el("input", [("type", "hidden"), ("name", "upload"), ("value", token)]), Parts.button(t("Annullér", "Cancel"), secondary: true),
                ]),
            ]))
        } else {
            content.append(Node.el("p", [], [Parts.link(t("Ny import", "New import"), "/import")]))
        }
        return Page.html(ctx, title: confirmed ? t("Import gennemført", "Import done") : t("Forhåndsvisning af import", "Import preview"), path: "/import", content)
    }
}
