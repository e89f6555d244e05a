import Foundation
import GRDB
import Hummingbird
import PlacementModel
import PlacementStore

/// Residences, own and external, with their places: vacancies with available-from, who lives
/// where (pseudonymous ids), rates. A planner confirms a vacancy here, as
/// `placement confirm-vacancy` does: the day it was last confirmed is shown beside it, and one
/// confirmed longer ago than the policy's `vacancy_confirm_days` is marked.
struct ResidenceController {
    let web: WebControllers
    init(_ web: WebControllers) { self.web = web }

    struct ResidenceLine: Sendable {
        let id: String, name: String, operatorKind: OperatorKind, offerType: OfferType, places: Int, rate: Money
        var occupied = 0, vacant = 0, reserved = 0, closed = 0, externalOccupants = 0
    }
    struct PlaceRow: Sendable {
        let residence: String, place: String, status: PlaceStatus, availableFrom: Day?, occupant: String?
        var confirmedOn: Day? = nil
    }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/residences") { request, ctx in
            _ = try ctx.require(.look)
            let today = web.arguments.today
            let (residences, places, confirmDays) = try await web.read { db -> ([ResidenceLine], [PlaceRow], Int) in
                var list = try Row.fetchAll(db, sql: "SELECT id, name, operator, offer_type, places, daily_rate_ore FROM residence ORDER BY operator <> 'own', name")
                    .map { row in
                        let r = RowReader(row, table: "residence")
                        return ResidenceLine(id: try r.value(0), name: try r.value(1), operatorKind: try r.term(2, OperatorKind.self),
                                             offerType: try r.term(3, OfferType.self), places: try r.value(4), rate: try r.money(5))
                    }
                // Who lives where today is the store's one rule (`PlaceOccupancy`, from `Placements.on`), as
                // status and match count it; a place's state today follows from it, not from its mark alone.
                let occupancy = try PlaceOccupancy.on(db, today)
                let places = try Row.fetchAll(db, sql: """
                    SELECT p.residence_id, p.id, p.status, p.available_from, p.confirmed_on
                    FROM place p ORDER BY p.residence_id, length(p.id), p.id
                    """).map { row in
                        let r = RowReader(row, table: "place")
                        let residence: String = try r.value(0), place: String = try r.value(1)
                        return PlaceRow(residence: residence, place: place,
                                        status: occupancy.state(residenceId: residence, placeId: place, marked: try r.term(2, PlaceStatus.self)),
                                        availableFrom: try r.optionalDay(3), occupant: occupancy.occupant(residenceId: residence, placeId: place),
                                        confirmedOn: try r.optionalDay(4))
                    }
                let byResidence = Dictionary(grouping: places, by: \.residence)
                for i in list.indices {
                    for p in byResidence[list[i].id] ?? [] {
                        switch p.status {
                        case .occupied: list[i].occupied += 1
                        case .reserved: list[i].reserved += 1
                        case .closed: list[i].closed += 1
                        case .vacant: list[i].vacant += 1
                        }
                    }
                    list[i].externalOccupants = occupancy.staysWithoutPlace[list[i].id] ?? 0
                }
                return (list, places, try MatchPolicy.load(db).vacancyConfirmDays)
            }
            let q = request.uri.queryParameters
            let done = q.get("done") == "confirmed" ? (q.get("residence") ?? "", q.get("place") ?? "") : nil
            return page(ctx, residences, places, confirmDays: confirmDays, confirmed: done)
        }
        // The vacancy was confirmed today: the store's confirmation, as `placement confirm-vacancy`,
        // audited as the session's user.
        router.post("/residences/confirm-vacancy") { _, ctx in
            let session = try ctx.require(.plan)
            guard let residence = ctx.form["residence"], !residence.isEmpty, let place = ctx.form["place"], !place.isEmpty else {
                throw HTTPError(.badRequest)
            }
            let today = web.arguments.today, language = ctx.language
            do {
                _ = try await web.store(session) { try $0.confirmVacancy(residenceId: residence, placeId: place, on: today) }
            } catch let e as DecisionError {
                throw HTTPError(.badRequest, message: e.text(language))
            }
            return Page.redirect("/residences?done=confirmed&residence=\(Page.escapeQuery(residence))&place=\(Page.escapeQuery(place))#vacant-h")
        }
    }

    func page(_ ctx: WebContext, _ residences: [ResidenceLine], _ places: [PlaceRow], confirmDays: Int,
              confirmed: (residence: String, place: String)?) -> Response {
        let t = ctx.words, fm = t.format, lang = ctx.language
        let own = residences.filter { $0.operatorKind == .own }, external = residences.filter { $0.operatorKind != .own }
        let ownTable = Parts.table(
            caption: t("\(own.count) egne tilbud", "\(own.count) own residences"),
            headers: [t("Tilbud", "Residence"), t("Ydelse", "Offer type"), t("Pladser", "Places"), t("Optaget", "Occupied"), t("Ledige", "Vacant"),
                      t("Reserveret", "Reserved"), t("Lukket", "Closed"), t("Døgntakst, kr.", "Daily rate, DKK")],
            rows: own.map { r in [.text("\(r.name) (\(r.id))"), .text(r.offerType.shortName), .text(fm.integer(r.places)), .text(fm.integer(r.occupied)),
                                  .text(fm.integer(r.vacant)), .text(fm.integer(r.reserved)), .text(fm.integer(r.closed)), .text(fm.kronerNumber(r.rate))] },
            numeric: [2, 3, 4, 5, 6, 7], sortable: true, id: "own")
        let vacancies = places.filter { $0.status == .vacant }
        let ownNames = Dictionary(own.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func day(_ d: Day?) -> String { d.map(fm.date) ?? t("nu", "now") }
        let planner = ctx.session?.user.role.may(.plan) ?? false, csrf = ctx.session?.csrf ?? ""
        let today = web.arguments.today
        // The last confirmation; one older than the policy allows is marked, as the match warns on it.
        func confirmation(_ p: PlaceRow) -> Node {
            guard let on = p.confirmedOn else { return .text(t("aldrig", "never")) }
            let since = on.days(until: today)
            guard VacancyConfirmations.isStale(confirmedOn: on, on: today, days: confirmDays) else { return .text(fm.date(on)) }
            return Node.el("span", [("class", "badge stale")],
                           t("\(fm.date(on)): \(fm.integer(since)) dage siden, over \(fm.integer(confirmDays))",
                             "\(fm.date(on)): \(fm.integer(since)) days ago, over \(fm.integer(confirmDays))"))
        }
        func confirmForm(_ p: PlaceRow) -> Node {
            let name = ownNames[p.residence] ?? p.residence
            return Parts.form(action: "/residences/confirm-vacancy", csrf: csrf, attributes: [("class", "row-actions")], [
                Node.el("input", [("type", "hidden"), ("name", "residence"), ("value", p.residence)]),
                Node.el("input", [("type", "hidden"), ("name", "place"), ("value", p.place)]),
                Node.el("button", [("type", "submit"),
                                   ("aria-label", t("Bekræft i dag at plads \(p.place) på \(name) er ledig", "Confirm today that place \(p.place) in \(name) is vacant"))],
                        t("Bekræft ledig", "Confirm vacant")),
            ])
        }
        let vacancyTable = Parts.table(
            caption: t("\(vacancies.count) ledige pladser", "\(vacancies.count) vacant places"),
            headers: [t("Tilbud", "Residence"), t("Plads", "Place"), t("Ledig fra", "Available from"), t("Sidst bekræftet", "Last confirmed")]
                + (planner ? [t("Bekræft", "Confirm")] : []),
            rows: vacancies.map { p in
                [.text(ownNames[p.residence] ?? p.residence), .text(p.place), .text(day(p.availableFrom)), confirmation(p)]
                    + (planner ? [confirmForm(p)] : [])
            },
            empty: t("Ingen ledige pladser.", "No vacant places."))
        let occupantTable = Parts.table(
            caption: t("Hvem bor hvor (pseudonymer)", "Who lives where (pseudonyms)"),
            headers: [t("Tilbud", "Residence"), t("Plads", "Place"), t("Status", "Status"), t("Beboer", "Occupant")],
            rows: places.filter { $0.occupant != nil || $0.status == .occupied }.map {
                [.text(ownNames[$0.residence] ?? $0.residence), .text($0.place), .text($0.status.name(lang)),
                 $0.occupant.map(WaitingController.citizenLink) ?? .text(t("borger udefra", "from outside the area"))]
            }, sortable: true, id: "occupants")
        let externalTable = Parts.table(
            caption: t("\(external.count) eksterne tilbud", "\(external.count) external residences"),
            headers: [t("Tilbud", "Residence"), t("Driftsherre", "Operator"), t("Ydelse", "Offer type"), t("Pladser", "Places"),
                      t("Vores borgere der", "Our citizens there"), t("Døgntakst, kr.", "Daily rate, DKK")],
            rows: external.map { r in [.text("\(r.name) (\(r.id))"), .text(r.operatorKind.name(lang)), .text(r.offerType.shortName),
                                       .text(fm.integer(r.places)), .text(fm.integer(r.externalOccupants)), .text(fm.kronerNumber(r.rate))] },
            numeric: [3, 4, 5], sortable: true, id: "external")
        let occupied = places.filter { $0.occupant != nil || $0.status == .occupied }.count
        // Four tables, one long: links to each at the top, and the hundreds of occupants folded
        // away until asked for.
        let toc = Node.el("ul", [("class", "toc")], [
            Node.el("li", [], [Parts.link(t("Egne tilbud", "Own residences"), "#own-h")]),
            Node.el("li", [], [Parts.link(t("Ledige pladser (\(fm.integer(vacancies.count)))", "Vacant places (\(fm.integer(vacancies.count)))"), "#vacant-h")]),
            Node.el("li", [], [Parts.link(t("Beboere (\(fm.integer(occupied)))", "Occupants (\(fm.integer(occupied)))"), "#occupants-h")]),
            Node.el("li", [], [Parts.link(t("Eksterne tilbud", "External residences"), "#external-h")]),
        ])
        let notice: [Node] = confirmed.map { c in
            [Parts.notice(t("Ledig plads bekræftet: plads \(c.place) på \(ownNames[c.residence] ?? c.residence) den \(fm.date(today)).",
                            "Vacancy confirmed: place \(c.place) in \(ownNames[c.residence] ?? c.residence) on \(fm.date(today))."), kind: "ok")]
        } ?? []
        return Page.html(ctx, title: t("Tilbud og pladser", "Residences and places"), path: "/residences", notice + [
            toc,
            Node.el("h2", [("id", "own-h")], t("Egne tilbud", "Own residences")), ownTable,
            Node.el("h2", [("id", "vacant-h")], t("Ledige pladser", "Vacant places")),
            Node.el("p", [], t("En ledig plads, der sidst er bekræftet for mere end \(fm.integer(confirmDays)) dage siden (politikken vacancy_confirm_days), er markeret; forslag ind i den får en advarsel.",
                               "A vacancy last confirmed more than \(fm.integer(confirmDays)) days ago (policy vacancy_confirm_days) is marked; proposals into it carry a warning.")),
            vacancyTable,
            Node.el("h2", [("id", "occupants-h")], t("Beboere", "Occupants")),
            Node.el("details", [("class", "long-table")], [
                Node.el("summary", [], t("Vis hvem der bor hvor (\(fm.integer(occupied)) pladser)", "Show who lives where (\(fm.integer(occupied)) places)")),
                occupantTable,
            ]),
            Node.el("h2", [("id", "external-h")], t("Eksterne tilbud", "External residences")), externalTable,
        ])
    }
}
