import PlacementModel

/// The form that writes a simple scenario: a new residence, a closure, a rate change (each
/// part optional, at least one filled in). `ScenarioForm` turns it into the scenario file.
enum ScenarioPage {
    static func form(_ ctx: WebContext, residences: [Residence]) -> Node {
        let t = ctx.words, lang = ctx.language
        let own = residences.filter { $0.operatorKind == .own }
        let none = ("", t("– ingen –", "– none –"))
        func residenceOptions(_ list: [Residence]) -> [(value: String, text: String)] {
            [none] + list.map { ($0.id, "\($0.name) (\($0.id))") }
        }
        let offerTypes = OfferType.allCases.filter(\.isResidential).map { ($0.rawValue, $0.name(lang)) }
        let groups = TargetGroup.allCases.map { g in
            Node.el("div", [("class", "check")], [
                Node.el("input", [("id", "s-g-\(g.rawValue)"), ("type", "checkbox"), ("name", "new_target_groups"), ("value", g.rawValue)]),
                Node.el("label", [("for", "s-g-\(g.rawValue)")], g.name(lang)),
            ])
        }
        func fieldset(_ legend: String, _ children: [Node]) -> Node {
            Node.el("fieldset", [], [Node.el("legend", [], legend), Node.el("div", [("class", "fields")], children)])
        }
        return Parts.form(action: "/plan/scenario", csrf: ctx.session?.csrf ?? "", attributes: [("class", "scenario")], [
            Node.el("div", [("class", "fields")], [
                Parts.field(t("Scenariets navn", "The scenario's name"), name: "name", required: true, id: "s-name"),
                Parts.field(t("Beskrivelse (valgfri)", "Description (optional)"), name: "description", extra: [("size", "50")], id: "s-description"),
            ]),
            fieldset(t("Nyt tilbud", "New residence"), [
                Parts.field(t("Navn", "Name"), name: "new_name", id: "s-new-name"),
                Parts.select(t("Ydelse", "Offer type"), name: "new_offer_type", options: offerTypes, selected: OfferType.sel108.rawValue, id: "s-new-offer"),
                Parts.field(t("Pladser", "Places"), name: "new_places", extra: [("inputmode", "numeric"), ("size", "5")], id: "s-new-places"),
                Parts.field(t("Døgntakst, kr.", "Daily rate, DKK"), name: "new_daily_rate", extra: [("inputmode", "decimal"), ("size", "8")], id: "s-new-rate"),
                Parts.field(t("Støtteniveau fra", "Support level from"), name: "new_support_level_min", extra: [("inputmode", "numeric"), ("size", "3")], id: "s-new-min"),
                Parts.field(t("til", "to"), name: "new_support_level_max", extra: [("inputmode", "numeric"), ("size", "3")], id: "s-new-max"),
                Parts.field(t("Anlægsudgift, kr. (valgfri)", "Investment, DKK (optional)"), name: "new_investment", extra: [("inputmode", "decimal"), ("size", "12")], id: "s-new-investment"),
                Parts.dateField(t("Åbner", "Opens on"), name: "new_opens_on", day: nil, t),
                Node.el("fieldset", [("class", "groups")], [Node.el("legend", [], t("Målgrupper", "Target groups"))] + groups),
            ]),
            fieldset(t("Lukning", "Closure"), [
                Parts.select(t("Tilbud der lukker", "Residence that closes"), name: "closure_residence", options: residenceOptions(own), id: "s-closure"),
                Parts.dateField(t("Lukker", "Closes on"), name: "closure_on", day: nil, t),
            ]),
            fieldset(t("Takstændring", "Rate change"), [
                Parts.select(t("Tilbud", "Residence"), name: "rate_residence", options: residenceOptions(residences), id: "s-rate"),
                Parts.dateField(t("Fra", "From"), name: "rate_from", day: nil, t),
                Parts.field(t("Ændring i procent", "Change in per cent"), name: "rate_percent", extra: [("inputmode", "decimal"), ("size", "6")], id: "s-rate-percent"),
                Parts.field(t("eller ny døgntakst, kr.", "or new daily rate, DKK"), name: "rate_daily", extra: [("inputmode", "decimal"), ("size", "8")], id: "s-rate-daily"),
            ]),
            Parts.button(t("Gem scenariet", "Keep the scenario")),
        ])
    }
}
