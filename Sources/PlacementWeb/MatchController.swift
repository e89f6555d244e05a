import Foundation
import Hummingbird
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

/// Running a match and deciding its proposals, through the same library calls as
/// `placement match`, `accept` and `decline`.
struct MatchController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/match") { request, ctx in
            _ = try ctx.require(.look)
            let asked = request.uri.queryParameters.get("run").flatMap(Int64.init)
            let stored: MatchRuns.StoredRun? = try await web.read { db in
                if let asked { return try MatchRuns.load(db, id: asked) }
                guard let latest = try? MatchRuns.latestId(db) else { return nil }
                return try MatchRuns.load(db, id: latest)
            }
            return page(ctx, stored, done: request.uri.queryParameters.get("done"), who: request.uri.queryParameters.get("citizen"))
        }
        router.post("/match/run") { _, ctx in
            let session = try ctx.require(.plan)
            let t = ctx.words
            guard let day = ctx.day("as_of") else {
                throw HTTPError(.badRequest, message: t("Skriv dagen som dd-mm-åååå, fx 23-11-2026.", "Write the day as yyyy-mm-dd, e.g. 2026-11-23."))
            }
            let language = ctx.language
            let db = web.database
            let runId: Int64 = try await db.run {
                // As `placement match`: input, policy and data version in one read, then the
                // solve, then the store, which refuses if the data changed meanwhile.
                let read = try db.reader.read { d in (try MatchInput.load(d, on: day), try MatchPolicy.load(d), try MatchRuns.dataVersion(d)) }
                let result = try Matcher(input: read.0, policy: read.1, language: language).run()
                return try db.writer(for: session.user.name).write(command: "match", wait: 0) {
                    try MatchRuns.save($0, result: result, input: read.0, policy: read.1, replayOf: nil, readAt: read.2)
                }
            }
            return Page.redirect("/match?run=\(runId)&done=run")
        }
        router.post("/match/{run}/accept") { _, ctx in
            let session = try ctx.require(.plan)
            let run = try ctx.parameters.require("run", as: Int64.self)
            guard let citizen = ctx.form["citizen"], !citizen.isEmpty else { throw HTTPError(.badRequest) }
            let today = web.arguments.today
            let outcome = try await web.store(session) { try $0.accept(run: run, citizens: [citizen], on: today) }
            if let refused = outcome.refused.first { throw HTTPError(.badRequest, message: "\(refused.citizenId): \(refused.why)") }
            return Page.redirect("/match?run=\(run)&done=accepted&citizen=\(Page.escapeQuery(citizen))")
        }
        router.post("/match/{run}/decline") { _, ctx in
            let session = try ctx.require(.plan)
            let run = try ctx.parameters.require("run", as: Int64.self)
            guard let citizen = ctx.form["citizen"], !citizen.isEmpty,
                  let reason = ctx.form["reason"].flatMap(DeclineReason.init(rawValue:)) else { throw HTTPError(.badRequest) }
            let note = ctx.form["note"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let today = web.arguments.today
            do {
                try await web.store(session) {
                    try $0.decline(run: run, citizen: citizen, reason: reason, note: note, on: today)
                }
            } catch let e as DecisionError {
                throw HTTPError(.badRequest, message: e.text(ctx.language))
            }
            return Page.redirect("/match?run=\(run)&done=declined&citizen=\(Page.escapeQuery(citizen))")
        }
        // Withdraws the run's accepted proposal (the planned move-in), with a reason: the same
        // store request as `placement withdraw --run`, audited as the session's user.
        router.post("/match/{run}/withdraw") { _, ctx in
            let session = try ctx.require(.plan)
            let run = try ctx.parameters.require("run", as: Int64.self)
            guard let citizen = ctx.form["citizen"], !citizen.isEmpty else { throw HTTPError(.badRequest) }
            let reason = ctx.form["reason"] ?? ""
            let today = web.arguments.today, language = ctx.language
            do {
                _ = try await web.store(session) { try $0.withdraw(citizen: citizen, run: run, reason: reason, on: today) }
            } catch let e as DecisionError {
                throw HTTPError(.badRequest, message: e.text(language))
            }
            return Page.redirect("/match?run=\(run)&done=withdrawn&citizen=\(Page.escapeQuery(citizen))")
        }
    }

    /// The words of a proposal's action, status and decline reason are the report's labels
    /// (`Labels`), so a page, the weekly report and the terminal name each the same way.
    static func actionName(_ raw: String, _ t: Words) -> String {
        ProposalAction(rawValue: raw).map(Labels.of(t.language).name) ?? raw
    }

    /// A proposal's status in words; a run's "no fit" is not a proposal, so it is not "proposed".
    static func statusName(_ raw: String, action: String? = nil, _ t: Words) -> String {
        if raw == ProposalStatus.proposed.rawValue && action == ProposalAction.noFit.rawValue { return t("Venter fortsat", "Still waiting") }
        let labels = Labels.of(t.language)
        return ProposalStatus(rawValue: raw).map { labels.capitalised(labels.name($0)) } ?? raw
    }

    static func reasonName(_ raw: String, _ t: Words) -> String {
        DeclineReason(rawValue: raw).map(Labels.of(t.language).name) ?? raw
    }

    /// The first reason on the row; the rest folded away, so that a row stays one or two lines.
    static func reasons(_ reasons: [String], _ t: Words) -> Node {
        guard let first = reasons.first else { return .text("") }
        guard reasons.count > 1 else { return .text(first) }
        return Node.el("details", [("class", "reasons")], [
            Node.el("summary", [], first),
            Node.el("ul", [("class", "plain")], reasons.dropFirst().map { Node.el("li", [], $0) }),
        ])
    }

    func page(_ ctx: WebContext, _ run: MatchRuns.StoredRun?, done: String?, who: String?) -> Response {
        let t = ctx.words, fm = t.format
        let planner = ctx.session?.user.role.may(.plan) ?? false
        let csrf = ctx.session?.csrf ?? ""
        var content: [Node] = []
        switch done {
        case "run": content.append(Parts.notice(t("Kørslen er gemt.", "The run is stored."), kind: "ok"))
        case "accepted": content.append(Parts.notice(t("Accepteret: \(who ?? "")", "Accepted: \(who ?? "")"), kind: "ok"))
        case "declined": content.append(Parts.notice(t("Afslag registreret: \(who ?? "")", "Decline recorded: \(who ?? "")"), kind: "ok"))
        case "withdrawn": content.append(Parts.notice(t("Trukket tilbage: \(who ?? "")", "Withdrawn: \(who ?? "")"), kind: "ok"))
        default: break
        }
        if planner {
            content.append(Parts.form(action: "/match/run", csrf: csrf, attributes: [("class", "stack"), ("data-busy", t("Kører…", "Running…"))], [
                Parts.dateField(t("Matchdag", "Match day"), name: "as_of", day: web.arguments.today, t, required: true),
                Parts.button(t("Kør match", "Run match")),
            ]))
        }
        guard let run else {
            content.append(Parts.notice(t("Der er endnu ingen kørsel.", "There is no run yet.")))
            return Page.html(ctx, title: t("Match", "Match"), path: "/match", content)
        }
        let names = Dictionary(run.input.residences.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // "Other" asks for a note: the form says so beside the reason's name.
        let reasons = DeclineReason.allCases.map { r in
            (r.rawValue, Self.reasonName(r.rawValue, t) + (r.requiresNote ? t(" (skriv en note)", " (write a note)") : ""))
        }
        let rows: [[Node]] = run.proposals.map { p in
            let status = run.statuses[p.citizenId] ?? "proposed"
            var decide: Node = .text("")
            if planner && status == "proposed" && p.action != .noFit {
                let key = p.citizenId.filter { $0.isLetter || $0.isNumber }
                // Accept is one click; declining asks for a reason, so its form folds open
                // under a button and the row stays one or two lines high.
                decide = Node.el("div", [("class", "decide")], [
                    Parts.form(action: "/match/\(run.id)/accept", csrf: csrf, attributes: [("class", "row-actions")], [
                        Node.el("input", [("type", "hidden"), ("name", "citizen"), ("value", p.citizenId)]),
                        Node.el("button", [("type", "submit"), ("aria-label", t("Acceptér forslaget for \(p.citizenId)", "Accept the proposal for \(p.citizenId)"))], t("Acceptér", "Accept")),
                    ]),
                    Node.el("details", [("class", "decision decline"), ("data-citizen", p.citizenId)], [
                        Node.el("summary", [("aria-label", t("Afslå … (\(p.citizenId))", "Decline … (\(p.citizenId))"))], t("Afslå", "Decline")),
                        Parts.form(action: "/match/\(run.id)/decline", csrf: csrf, attributes: [("class", "row-actions")], [
                            Node.el("input", [("type", "hidden"), ("name", "citizen"), ("value", p.citizenId)]),
                            Node.el("div", [("class", "field")], [
                                Node.el("label", [("for", "r-\(key)")], Labels.of(t.language).columnReason),
                                Node.el("select", [("id", "r-\(key)"), ("name", "reason")], reasons.map { Node.el("option", [("value", $0.0)], $0.1) }),
                            ]),
                            Node.el("div", [("class", "field")], [
                                Node.el("label", [("for", "n-\(key)")], t("Note", "Note")),
                                Node.el("input", [("id", "n-\(key)"), ("name", "note"), ("size", "16")]),
                            ]),
                            Node.el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t("Afslå forslaget for \(p.citizenId)", "Decline the proposal for \(p.citizenId)"))], t("Afslå", "Decline")),
                        ]),
                    ]),
                ])
            } else if planner && status == "accepted" {
                let key = p.citizenId.filter { $0.isLetter || $0.isNumber }
                decide = Node.el("details", [("class", "decision withdraw"), ("data-citizen", p.citizenId)], [
                    Node.el("summary", [("aria-label", t("Træk tilbage … (\(p.citizenId))", "Withdraw … (\(p.citizenId))"))], t("Træk tilbage", "Withdraw")),
                    Parts.form(action: "/match/\(run.id)/withdraw", csrf: csrf, attributes: [("class", "row-actions")], [
                        Node.el("input", [("type", "hidden"), ("name", "citizen"), ("value", p.citizenId)]),
                        Node.el("div", [("class", "field")], [
                            Node.el("label", [("for", "w-\(key)")], t("Årsag", "Reason")),
                            Node.el("input", [("id", "w-\(key)"), ("name", "reason"), ("size", "20"), ("required", "")]),
                        ]),
                        Node.el("button", [("type", "submit"), ("class", "secondary"),
                                           ("aria-label", t("Træk accepten tilbage for \(p.citizenId)", "Withdraw the acceptance for \(p.citizenId)"))],
                                t("Træk tilbage", "Withdraw")),
                    ]),
                ])
            }
            let residence = p.residenceId.map { names[$0] ?? $0 } ?? "–"
            let moveIn = p.moveIn.map(fm.date) ?? "–"
            let cost = p.annualCostNet.map(fm.kronerNumber) ?? "–"
            let km = p.distanceKm.map(String.init) ?? "–"
            let badge = Node.el("span", [("class", "badge \(status)")], Self.statusName(status, action: p.action.rawValue, t))
            var cells: [Node] = [WaitingController.citizenLink(p.citizenId), Node.el("span", [("class", "nowrap")], Self.actionName(p.action.rawValue, t))]
            cells += [.text(residence), .text(moveIn), .text(cost), .text(km), Self.reasons(p.reasonLines(t.language), t), badge]
            if planner { cells.append(decide) }
            return cells
        }
        content.append(Node.el("h2", [], t("Kørsel \(run.id), \(fm.date(run.asOf))", "Run \(run.id), \(fm.date(run.asOf))")))
        content.append(Parts.table(caption: t("\(fm.integer(run.proposals.count)) forslag i prioriteret rækkefølge", "\(fm.integer(run.proposals.count)) proposals in priority order"),
                                   headers: [t("Borger", "Citizen"), t("Forslag", "Proposal"), t("Tilbud", "Residence"), t("Indflytning", "Move-in"),
                                             t("Årlig udgift, kr.", "Annual cost, DKK"), "km", t("Begrundelse", "Reasons"), t("Status", "Status")]
                                             + (planner ? [t("Beslutning", "Decision")] : []),
                                   rows: rows, numeric: [4, 5], sortable: true, id: "proposals"))
        if !run.placeValues.isEmpty {
            content.append(Node.el("h2", [], t("Værdi af én plads mere", "Value of one more place")))
            content.append(Parts.table(caption: t("Hvad én plads mere i hvert eget tilbud ville spare om året", "What one more place in each own residence would save a year"),
                                       headers: [t("Tilbud", "Residence"), t("Besparelse pr. år, kr.", "Saving a year, DKK")],
                                       rows: run.placeValues.map { [.text(names[$0.residenceId] ?? $0.residenceId), .text(fm.kronerNumber($0.annualValue))] },
                                       numeric: [1]))
        }
        return Page.html(ctx, title: t("Match", "Match"), path: "/match", content)
    }
}
