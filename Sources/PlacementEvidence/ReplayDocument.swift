import PlacementModel
import PlacementReports

/// The replays side by side with what happened, as a report document: the headline figures,
/// then placements and median waits by offer type and target group.
public enum ReplayDocument {
    public static func build(recorded: ReplayOutcome, replays: [ReplayOutcome], from: Day, to: Day, lag: Int,
                             norms: [Int], planningArea: [Municipality], language: Language) -> ReportDocument {
        let da = language == .da, f = DisplayFormat(language)
        let all = [recorded] + replays
        let columns = [ReportColumn(da ? "Nøgletal" : "Figure", .text)] + all.map { ReportColumn($0.name, .mixed) }
        func row(_ label: String, _ value: (ReplayOutcome) -> ReportValue) -> [ReportValue] { [.text(label)] + all.map(value) }
        func days(_ v: Int?) -> ReportValue { v.map { .days($0, basis: nil) } ?? .empty }
        var rows: [[ReportValue]] = [
            row(da ? "Placeret i perioden (antal)" : "Placed in the period (count)") { .count($0.placed.count) },
            row(da ? "Placeret lokalt i egne tilbud (%)" : "Placed locally in own residences (%)") { .ratio(Int64($0.ownCount), Int64($0.placed.count)) },
            row(da ? "Købt eksternt (antal)" : "Bought externally (count)") { .count($0.externalCount) },
            row(da ? "Eksterne køb (kr. om året, netto)" : "External purchases (DKK a year, net)") { .money($0.externalAnnualNet, basis: nil) },
            row(da ? "Hjemtagelser (antal)" : "Moves home (count)") { .count($0.movesHome) },
            row(da ? "Venter ved periodens slutning (antal)" : "Waiting at the end (count)") { .count($0.stillWaiting.count) },
            row(da ? "Median ventetid (dage)" : "Median wait (days)") { o in o.medianWait.map { .median($0, basis: nil) } ?? .empty },
            row(da ? "Ventetid, 90 %-fraktil (dage)" : "Wait, 90th percentile (days)") { days($0.percentile90) },
            row(da ? "Længste ventetid (dage)" : "Longest wait (days)") { days($0.longest) },
        ]
        for n in norms {
            rows.append(row(da ? "Ventet over \(n) dage (antal)" : "Waited over \(n) days (count)") { .count($0.over(n)) })
        }
        rows.append(row(da ? "Afstand fra netværket, gennemsnit (km)" : "Distance from the network, mean (km)") { o in
            o.meanDistanceTenths.map { .text(f.decimal($0, scale: 1, decimals: 1)) } ?? .empty
        })
        let headline = ReportTable(key: "headline", title: da ? "Nøgletal" : "Figures", columns: columns, rows: rows,
                                   emptyText: "")

        // Placements and median waits by offer type and target group (a citizen counts in each of their groups).
        var keys = Set<String>()
        for o in all { for p in o.placed { for g in p.targetGroups.members { keys.insert("\(p.offerType.rawValue)|\(g.rawValue)") } } }
        let segmentRows: [[ReportValue]] = keys.sorted().compactMap { key in
            let parts = key.split(separator: "|").map(String.init)
            guard let offer = OfferType(rawValue: parts[0]), let group = TargetGroup(rawValue: parts[1]) else { return nil }
            return [.text(offer.shortName), .text(group.name(language))] + all.map { o in
                let waits = o.placed.filter { $0.offerType == offer && $0.targetGroups.members.contains(group) }.map(\.waitedDays).sorted()
                guard let median = Median(sortedDays: waits) else { return .text("–") }
                return .text("\(waits.count) · \(f.decimal(median.tenths, scale: 1, decimals: 1))")
            }
        }
        let segments = ReportTable(
            key: "segments", title: da ? "Efter tilbudstype og målgruppe" : "By offer type and target group",
            columns: [.init(da ? "Tilbudstype" : "Offer type", .text), .init(da ? "Målgruppe" : "Target group", .text)]
                + all.map { ReportColumn($0.name, .mixed) },
            rows: segmentRows, emptyText: da ? "Ingen placeringer." : "No placements.")

        // A match that failed leaves its week without proposals: said, not hidden.
        let failures = replays.filter { !$0.failedMatchDays.isEmpty }.map { o in
            let days = o.failedMatchDays.map { f.date($0) }.joined(separator: ", ")
            return da ? "\(o.name): matchningen fejlede \(days); de dage er uden forslag."
                      : "\(o.name): the match failed on \(days); those days have no proposals."
        }
        let area = planningArea.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        return ReportDocument(
            language: language,
            title: da ? "Genafspilning af perioden under andre politikker" : "The period replayed under other policies",
            heading: "\(f.date(from)) – \(f.date(to))",
            subtitle: [
                "\(da ? "Planlægningsområde" : "Planning area"): \(area)",
                da ? "Matchning hver 7. dag med de faktiske henvisninger, fraflytninger og ledige pladser; forslag følges med indflytning \(lag) dage efter"
                   : "A match every 7 days with the actual referrals, departures and vacancies; proposals followed, moving in \(lag) days later",
            ],
            isPublic: false,
            sections: [
                ReportSection(key: "headline", title: da ? "Nøgletal" : "Figures", intro: failures, tables: [headline]),
                ReportSection(key: "segments", title: segments.title,
                              intro: [da ? "Placerede · median ventetid i dage." : "Placed · median wait in days."], tables: [segments]),
            ],
            definitions: da ? [
                "Det skete: historikken i databasen. De andre kolonner: perioden spillet igen uge for uge, hvor motorens forslag følges under hver politik.",
                "Startdagens tilstand er den registrerede: hvem der venter, og hvem der bor hvor. Henvisninger kommer på deres registrerede dag; ventetider, der sluttede uden placering, slutter på deres dag. Ophold, der var åbne på startdagen, slutter som registreret; et ophold, genafspilningen skaber, varer så længe som borgerens registrerede ophold fra perioden.",
                "Ventetid er dage fra henvisning til indflytning; for borgere, der stadig venter, dage til periodens slutning.",
            ] : [
                "What happened: the history in the database. The other columns: the period played again week by week, following the engine's proposals under each policy.",
                "The first day's state is the recorded one: who waits and who lives where. Referrals arrive on their recorded day; waits that ended without a placement end on their day. Stays open on the first day end as recorded; a stay the replay makes lasts as long as the citizen's recorded stay from the period.",
                "A wait is the days from referral to moving in; for citizens still waiting, the days to the end of the period.",
            ],
            definitionsTitle: da ? "Sådan er tallene lavet" : "How the figures are made")
    }
}
