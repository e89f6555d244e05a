import PlacementMatching
import PlacementModel

/// The sentences of the matching engine's reasons and explanations, in Danish and English: the
/// engine gives values (`MatchReason`, `ResidenceVerdict`, `Explanation`), this words them
/// when they are shown, in the reader's language.
public struct ReasonText: Sendable {
    public let language: Language
    let f: DisplayFormat

    public init(_ language: Language) {
        self.language = language
        self.f = DisplayFormat(language)
    }

    var da: Bool { language == .da }

    /// A stored reason in the reader's language: the one place a proposal's reasons are worded.
    public func reason(_ r: MatchReason) -> String {
        switch r {
        case .priority(let rank, let n, let urgency, let since): priority(rank, of: n, urgency: urgency, since: since)
        case .fitsOwn(let name, let offer, let levels, let km, let moveIn): fitsOwn(name, offer, levels, km: km, moveIn: moveIn)
        case .buyExternal(let name, let km): buyExternal(name, km: km)
        case .freeChoice(let wished, let instead, let above, let margin): freeChoice(wished, instead: instead, percentAbove: above, margin: margin)
        case .whyNotLocal: da ? "Hvorfor ikke lokalt:" : "Why not local:"
        case .noOwnVacancy(let offer): noOwnVacancy(offer)
        case .noFit: da ? "Intet tilbud passer, hverken eget eller eksternt" : "No residence fits, own or external"
        case .noFitTaken: da ? "Passende pladser findes, men de gik til borgere med højere prioritet"
                             : "Fitting places exist, but they went to citizens of higher priority"
        case .residence(let name, let km, let v): "\(name)\(km.map { " (\($0) km)" } ?? ""): \(verdict(v))"
        case .bringHome(let to, let from, let saving, let currentNet, let ownNet, let threshold):
            bringHome(to, from: from, saving: saving, currentNet: currentNet, ownNet: ownNet, threshold: threshold)
        case .worded(let text): text
        }
    }

    /// What decided a residence, for a line "Residence: …".
    public func verdict(_ v: ResidenceVerdict) -> String {
        switch v {
        case .noVacantPlaces: da ? "ingen ledige pladser" : "no vacant places"
        case .rule(let f): f.text(language)
        case .chosen: da ? "valgt" : "chosen"
        case .wentToHigher(let winners): wentToHigher(winners)
        case .wentToOthers(let ids): wentToOthers(ids)
        case .costsMore: da ? "passer, men er dyrere end det valgte" : "fits, but costs more than the choice"
        }
    }

    private func priority(_ rank: Int, of n: Int, urgency: Urgency, since day: Day?) -> String {
        let since = day.map { f.date($0) } ?? "?"
        return da ? "Prioritet \(rank) af \(n) (\(urgency.danishName), venter siden \(since))"
                  : "Priority \(rank) of \(n) (\(urgency.englishName), waiting since \(since))"
    }

    private func fitsOwn(_ name: String, _ offer: OfferType, _ levels: ClosedRange<Int>, km: Int?, moveIn: Day) -> String {
        let dist = km.map { da ? ", \($0) km fra netværket" : ", \($0) km from the network" } ?? ""
        return da ? "Egen plads i \(name) passer (\(offer.shortName), støtteniveau \(levels.lowerBound)-\(levels.upperBound))\(dist); indflytning \(f.date(moveIn))"
                  : "Own place at \(name) fits (\(offer.shortName), support level \(levels.lowerBound)-\(levels.upperBound))\(dist); move-in \(f.date(moveIn))"
    }

    private func buyExternal(_ name: String, km: Int?) -> String {
        let dist = km.map { da ? ", \($0) km fra netværket" : ", \($0) km from the network" } ?? ""
        return da ? "Ingen egen plads passer: billigste passende eksterne tilbud er \(name)\(dist)"
                  : "No own place fits: the cheapest fitting external residence is \(name)\(dist)"
    }

    private func noOwnVacancy(_ offer: OfferType) -> String {
        da ? "Ingen egne tilbud efter \(offer.shortName) har en ledig plads inden for ventetiden"
           : "No own \(offer.shortName) residence has a vacancy within the allowed wait"
    }

    /// "passer, men pladsen gik til B0001468 med højere prioritet (3, høj)"; several: their ids.
    private func wentToHigher(_ winners: [Competitor]) -> String {
        if winners.count == 1, let w = winners.first {
            return da ? "passer, men pladsen gik til \(w.citizenId) med højere prioritet (\(w.priority), \(w.urgency.danishName))"
                      : "fits, but the place went to \(w.citizenId), higher priority (\(w.priority), \(w.urgency.englishName))"
        }
        let ids = winners.map(\.citizenId).joined(separator: ", ")
        return da ? "passer, men pladserne gik til borgere med højere prioritet (\(ids))"
                  : "fits, but its places went to higher-priority citizens (\(ids))"
    }

    private func wentToOthers(_ ids: [String]) -> String {
        let list = ids.joined(separator: ", ")
        return da ? "passer, men pladserne gik til \(list), så flest kunne bo lokalt"
                  : "fits, but its places went to \(list) so that the most citizens stay local"
    }

    private func freeChoice(_ wished: String, instead: String, percentAbove: Int64, margin: Int64) -> String {
        let law = "SEL § 108 stk. 2 / ABL § 105"
        if percentAbove <= 0 {
            return da ? "Frit valg (\(law)): borgeren ønskede \(wished), som ikke er dyrere end \(instead)"
                      : "Free choice (\(law)): the citizen wished for \(wished), no dearer than \(instead)"
        }
        return da ? "Frit valg (\(law)): borgeren ønskede \(wished), \(percentAbove) % dyrere end \(instead) (højst \(margin) %)"
                  : "Free choice (\(law)): the citizen wished for \(wished), \(percentAbove)% above \(instead) (at most \(margin)%)"
    }

    private func bringHome(_ to: String, from: String?, saving: Money, currentNet: Money, ownNet: Money, threshold: Money) -> String {
        let fromName = from ?? "?"
        return da ? "Hjemtagelse med samtykke fra \(fromName) til \(to): sparer \(f.kroner(saving)) om året (\(f.kroner(currentNet)) → \(f.kroner(ownNet)); grænse \(f.kroner(threshold)))"
                  : "Bring home with consent from \(fromName) to \(to): saves \(f.kroner(saving)) a year (\(f.kroner(currentNet)) → \(f.kroner(ownNet)); threshold \(f.kroner(threshold)))"
    }

    // MARK: Explanations a case worker can hand on

    public func ownRate(_ daily: Money) -> String {
        da ? "Takst \(f.kronerAndOre(daily)) om dagen, \(f.kroner(daily.perYear)) om året"
           : "Rate \(f.kronerAndOre(daily)) a day, \(f.kroner(daily.perYear)) a year"
    }

    /// An own place's fixed cost is paid whether it is used or not: using it adds its variable part.
    public func fillingAdds(gross: Money, net: Money) -> String {
        da ? "At bruge pladsen øger udgiften med \(f.kroner(gross)) om året (den variable del af taksten; den faste del betales også, når pladsen står tom), \(f.kroner(net)) efter statsrefusion"
           : "Using the place adds \(f.kroner(gross)) a year (the variable part of the rate; the fixed part is paid even when it stands empty), \(f.kroner(net)) net of state refund"
    }

    /// A short paragraph in plain words: why this place, why not a local one, what it costs.
    /// The residences told of are the own ones that stood in the way, nearest first.
    func story(_ e: Explanation) -> String {
        let p = e.proposal, id = e.citizenId, name = e.residenceName ?? ""
        let verdicts = e.ownResidences.compactMap { r -> (name: String, verdict: ResidenceVerdict)? in
            guard case .residence(let name, _, let v) = r, v != .chosen else { return nil }
            return (name, v)
        }
        let dist = p.distanceKm.map { da ? ", \($0) km fra sit netværk" : ", \($0) km from their network" } ?? ""
        let cost = p.annualCostNet.map { f.kroner($0) } ?? ""
        // The nearest own residences that stood in the way, each with its reason in short.
        let nearest = verdicts.prefix(3).map { "\($0.name) \(short($0.verdict))" }
        let why = nearest.isEmpty ? "" : (da ? " De nærmeste egne tilbud: " : " The nearest own residences: ") + list(nearest) + "."
        switch p.action {
        case .placeOwn:
            let date = p.moveIn.map { f.date($0) } ?? ""
            return da ? "\(id) får tilbudt en plads i kommunens eget tilbud \(name)\(dist), med indflytning \(date). Tilbuddet passer til bevillingen (\(e.offerType.shortName), støtteniveau \(e.supportLevel)) og er det bedste ledige efter pris og afstand. At bruge pladsen koster \(cost) om året ud over den faste udgift."
                      : "\(id) is offered a place in the municipality's own residence \(name)\(dist), moving in on \(date). It fits the grant (\(e.offerType.shortName), support level \(e.supportLevel)) and is the best vacant one by cost and distance. Using the place costs \(cost) a year beyond the fixed cost."
        case .buyExternal:
            return da ? "Ingen af kommunens egne pladser kan tage imod \(id) inden for ventetiden.\(why) Derfor foreslås en købt plads i \(name)\(dist), til \(cost) om året efter statsrefusion."
                      : "None of the municipality's own places can take \(id) within the allowed wait.\(why) A bought place in \(name)\(dist) is therefore proposed, at \(cost) a year net of state refund."
        case .bringHome:
            let saving = p.annualSaving.map { f.kroner($0) } ?? ""
            return da ? "\(id) bor i dag i en købt plads og har sagt ja til at flytte. En plads i kommunens eget tilbud \(name)\(dist) passer og sparer \(saving) om året."
                      : "\(id) lives in a bought place today and has agreed to move. A place in the municipality's own residence \(name)\(dist) fits and saves \(saving) a year."
        case .noFit where verdicts.contains(where: { $0.verdict.fits }):
            return da ? "Der er pladser, der passer til \(id), men de gik til borgere med højere prioritet, og ingen anden ledig plads passer, hverken egen eller købt.\(why) Borgeren bliver på ventelisten og kommer med i næste matchkørsel."
                      : "Places that fit \(id) exist, but they went to citizens of higher priority, and no other vacant place fits, own or bought.\(why) The citizen stays on the waiting list and is in the next match run."
        case .noFit:
            return da ? "Der er ingen ledig plads, der passer til \(id), hverken i egne eller i købte tilbud.\(why) Borgeren bliver på ventelisten og kommer med i næste matchkørsel."
                      : "No vacant place fits \(id), neither own nor bought.\(why) The citizen stays on the waiting list and is in the next match run."
        }
    }

    /// A verdict in a few words, for the paragraph.
    /// (No vacancy in time is stored as the rule `.noVacancy`: no fit rule gives it.)
    private func short(_ v: ResidenceVerdict) -> String {
        switch v {
        case .noVacantPlaces: return da ? "har ingen ledige pladser" : "has no vacant places"
        case .rule(.noVacancy(let h)): return da ? "har ingen ledig plads inden \(f.date(h))" : "has no vacancy by \(f.date(h))"
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

extension MatchReason {
    /// The reason in `language`.
    public func text(_ language: Language) -> String { ReasonText(language).reason(self) }
}

extension Proposal {
    /// The proposal's reasons in `language`, one line each.
    public func reasonLines(_ language: Language) -> [String] {
        let words = ReasonText(language)
        return reasons.map(words.reason)
    }
}

extension Explanation {
    /// An own place's rate and what using it adds, in `language`.
    public func ownCostLines(_ language: Language) -> [String] {
        guard case .own(let daily, let gross, let net) = cost else { return [] }
        let words = ReasonText(language)
        return [words.ownRate(daily), words.fillingAdds(gross: gross, net: net)]
    }

    /// The short paragraph in plain words: why this place, why not a local one, what it costs.
    public func storyText(_ language: Language) -> String { ReasonText(language).story(self) }
}
