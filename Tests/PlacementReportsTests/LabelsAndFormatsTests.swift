import Foundation
import PlacementModel
import PlacementReports
import Testing

/// Danish and English labels and number, money, date and week conventions in the output.
@Suite struct LabelsAndFormatsTests {
    static let figures = Result { try SmallWorld.make().weeklyFigures(SmallWorld.w48) }

    @Test(arguments: [Labels.da, Labels.en])
    func noLabelIsEmpty(_ labels: Labels) {
        for child in Mirror(reflecting: labels).children {
            if let text = child.value as? String {
                #expect(!text.isEmpty, "\(labels.language) label \(child.label ?? "?") is empty")
            }
        }
        #expect(!labels.period("a", "b").isEmpty && !labels.asAtSunday("a").isEmpty)
        #expect(!labels.latestRun(1, "a").isEmpty && !labels.weekShort(1).isEmpty)
        #expect(!labels.sectionTrends(26).isEmpty && !labels.waitingHighlight("a").isEmpty)
        #expect(!labels.columnOverNorm("a").isEmpty && !labels.summaryOverNorm("1", "a").isEmpty)
        #expect(!labels.summaryExpensiveLine("1", "a").isEmpty && !labels.summaryBringHomeLine("1", "2", "a").isEmpty)
        #expect(labels.definitions("a").count >= 10)
    }

    @Test func danishAndEnglishLabelsDiffer() {
        let da = Mirror(reflecting: Labels.da).children, en = Mirror(reflecting: Labels.en).children
        for (d, e) in zip(da, en) {
            guard let a = d.value as? String, let b = e.value as? String, d.label != "language" else { continue }
            // Only words that are the same in both languages may repeat.
            if a == b { #expect(["normal"].contains(a), "\(d.label ?? "?") is not translated: \(a)") }
        }
    }

    @Test func normNamesInWeeksAndMonths() {
        #expect(Labels.da.normName(91) == "13 uger (91 dage)")
        #expect(Labels.da.normName(183) == "6 måneder (183 dage)")
        #expect(Labels.da.normName(7) == "1 uge (7 dage)")
        #expect(Labels.da.normName(45) == "45 dage")
        #expect(Labels.en.normName(91) == "13 weeks (91 days)")
        #expect(Labels.en.normName(183) == "6 months (183 days)")
    }

    @Test func danishSummaryUsesDanishConventions() throws {
        let doc = ReportBuilder.document(try Self.figures.get(), language: .da)
        let text = TextSummary.render(doc)
        #expect(text.contains("Uge 48 2026"))
        #expect(text.contains("Mandag 23-11-2026 – søndag 29-11-2026"))
        #expect(text.contains("uge 48 2026") && text.contains("uge 47 2026"))
        #expect(text.contains("5.730.500") && text.contains("6.752.500") && text.contains("-1.022.000"))
        #expect(text.contains("50,0 %") && text.contains("20,0 %") && text.contains("+30,0 pct.-point"))
        #expect(text.contains("181,0") && text.contains("174,0") && text.contains("+7,0"))
        #expect(text.contains("11.500") && text.contains("29.000") && text.contains("-17.500"))
        #expect(text.contains("Særligt dyre enkeltsager: 2 sager, i alt 4.562.500 kr. om året"))
        #expect(text.contains("Ventetid over normen: 2 over 13 uger (91 dage), 1 over 6 måneder (183 dage)"))
        #expect(text.contains("Mulige hjemtagelser: 1 borgere åbne for at flytte, 1 med forslag, mulig besparelse 800.000 kr. om året"))
        #expect(text.contains("Afslag: Borgeren har sagt nej 1, Tilbuddet har sagt nej 1, Behovet er ændret 1, Anden årsag 0"))
        #expect(text.contains("Ændringer: Henvist 1, Placeret 2, Flyttet 1, heraf hjemtaget 1, Fraflyttet 1"))
        #expect(text.contains("Forslag fra matchkørsel nr. 1 af 20-11-2026"))
    }

    @Test func englishSummaryUsesEnglishConventions() throws {
        let doc = ReportBuilder.document(try Self.figures.get(), language: .en)
        let text = TextSummary.render(doc)
        #expect(text.contains("Week 48 2026"))
        #expect(text.contains("Monday 2026-11-23 to Sunday 2026-11-29"))
        #expect(text.contains("week 48 2026") && text.contains("week 47 2026"))
        #expect(text.contains("5,730,500") && text.contains("-1,022,000"))
        #expect(text.contains("50.0%") && text.contains("+30.0 pp"))
        #expect(text.contains("181.0"))
        #expect(text.contains("Particularly expensive cases: 2 cases, DKK 4,562,500 a year in total"))
        #expect(!text.contains("kr."))
    }

    @Test func headlineTableHoldsBothWeeksAndTheChange() throws {
        let doc = ReportBuilder.document(try Self.figures.get(), language: .da)
        let h = try #require(doc.table("headline"))
        #expect(h.columns.map(\.header) == ["Nøgletal", "uge 48 2026", "uge 47 2026", "Ændring"])
        func row(_ label: String) -> [ReportValue] { h.rows.first { $0.first == .text(label) } ?? [] }
        let l = Labels.da
        #expect(row(l.figureWaiting) == [.text(l.figureWaiting), .count(3), .count(3), .change(.count(0))])
        #expect(row(l.figureMedianWait)[1] == .median(Median(days: 181), basis: 3))
        #expect(row(l.figureLongestWait)[3] == .change(.days(7, basis: nil)))
        #expect(row(l.figurePlacementsOwn)[1...3] == [.count(2), .count(0), .change(.count(2))])
        #expect(row(l.figureMovesHome)[1...3] == [.count(1), .count(0), .change(.count(1))])
        #expect(row(l.figureLocalShare)[1...2] == [.ratio(3, 6), .ratio(1, 5)])
        #expect(row(l.figureVacancyCost)[1...3] == [.money(Money(kroner: 11_500), basis: nil), .money(Money(kroner: 29_000), basis: nil),
                                                     .change(.money(Money(kroner: -17_500), basis: nil))])
        #expect(row(l.figureVacancyDays)[1...2] == [.days(7, basis: nil), .days(17, basis: nil)])
    }

    @Test func changesSectionOfWeek48() throws {
        let doc = ReportBuilder.document(try Self.figures.get(), language: .da)
        let counts = try #require(doc.table("change-counts"))
        #expect(counts.rows.map { $0[1] } == [.count(1), .count(2), .count(1), .count(1), .count(1)])
        let list = try #require(doc.table("changes"))
        #expect(list.rows.map { $0[2] } == ["I", "E", "B", "G", "K"].map(ReportValue.citizen))
        #expect(list.rows.map { $0[0] } == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-28"].map { .date(Day(iso: $0)!) })
        #expect(list.rows.map { $0[1] } == ["Placeret", "Placeret", "Flyttet (hjemtagelse)", "Henvist", "Fraflyttet"].map(ReportValue.text))
        #expect(list.rows[2][4] == .text("Skovly") && list.rows[2][5] == .text("Engen"))
        #expect(list.rows[4][4] == .text("Skovly") && list.rows[4][5] == .empty)
    }
}

/// A proposal's action, status and decline reason have one word each, the report's labels,
/// which the web app's pages and the terminal call too.
@Suite struct ProposalWordsTests {
    @Test(arguments: [
        (Language.da, ["Egen plads", "Køb eksternt", "Hjemtagelse", "Intet passende tilbud"],
         ["foreslået", "accepteret", "afslået", "trukket tilbage"],
         ["Borgeren har sagt nej", "Tilbuddet har sagt nej", "Behovet er ændret", "Anden årsag"]),
        (.en, ["Own place", "Buy externally", "Bring home", "No fitting offer"],
         ["proposed", "accepted", "declined", "withdrawn"],
         ["Declined by the citizen", "Declined by the provider", "Need changed", "Other reason"]),
    ])
    func eachActionStatusAndReasonHasOneWord(language: Language, actions: [String], statuses: [String], reasons: [String]) {
        let l = Labels.of(language)
        #expect(ProposalAction.allCases.map { l.name($0) } == actions)
        #expect(ProposalStatus.allCases.map { l.name($0) } == statuses)
        #expect(DeclineReason.allCases.map { l.name($0) } == reasons)
    }
}
