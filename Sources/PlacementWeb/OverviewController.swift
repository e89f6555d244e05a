import Hummingbird
import PlacementModel
import PlacementReports

/// This week's headline figures (the weekly report's), their change from last week, the
/// report's 26-week trend charts, and what needs attention.
struct OverviewController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/") { _, ctx in
            _ = try ctx.require(.look)
            let week = ISOWeek(containing: web.arguments.today)
            let db = web.database
            let (figures, attention) = try await db.run {
                try db.reader.read { (try WeeklyFigures.compute($0, week: week), try Attention.load($0)) }
            }
            return page(ctx, figures, attention)
        }
    }

    func page(_ ctx: WebContext, _ f: WeeklyFigures, _ a: Attention) -> Response {
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
        let title = t("Overblik, \(fm.week(f.week))", "Overview, \(fm.week(f.week))")
        return Page.html(ctx, title: title, path: "/", [
            Node.el("p", [("class", "muted")], t("Tallene er ugerapportens for \(fm.date(f.monday))–\(fm.date(f.sunday)).",
                                                 "The figures are the weekly report's for \(fm.date(f.monday))–\(fm.date(f.sunday)).")),
            cards,
            Node.el("h2", [], t("Kræver opmærksomhed", "Needs attention")),
            attention(ctx, f, a),
            trends(ctx, f),
            Node.el("p", [], [Parts.link(t("Hele ugerapporten", "The whole weekly report"), "/reports/weekly")]),
        ])
    }

    /// The weekly report's trend section: its charts, drawn by the report's own SVG code.
    func trends(_ ctx: WebContext, _ f: WeeklyFigures) -> Node {
        let t = ctx.words
        guard let section = ReportBuilder.document(f, language: ctx.language).sections.first(where: { $0.key == "trends" }),
              !section.charts.isEmpty else { return .empty }
        return Node.group([
            Node.el("h2", [], section.title),
            Node.el("div", [("class", "charts")], section.charts.enumerated().map { i, c in
                // The chart's text is escaped by its renderer; the markup is the report's own.
                Node.el("figure", [], [Node.trusted(SVGChart(c, language: ctx.language).render(id: "trend-\(i + 1)"))])
            }),
            Node.el("p", [("class", "muted")], t("Tallene bag kurverne står i ugerapporten.", "The figures behind the lines are in the weekly report.")),
        ])
    }

    func attention(_ ctx: WebContext, _ f: WeeklyFigures, _ a: Attention) -> Node {
        let t = ctx.words, fm = t.format
        let today = web.arguments.today
        var items: [Node] = []
        func item(_ text: String, _ href: String?, _ more: Node = .empty) {
            items.append(Node.el("li", [], [href.map { Parts.link(text, $0) } ?? .text(text), more]))
        }
        for (i, days) in f.waitNormDays.enumerated() {
            let over = f.norms.reduce(0) { $0 + ($1.over.count > i ? $1.over[i] : 0) }
            if over > 0 { item(t("\(fm.integer(over)) venter længere end normen på \(days) dage", "\(fm.integer(over)) wait beyond the norm of \(days) days"), "/waiting?over=\(days)") }
        }
        if !a.planned.isEmpty {
            let late = a.planned.filter { $0.moveIn < today }
            let list = late.isEmpty ? Node.empty : Node.el("ul", [("class", "plain")], late.prefix(10).map { p in
                Node.el("li", [], [WaitingController.citizenLink(p.citizenId),
                                   .text(t(": \(a.name(p.residenceId)), skulle flytte ind \(fm.date(p.moveIn))", ": \(a.name(p.residenceId)), to move in \(fm.date(p.moveIn))"))])
            })
            item(t("Accepteret, endnu ikke flyttet ind: \(fm.integer(a.planned.count))", "Accepted, not yet moved in: \(fm.integer(a.planned.count))")
                 + (late.isEmpty ? "" : t(" (\(fm.integer(late.count)) efter indflytningsdagen)", " (\(fm.integer(late.count)) past the move-in day)")), nil, list)
        }
        if !a.conflicts.isEmpty {
            let list = Node.el("ul", [("class", "plain")], a.conflicts.prefix(10).map { c in
                Node.el("li", [], [WaitingController.citizenLink(c.citizenId),
                                   .text(": \(Attention.kindName(c.kind, t)) (\(c.source), \(fm.date(c.foundOn)))")])
            })
            item(t("Konflikter mellem import og beslutninger, ikke afgjort: \(fm.integer(a.conflicts.count))",
                   "Conflicts between imports and decisions, not settled: \(fm.integer(a.conflicts.count))"), nil, list)
        }
        if !a.unfilled.isEmpty {
            let long = a.unfilled.filter { ($0.since ?? today) <= today.adding(days: -28) }.count
            item(t("Ledige egne pladser uden accepteret indflytning: \(fm.integer(a.unfilled.count))", "Vacant own places with no accepted move-in: \(fm.integer(a.unfilled.count))")
                 + (long == 0 ? "" : t(" (\(fm.integer(long)) ledige i over 4 uger)", " (\(fm.integer(long)) vacant for over 4 weeks)")), "/residences")
        }
        let open = f.waitingList.filter { $0.proposal?.status == .proposed && $0.proposal?.action != .noFit }.count
        if open > 0 { item(t("\(fm.integer(open)) forslag afventer en beslutning", "\(fm.integer(open)) proposals await a decision"), "/match") }
        let noFit = f.waitingList.filter { $0.proposal?.action == .noFit }.count
        if noFit > 0 { item(t("\(fm.integer(noFit)) uden passende tilbud i seneste kørsel", "\(fm.integer(noFit)) with no fitting residence in the latest run"), "/match") }
        if !f.changes.isEmpty { item(t("\(fm.integer(f.changes.count)) ændringer fra importer i ugen", "\(fm.integer(f.changes.count)) changes from imports this week"), "/audit?command=import") }
        if !f.declines.isEmpty { item(t("Afslag i ugen: \(fm.integer(f.declines.count))", "Declines this week: \(fm.integer(f.declines.count))"), nil) }
        return items.isEmpty ? Parts.notice(t("Intet kræver opmærksomhed lige nu.", "Nothing needs attention now."), kind: "ok")
            : Node.el("ul", [("class", "attention")], items)
    }
}
