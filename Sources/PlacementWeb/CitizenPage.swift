import Hummingbird
import PlacementModel

/// One citizen: needs, wishes, history with who and when, and the explanation of the latest
/// run in plain language (the proposal's reasons) and in full.
enum CitizenPage {
    static func render(_ ctx: WebContext, _ file: CitizenFile) -> Response {
        let t = ctx.words, fm = t.format, lang = ctx.language
        func day(_ d: Day?) -> String { d.map(fm.date) ?? "–" }
        let c = file.citizen
        let home = ReferenceData.municipalityByCode[c.homeMunicipalityCode]?.name ?? String(c.homeMunicipalityCode)
        let features = c.requiredFeatures.members.isEmpty ? "–" : c.requiredFeatures.members.map { $0.name(lang) }.joined(separator: ", ")
        let groups = c.targetGroups.members.map { $0.name(lang) }.joined(separator: ", ")
        let facts: [(String, String)] = [
            (t("Ydelse", "Offer type"), c.offerType.name(lang)),
            (t("Målgrupper", "Target groups"), groups),
            (t("Støtteniveau", "Support level"), String(c.supportLevel)),
            (t("Behov for indretning", "Required features"), features),
            (t("Hastegrad", "Urgency"), c.urgency.name(lang)),
            (t("Status", "Status"), c.status.name(lang)),
            (t("Henvist", "Referred"), day(c.referredOn)),
            (t("Behov senest", "Needed by"), day(c.neededBy)),
            (t("Handlekommune", "Home municipality"), home),
            (t("Netværkets postnummer", "Network postcode"), c.networkPostcode.map(String.init) ?? "–"),
        ]
        let wishes: [(String, String)] = file.preferred.map { (t("Ønsker", "Wishes for"), $0) }
        let ruledOut: [(String, String)] = file.excluded.map { (t("Fravalgt", "Ruled out"), $0) }
        let rows = facts + wishes + ruledOut
        var content: [Node] = [
            Node.el("h2", [], t("Behov", "Needs")),
            Node.el("dl", [("class", "facts")], rows.flatMap { [Node.el("dt", [], $0.0), Node.el("dd", [], $0.1)] }),
        ]
        if let lines = file.explanation, let run = file.run {
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
                                   rows: file.periods.map { [.text(day($0.since)), .text(day($0.until)), .text($0.outcome?.name(lang) ?? t("venter", "waiting"))] },
                                   empty: t("Ingen perioder på venteliste.", "No waiting periods.")))
        content.append(Parts.table(caption: t("Ophold", "Stays"),
                                   headers: [t("Tilbud", "Residence"), t("Plads", "Place"), t("Fra", "From"), t("Til", "To")],
                                   rows: file.stays.map { [.text($0.residence), .text($0.place ?? "–"), .text(day($0.from)), .text(day($0.to))] },
                                   empty: t("Ingen ophold endnu.", "No stays yet.")))
        content.append(Parts.table(caption: t("Forslag og beslutninger", "Proposals and decisions"),
                                   headers: [t("Kørsel", "Run"), t("Forslag", "Proposal"), t("Tilbud", "Residence"), t("Status", "Status")],
                                   rows: file.proposals.map { [.text(String($0.run)), .text(MatchController.actionName($0.action, t)), .text($0.residence ?? "–"),
                                                            .text(MatchController.statusName($0.status, action: $0.action, t))] }, numeric: [0],
                                   empty: t("Ingen kørsel har endnu haft borgeren med.", "No run has considered the citizen yet.")))
        if !file.declines.isEmpty {
            content.append(Parts.table(caption: t("Afslag", "Declines"),
                                       headers: [t("Kørsel", "Run"), t("Dag", "Day"), t("Grund", "Reason"), t("Note", "Note")],
                                       rows: file.declines.map { [.text(String($0.run)), .text(day($0.day)), .text(MatchController.reasonName($0.reason, t)), .text($0.note ?? "")] },
                                       numeric: [0]))
        }
        content.append(Parts.table(caption: t("Ændringer (revisionslog): hvem og hvornår", "Changes (audit log): who and when"),
                                   headers: [t("Tid (UTC)", "Time (UTC)"), t("Bruger", "User"), t("Kommando", "Command"), t("Handling", "Action"), t("Detaljer", "Detail")],
                                   rows: file.audit.map { [Node.el("span", [("class", "nowrap")], AuditController.time($0.at)), .text($0.user ?? "–"), .text($0.command), .text($0.action), .text($0.detail ?? "")] }))
        return Page.html(ctx, title: t("Borger \(c.id)", "Citizen \(c.id)"), path: "/waiting", content)
    }
}
