import Foundation
import Hummingbird
import PlacementModel
import PlacementPlanning
import PlacementReports

/// Plans the web app has run, kept in memory for their downloads (a plan is recomputed
/// from the database and the scenarios whenever asked; it is not a record).
final class PlanResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: (plan: PlanResult, language: Language)] = [:]
    private var next = 1

    func keep(_ plan: PlanResult, language: Language) -> Int {
        lock.withLock {
            let id = next
            next += 1
            results[id] = (plan, language)
            // The last few plans are enough for a team's afternoon.
            results = results.filter { $0.key > id - 20 }
            return id
        }
    }

    func find(_ id: Int) -> (plan: PlanResult, language: Language)? { lock.withLock { results[id] } }
}

/// The capacity plan: run with scenarios (uploaded TOML files) and show the plan's own
/// HTML, with downloads, as `placement plan` renders them.
struct PlanController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/plan") { request, ctx in
            _ = try ctx.require(.look)
            let id = request.uri.queryParameters.get("result").flatMap(Int.init)
            return page(ctx, result: id.flatMap { web.plans.find($0) != nil ? $0 : nil }, message: nil)
        }
        router.post("/plan/run") { _, ctx in
            _ = try ctx.require(.plan)
            let t = ctx.words
            guard let day = Day(iso: ctx.form["as_of"] ?? ""), day.isSupported,
                  let years = Int(ctx.form["years"] ?? ""), (1...PlanOptions.maximumYears).contains(years),
                  let runs = Int(ctx.form["runs"] ?? ""), (1...2000).contains(runs) else {
                return page(ctx, result: nil, message: t("Angiv dato, 1-30 år og 1-2000 kørsler.", "Give a date, 1-30 years and 1-2000 runs."))
            }
            let fixed = ctx.form["fixed"] == "on"
            let scenarioFiles = ctx.form.files.filter { !$0.bytes.isEmpty }
            let language = ctx.language
            let db = web.database
            let outcome: Result<PlanResult, PlanProblem> = try await db.run {
                let world = try db.reader.read { try PlanWorld.load($0, on: day) }
                let defaults = ScenarioFile.Defaults(municipalityCode: world.planningArea.first ?? 0)
                var scenarios: [Scenario] = []
                for f in scenarioFiles {
                    do {
                        scenarios.append(try ScenarioFile.parse(String(decoding: f.bytes, as: UTF8.self), file: PendingImports.safeName(f.filename), defaults: defaults))
                    } catch {
                        return .failure(PlanProblem(text: String(describing: error)))
                    }
                }
                let options = PlanOptions(years: years, runs: runs, seed: 1, arrivals: fixed ? .fixed : .poisson)
                do {
                    return .success(try Planner.plan(world: world, scenarios: scenarios, options: options, language: language))
                } catch let e as PlanError {
                    return .failure(PlanProblem(text: e.description))
                }
            }
            switch outcome {
            case .success(let plan): return Page.redirect("/plan?result=\(web.plans.keep(plan, language: language))")
            case .failure(let p): return page(ctx, result: nil, message: p.text)
            }
        }
        router.get("/plan/{id}/document") { _, ctx in
            _ = try ctx.require(.look)
            guard let found = web.plans.find(try ctx.parameters.require("id", as: Int.self)) else { throw HTTPError(.notFound) }
            return Download.document(PlanHTML.render(found.plan, language: found.language))
        }
        router.get("/plan/{id}/download") { request, ctx in
            _ = try ctx.require(.look)
            let id = try ctx.parameters.require("id", as: Int.self)
            guard let found = web.plans.find(id) else { throw HTTPError(.notFound) }
            switch request.uri.queryParameters.get("format") ?? "html" {
            case "html": return Download.file(Data(PlanHTML.render(found.plan, language: found.language).utf8), name: "plan-\(id).html", type: "text/html; charset=utf-8")
            case "xlsx": return Download.file(try PlanXLSX.data(found.plan, language: found.language), name: "plan-\(id).xlsx",
                                              type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            case "json": return Download.file(Data(PlanJSON.render(found.plan).utf8), name: "plan-\(id).json", type: "application/json")
            default: throw HTTPError(.notFound)
            }
        }
    }

    struct PlanProblem: Error, Sendable { let text: String }

    func page(_ ctx: WebContext, result: Int?, message: String?) -> Response {
        let t = ctx.words
        var content: [Node] = [message.map { Parts.notice($0, kind: "error") } ?? .empty]
        if ctx.session?.user.role.may(.plan) == true {
            content.append(Parts.form(action: "/plan/run", csrf: ctx.session?.csrf ?? "",
                                      attributes: [("class", "stack"), ("enctype", "multipart/form-data"), ("data-busy", t("Simulerer…", "Simulating…"))], [
                Parts.field(t("Planens startdag", "The plan's day"), name: "as_of", type: "date", value: web.arguments.today.iso, required: true),
                Parts.field(t("År", "Years"), name: "years", type: "number", value: "5", required: true, extra: [("min", "1"), ("max", "30")]),
                Parts.field(t("Kørsler pr. scenarie", "Runs per scenario"), name: "runs", type: "number", value: "100", required: true, extra: [("min", "1"), ("max", "2000")]),
                Parts.field(t("Scenarier (TOML, valgfrit)", "Scenarios (TOML, optional)"), name: "scenarios", type: "file", extra: [("multiple", ""), ("accept", ".toml")]),
                Node.el("div", [("class", "field")], [
                    Node.el("label", [("for", "f-fixed")], t("Uden tilfældighed", "No randomness")),
                    Node.el("input", [("id", "f-fixed"), ("type", "checkbox"), ("name", "fixed")]),
                ]),
                Parts.button(t("Kør plan", "Run plan")),
                Node.el("progress", [("hidden", ""), ("aria-label", t("Simulerer", "Simulating"))], []),
            ]))
            content.append(Node.el("p", [("class", "muted")], t("Et scenarie er en TOML-fil (se seeds/scenario-example.toml): nyt tilbud, lukning, takstændring.",
                                                                "A scenario is a TOML file (see seeds/scenario-example.toml): new residence, closure, rate change.")))
        }
        if let result {
            content.append(Node.el("div", [("class", "downloads")], [
                Parts.link(t("Udskriftsvisning (gem som PDF)", "Print layout (save as PDF)"), "/plan/\(result)/document"),
                Parts.link("HTML", "/plan/\(result)/download?format=html"),
                Parts.link("XLSX", "/plan/\(result)/download?format=xlsx"),
                Parts.link("JSON", "/plan/\(result)/download?format=json"),
            ]))
            content.append(Node.el("iframe", [("class", "document"), ("src", "/plan/\(result)/document"), ("title", t("Kapacitetsplanen", "The capacity plan"))], []))
        } else if message == nil {
            content.append(Parts.notice(t("Ingen plan er kørt endnu i denne session af serveren.", "No plan has been run yet on this server.")))
        }
        return Page.html(ctx, title: t("Kapacitetsplan", "Capacity plan"), path: "/plan", content)
    }
}
