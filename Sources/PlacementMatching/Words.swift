import PlacementModel

/// The sentences of the engine's reasons, in Danish and English, in one place.
struct Words {
    let language: Language
    let f: DisplayFormat

    init(_ language: Language) {
        self.language = language
        self.f = DisplayFormat(language)
    }

    var da: Bool { language == .da }

    func priority(_ rank: Int, of n: Int, _ c: Citizen) -> String {
        let since = c.referredOn.map { f.date($0) } ?? "?"
        return da ? "Prioritet \(rank) af \(n) (\(c.urgency.danishName), venter siden \(since))"
                  : "Priority \(rank) of \(n) (\(c.urgency.englishName), waiting since \(since))"
    }

    func fitsOwn(_ r: Residence, km: Int?, moveIn: Day) -> String {
        let dist = km.map { da ? ", \($0) km fra netværket" : ", \($0) km from the network" } ?? ""
        return da ? "Egen plads i \(r.name) passer (\(r.offerType.shortName), støtteniveau \(r.supportLevels.lowerBound)-\(r.supportLevels.upperBound))\(dist); indflytning \(f.date(moveIn))"
                  : "Own place at \(r.name) fits (\(r.offerType.shortName), support level \(r.supportLevels.lowerBound)-\(r.supportLevels.upperBound))\(dist); move-in \(f.date(moveIn))"
    }

    func buyExternal(_ r: Residence, km: Int?) -> String {
        let dist = km.map { da ? ", \($0) km fra netværket" : ", \($0) km from the network" } ?? ""
        return da ? "Ingen egen plads passer: billigste passende eksterne tilbud er \(r.name)\(dist)"
                  : "No own place fits: the cheapest fitting external residence is \(r.name)\(dist)"
    }

    var whyNotLocalHeader: String { da ? "Hvorfor ikke lokalt:" : "Why not local:" }
    func noOwnVacancy(_ offer: OfferType) -> String {
        da ? "Ingen egne tilbud efter \(offer.shortName) har en ledig plads inden for ventetiden"
           : "No own \(offer.shortName) residence has a vacancy within the allowed wait"
    }
    var noFit: String { da ? "Intet tilbud passer, hverken eget eller eksternt" : "No residence fits, own or external" }

    var noFitTaken: String {
        da ? "Passende pladser findes, men de gik til borgere med højere prioritet"
           : "Fitting places exist, but they went to citizens of higher priority"
    }

    var noVacantPlaces: String { da ? "ingen ledige pladser" : "no vacant places" }
    var chosen: String { da ? "valgt" : "chosen" }
    var costsMore: String { da ? "passer, men er dyrere end det valgte" : "fits, but costs more than the choice" }

    /// "passer, men pladsen gik til B0001468 med højere prioritet (3, høj)"; several: their ids.
    func wentToHigher(_ winners: [(Citizen, Int)]) -> String {
        if winners.count == 1, let (c, priority) = winners.first {
            return da ? "passer, men pladsen gik til \(c.id) med højere prioritet (\(priority), \(c.urgency.danishName))"
                      : "fits, but the place went to \(c.id), higher priority (\(priority), \(c.urgency.englishName))"
        }
        let ids = winners.map(\.0.id).joined(separator: ", ")
        return da ? "passer, men pladserne gik til borgere med højere prioritet (\(ids))"
                  : "fits, but its places went to higher-priority citizens (\(ids))"
    }

    func wentToOthers(_ ids: [String]) -> String {
        let list = ids.joined(separator: ", ")
        return da ? "passer, men pladserne gik til \(list), så flest kunne bo lokalt"
                  : "fits, but its places went to \(list) so that the most citizens stay local"
    }

    func freeChoice(_ wished: Residence, instead: Residence, percentAbove: Int64, margin: Int64) -> String {
        let law = "SEL § 108 stk. 2 / ABL § 105"
        if percentAbove <= 0 {
            return da ? "Frit valg (\(law)): borgeren ønskede \(wished.name), som ikke er dyrere end \(instead.name)"
                      : "Free choice (\(law)): the citizen wished for \(wished.name), no dearer than \(instead.name)"
        }
        return da ? "Frit valg (\(law)): borgeren ønskede \(wished.name), \(percentAbove) % dyrere end \(instead.name) (højst \(margin) %)"
                  : "Free choice (\(law)): the citizen wished for \(wished.name), \(percentAbove)% above \(instead.name) (at most \(margin)%)"
    }

    func bringHome(_ r: Residence, from: Residence?, saving: Money, currentNet: Money, ownNet: Money, threshold: Money) -> String {
        let fromName = from?.name ?? "?"
        return da ? "Hjemtagelse med samtykke fra \(fromName) til \(r.name): sparer \(f.kroner(saving)) om året (\(f.kroner(currentNet)) → \(f.kroner(ownNet)); grænse \(f.kroner(threshold)))"
                  : "Bring home with consent from \(fromName) to \(r.name): saves \(f.kroner(saving)) a year (\(f.kroner(currentNet)) → \(f.kroner(ownNet)); threshold \(f.kroner(threshold)))"
    }

    // MARK: Explanations a case worker can hand on

    func ownRate(_ daily: Money) -> String {
        da ? "Takst \(f.kronerAndOre(daily)) om dagen, \(f.kroner(daily.perYear)) om året"
           : "Rate \(f.kronerAndOre(daily)) a day, \(f.kroner(daily.perYear)) a year"
    }

    /// An own place's fixed cost is paid whether it is used or not: using it adds its variable part.
    func fillingAdds(gross: Money, net: Money) -> String {
        da ? "At bruge pladsen øger udgiften med \(f.kroner(gross)) om året (den variable del af taksten; den faste del betales også, når pladsen står tom), \(f.kroner(net)) efter statsrefusion"
           : "Using the place adds \(f.kroner(gross)) a year (the variable part of the rate; the fixed part is paid even when it stands empty), \(f.kroner(net)) net of state refund"
    }

    /// A short paragraph in plain words: why this place, why not a local one, what it costs.
    func story(_ c: Citizen, _ p: Proposal, residence r: Residence?, verdicts: [(name: String, verdict: OwnVerdict)]) -> String {
        let dist = p.distanceKm.map { da ? ", \($0) km fra sit netværk" : ", \($0) km from their network" } ?? ""
        let cost = p.annualCostNet.map { f.kroner($0) } ?? ""
        // The nearest own residences that stood in the way, each with its reason in short.
        let nearest = verdicts.prefix(3).map { "\($0.name) \(short($0.verdict))" }
        let why = nearest.isEmpty ? "" : (da ? " De nærmeste egne tilbud: " : " The nearest own residences: ") + list(nearest) + "."
        switch p.action {
        case .placeOwn:
            let date = p.moveIn.map { f.date($0) } ?? ""
            return da ? "\(c.id) får tilbudt en plads i kommunens eget tilbud \(r?.name ?? "")\(dist), med indflytning \(date). Tilbuddet passer til bevillingen (\(c.offerType.shortName), støtteniveau \(c.supportLevel)) og er det bedste ledige efter pris og afstand. At bruge pladsen koster \(cost) om året ud over den faste udgift."
                      : "\(c.id) is offered a place in the municipality's own residence \(r?.name ?? "")\(dist), moving in on \(date). It fits the grant (\(c.offerType.shortName), support level \(c.supportLevel)) and is the best vacant one by cost and distance. Using the place costs \(cost) a year beyond the fixed cost."
        case .buyExternal:
            return da ? "Ingen af kommunens egne pladser kan tage imod \(c.id) inden for ventetiden.\(why) Derfor foreslås en købt plads i \(r?.name ?? "")\(dist), til \(cost) om året efter statsrefusion."
                      : "None of the municipality's own places can take \(c.id) within the allowed wait.\(why) A bought place in \(r?.name ?? "")\(dist) is therefore proposed, at \(cost) a year net of state refund."
        case .bringHome:
            let saving = p.annualSaving.map { f.kroner($0) } ?? ""
            return da ? "\(c.id) bor i dag i en købt plads og har sagt ja til at flytte. En plads i kommunens eget tilbud \(r?.name ?? "")\(dist) passer og sparer \(saving) om året."
                      : "\(c.id) lives in a bought place today and has agreed to move. A place in the municipality's own residence \(r?.name ?? "")\(dist) fits and saves \(saving) a year."
        case .noFit where verdicts.contains(where: \.verdict.fits):
            return da ? "Der er pladser, der passer til \(c.id), men de gik til borgere med højere prioritet, og ingen anden ledig plads passer, hverken egen eller købt.\(why) Borgeren bliver på ventelisten og kommer med i næste matchkørsel."
                      : "Places that fit \(c.id) exist, but they went to citizens of higher priority, and no other vacant place fits, own or bought.\(why) The citizen stays on the waiting list and is in the next match run."
        case .noFit:
            return da ? "Der er ingen ledig plads, der passer til \(c.id), hverken i egne eller i købte tilbud.\(why) Borgeren bliver på ventelisten og kommer med i næste matchkørsel."
                      : "No vacant place fits \(c.id), neither own nor bought.\(why) The citizen stays on the waiting list and is in the next match run."
        }
    }

    /// A verdict in a few words, for the paragraph.
    private func short(_ v: OwnVerdict) -> String {
        switch v {
        case .noPlaces: return da ? "har ingen ledige pladser" : "has no vacant places"
        case .noVacancy(let h): return da ? "har ingen ledig plads inden \(f.date(h))" : "has no vacancy by \(f.date(h))"
        case .rule(let rule): return da ? "passer ikke (\(rule.text(language)))" : "does not fit (\(rule.text(language)))"
        case .chosen: return da ? "er valgt" : "is chosen"
        case .wentToHigher: return da ? "gav pladsen til en borger med højere prioritet" : "gave its place to a citizen of higher priority"
        case .wentToOthers: return da ? "gav pladserne til andre, så flest kunne bo lokalt" : "gave its places to others so the most could stay local"
        case .costsMore: return da ? "er dyrere" : "costs more"
        }
    }

    private func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (da ? " og " : " and ") + last
    }
}
