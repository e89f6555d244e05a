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

    func wentTo(_ c: Citizen, priority: Int) -> String {
        da ? "pladsen gik til \(c.id) med højere prioritet (\(priority), \(c.urgency.danishName))"
           : "the place went to \(c.id), higher priority (\(priority), \(c.urgency.englishName))"
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
}
