import Foundation
import Hummingbird
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

/// The waiting list (filterable by offer type, target group, urgency and wait beyond a norm;
/// sortable in the page) and each citizen's page.
struct WaitingController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/waiting") { request, ctx in
            _ = try ctx.require(.look)
            let week = ISOWeek(containing: web.arguments.today)
            let db = web.database
            let figures = try await db.run { try db.reader.weeklyFigures(week) }
            return list(ctx, figures, query: request.uri.queryParameters)
        }
        router.get("/citizens/{id}") { _, ctx in
            _ = try ctx.require(.look)
            let id = try ctx.parameters.require("id")
            let language = ctx.language
            guard let file = try await web.read({ try CitizenFile.load($0, id: id, language: language) }) else {
                throw HTTPError(.notFound)
            }
            return CitizenPage.render(ctx, file)
        }
    }

    static func citizenLink(_ id: String) -> Node {
        Parts.link(id, "/citizens/\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id)")
    }

    func list(_ ctx: WebContext, _ f: WeeklyFigures, query: Parameters) -> Response {
        let t = ctx.words, fm = t.format, lang = ctx.language
        let offer = query.get("offer").flatMap(OfferType.init(rawValue:))
        let group = query.get("group").flatMap(TargetGroup.init(rawValue:))
        let urgency = query.get("urgency").flatMap(Urgency.init(rawValue:))
        let over = query.get("over").flatMap(Int.init)
        let pastDeadline = query.get("deadline") == "past"
        // The store's rules: beyond a norm (`WaitingList.isBeyond`), past the deadline (its `daysOverDeadline`).
        let rows = f.waitingList.filter { w in
            (offer == nil || w.offerType == offer) && (group.map { w.targetGroups.contains($0) } ?? true)
                && (urgency == nil || w.urgency == urgency) && (over.map { WaitingList.isBeyond(w.daysWaiting, norm: $0) } ?? true)
                && (!pastDeadline || w.daysOverDeadline != nil)
        }
        func proposalText(_ p: PlacementReports.CurrentProposal?) -> Node {
            guard let p else { return .text("–") }
            let action = MatchController.actionName(p.action.rawValue, t)
            let status = MatchController.statusName(p.status.rawValue, action: p.action.rawValue, t)
            return Node.group([.text("\(action)\(p.residenceName.map { ": \($0)" } ?? "") "),
                               Node.el("span", [("class", "badge \(p.status.rawValue)")], status)])
        }
        // Citizens bridging (the report's `BridgingFigures`) wait too: they are counted among
        // the waiting, and marked, since they already live somewhere.
        let bridges = Dictionary(f.bridging.citizens.map { ($0.citizenId, $0) }, uniquingKeysWith: { a, _ in a })
        let bridgingShown = rows.filter { bridges[$0.citizenId] != nil }.count
        func citizen(_ id: String) -> Node {
            guard let b = bridges[id] else { return Self.citizenLink(id) }
            return Node.group([Self.citizenLink(id), .text(" "),
                               Node.el("span", [("class", "badge bridging"),
                                                ("title", t("Bor i \(b.residenceName) siden \(fm.date(b.bridgeSince)), mens borgeren venter",
                                                            "Lives in \(b.residenceName) since \(fm.date(b.bridgeSince)) while waiting"))],
                                       t("i overgangsophold", "bridging"))])
        }
        let counted = t("\(fm.integer(rows.count)) af \(fm.integer(f.waitingList.count)) ventende", "\(fm.integer(rows.count)) of \(fm.integer(f.waitingList.count)) waiting")
        let table = Parts.table(
            caption: counted + (bridgingShown == 0 ? "" : t(", heraf \(fm.integer(bridgingShown)) i overgangsophold", ", \(fm.integer(bridgingShown)) of them bridging")),
            headers: [t("Borger", "Citizen"), t("Ydelse", "Offer type"), t("Målgrupper", "Target groups"), t("Støtteniveau", "Support level"),
                      t("Hastegrad", "Urgency"), t("Venter siden", "Waiting since"), t("Dage", "Days"), t("Forslag", "Proposal")],
            rows: rows.map { w in
                [citizen(w.citizenId), .text(w.offerType.shortName), .text(w.targetGroups.members.map { $0.name(lang) }.joined(separator: ", ")),
                 .text(String(w.supportLevel)), .text(w.urgency.name(lang)), Node.el("span", [("data-sort", w.since.iso)], fm.date(w.since)),
                 .text(fm.integer(w.daysWaiting)), proposalText(f.proposals[w.citizenId])]
            },
            numeric: [3, 6], sortable: true, id: "waiting")
        let any = ("", t("Alle", "All"))
        let filters = Node.el("form", [("method", "get"), ("action", "/waiting"), ("class", "filters")], [
            Parts.select(t("Ydelse", "Offer type"), name: "offer", options: [any] + OfferType.allCases.map { ($0.rawValue, $0.name(lang)) }, selected: offer?.rawValue ?? ""),
            Parts.select(t("Målgruppe", "Target group"), name: "group", options: [any] + TargetGroup.allCases.map { ($0.rawValue, $0.name(lang)) }, selected: group?.rawValue ?? ""),
            Parts.select(t("Hastegrad", "Urgency"), name: "urgency", options: [any] + Urgency.allCases.map { ($0.rawValue, $0.name(lang)) }, selected: urgency?.rawValue ?? ""),
            Parts.select(t("Ventet længere end", "Waited longer than"), name: "over",
                         options: [any] + f.waitNormDays.map { (String($0), t("\($0) dage", "\($0) days")) }, selected: over.map(String.init) ?? ""),
            Parts.select(t("Frist (senest)", "Deadline (needed by)"), name: "deadline",
                         options: [any, ("past", t("Over fristen", "Past the deadline"))], selected: pastDeadline ? "past" : ""),
            Parts.button(t("Vis", "Show")),
        ])
        return Page.html(ctx, title: t("Venteliste", "Waiting list"), path: "/waiting", [
            Node.el("p", [("class", "muted")], t("Ventende borgere pr. \(fm.date(f.sunday)) med forslaget fra seneste kørsel. Klik på en kolonneoverskrift for at sortere.",
                                                 "Citizens waiting on \(fm.date(f.sunday)) with the latest run's proposal. Click a column header to sort.")),
            filters, table,
        ])
    }
}
