import Hummingbird
import PlacementModel
import PlacementReports

/// One citizen: needs, wishes, history with who and when, and the explanation of the latest
/// run in plain language (the proposal's reasons) and in full.
enum CitizenPage {
    static func render(_ ctx: WebContext, _ c: CitizenFile) -> Response {
        let t = ctx.words, fm = t.format, lang = ctx.language
        func day(_ s: String?) -> String { s.flatMap(Day.init(iso:)).map(fm.date) ?? (s ?? "–") }
        let facts: [(String, String)] = [
            (t("Ydelse", "Offer type"), c.offerType.map { $0.name(lang) } ?? "–"),
            (t("Målgrupper", "Target groups"), c.targetGroups.members.map { $0.name(lang) }.joined(separator: ", ")),
            (t("Støtteniveau", "Support level"), String(c.supportLevel)),
            (t("Behov for indretning", "Required features"), c.features.members.isEmpty ? "–" : c.features.members.map { $0.name(lang) }.joined(separator: ", ")),
            (t("Hastegrad", "Urgency"), Urgency(rawValue: c.urgency)?.name(lang) ?? c.urgency),
            (t("Status", "Status"), CitizenStatus(rawValue: c.status)?.name(lang) ?? c.status),
            (t("Henvist", "Referred"), day(c.referredOn)),
            (t("Behov senest", "Needed by"), day(c.neededBy)),
            (t("Handlekommune", "Home municipality"), c.homeMunicipality),
            (t("Netværkets postnummer", "Network postcode"), c.networkPostcode.map(String.init) ?? "–"),
        ] + c.choices.map { ($0.choice == "preferred" ? t("Ønsker", "Wishes for") : t("Fravalgt", "Ruled out"), $0.residence) }
        var content: [Node] = [
            Node.el("h2", [], t("Behov", "Needs")),
            Node.el("dl", [("class", "facts")], facts.flatMap { [Node.el("dt", [], $0.0), Node.el("dd", [], $0.1)] }),
        ]
        if let lines = c.explanation, let run = c.run {
            content.append(Node.el("h2", [], t("Forklaring (kørsel \(run))", "Explanation (run \(run))")))
            // The first lines are the proposal and its reasons; the rest is the full reasoning.
            let split = lines.firstIndex { !$0.hasPrefix("  ") && $0 != lines.first } ?? lines.count
            content.append(Node.el("ol", [("class", "reasons")], lines[1..<max(1, split)].map { Node.el("li", [], $0.trimmingCharacters(in: .whitespaces)) }))
            content.append(Node.el("details", [], [Node.el("summary", [], t("Hele begrundelsen", "The full reasoning")),
                                                   Node.el("pre", [], lines.joined(separator: "\n"))]))
        }
        content.append(Node.el("h2", [], t("Historik", "History")))
        content.append(Parts.table(caption: t("Perioder på venteliste", "Waiting periods"),
                                   headers: [t("Fra", "From"), t("Til", "To"), t("Udfald", "Outcome")],
                                   rows: c.periods.map { [.text(day($0.since)), .text(day($0.until)), .text($0.outcome ?? t("venter", "waiting"))] },
                                   empty: t("Ingen perioder på venteliste.", "No waiting periods.")))
        content.append(Parts.table(caption: t("Ophold", "Stays"),
                                   headers: [t("Tilbud", "Residence"), t("Plads", "Place"), t("Fra", "From"), t("Til", "To")],
                                   rows: c.stays.map { [.text($0.residence), .text($0.place ?? "–"), .text(day($0.from)), .text(day($0.to))] },
                                   empty: t("Ingen ophold endnu.", "No stays yet.")))
        content.append(Parts.table(caption: t("Forslag og beslutninger", "Proposals and decisions"),
                                   headers: [t("Kørsel", "Run"), t("Forslag", "Proposal"), t("Tilbud", "Residence"), t("Status", "Status")],
                                   rows: c.proposals.map { [.text(String($0.run)), .text(MatchController.actionName($0.action, t)), .text($0.residence ?? "–"),
                                                            .text(MatchController.statusName($0.status, action: $0.action, t))] }, numeric: [0],
                                   empty: t("Ingen kørsel har endnu haft borgeren med.", "No run has considered the citizen yet.")))
        if !c.declines.isEmpty {
            let labels = Labels.of(t.language)
            content.append(Parts.table(caption: t("Afslag", "Declines"),
                                       // The weekly report's declines table names the same columns.
                                       headers: [t("Kørsel", "Run"), labels.columnDate, labels.columnReason, labels.columnNote],
                                       rows: c.declines.map { [.text(String($0.run)), .text(day($0.day)), .text(MatchController.reasonName($0.reason, t)), .text($0.note ?? "")] },
                                       numeric: [0]))
        }
        content.append(Parts.table(caption: t("Ændringer (revisionslog): hvem og hvornår", "Changes (audit log): who and when"),
                                   headers: [t("Tid (UTC)", "Time (UTC)"), t("Bruger", "User"), t("Kommando", "Command"), t("Handling", "Action"), t("Detaljer", "Detail")],
                                   rows: c.audit.map { [Node.el("span", [("class", "nowrap")], AuditController.time($0.at)), .text($0.user ?? "–"), .text($0.command), .text($0.action), .text($0.detail ?? "")] }))
        return Page.html(ctx, title: t("Borger \(c.id)", "Citizen \(c.id)"), path: "/waiting", content)
    }
}
