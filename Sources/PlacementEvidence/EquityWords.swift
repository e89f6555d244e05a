import PlacementModel

/// The equity audit's words, in Danish and English.
struct EquityWords: Sendable {
    let language: Language
    var da: Bool { language == .da }

    var title: String { da ? "Ligebehandling: udfald for grupper af borgere" : "Equity audit: outcomes by group of citizens" }
    func heading(_ from: String, _ to: String) -> String { "\(from) – \(to)" }
    var planningArea: String { da ? "Planlægningsområde" : "Planning area" }
    func method(resamples: Int, seed: UInt64, percent: Int) -> String {
        da ? "Hver gruppe sammenlignes med borgere med samme tilbudstype og støtteniveau · \(percent) %-interval ved bootstrap (\(resamples) gentagelser, frø \(seed))"
           : "Each group is compared with citizens of the same offer type and support level · \(percent)% bootstrap interval (\(resamples) resamples, seed \(seed))"
    }
    var publicNotice: String {
        da ? "Offentlig udgave: grupper med under 5 borgere vises ikke" : "Public version: groups of fewer than 5 citizens are not shown"
    }

    // Sections.
    var findingsTitle: String { da ? "Markante forskelle" : "Clear differences" }
    var noFindings: String {
        da ? "Ingen gruppe adskiller sig markant fra sammenlignelige borgere." : "No group differs clearly from comparable citizens."
    }

    func outcomeTitle(_ o: EquityOutcome) -> String {
        switch o {
        case .waitDays: da ? "Ventetid til indflytning (dage)" : "Wait until moving in (days)"
        case .placedLocally: da ? "Placeret i planlægningsområdet (%)" : "Placed within the planning area (%)"
        case .distanceKm: da ? "Afstand fra netværket (km)" : "Distance from the network (km)"
        case .boughtExternally: da ? "Købt hos anden leverandør (%)" : "Bought from another operator (%)"
        case .declinedByProvider: da ? "Afvist af tilbuddet (%)" : "Declined by the provider (%)"
        }
    }

    func outcomeIntro(_ o: EquityOutcome, cases: Int, f: DisplayFormat) -> String {
        let n = f.integer(cases)
        switch o {
        case .waitDays, .placedLocally, .boughtExternally:
            return da ? "\(n) ventetider sluttede med en placering i perioden." : "\(n) waits ended in a placement in the period."
        case .distanceKm:
            return da ? "\(n) placeringer med kendt netværkspostnummer." : "\(n) placements with a known network postcode."
        case .declinedByProvider:
            return da ? "\(n) borgere fik et forslag i en matchkørsel i perioden." : "\(n) citizens were proposed a residence by a match run in the period."
        }
    }

    func attribute(_ a: EquityAttribute) -> String {
        switch a {
        case .ageBand: da ? "Alder" : "Age"
        case .targetGroup: da ? "Målgruppe" : "Target group"
        case .supportLevel: da ? "Støtteniveau" : "Support level"
        case .urgency: da ? "Hastegrad" : "Urgency"
        case .homeMunicipality: da ? "Hjemkommune" : "Home municipality"
        }
    }

    func level(_ a: EquityAttribute, _ key: String) -> String {
        switch a {
        case .ageBand:
            switch AgeBand(rawValue: key) ?? .unknown {
            case .under30: return da ? "under 30 år" : "under 30"
            case .from30to49: return da ? "30-49 år" : "30-49"
            case .from50to64: return da ? "50-64 år" : "50-64"
            case .over65: return da ? "65 år og derover" : "65 and over"
            case .unknown: return da ? "ukendt alder" : "age unknown"
            }
        case .targetGroup:
            guard let g = TargetGroup(rawValue: key) else { return key }
            return da ? g.danishName : g.englishName
        case .supportLevel: return da ? "niveau \(key)" : "level \(key)"
        case .urgency:
            guard let u = Urgency(rawValue: key) else { return key }
            return da ? u.danishName : u.englishName
        case .homeMunicipality:
            guard let code = Int(key), let m = ReferenceData.municipalityByCode[code] else { return key }
            return "\(m.name) (\(code))"
        }
    }

    // Columns.
    var group: String { da ? "Gruppe" : "Group" }
    var citizens: String { da ? "Borgere" : "Citizens" }
    var compared: String { da ? "Sammenlignet" : "Compared" }
    var theGroup: String { da ? "Gruppen" : "Group value" }
    var comparable: String { da ? "Sammenlignelige" : "Comparable" }
    var difference: String { da ? "Forskel" : "Difference" }
    func interval(_ percent: Int) -> String { da ? "\(percent) %-interval" : "\(percent)% interval" }
    var unadjusted: String { da ? "Uden justering" : "Unadjusted" }
    var assessment: String { da ? "Vurdering" : "Assessment" }
    var worse: String { da ? "markant dårligere" : "clearly worse" }
    var better: String { da ? "markant bedre" : "clearly better" }
    var tooFew: String { da ? "for få til at vurdere" : "too few to assess" }
    var noGroups: String { da ? "Ingen grupper at sammenligne." : "No groups to compare." }
    var outcome: String { da ? "Udfald" : "Outcome" }

    /// Each comparison can show a difference by chance; with many, some will.
    func chance(comparisons: Int) -> String {
        let expected = (comparisons + 10) / 20
        return da ? "\(comparisons) sammenligninger: omkring \(expected) af dem kan vise en markant forskel alene ved tilfældighed. Se på størrelsen og på, om forskellen går igen over flere udfald."
                  : "\(comparisons) comparisons: about \(expected) of them can show a clear difference by chance alone. Look at the size and at whether a difference recurs across outcomes."
    }

    var definitionsTitle: String { da ? "Sådan læses tabellerne" : "How to read the tables" }
    var definitions: [String] {
        da ? [
            "Gruppen sammenlignes kun med borgere med samme tilbudstype og støtteniveau (ved støtteniveau: samme tilbudstype). En gruppe, der venter længere alene fordi dens tilbudstype er knap, markeres derfor ikke.",
            "Gruppen: gennemsnittet for gruppens borgere i de sammenlignelige lag. Sammenlignelige: de øvrige borgeres gennemsnit i de samme lag, vægtet med gruppens fordeling på lagene. Uden justering: forskellen uden denne sammenligning.",
            "Intervallet er et bootstrap-interval: borgerne trækkes om med tilbagelægning inden for hvert lag. En forskel er markant, når intervallet ikke indeholder 0 og begge sider har mindst 5 borgere. Forskelle i andele er i procentpoint.",
            "Ventetid er dage fra henvisning til indflytning for ventetider, der sluttede med en placering i perioden. Borgernes alder, målgruppe, støtteniveau, hastegrad og hjemkommune er de nuværende. Køn registreres ikke og indgår derfor ikke.",
        ] : [
            "A group is compared only with citizens of the same offer type and support level (for support level: the same offer type). A group that waits longer only because its offer type is scarce is therefore not flagged.",
            "Group value: the mean over the group's citizens in the comparable strata. Comparable: the other citizens' mean in the same strata, weighted by the group's mix of strata. Unadjusted: the difference without this matching.",
            "The interval is a bootstrap interval: citizens are redrawn with replacement within each stratum. A difference is clear when the interval excludes 0 and both sides have at least 5 citizens. Differences of shares are in percentage points.",
            "Waits are days from referral to moving in, for waits that ended in a placement in the period. Age, target group, support level, urgency and home municipality are the citizens' current ones. Sex is not recorded and so not compared.",
        ]
    }
}
