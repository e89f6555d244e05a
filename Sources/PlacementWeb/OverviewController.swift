import Hummingbird
import PlacementModel
import PlacementReports

/// This week's headline figures (the weekly report's), their change from last week, and
/// what needs attention.
struct OverviewController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/") { _, ctx in
            _ = try ctx.require(.look)
            let week = ISOWeek(containing: web.arguments.today)
            let db = web.database
            let figures = try await db.run { try db.reader.weeklyFigures(week) }
            return page(ctx, figures)
        }
    }

    func page(_ ctx: WebContext, _ f: WeeklyFigures) -> Response {
        let t = ctx.words, fm = t.format
        let h = f.headline, p = f.previousHeadline
        func change(_ now: Int, _ before: Int) -> String {
            let d = now - before
            return "\(d > 0 ? "+" : "")\(fm.integer(d)) \(t("fra sidste uge", "from last week"))"
        }
        func card(_ label: String, _ value: String, _ sub: String) -> Node {
            Node.el("div", [("class", "card")], [
                Node.el("div", [("class", "label")], label), Node.el("div", [("class", "value")], value),
                Node.el("div", [("class", "change")], sub),
            ])
        }
        let median = h.medianWaitDays.map { fm.decimal($0.tenths, scale: 1, decimals: 1) } ?? "–"
        let cards = Node.el("div", [("class", "cards")], [
            card(t("Venter", "Waiting"), fm.integer(h.waiting), change(h.waiting, p.waiting)),
            card(t("Median ventetid, dage", "Median wait, days"), median,
                 h.longestWaitDays.map { t("længst \(fm.integer($0)) dage", "longest \(fm.integer($0)) days") } ?? ""),
            card(t("Placeret i egne tilbud i ugen", "Placed in own residences this week"), fm.integer(h.placementsOwn), change(h.placementsOwn, p.placementsOwn)),
            card(t("Hjemtaget i ugen", "Brought home this week"), fm.integer(h.movesHome), change(h.movesHome, p.movesHome)),
            card(t("Belægning, egne pladser", "Occupancy, own places"), fm.percent(numerator: Int64(h.placesOccupied), denominator: Int64(h.ownPlaces)),
                 t("\(fm.integer(h.placesOccupied)) af \(fm.integer(h.ownPlaces)) pladser", "\(fm.integer(h.placesOccupied)) of \(fm.integer(h.ownPlaces)) places")),
            card(t("Eksternt placerede", "Placed externally"), fm.integer(h.placedExternal), change(h.placedExternal, p.placedExternal)),
            card(t("Eksterne køb pr. år", "External purchases a year"), fm.kroner(h.externalAnnualCost), ""),
            card(t("Tomgang i ugen", "Vacancy cost this week"), fm.kroner(h.vacancyCost), t("\(fm.integer(h.vacancyDays)) tomme pladsdage", "\(fm.integer(h.vacancyDays)) vacant place days")),
        ])

        var attention: [Node] = []
        let norms = f.waitNormDays
        for (i, days) in norms.enumerated() {
            let over = f.norms.reduce(0) { $0 + ($1.over.count > i ? $1.over[i] : 0) }
            if over > 0 {
                attention.append(Node.el("li", [], [Parts.link(t("\(fm.integer(over)) venter længere end normen på \(days) dage", "\(fm.integer(over)) wait beyond the norm of \(days) days"), "/waiting?over=\(days)")]))
            }
        }
        let open = f.waitingList.filter { $0.proposal?.status == .proposed && $0.proposal?.action != .noFit }.count
        if open > 0 { attention.append(Node.el("li", [], [Parts.link(t("\(fm.integer(open)) forslag afventer en beslutning", "\(fm.integer(open)) proposals await a decision"), "/match")])) }
        let accepted = f.waitingList.filter { $0.proposal?.status == .accepted }.count
        if accepted > 0 { attention.append(Node.el("li", [], [.text(t("Accepteret, endnu ikke flyttet ind: \(fm.integer(accepted))", "Accepted, not yet moved in: \(fm.integer(accepted))"))])) }
        let noFit = f.waitingList.filter { $0.proposal?.action == .noFit }.count
        if noFit > 0 { attention.append(Node.el("li", [], [Parts.link(t("\(fm.integer(noFit)) uden passende tilbud i seneste kørsel", "\(fm.integer(noFit)) with no fitting residence in the latest run"), "/match")])) }
        if h.placesVacant > 0 { attention.append(Node.el("li", [], [Parts.link(t("\(fm.integer(h.placesVacant)) ledige egne pladser", "\(fm.integer(h.placesVacant)) vacant own places"), "/residences")])) }
        if !f.changes.isEmpty { attention.append(Node.el("li", [], [Parts.link(t("\(fm.integer(f.changes.count)) ændringer fra importer i ugen", "\(fm.integer(f.changes.count)) changes from imports this week"), "/audit?command=import")])) }
        if !f.declines.isEmpty { attention.append(Node.el("li", [], [.text(t("Afslag i ugen: \(fm.integer(f.declines.count))", "Declines this week: \(fm.integer(f.declines.count))"))])) }

        let title = t("Overblik, \(fm.week(f.week))", "Overview, \(fm.week(f.week))")
        return Page.html(ctx, title: title, path: "/", [
            Node.el("p", [("class", "muted")], t("Tallene er ugerapportens for \(fm.date(f.monday))–\(fm.date(f.sunday)).",
                                                 "The figures are the weekly report's for \(fm.date(f.monday))–\(fm.date(f.sunday)).")),
            cards,
            Node.el("h2", [], t("Kræver opmærksomhed", "Needs attention")),
            attention.isEmpty ? Parts.notice(t("Intet kræver opmærksomhed lige nu.", "Nothing needs attention now."), kind: "ok")
                : Node.el("ul", [("class", "attention")], attention),
            Node.el("p", [], [Parts.link(t("Hele ugerapporten", "The whole weekly report"), "/reports/weekly")]),
        ])
    }
}
