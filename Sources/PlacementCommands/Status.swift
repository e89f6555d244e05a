import ArgumentParser
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show residences, places, citizens and external cost on a day.",
            discussion: """
                Examples:
                  placement status
                  placement status --as-of 2026-11-23 --json
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to describe (default today).", valueName: "date"))
        var asOf: DayArgument?

        @Option(help: "Language of output: da or en (default: the database's).")
        var lang: Language?

        @Flag(help: "Print JSON for scripts.")
        var json = false

        func validate() throws { try asOf.requireSupported("--as-of") }

        func run() throws {
            let db = try database.open(.read)
            let day = asOf?.day ?? Clock.today
            let waiting = try db.waitingList(on: day)
            let summary = try db.read { try PlacementStore.Status.summary($0, on: day, waitingList: waiting) }
            if json {
                try printJSON(StatusJSON(summary, waiting: waiting))
            } else {
                let language = try lang ?? db.language()
                print(StatusText.render(summary, waiting: waiting, language: language))
                // Accepted but not yet moved in: the visitation unit follows these up.
                let planned = try db.plannedMoveIns()
                if !planned.isEmpty {
                    let words = DecisionText(language: language, db: db)
                    print(language == .da ? "Accepteret, ikke flyttet ind: \(planned.count)" : "Accepted, not yet moved in: \(planned.count)")
                    for a in planned { print("  " + words.accepted(a)) }
                }
            }
        }
    }
}

/// The figures of `placement status --json`, amounts in kroner.
struct StatusJSON: Encodable {
    let as_of: String
    let planning_area: [Int]
    let residences: [String: Int]
    let own_places: [String: Int]
    let citizens: [String: Int]
    let external_annual_cost_kr: Int64
    let longest_wait_days: Int?
    let past_deadline: Int
    let beyond_norms: [NormCount]
    /// Citizens past their deadline or beyond a norm, in priority order.
    let follow_up: [FollowUp]

    struct NormCount: Encodable {
        let norm_days: Int
        let count: Int
    }

    struct FollowUp: Encodable {
        let citizen: String
        let days_waiting: Int
        let needed_by: String?
        let days_over_deadline: Int?
        let norms_exceeded_days: [Int]
    }

    init(_ s: StatusSummary, waiting w: WaitingListOnDay) {
        past_deadline = w.pastDeadline.count
        beyond_norms = w.norms.map { NormCount(norm_days: $0, count: w.count(beyond: $0)) }
        follow_up = w.followUp.map {
            FollowUp(citizen: $0.citizenId, days_waiting: $0.daysWaiting, needed_by: $0.neededBy?.iso,
                     days_over_deadline: $0.daysOverDeadline, norms_exceeded_days: $0.normsExceeded)
        }
        as_of = s.asOf.iso
        planning_area = s.planningArea
        residences = ["own": s.ownResidences, "external": s.externalResidences]
        own_places = ["total": s.ownPlaces, "occupied": s.placesOccupied, "vacant": s.placesVacant,
                      "reserved": s.placesReserved, "closed": s.placesClosed]
        citizens = ["waiting": s.citizensWaiting, "waiting_bridging": s.citizensBridging, "placed": s.citizensPlaced, "placed_own": s.citizensPlacedOwn,
                    "placed_external": s.citizensPlacedExternal]
        external_annual_cost_kr = s.externalAnnualCost.roundedKroner
        longest_wait_days = s.longestWaitDays
    }
}

enum StatusText {
    /// The summary and the deadlines in one table of labels and values, the values starting
    /// two spaces after the widest label (a Danish or English label may be the wide one),
    /// then one line per citizen to follow up (the report's words).
    static func render(_ s: StatusSummary, waiting w: WaitingListOnDay, language: Language) -> String {
        var lines = table(rows(s, language: language) + deadlineRows(w, language: language))
        let l = Labels.of(language), f = DisplayFormat(language)
        let follow = w.followUp
        if !follow.isEmpty {
            lines.append("\(l.followUpTitle): \(f.integer(follow.count))")
            // Each norm's name once, not once a line (a national list has 2,900 lines).
            let normNames = Dictionary(w.norms.map { ($0, l.normName($0)) }, uniquingKeysWith: { first, _ in first })
            lines += follow.map { e in
                "  " + l.followUpLine(e.citizenId, f.integer(e.daysWaiting), e.neededBy.map(f.date),
                                      e.daysOverDeadline.map(f.integer), e.highestNormExceeded.map { normNames[$0] ?? l.normName($0) })
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Each label padded to the widest one and two spaces.
    static func table(_ rows: [(label: String, value: String)]) -> [String] {
        let width = (rows.map(\.label.count).max() ?? 0) + 2
        return rows.map { $0.label.padding(toLength: width, withPad: " ", startingAt: 0) + $0.value }
    }

    /// Deadlines and norms: the counts.
    static func deadlineRows(_ w: WaitingListOnDay, language: Language) -> [(label: String, value: String)] {
        let l = Labels.of(language), f = DisplayFormat(language)
        return [(l.summaryPastDeadline, f.integer(w.pastDeadline.count)),
                (l.summaryNorms, w.norms.map { l.summaryOverNorm(f.integer(w.count(beyond: $0)), l.normName($0)) }.joined(separator: ", "))]
    }

    static func rows(_ s: StatusSummary, language: Language) -> [(label: String, value: String)] {
        let f = DisplayFormat(language)
        // Names only for an area of up to four municipalities (the others are counted), so a
        // larger one does not load the municipality table.
        let area = s.planningArea.count > 4 ? "\(s.planningArea.count) \(language == .da ? "kommuner" : "municipalities")"
            : s.planningArea.map { code in "\(ReferenceData.municipalityByCode[code]?.name ?? "?") (\(code))" }.joined(separator: ", ")
        let n = { (x: Int) in f.integer(x) }
        // A bridging citizen waits for the granted place while placed in the bridge: counted in both.
        let bridging = s.citizensBridging == 0 ? "" : language == .da
            ? " (heraf \(n(s.citizensBridging)) i overgangsophold)" : " (\(n(s.citizensBridging)) of them bridging)"
        let occupancy = f.percent(numerator: Int64(s.placesOccupied), denominator: Int64(s.ownPlaces))
        if language == .da {
            return [
                ("Planlægningsområde", "\(area), \(f.date(s.asOf))"),
                ("Botilbud", "\(n(s.ownResidences)) egne, \(n(s.externalResidences)) eksterne"),
                ("Egne pladser", "\(n(s.ownPlaces)): \(n(s.placesOccupied)) optaget, \(n(s.placesVacant)) ledige, \(n(s.placesReserved)) reserveret, \(n(s.placesClosed)) lukket (belægning \(occupancy))"),
                ("Borgere", "\(n(s.citizensWaiting)) venter\(bridging), \(n(s.citizensPlaced)) placeret (\(n(s.citizensPlacedOwn)) i egne, \(n(s.citizensPlacedExternal)) i eksterne tilbud)"),
                ("Eksterne køb", "\(f.kroner(s.externalAnnualCost)) om året"),
                ("Længste ventetid", s.longestWaitDays.map { "\(n($0)) dage (\(s.longestWaitingCitizen ?? ""))" } ?? "ingen venter"),
            ]
        }
        return [
            ("Planning area", "\(area), \(f.date(s.asOf))"),
            ("Residences", "\(n(s.ownResidences)) own, \(n(s.externalResidences)) external"),
            ("Own places", "\(n(s.ownPlaces)): \(n(s.placesOccupied)) occupied, \(n(s.placesVacant)) vacant, \(n(s.placesReserved)) reserved, \(n(s.placesClosed)) closed (occupancy \(occupancy))"),
            ("Citizens", "\(n(s.citizensWaiting)) waiting\(bridging), \(n(s.citizensPlaced)) placed (\(n(s.citizensPlacedOwn)) own, \(n(s.citizensPlacedExternal)) external)"),
            ("External purchases", "\(f.kroner(s.externalAnnualCost)) a year"),
            ("Longest wait", s.longestWaitDays.map { "\(n($0)) days (\(s.longestWaitingCitizen ?? ""))" } ?? "no one waiting"),
        ]
    }
}
