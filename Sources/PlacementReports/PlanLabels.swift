import PlacementModel
import PlacementPlanning

/// Every word of the plan's output, Danish and English, in one place.
public struct PlanLabels: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }
    var da: Bool { language == .da }

    func t(_ d: String, _ e: String) -> String { da ? d : e }

    var title: String { t("Kapacitetsplan", "Capacity plan") }
    func heading(_ years: [Int]) -> String {
        guard let a = years.first, let b = years.last else { return title }
        return "\(title) \(a)-\(b)"
    }
    func subtitle(area: String, asOf: String) -> String { t("\(area), opgjort \(asOf)", "\(area), as of \(asOf)") }
    func simulated(runs: Int, seed: UInt64, perYear: Int, fixed: Bool) -> String {
        fixed ? t("Uden tilfældighed: henvisninger jævnt fordelt med det forventede antal, hvert ophold lige så langt som gennemsnittet; matchning \(perYear) gange om året.",
                  "No randomness: referrals evenly spread at the expected count, every stay exactly the mean; matching \(perYear) times a year.")
              : t("Simuleret \(runs) gange pr. scenarie (frø \(seed)) med matchningsmotoren \(perYear) gange om året. Hvert tal er medianen af kørslerne med 10-90 %-båndet i parentes.",
                  "Simulated \(runs) times per scenario (seed \(seed)) with the matching engine \(perYear) times a year. Every figure is the median of the runs with its 10-90 % band in brackets.")
    }
    var scenarios: String { t("Scenarier", "Scenarios") }
    var year: String { t("År", "Year") }
    var scenario: String { t("Scenarie", "Scenario") }
    var figure: String { t("Nøgletal", "Figure") }
    var unit: String { t("Enhed", "Unit") }
    var median: String { "Median" }
    var low: String { t("10 %", "10 %") }
    var high: String { t("90 %", "90 %") }
    var millions: String { t("mio. kr. pr. år", "DKK million per year") }
    var krPerYear: String { t("kr. pr. år", "DKK per year") }
    var kr: String { t("kr.", "DKK") }
    var citizensUnit: String { t("borgere", "citizens") }
    var placesUnit: String { t("pladser", "places") }
    var daysUnit: String { t("dage", "days") }
    var netNote: String { t("netto efter statsrefusion", "net of the state refund") }

    func figureName(_ f: Figure) -> String {
        switch f {
        case .referrals: t("Nye henvisninger i året", "New referrals in the year")
        case .demand: t("Behov 31-12 (placeret eller ventende)", "Demand on 31 Dec (placed or waiting)")
        case .ownPlaces: t("Egne pladser 31-12", "Own places on 31 Dec")
        case .placedOwn: t("Placeret i egne tilbud 31-12", "Placed locally on 31 Dec")
        case .placedExternal: t("Placeret eksternt 31-12", "Placed externally on 31 Dec")
        case .waiting: t("Venter 31-12", "Waiting on 31 Dec")
        case .newOwn: t("Indflytninger i egne tilbud i året", "Moves into own places in the year")
        case .newExternal: t("Nye eksterne køb i året", "New external purchases in the year")
        case .broughtHome: t("Hjemtagelser i året", "Moves home in the year")
        case .externalCost: t("Eksterne køb", "External purchases")
        case .ownCost: t("Egne tilbud", "Own residences")
        case .vacancyCost: t("Tomgangsudgift (del af egne tilbud)", "Vacancy cost (part of own residences)")
        case .totalCost: t("Udgift i alt", "Total cost")
        case .occupancyPerMille: t("Belægning af egne pladser", "Own occupancy")
        }
    }

    func unitName(_ u: Figure.Unit, millions: Bool = false) -> String {
        switch u {
        case .citizens: citizensUnit
        case .places: placesUnit
        case .money: millions ? self.millions : krPerYear
        case .perMille: "%"
        }
    }

    var totalCostTitle: String { t("Udgift i alt", "Total cost") }
    var differenceTitle: String { t("Forskel fra basis", "Difference from the baseline") }
    var differenceNote: String { t("scenarie minus basis, kørsel for kørsel; negativ = besparelse", "scenario less baseline, run by run; negative = saving") }
    var paybackTitle: String { t("Tilbagebetaling", "Payback") }
    var investment: String { t("Investering", "Investment") }
    var paybackYear: String { t("Tilbagebetalt år", "Paid back in") }
    var withinPlan: String { t("Inden for planen", "Within the plan") }
    var never: String { t("aldrig", "never") }
    func withinPlanText(_ p: Int) -> String { t("tilbagebetalt inden for planen i \(p) % af kørslerne", "paid back within the plan in \(p) % of the runs") }
    var afterPlanNote: String { t("År efter planen er fremskrevet med det sidste års besparelse.", "Years after the plan are extrapolated from the last year's saving.") }
    var noInvestment: String { t("ingen investering", "no investment") }
    var cumulativeSaving: String { t("Samlet besparelse siden planens start", "Cumulative saving since the plan's start") }

    var whereTitle: String { t("Hvor én plads mere sparer mest", "Where one more place saves most") }
    var whereIntro: String {
        t("Værdien af én plads mere pr. år, fra matchningsmotorens pladsværdier: det mest en ekstra plads var værd ved årets matchninger (en besat plads sparer det hvert år, borgeren bor der), gennemsnit over planens år, median af kørslerne.",
          "The value of one more place per year, from the matching engine's place values: the most one more place was worth at the year's matching runs (once filled it saves that each year its resident stays), averaged over the plan's years, median of the runs.")
    }
    var byResidence: String { t("Egne botilbud", "Own residences") }
    var byGroup: String { t("Tilbudstype og målgruppe (en ny plads for målgruppen, alle støtteniveauer)", "Offer type and target group (a new place for the group, any support level)") }
    var rank: String { "#" }
    var residence: String { t("Botilbud", "Residence") }
    var offerAndGroup: String { t("Tilbudstype og målgruppe", "Offer type and target group") }
    var valuePerPlace: String { t("Værdi af én plads mere, kr. pr. år", "Value of one more place, DKK per year") }
    var newMark: String { t("(nyt)", "(new)") }

    var vacancyTitle: String { t("Strategisk tomgang", "Strategic vacancy") }
    var vacancyIntro: String {
        t("For hvert eget botilbud med ledige pladser i dag: forventet tid til næste passende henvisning (ud fra de estimerede henvisningsrater), hvad det koster at holde pladsen tom så længe, og hvad det eksterne køb, den sparer, koster. Hold pladsen ledig, når tomgangen er billigere end ét års besparelse.",
          "For each own residence with vacant places today: the expected time until the next fitting referral (from the estimated referral rates), what keeping the place empty that long costs, and what the external purchase it avoids costs. Hold the place when the vacancy costs less than one year's saving.")
    }
    var vacant: String { t("Ledige pladser", "Vacant places") }
    var fittingWaiting: String { t("Passende ventende", "Fitting waiting") }
    var fittingRate: String { t("Passende henvisninger pr. år", "Fitting referrals per year") }
    var expectedDays: String { t("Forventet ventetid, dage", "Expected wait, days") }
    var daysBand: String { t("Median (10-90 %), dage", "Median (10-90 %), days") }
    var vacancyDaily: String { t("Tomgang pr. dag, kr.", "Vacancy per day, DKK") }
    var vacancyCostOfWait: String { t("Tomgang i ventetiden, kr.", "Vacancy cost of the wait, DKK") }
    var externalAnnual: String { t("Eksternt køb, kr. pr. år", "External purchase, DKK per year") }
    var annualSaving: String { t("Besparelse, kr. pr. år", "Saving, DKK per year") }
    var advice: String { t("Råd", "Advice") }
    func adviceText(_ a: VacancyAdvice.Advice) -> String {
        switch a {
        case .fillNow: t("fyld nu: en passende borger venter", "fill now: a fitting citizen is waiting")
        case .hold: t("hold pladsen ledig", "hold the place vacant")
        case .doNotHold: t("hold ikke pladsen ledig", "do not hold the place")
        }
    }
    var noneExpected: String { t("ingen forventet", "none expected") }
    var noVacancies: String { t("Ingen egne botilbud har ledige pladser i dag.", "No own residence has vacant places today.") }

    var demandCapacityTitle: String { t("Behov og egen kapacitet", "Demand and own capacity") }
    var demandCapacityIntro: String {
        t("Pr. tilbudstype og målgruppe 31-12: borgere med behov (placeret eller ventende) og egne pladser. En borger eller et botilbud med flere målgrupper tælles under hver af dem.",
          "By offer type and target group on 31 December: citizens in need (placed or waiting) and own places. A citizen or residence with several target groups counts under each of them.")
    }
    var demandCol: String { t("Behov, borgere", "Demand, citizens") }
    var capacityCol: String { t("Egne pladser", "Own places") }
    var ownCol: String { t("I egne, borgere", "Local, citizens") }
    var externalCol: String { t("Eksternt, borgere", "External, citizens") }

    var basisTitle: String { t("Grundlag: estimeret behov", "Basis: estimated demand") }
    func basisIntro(from: String, to: String, years: String) -> String {
        t("Henvisninger pr. år = ventetider startet \(from) – \(to) (\(years) år) ÷ årene. Udskrivninger = afsluttede ophold ÷ år i ophold i samme periode; gennemsnitligt ophold er det omvendte. Segmenter med under 5 afsluttede ophold bruger hele tilbudstypens rate (samlet). Alt kan overskrives med --assumptions eller i et scenarie.",
          "Referrals per year = waiting periods started \(from) – \(to) (\(years) years) ÷ the years. Exits = ended stays ÷ years lived in stays in the same period; the mean stay is its inverse. Segments with fewer than 5 ended stays use their whole offer type's rate (pooled). Everything can be overridden with --assumptions or in a scenario.")
    }
    var segment: String { t("Segment (tilbudstype, målgrupper, støtteniveau)", "Segment (offer type, target groups, support level)") }
    var referralsCount: String { t("Henvisninger i perioden", "Referrals in the window") }
    var referralsPerYear: String { t("Henvisninger pr. år", "Referrals per year") }
    var usedPerYear: String { t("Brugt pr. år", "Used per year") }
    var exits: String { t("Afsluttede ophold", "Ended stays") }
    var yearsInStays: String { t("År i ophold", "Years in stays") }
    var meanStay: String { t("Gns. ophold, år", "Mean stay, years") }
    var exitBasis: String { t("Grundlag for ophold", "Stay basis") }
    var currentCol: String { t("Borgere i dag", "Citizens today") }
    func basisName(_ b: DemandEstimate.ExitBasis) -> String {
        switch b {
        case .segment: t("segmentets egne", "the segment's own")
        case .pooled: t("samlet for tilbudstypen", "pooled over the offer type")
        case .none: t("ingen afsluttede ophold: ophører ikke", "no ended stays: do not end")
        case .overridden: t("overskrevet", "overridden")
        }
    }
    func windowShortened(_ years: Int, _ from: String) -> String {
        t("Historikken går kun tilbage til \(from); perioden er forkortet fra \(years) år.", "The history only goes back to \(from); the window is shortened from \(years) years.")
    }
    var noEndedStays: String {
        t("Databasen har ingen afsluttede ophold: opholdenes længde kan ikke estimeres. Angiv mean_stay_years med --assumptions.",
          "The database has no ended stays: stay lengths cannot be estimated. Give mean_stay_years with --assumptions.")
    }
    var sheetTitle: String { t("Kendt fremtidigt behov (behovsark)", "Known future demand (demand sheet)") }
    var sheetIntro: String { t("Lagt oven i de estimerede henvisninger, jævnt fordelt over året.", "Added to the estimated referrals, spread evenly over the year.") }
    var count: String { t("Antal, borgere", "Count, citizens") }
    var source: String { t("Kilde", "Source") }
    var supportLevel: String { t("Støtteniveau", "Support level") }
    var offerType: String { t("Tilbudstype", "Offer type") }
    var targetGroups: String { t("Målgrupper", "Target groups") }
    var anyLevel: String { t("som historikken", "as in the history") }

    var chartDemandCapacity: String { t("Behov og egne pladser 31-12", "Demand and own places on 31 Dec") }
    var chartCost: String { t("Udgift i alt pr. scenarie", "Total cost per scenario") }
    var demandSeries: String { t("Behov (borgere)", "Demand (citizens)") }
    var capacitySeries: String { t("Egne pladser", "Own places") }
    var localSeries: String { t("I egne tilbud (borgere)", "Placed locally (citizens)") }

    func scenarioLine(_ s: Scenario, fm: DisplayFormat) -> String {
        func n(_ k: Int, _ da1: String, _ daN: String, _ en1: String, _ enN: String) -> String {
            "\(fm.integer(k)) " + (k == 1 ? t(da1, en1) : t(daN, enN))
        }
        var parts: [String] = []
        if !s.newResidences.isEmpty {
            let places = s.newResidences.map(\.residence.places).reduce(0, +)
            parts.append(n(s.newResidences.count, "nyt botilbud", "nye botilbud", "new residence", "new residences")
                         + t(" med \(fm.integer(places)) pladser", " with \(fm.integer(places)) places"))
        }
        if !s.closures.isEmpty { parts.append(n(s.closures.count, "lukning", "lukninger", "closure", "closures")) }
        if !s.rateChanges.isEmpty { parts.append(n(s.rateChanges.count, "taktændring", "taktændringer", "rate change", "rate changes")) }
        if !s.demand.isEmpty { parts.append(n(s.demand.count, "ændring af behovet", "ændringer af behovet", "demand change", "demand changes")) }
        if s.investment > .zero { parts.append(t("investering \(fm.kroner(s.investment))", "investment \(fm.kroner(s.investment))")) }
        return parts.isEmpty ? t("ingen ændring", "no change") : parts.joined(separator: ", ")
    }

    var definitionsTitle: String { t("Definitioner", "Definitions") }
    var definitions: [String] {
        da ? [
            "Alle beløb er kr. pr. år i årets priser uden fremskrivning, netto efter statsrefusion for særligt dyre enkeltsager (SEL § 176) når politikken har den slået til.",
            "Egne tilbud koster den faste del (takst minus variabel døgnudgift) for hver åben plads, der ikke er solgt til en anden kommune, plus den variable døgnudgift for hver besat plads, minus statsrefusionen på egne borgeres sager.",
            "Tomgangsudgift er den faste del af ledige egne pladsers døgn: det en tom plads koster, mens den står tom.",
            "Eksterne køb koster opholdets døgntakst (eller den aftalte takst) pr. døgn minus statsrefusionen.",
            "Henvisninger ankommer som en Poisson-proces med de estimerede rater; hver borgers behov varer en eksponentielt fordelt tid med det estimerede gennemsnit. Kørsel nr. r bruger samme tilfældige tal i alle scenarier, så forskellen skyldes scenariet.",
            "Matchningsmotoren placerer hvert kvartal efter samme regler som den ugentlige matchning: egne pladser først i prioriteret rækkefølge, derefter laveste udgift, frit valg og hjemtagelse.",
            "Tilbagebetalingsåret er det første år, hvor den samlede besparelse i forhold til basis når investeringen.",
            "Bånd: 10 % og 90 % af kørslerne lå under henholdsvis første og andet tal (nærmeste rang).",
        ] : [
            "All amounts are DKK per year at today's prices, net of the state refund for costly cases (SEL § 176) when the policy has it on.",
            "Own residences cost the fixed part (rate less variable daily cost) of each open place not sold to another municipality, plus the variable daily cost of each occupied place, less the state refund on own citizens' cases.",
            "Vacancy cost is the fixed part of vacant own place-days: what an empty place costs while empty.",
            "External purchases cost the stay's daily rate (or agreed rate) per day less the state refund.",
            "Referrals arrive as a Poisson process at the estimated rates; each citizen's need lasts an exponential time with the estimated mean. Run r uses the same random numbers in every scenario, so a difference is the scenario's doing.",
            "The matching engine places every quarter by the rules of the weekly matching: own places first in priority order, then least cost, free choice and moves home.",
            "The payback year is the first year in which the cumulative saving against the baseline reaches the investment.",
            "Bands: 10 % and 90 % of the runs were at or below the first and the second figure (nearest rank).",
        ]
    }
    var summaryTitle: String { t("Sammenfatning", "Summary") }
    var yearsTitle: String { t("År for år", "Year by year") }
    var estimateLine: String { t("Grundlag", "Basis") }

    // The words of the renderers' lines and sheets.
    var perPlace: String { t("pr. plads", "per place") }
    var vacantWord: String { t("ledige", "vacant") }
    var noFittingReferral: String { t("ingen passende henvisning forventet", "no fitting referral expected") }
    var chartsTitle: String { t("Diagrammer", "Charts") }
    var millionsShort: String { t("mio. kr.", "DKK million") }
    var negativeIsSaving: String { t("negativ = besparelse", "negative = saving") }
    var chartNote: String { t("Linjen er medianen, det skraverede felt 10-90 %-båndet.", "The line is the median, the shaded area the 10-90 % band.") }
    var capacityCellNote: String { t("Hver celle: behov, borgere / egne pladser / placeret eksternt, borgere.", "Each cell: demand, citizens / own places / placed externally, citizens.") }
    var differenceSheet: String { t("Forskel fra basis", "Difference") }
    var figuresSheet: String { t("Nøgletal", "Figures") }
    var capacitySheet: String { t("Behov og kapacitet", "Demand and capacity") }
    var targetGroup: String { t("Målgruppe", "Target group") }
    var ofRuns: String { t("af kørslerne", "of runs") }
    var placeValueSheet: String { t("Værdi af én plads mere", "Value of one more place") }
    var kind: String { t("Slags", "Kind") }
    var name: String { t("Navn", "Name") }
    var wait: String { t("Ventetid", "Wait") }
    var basisSheet: String { t("Grundlag", "Basis") }
    var demandSheetName: String { t("Behovsark", "Demand sheet") }
    var newResidence: String { t("nyt botilbud", "new residence") }
    var closure: String { t("lukning", "closure") }
    var rateChange: String { t("taktændring", "rate change") }
    var change: String { t("Ændring", "Change") }
    var residenceColumn: String { t("Botilbud", "Residence") }
    var dailyRateKr: String { t("Døgntakst, kr.", "Daily rate, DKK") }
    var variableDailyCostKr: String { t("Variabel døgnudgift, kr.", "Variable daily cost, DKK") }
    var from: String { t("Fra", "From") }
    func nextFittingReferral(_ days: String) -> String { t("næste passende henvisning om \(days) dage", "next fitting referral in \(days) days") }
    func vacancyCostClause(_ kroner: String) -> String { t(", tomgang \(kroner)", ", vacancy \(kroner)") }
    func savingClause(_ kroner: String) -> String { t(" mod besparelse \(kroner) om året", " against a saving of \(kroner) a year") }
    func moreInFiles(_ n: Int) -> String { t("\(n) flere i --format html/xlsx", "\(n) more in --format html/xlsx") }
    func estimateSummary(referrals: String, exits: String, from: String, to: String, years: String, segments: Int) -> String {
        t("\(estimateLine): \(referrals) henvisninger og \(exits) afsluttede ophold \(from) – \(to) (\(years) år) i \(segments) segmenter",
          "\(estimateLine): \(referrals) referrals and \(exits) ended stays \(from) – \(to) (\(years) years) in \(segments) segments")
    }
    func demandSheetClause(_ file: String, _ citizens: Int) -> String { t("; behovsark \(file): \(citizens) borgere", "; demand sheet \(file): \(citizens) citizens") }
    func assumptionsClause(_ n: Int) -> String { t("; \(n) antagelser", "; \(n) assumptions") }
    /// Joins a band's bounds when one is negative (a dash would meet the minus sign).
    var negativeRangeWord: String { t(" til ", " to ") }
    var municipalities: String { t("kommuner", "municipalities") }
}
