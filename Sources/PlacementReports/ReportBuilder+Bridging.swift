import PlacementModel

/// The report's sections on bridging placements and stale vacancies, worded here in both
/// languages (`WeeklyFigures+Bridging` defines the figures).
extension ReportBuilder {
    var da: Bool { labels.language == .da }

    func bridging() -> ReportSection {
        let l = labels, b = figures.bridging
        let total = ReportTable(
            key: "bridging-total", title: da ? "Overgangsophold i alt" : "Bridging in all",
            columns: [ReportColumn(da ? "Borgere søndag" : "Citizens on Sunday", .count),
                      ReportColumn(da ? "Borgere i ugen" : "Citizens in the week", .count),
                      ReportColumn(da ? "Dage i overgangsophold i ugen" : "Bridging days in the week", .days)],
            rows: [[.count(b.citizens.count), .count(b.citizensInWeek), .days(b.daysInWeek, basis: b.citizensInWeek)]],
            total: nil, isCitizenLevel: false, emptyText: "")
        let list = ReportTable(
            key: "bridging", title: da ? "Overgangsophold" : "Bridging placements",
            columns: [ReportColumn(l.columnCitizen, .text), ReportColumn(da ? "Bor nu i" : "Lives in", .text),
                      ReportColumn(da ? "Opholdets ydelse" : "Bridge offer", .text),
                      ReportColumn(da ? "Bevilget ydelse" : "Granted offer", .text),
                      ReportColumn(da ? "I overgangsophold siden" : "Bridging since", .date),
                      ReportColumn(da ? "Ventetid, dage" : "Waiting, days", .days), ReportColumn(l.columnDailyRate, .money)],
            rows: b.citizens.map { c in
                [.citizen(c.citizenId), .text(c.residenceName), .text(c.bridgeOfferType.shortName), .text(c.grantedOfferType.shortName),
                 .date(c.bridgeSince), .days(c.waitDays, basis: 1), .money(c.dailyRate, basis: 1)]
            },
            total: nil, isCitizenLevel: true, emptyText: da ? "Ingen borgere i overgangsophold." : "No citizens bridging.")
        return ReportSection(
            key: "bridging", title: da ? "Overgangsophold" : "Bridging placements",
            intro: [da ? "Borgere, der bor i et midlertidigt eller købt tilbud, mens de venter på den bevilgede ydelse. De tæller med blandt de ventende og de placerede; når de flytter ind i den bevilgede plads, bliver overgangspladsen ledig."
                       : "Citizens who live in a temporary or bought place while they wait for the granted offer. They count among the waiting and the placed; when they move into the granted place, the bridge place becomes vacant."],
            tables: [total, list], charts: [])
    }

    func staleVacancies() -> ReportSection {
        let vs = figures.staleVacancies, days = figures.vacancyConfirmDays
        let table = ReportTable(
            key: "stale-vacancies", title: da ? "Ubekræftede ledige pladser" : "Unconfirmed vacancies",
            columns: [ReportColumn(labels.columnResidence, .text), ReportColumn(da ? "Plads" : "Place", .text),
                      ReportColumn(da ? "Sidst bekræftet" : "Last confirmed", .date),
                      ReportColumn(da ? "Dage siden" : "Days since", .days)],
            rows: vs.map { v in [.text(v.residenceName), .text(v.placeId), .date(v.confirmedOn), .days(v.daysSince, basis: nil)] },
            total: vs.isEmpty ? nil : [.text(labels.total), .count(vs.count), .empty, .empty],
            isCitizenLevel: false,
            emptyText: da ? "Alle ledige pladser er bekræftet inden for \(days) dage." : "Every vacancy was confirmed within \(days) days.")
        return ReportSection(
            key: "stale-vacancies", title: da ? "Ubekræftede ledige pladser" : "Unconfirmed vacancies",
            intro: [da ? "Ledige pladser søndag, hvis ledighed sidst blev bekræftet for mere end \(days) dage siden (politikken vacancy_confirm_days). Bekræft dem med placement confirm-vacancy, før en borger tilbydes dem."
                       : "Places vacant on Sunday whose vacancy was last confirmed more than \(days) days before (policy vacancy_confirm_days). Confirm them with placement confirm-vacancy before a citizen is offered one."],
            tables: [table], charts: [])
    }

    /// The summary's lines on both: counts only, so a public summary shows nothing personal.
    static func summaryLines(_ doc: ReportDocument) -> [String] {
        let v = ValueText(doc.language), da = doc.language == .da
        var out: [String] = []
        if let t = doc.table("bridging-total"), let row = t.rows.first, row.count == 3 {
            out.append(da ? "Overgangsophold: \(v.text(row[0])) borgere søndag, \(v.text(row[2])) dage i ugen"
                          : "Bridging: \(v.text(row[0])) citizens on Sunday, \(v.text(row[2])) days in the week")
        }
        if let t = doc.table("stale-vacancies") {
            out.append(da ? "Ubekræftede ledige pladser: \(t.rows.count)" : "Unconfirmed vacancies: \(t.rows.count)")
        }
        return out
    }
}
