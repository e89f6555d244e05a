import PlacementModel

/// Lays out `WeeklyFigures` as the sections and tables of the report, in one language. The
/// values stay exact (`ReportValue`); each format prints them its own way.
public struct ReportBuilder {
    public let figures: WeeklyFigures
    public let labels: Labels
    let f: DisplayFormat

    public init(figures: WeeklyFigures, language: Language) {
        self.figures = figures
        self.labels = Labels.of(language)
        self.f = DisplayFormat(language)
    }

    /// The whole report; `isPublic` masks it for use outside the department.
    public static func document(_ figures: WeeklyFigures, language: Language, isPublic: Bool = false) -> ReportDocument {
        let doc = ReportBuilder(figures: figures, language: language).build()
        return isPublic ? PublicMasking.apply(doc) : doc
    }

    public func build() -> ReportDocument {
        let l = labels, w = figures.week
        let area = figures.planningArea.map { "\($0.name) (\($0.code))" }
        let areaText = area.count > 4 ? l.municipalities(area.count) : area.joined(separator: ", ")
        let run = figures.latestRun.map { l.latestRun($0.id, f.date($0.asOf)) } ?? l.noRun
        return ReportDocument(
            language: l.language,
            title: l.reportTitle,
            heading: l.capitalised(f.week(w)),
            subtitle: [
                l.capitalised(l.period(f.date(figures.monday), f.date(figures.sunday))),
                "\(l.planningArea): \(areaText)",
                "\(l.asAtSunday(f.date(figures.sunday))) · \(run)",
            ],
            isPublic: false,
            sections: [headline()] + revised() + [trends(), waiting(), residences(), staleVacancies(), external(), bringHome(), bridging(), norms(), declines(), changes()],
            definitions: l.definitions(figures.waitNormDays.map(l.normName).joined(separator: " \(l.and) ")),
            definitionsTitle: l.definitionsTitle,
            normNames: figures.waitNormDays.map(l.normName))
    }

    // MARK: Headline

    func headline() -> ReportSection {
        let l = labels, c = figures.headline, p = figures.previousHeadline
        func count(_ label: String, _ v: (Headline) -> Int) -> [ReportValue] {
            [.text(label), .count(v(c)), .count(v(p)), .change(.count(v(c) - v(p)))]
        }
        func days(_ label: String, _ v: (Headline) -> Int?) -> [ReportValue] {
            let a = v(c), b = v(p)
            return [.text(label), a.map { .days($0, basis: c.waiting) } ?? .empty, b.map { .days($0, basis: p.waiting) } ?? .empty,
                    a.flatMap { a in b.map { b in .change(.days(a - b, basis: nil)) } } ?? .empty]
        }
        func ratio(_ label: String, _ v: (Headline) -> (Int, Int)) -> [ReportValue] {
            let (a, b) = v(c), (x, y) = v(p)
            let change: ReportValue = b > 0 && y > 0
                ? .change(.ratio(Int64(a) * Int64(y) - Int64(x) * Int64(b), Int64(b) * Int64(y))) : .empty
            return [.text(label), .ratio(Int64(a), Int64(b)), .ratio(Int64(x), Int64(y)), change]
        }
        let median: [ReportValue] = [
            .text(l.figureMedianWait),
            c.medianWaitDays.map { .median($0, basis: c.waiting) } ?? .empty,
            p.medianWaitDays.map { .median($0, basis: p.waiting) } ?? .empty,
            c.medianWaitDays.flatMap { cm in p.medianWaitDays.map { pm in .change(.median(Median(twice: cm.twice - pm.twice), basis: nil)) } } ?? .empty,
        ]
        let rows: [[ReportValue]] = [
            count(l.figureWaiting, \.waiting),
            median,
            days(l.figureLongestWait, \.longestWaitDays),
            count(l.figureReferrals, \.referrals),
            count(l.figurePlacementsOwn, \.placementsOwn),
            count(l.figurePlacementsExternal, \.placementsExternal),
            count(l.figureMovesHome, \.movesHome),
            count(l.figurePlaced, \.placed),
            ratio(l.figureLocalShare) { ($0.placedOwn, $0.placed) },
            count(l.figureExternalCount, \.placedExternal),
            [.text(l.figureExternalCost), .money(c.externalAnnualCost, basis: c.placedExternal),
             .money(p.externalAnnualCost, basis: p.placedExternal), .change(.money(c.externalAnnualCost - p.externalAnnualCost, basis: nil))],
            ratio(l.figureOccupancy) { ($0.placesOccupied, $0.ownPlaces) },
            count(l.figureVacant, \.placesVacant),
            [.text(l.figureVacancyDays), .days(c.vacancyDays, basis: nil), .days(p.vacancyDays, basis: nil),
             .change(.days(c.vacancyDays - p.vacancyDays, basis: nil))],
            [.text(l.figureVacancyCost), .money(c.vacancyCost, basis: nil), .money(p.vacancyCost, basis: nil),
             .change(.money(c.vacancyCost - p.vacancyCost, basis: nil))],
        ]
        let table = ReportTable(
            key: "headline", title: l.sectionHeadline,
            columns: [ReportColumn(l.columnFigure, .text), ReportColumn(f.week(c.week), .mixed),
                      ReportColumn(f.week(p.week), .mixed), ReportColumn(l.columnChange, .mixed)],
            rows: rows, total: nil, isCitizenLevel: false, emptyText: "", isFigureList: true)
        return ReportSection(key: "headline", title: l.sectionHeadline, intro: [], tables: [table], charts: [])
    }

    // MARK: Changed since first produced

    /// The label of a published figure: the headline's, the norms table's.
    func label(_ key: String) -> String {
        let l = labels
        switch key {
        case "waiting": return l.figureWaiting
        case "median_wait": return l.figureMedianWait
        case "longest_wait": return l.figureLongestWait
        case "referrals": return l.figureReferrals
        case "placements_own": return l.figurePlacementsOwn
        case "placements_external": return l.figurePlacementsExternal
        case "moves_home": return l.figureMovesHome
        case "placed": return l.figurePlaced
        case "local_share": return l.figureLocalShare
        case "external_count": return l.figureExternalCount
        case "external_cost": return l.figureExternalCost
        case "occupancy": return l.figureOccupancy
        case "vacant": return l.figureVacant
        case "vacancy_days": return l.figureVacancyDays
        case "vacancy_cost": return l.figureVacancyCost
        case "past_deadline": return l.columnPastDeadline
        default:
            if key.hasPrefix("over_norm_"), let n = Int(key.dropFirst("over_norm_".count)) { return l.columnOverNorm(l.normName(n)) }
            return key
        }
    }

    /// The figures that differ from the week's first production, first and now; none when
    /// nothing changed (or no production was kept).
    func revised() -> [ReportSection] {
        guard let first = figures.firstProduced else { return [] }
        let changed = first.changed(from: figures.published)
        guard !changed.isEmpty else { return [] }
        let l = labels
        let rows: [[ReportValue]] = changed.map { f, c in
            let difference: ReportValue
            switch (f?.value, c.value, c.kind) {
            case let (a?, b?, .count): difference = .change(.count(Int(b - a)))
            case let (a?, b?, .days): difference = .change(.days(Int(b - a), basis: nil))
            case let (a?, b?, .median): difference = .change(.median(Median(twice: Int(b - a)), basis: nil))
            case let (a?, b?, .money): difference = .change(.money(Money(ore: b - a), basis: nil))
            default: difference = .empty
            }
            return [.text(label(c.key)), f?.reportValue ?? .empty, c.reportValue, difference]
        }
        let when = producedDay(first.producedAt)
        let table = ReportTable(
            key: "revised", title: l.sectionRevised,
            columns: [ReportColumn(l.columnFigure, .text), ReportColumn(l.columnFirstProduced, .mixed),
                      ReportColumn(l.columnNow, .mixed), ReportColumn(l.columnChange, .mixed)],
            rows: rows, total: nil, isCitizenLevel: false, emptyText: "", isFigureList: true)
        return [ReportSection(key: "revised", title: l.sectionRevised, intro: [l.revisedIntro(when)], tables: [table], charts: [])]
    }

    /// `2026-11-23T09:14:05Z` as the day in the report's format.
    func producedDay(_ at: String) -> String {
        Day(iso: String(at.prefix(10))).map(f.date) ?? at
    }

    // MARK: Trends

    func trends() -> ReportSection {
        let l = labels, points = figures.trend
        let rows: [[ReportValue]] = points.map { t in
            [.week(t.week), .date(t.week.sunday), .count(t.waiting),
             t.medianWaitDays.map { .median($0, basis: t.waiting) } ?? .empty,
             .count(t.placesOccupied), .count(t.ownPlaces), .ratio(Int64(t.placesOccupied), Int64(t.ownPlaces)),
             .count(t.externalCount), .money(t.externalAnnualCost, basis: t.externalCount)]
        }
        let table = ReportTable(
            key: "trends", title: l.sectionTrends(points.count),
            columns: [ReportColumn(l.columnWeek, .text), ReportColumn(l.columnSunday, .date),
                      ReportColumn(l.columnWaiting, .count), ReportColumn(l.columnMedianWait, .median),
                      ReportColumn(l.columnOccupiedPlaces, .count), ReportColumn(l.columnOwnPlaces, .count),
                      ReportColumn(l.columnOccupancy, .percent),
                      ReportColumn(l.columnExternalCount, .count), ReportColumn(l.columnExternalCost, .money)],
            rows: rows, total: nil, isCitizenLevel: false, emptyText: "")
        func chart(_ title: String, _ axis: String, scale: Double = 1, decimals: Int = 0, fromZero: Bool = true,
                   reference: Double? = nil, _ value: (TrendPoint) -> (Double?, Int?)) -> ReportChart {
            ReportChart(title: title, yAxisTitle: axis, xAxisTitle: l.axisWeek,
                        points: points.map { t in
                            let (v, basis) = value(t)
                            return ChartPoint(week: t.week, label: l.weekShort(t.week.week), value: v, basis: basis)
                        },
                        unitScale: scale, decimals: decimals, fromZero: fromZero, referenceLine: reference)
        }
        let charts = [
            chart(l.chartWaiting, l.axisCitizens) { (Double($0.waiting), $0.waiting) },
            chart(l.chartMedianWait, l.axisDays) { ($0.medianWaitDays.map { Double($0.twice) / 2 }, $0.waiting) },
            {
                var c = chart(l.chartOccupancy, l.axisPercent, decimals: 0, fromZero: false, reference: 100) {
                    ($0.ownPlaces > 0 ? 100 * Double($0.placesOccupied) / Double($0.ownPlaces) : nil, nil)
                }
                c.minimumSpan = 20
                return c
            }(),
            chart(l.chartExternalCount, l.axisCitizens) { (Double($0.externalCount), $0.externalCount) },
            chart(l.chartExternalCost, l.axisMillions, scale: 1_000_000, decimals: 1) {
                (Double($0.externalAnnualCost.ore) / 100, $0.externalCount)
            },
        ]
        return ReportSection(key: "trends", title: l.sectionTrends(points.count), intro: [l.trendsIntro],
                             tables: [table], charts: charts)
    }

    // MARK: Waiting list

    func waiting() -> ReportSection {
        let l = labels
        var highlighted: Set<Int> = []
        let rows: [[ReportValue]] = figures.waitingList.enumerated().map { i, w in
            if !w.normsExceeded.isEmpty { highlighted.insert(i) }
            var action: ReportValue = .empty, residence: ReportValue = .empty, moveIn: ReportValue = .empty
            if let p = figures.proposals[w.citizenId] {
                let status = p.status == .declined || p.status == .accepted ? l.name(p.status) : nil
                action = .text(l.name(p.action) + (status.map { " (\($0))" } ?? ""))
                if let name = p.residenceName ?? p.residenceId {
                    residence = .text(name + (p.placeId.map { ", \(l.place) \($0)" } ?? ""))
                }
                moveIn = p.moveIn.map { .date($0) } ?? .empty
            }
            return [.citizen(w.citizenId), .text(w.offerType.shortName), .text(l.names(w.targetGroups)),
                    .number(w.supportLevel), .text(l.name(w.urgency)), .date(w.since), .days(w.daysWaiting, basis: 1),
                    w.neededBy.map { .date($0) } ?? .empty, w.daysOverDeadline.map { .days($0, basis: 1) } ?? .empty,
                    w.normsExceeded.last.map { .text(l.normName($0)) } ?? .empty,
                    action, residence, moveIn]
        }
        var table = ReportTable(
            key: "waiting", title: l.sectionWaiting,
            columns: [ReportColumn(l.columnCitizen, .text), ReportColumn(l.columnOfferType, .text),
                      ReportColumn(l.columnTargetGroup, .text), ReportColumn(l.columnSupportLevel, .count),
                      ReportColumn(l.columnUrgency, .text), ReportColumn(l.columnReferred, .date),
                      ReportColumn(l.columnDaysWaiting, .days), ReportColumn(l.columnNeededBy, .date),
                      ReportColumn(l.columnDaysOverDeadline, .days), ReportColumn(l.columnBeyondNorm, .text),
                      ReportColumn(l.columnProposal, .text),
                      ReportColumn(l.columnProposedResidence, .text), ReportColumn(l.columnMoveIn, .date)],
            rows: rows, total: nil, isCitizenLevel: true, emptyText: l.emptyWaiting)
        table.highlightedRows = highlighted
        let run = figures.latestRun.map { l.latestRun($0.id, f.date($0.asOf)) } ?? l.noRun
        var intro = ["\(l.asAtSunday(f.date(figures.sunday))). \(run)."]
        if let n = figures.waitNormDays.first { intro.append(l.waitingHighlight(l.normName(n))) }
        return ReportSection(key: "waiting", title: l.sectionWaiting, intro: intro, tables: [table], charts: [], isWide: true)
    }

    // MARK: Own residences

    func residences() -> ReportSection {
        let l = labels, rs = figures.residences
        let rows: [[ReportValue]] = rs.map { r in
            [.text(r.name), .text(r.offerType.shortName), .count(r.places), .count(r.occupied), .count(r.vacant),
             .count(r.reserved), .count(r.closed), .ratio(Int64(r.occupied), Int64(r.places)),
             .days(r.vacancyDays, basis: nil), .money(r.dailyRate, basis: nil), .money(r.vacancyCost, basis: nil)]
        }
        func sum(_ v: (OwnResidence) -> Int) -> Int { rs.reduce(0) { $0 + v($1) } }
        let total: [ReportValue] = [
            .text(l.total), .empty, .count(sum(\.places)), .count(sum(\.occupied)), .count(sum(\.vacant)),
            .count(sum(\.reserved)), .count(sum(\.closed)), .ratio(Int64(sum(\.occupied)), Int64(sum(\.places))),
            .days(sum(\.vacancyDays), basis: nil), .empty, .money(rs.map(\.vacancyCost).sum(), basis: nil),
        ]
        let table = ReportTable(
            key: "residences", title: l.sectionResidences,
            columns: [ReportColumn(l.columnResidence, .text), ReportColumn(l.columnOfferType, .text),
                      ReportColumn(l.columnPlaces, .count), ReportColumn(l.columnOccupied, .count),
                      ReportColumn(l.columnVacant, .count), ReportColumn(l.columnReserved, .count),
                      ReportColumn(l.columnClosed, .count), ReportColumn(l.columnOccupancy, .percent),
                      ReportColumn(l.columnVacancyDays, .days), ReportColumn(l.columnDailyRate, .money),
                      ReportColumn(l.columnVacancyCost, .money)],
            rows: rows, total: rs.isEmpty ? nil : total, isCitizenLevel: false, emptyText: l.emptyResidences)
        return ReportSection(key: "residences", title: l.sectionResidences, intro: [l.residencesIntro], tables: [table], charts: [], isWide: true)
    }

    // MARK: External placements

    func external() -> ReportSection {
        let l = labels, e = figures.external
        func groupTable<K>(_ key: String, _ title: String, _ header: String, _ groups: [ExternalGroup<K>],
                           _ name: (K) -> String) -> ReportTable {
            let count = groups.reduce(0) { $0 + $1.count }
            return ReportTable(
                key: key, title: title,
                columns: [ReportColumn(header, .text), ReportColumn(l.columnCitizens, .count), ReportColumn(l.columnAnnualCost, .money)],
                rows: groups.map { [.text(name($0.key)), .count($0.count), .money($0.annualCost, basis: $0.count)] },
                total: groups.isEmpty ? nil : [.text(l.total), .count(count), .money(groups.map(\.annualCost).sum(), basis: count)],
                isCitizenLevel: false, emptyText: l.emptyExternal)
        }
        let expensiveCost = e.expensive.map(\.annualCost).sum()
        let expensiveTotal = ReportTable(
            key: "expensive-total", title: l.tableExpensiveTotal,
            columns: [ReportColumn(l.columnCases, .count), ReportColumn(l.columnAnnualCost, .money)],
            rows: [[.count(e.expensive.count), .money(expensiveCost, basis: e.expensive.count)]],
            total: nil, isCitizenLevel: false, emptyText: "")
        let expensive = ReportTable(
            key: "expensive", title: l.tableExpensive,
            columns: [ReportColumn(l.columnCitizen, .text), ReportColumn(l.columnResidence, .text),
                      ReportColumn(l.columnOperator, .text), ReportColumn(l.columnMunicipality, .text),
                      ReportColumn(l.columnOfferType, .text), ReportColumn(l.columnPlacedSince, .date),
                      ReportColumn(l.columnDailyRate, .money), ReportColumn(l.columnAnnualCost, .money)],
            rows: e.expensive.map { s in
                [.citizen(s.citizenId), .text(s.residenceName), .text(l.name(s.operatorKind)), .text(s.municipality.name),
                 .text(s.offerType.shortName), .date(s.since), .money(s.dailyRate, basis: 1), .money(s.annualCost, basis: 1)]
            },
            total: nil, isCitizenLevel: true, emptyText: l.emptyExpensive)
        return ReportSection(
            key: "external", title: l.sectionExternal, intro: [l.externalIntro],
            tables: [
                groupTable("external-offer", l.tableExternalByOffer, l.columnOfferType, e.byOfferType) { l.name($0) },
                groupTable("external-operator", l.tableExternalByOperator, l.columnOperator, e.byOperator) { l.name($0) },
                groupTable("external-municipality", l.tableExternalByMunicipality, l.columnMunicipality, e.byMunicipality) {
                    "\($0.name) (\($0.code))"
                },
                expensiveTotal, expensive,
            ],
            charts: [])
    }

    // MARK: Bring home

    func bringHome() -> ReportSection {
        let l = labels, cs = figures.bringHome
        let withProposal = cs.filter { $0.annualSaving != nil }
        let total = ReportTable(
            key: "bring-home-total", title: l.tableBringHomeTotal,
            columns: [ReportColumn(l.columnCandidates, .count), ReportColumn(l.columnWithProposal, .count),
                      ReportColumn(l.columnPossibleSaving, .money)],
            rows: [[.count(cs.count), .count(withProposal.count),
                    .money(withProposal.compactMap(\.annualSaving).sum(), basis: withProposal.count)]],
            total: nil, isCitizenLevel: false, emptyText: "")
        let list = ReportTable(
            key: "bring-home", title: l.sectionBringHome,
            columns: [ReportColumn(l.columnCitizen, .text), ReportColumn(l.columnCurrentResidence, .text),
                      ReportColumn(l.columnOfferType, .text), ReportColumn(l.columnAnnualCost, .money),
                      ReportColumn(l.columnProposedOwn, .text), ReportColumn(l.columnPossibleSaving, .money)],
            rows: cs.map { c in
                [.citizen(c.citizenId), .text(c.residenceName), .text(c.offerType.shortName), .money(c.annualCost, basis: 1),
                 (c.proposedResidenceName ?? c.proposedResidenceId).map { .text($0) } ?? .empty,
                 c.annualSaving.map { .money($0, basis: 1) } ?? .empty]
            },
            total: nil, isCitizenLevel: true, emptyText: l.emptyBringHome)
        return ReportSection(key: "bring-home", title: l.sectionBringHome, intro: [l.bringHomeIntro],
                             tables: [total, list], charts: [])
    }

    // MARK: Norms

    func norms() -> ReportSection {
        let l = labels, rows = figures.norms, norms = figures.waitNormDays
        let waiting = rows.reduce(0) { $0 + $1.waiting }
        let table = ReportTable(
            key: "norms", title: l.sectionNorms,
            columns: [ReportColumn(l.columnOfferType, .text), ReportColumn(l.columnWaiting, .count)]
                + norms.map { ReportColumn(l.columnOverNorm(l.normName($0)), .count) }
                + [ReportColumn(l.columnPastDeadline, .count), ReportColumn(l.columnLongestWait, .days)],
            rows: rows.map { r in
                [.text(l.name(r.offerType)), .count(r.waiting)] + r.over.map { .count($0) }
                    + [.count(r.pastDeadline), .days(r.longestWaitDays, basis: r.waiting)]
            },
            total: rows.isEmpty ? nil : [.text(l.total), .count(waiting)]
                + norms.indices.map { i in .count(rows.reduce(0) { $0 + $1.over[i] }) }
                + [.count(rows.reduce(0) { $0 + $1.pastDeadline })]
                + [.days(rows.map(\.longestWaitDays).max() ?? 0, basis: waiting)],
            isCitizenLevel: false, emptyText: l.emptyNorms)
        return ReportSection(key: "norms", title: l.sectionNorms, intro: [l.normsIntro], tables: [table], charts: [])
    }

    // MARK: Declines

    func declines() -> ReportSection {
        let l = labels, ds = figures.declines
        let counts = ReportTable(
            key: "decline-reasons", title: l.tableDeclineReasons,
            columns: [ReportColumn(l.columnReason, .text), ReportColumn(l.columnDeclines, .count)],
            rows: DeclineReason.allCases.map { r in [.text(l.name(r)), .count(ds.filter { $0.reason == r }.count)] },
            total: [.text(l.total), .count(ds.count)], isCitizenLevel: false, emptyText: "")
        let list = ReportTable(
            key: "declines", title: l.sectionDeclines,
            columns: [ReportColumn(l.columnDate, .date), ReportColumn(l.columnCitizen, .text),
                      ReportColumn(l.columnResidence, .text), ReportColumn(l.columnReason, .text),
                      ReportColumn(l.columnNote, .text)],
            rows: ds.map { d in
                [.date(d.day), .citizen(d.citizenId), (d.residenceName ?? d.residenceId).map { .text($0) } ?? .empty,
                 .text(l.name(d.reason)), d.note.map { .text($0) } ?? .empty]
            },
            total: nil, isCitizenLevel: true, emptyText: l.emptyDeclines)
        return ReportSection(key: "declines", title: l.sectionDeclines, intro: [], tables: [counts, list], charts: [])
    }

    // MARK: Changes

    func changes() -> ReportSection {
        let l = labels, cs = figures.changes
        func n(_ k: Change.Kind) -> Int { cs.filter { $0.kind == k }.count }
        let counts = ReportTable(
            key: "change-counts", title: l.tableChangeCounts,
            columns: [ReportColumn(l.columnChangeKind, .text), ReportColumn(l.columnCitizens, .count)],
            rows: [[.text(l.changeReferred), .count(n(.referred))], [.text(l.changePlaced), .count(n(.placed))],
                   [.text(l.changeMoved), .count(n(.moved))],
                   [.text(l.changeMovedHome), .count(cs.filter(\.isMoveHome).count)],
                   [.text(l.changeLeft), .count(n(.left))]],
            total: nil, isCitizenLevel: false, emptyText: "")
        let list = ReportTable(
            key: "changes", title: l.sectionChanges,
            columns: [ReportColumn(l.columnDate, .date), ReportColumn(l.columnChangeKind, .text),
                      ReportColumn(l.columnCitizen, .text), ReportColumn(l.columnOfferType, .text),
                      ReportColumn(l.columnFrom, .text), ReportColumn(l.columnTo, .text)],
            rows: cs.map { c in
                [.date(c.day), .text(l.name(c.kind) + (c.isMoveHome ? " (\(l.actionBringHome.lowercased()))" : "")),
                 .citizen(c.citizenId), .text(c.offerType.shortName),
                 c.fromResidence.map { .text($0) } ?? .empty, c.toResidence.map { .text($0) } ?? .empty]
            },
            total: nil, isCitizenLevel: true, emptyText: l.emptyChanges)
        return ReportSection(key: "changes", title: l.sectionChanges, intro: [], tables: [counts, list], charts: [])
    }
}
