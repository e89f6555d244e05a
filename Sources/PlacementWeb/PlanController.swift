import Foundation
import Hummingbird
import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementStore

/// The capacity plan: scenarios uploaded as TOML files or written with a form, a run in the
/// background with a progress bar, and the plan's own HTML with downloads, as `placement plan`
/// renders them.
struct PlanController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    struct PlanProblem: Error, Sendable { let text: String }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/plan") { request, ctx in
            _ = try ctx.require(.look)
            let id = request.uri.queryParameters.get("job").flatMap(Int.init)
            let written = request.uri.queryParameters.get("written").flatMap(Int.init)
            return try await page(ctx, job: id.flatMap { id in web.plans.find(id).map { (id, $0) } }, message: nil, written: written)
        }
        router.post("/plan/run") { _, ctx in
            _ = try ctx.require(.plan)
            let t = ctx.words
            guard let day = ctx.day("as_of"),
                  let years = Int(ctx.form["years"] ?? ""), (1...PlanOptions.maximumYears).contains(years),
                  let runs = Int(ctx.form["runs"] ?? ""), (1...2000).contains(runs) else {
                return try await page(ctx, job: nil, message: t("Angiv dagen (dd-mm-åååå), 1-\(PlanOptions.maximumYears) år og 1-2000 kørsler.",
                                                                "Give the day (yyyy-mm-dd), 1-\(PlanOptions.maximumYears) years and 1-2000 runs."))
            }
            let fixed = ctx.form["fixed"] == "on"
            var files = ctx.form.files.filter { !$0.bytes.isEmpty }.map { (name: PendingImports.safeName($0.filename), text: String(decoding: $0.bytes, as: UTF8.self)) }
            for id in ctx.form.all("written").compactMap(Int.init) {
                if let w = web.scenarios.find(id) { files.append((name: "scenarie-\(w.id).toml", text: w.toml)) }
            }
            let sources = files
            let language = ctx.language
            let jobs = web.plans, id = jobs.start(language: language)
            let db = web.database
            // The plan runs on the database queue while the page polls its progress; the
            // request answers at once.
            Task.detached {
                let outcome: Result<PlanResult, PlanProblem>
                do {
                    outcome = try await db.run {
                        let world = try db.reader.read { try PlanWorld.load($0, on: day) }
                        let defaults = ScenarioFile.Defaults(municipalityCode: world.planningArea.first ?? 0)
                        var scenarios: [Scenario] = []
                        for s in sources {
                            do { scenarios.append(try ScenarioFile.parse(s.text, file: s.name, defaults: defaults, language: language)) } catch {
                                return .failure(PlanProblem(text: String(describing: error)))
                            }
                        }
                        let options = PlanOptions(years: years, runs: runs, seed: 1, arrivals: fixed ? .fixed : .poisson)
                        do {
                            return .success(try Planner.plan(world: world, scenarios: scenarios, options: options, language: language,
                                                             progress: { done, total in jobs.progress(id, done: done, total: total) }))
                        } catch let e as PlanError {
                            return .failure(PlanProblem(text: e.text(language)))
                        }
                    }
                } catch {
                    outcome = .failure(PlanProblem(text: ErrorPage.describe(error, Words(language))))
                }
                jobs.finish(id, outcome)
            }
            return Page.redirect("/plan?job=\(id)")
        }
        // The progress bar's poll: how many of the runs are done, and whether the plan is.
        router.get("/plan/{id}/progress") { _, ctx in
            _ = try ctx.require(.look)
            guard let job = web.plans.find(try ctx.parameters.require("id", as: Int.self)) else { throw HTTPError(.notFound) }
            let t = ctx.words, fm = t.format
            let text = t("\(fm.integer(job.done)) af \(fm.integer(job.total)) simuleringer", "\(fm.integer(job.done)) of \(fm.integer(job.total)) simulations")
            // By the one JSON writer, which escapes the text as a hand-written object would not.
            let json = JSON.object([("done", .int(Int64(job.done))), ("total", .int(Int64(job.total))), ("finished", .bool(job.finished)),
                                    ("failed", .bool(job.problem != nil)), ("text", .string(text))])
            return Page.response(json.text(), type: "application/json")
        }
        router.post("/plan/scenario") { _, ctx in
            _ = try ctx.require(.plan)
            let t = ctx.words
            let labels = ["new_opens_on": t("Åbner", "Opens on"), "closure_on": t("Lukker", "Closes on"), "rate_from": t("Fra", "From")]
            let written: (name: String, text: String)
            do {
                written = try ScenarioForm(form: ctx.form).toml(labels: labels)
            } catch let p as ScenarioForm.Problem {
                let text: String
                switch p {
                case .noName: text = t("Giv scenariet et navn.", "Give the scenario a name.")
                case .noChange: text = t("Udfyld mindst én ændring: nyt tilbud, lukning eller takstændring.", "Fill in at least one change: new residence, closure or rate change.")
                case .badDay(let field, let value): text = t("\(field): \"\(value)\" er ikke en dag; skriv dd-mm-åååå.", "\(field): \"\(value)\" is not a day; write yyyy-mm-dd.")
                }
                return try await page(ctx, job: nil, message: text, status: .badRequest)
            }
            // The file reader is the judge: what it refuses is not kept.
            let db = web.database
            let problem: String? = try await db.run {
                let area = try db.reader.planningArea()
                do {
                    _ = try ScenarioFile.parse(written.text, file: "scenarie.toml", defaults: .init(municipalityCode: area.first ?? 0), language: t.language)
                    return nil
                } catch { return String(describing: error) }
            }
            if let problem { return try await page(ctx, job: nil, message: problem, status: .badRequest) }
            let kept = web.scenarios.keep(name: written.name, toml: written.text)
            return Page.redirect("/plan?written=\(kept.id)")
        }
        router.get("/plan/scenarios/{id}") { _, ctx in
            _ = try ctx.require(.look)
            guard let w = web.scenarios.find(try ctx.parameters.require("id", as: Int.self)) else { throw HTTPError(.notFound) }
            return Download.file(Data(w.toml.utf8), name: "scenarie-\(w.id).toml", type: "application/toml; charset=utf-8")
        }
        router.get("/plan/{id}/document") { _, ctx in
            _ = try ctx.require(.look)
            guard let plan = web.plans.find(try ctx.parameters.require("id", as: Int.self)), let result = plan.plan else { throw HTTPError(.notFound) }
            return Download.document(PlanHTML.render(result, language: plan.language))
        }
        router.get("/plan/{id}/download") { request, ctx in
            _ = try ctx.require(.look)
            let id = try ctx.parameters.require("id", as: Int.self)
            guard let job = web.plans.find(id), let plan = job.plan else { throw HTTPError(.notFound) }
            switch request.uri.queryParameters.get("format") ?? "html" {
            case "html": return Download.file(Data(PlanHTML.render(plan, language: job.language).utf8), name: "plan-\(id).html", type: "text/html; charset=utf-8")
            case "xlsx": return Download.file(try PlanXLSX.data(plan, language: job.language), name: "plan-\(id).xlsx",
                                              type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            case "json": return Download.file(Data(PlanJSON.render(plan).utf8), name: "plan-\(id).json", type: "application/json")
            default: throw HTTPError(.notFound)
            }
        }
    }

    func page(_ ctx: WebContext, job: (id: Int, job: PlanJobs.Job)?, message: String?, written: Int? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let t = ctx.words
        let planner = ctx.session?.user.role.may(.plan) == true
        let residences: [Residence] = planner ? try await web.read { try Residences.all($0) } : []
        var content: [Node] = [message.map { Parts.notice($0, kind: "error") } ?? .empty]
        if let written, let w = web.scenarios.find(written) {
            content.append(Parts.notice(t("Scenariet \"\(w.name)\" er gemt; det er valgt nedenfor.", "The scenario \"\(w.name)\" is kept; it is chosen below."), kind: "ok"))
        }
        var refresh = false
        if let found = job {
            let id = found.id, job = found.job
            if let problem = job.problem {
                content.append(Parts.notice(problem, kind: "error"))
            } else if job.plan == nil {
                refresh = true
                content.append(progress(ctx, id: id, job))
            } else {
                content.append(Node.el("div", [("class", "downloads")], [
                    Parts.link(t("Udskriftsvisning (gem som PDF)", "Print layout (save as PDF)"), "/plan/\(id)/document"),
                    Parts.link("HTML", "/plan/\(id)/download?format=html"),
                    Parts.link("XLSX", "/plan/\(id)/download?format=xlsx"),
                    Parts.link("JSON", "/plan/\(id)/download?format=json"),
                ]))
                content.append(Node.el("iframe", [("class", "document"), ("src", "/plan/\(id)/document"), ("title", t("Kapacitetsplanen", "The capacity plan"))], []))
            }
        } else if message == nil {
            content.append(Parts.notice(t("Ingen plan er kørt endnu i denne session af serveren.", "No plan has been run yet on this server.")))
        }
        if planner {
            content.append(Node.el("h2", [], t("Kør en plan", "Run a plan")))
            content.append(runForm(ctx, chosen: written))
            content.append(Node.el("h2", [], t("Skriv et scenarie", "Write a scenario")))
            content.append(ScenarioPage.form(ctx, residences: residences))
        }
        return Page.html(ctx, title: t("Kapacitetsplan", "Capacity plan"), path: "/plan", status: status, refresh: refresh ? 2 : nil, content)
    }

    /// The bar of a running plan: filled as far as the runs are done. The page's script polls
    /// `/plan/{id}/progress`; without a script the page reloads itself every two seconds.
    func progress(_ ctx: WebContext, id: Int, _ job: PlanJobs.Job) -> Node {
        let t = ctx.words, fm = t.format
        let total = max(job.total, 1)
        return Node.el("div", [("class", "plan-progress"), ("data-progress", "/plan/\(id)/progress")], [
            Node.el("label", [("for", "plan-bar")], t("Planen simuleres …", "The plan is being simulated …")),
            Node.el("progress", [("id", "plan-bar"), ("max", String(total)), ("value", String(job.done))], "\(job.done)/\(total)"),
            Node.el("span", [("class", "muted"), ("data-progress-text", "")],
                    job.total == 0 ? t("Forbereder …", "Preparing …") : t("\(fm.integer(job.done)) af \(fm.integer(job.total)) simuleringer", "\(fm.integer(job.done)) of \(fm.integer(job.total)) simulations")),
        ])
    }

    func runForm(_ ctx: WebContext, chosen: Int?) -> Node {
        let t = ctx.words
        let written = web.scenarios.all
        var fields: [Node] = [
            Parts.dateField(t("Planens startdag", "The plan's day"), name: "as_of", day: web.arguments.today, t, required: true),
            Parts.field(t("År", "Years"), name: "years", type: "number", value: "5", required: true, extra: [("min", "1"), ("max", String(PlanOptions.maximumYears))]),
            Parts.field(t("Kørsler pr. scenarie", "Runs per scenario"), name: "runs", type: "number", value: "100", required: true, extra: [("min", "1"), ("max", "2000")]),
            Parts.fileField(t("Scenariefiler (TOML, valgfrit)", "Scenario files (TOML, optional)"), name: "scenarios", choose: t("Vælg filer …", "Choose files …"),
                            none: t("Ingen filer valgt", "No files chosen"), extra: [("multiple", ""), ("accept", ".toml")]),
            Node.el("div", [("class", "field check")], [
                Node.el("input", [("id", "f-fixed"), ("type", "checkbox"), ("name", "fixed")]),
                Node.el("label", [("for", "f-fixed")], t("Uden tilfældighed", "No randomness")),
            ]),
        ]
        if !written.isEmpty {
            fields.append(Node.el("fieldset", [("class", "written")], [Node.el("legend", [], t("Skrevne scenarier", "Written scenarios"))] + written.map { w in
                Node.el("div", [("class", "check")], [
                    Node.el("input", [("id", "w-\(w.id)"), ("type", "checkbox"), ("name", "written"), ("value", String(w.id)), ("checked", w.id == chosen ? "" : nil)]),
                    Node.el("label", [("for", "w-\(w.id)")], w.name),
                    Node.text(" "), Parts.link(t("hent TOML", "download TOML"), "/plan/scenarios/\(w.id)"),
                ])
            }))
        }
        fields.append(Parts.button(t("Kør plan", "Run plan")))
        return Node.group([
            Parts.form(action: "/plan/run", csrf: ctx.session?.csrf ?? "",
                       attributes: [("class", "stack"), ("enctype", "multipart/form-data"), ("data-busy", t("Starter…", "Starting…"))], fields),
            Node.el("p", [("class", "muted")], t("Et scenarie er en TOML-fil (se seeds/scenario-example.toml) eller et, du skriver nedenfor.",
                                                 "A scenario is a TOML file (see seeds/scenario-example.toml) or one you write below.")),
        ])
    }
}
