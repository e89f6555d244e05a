import PlacementMatching
import PlacementModel
import PlacementPlanning
import PlacementStore

/// The equity audit of a period: for every outcome and every group, how the group fared
/// against comparable citizens (same offer type and support level), with a seeded bootstrap
/// interval, and whether the difference is clear enough to look into.
///
/// Danish administrative law asks that the same rules are applied alike (lighedsgrundsætningen);
/// this is the evidence that they were, or where they seem not to have been.
public struct EquityAudit: Sendable, Equatable, Codable {
    public struct Finding: Sendable, Equatable, Codable {
        public var outcome: EquityOutcome
        public var attribute: EquityAttribute
        /// The group's key (`under_30`, `autism`, `3`, `acute`, `615`).
        public var level: String
        /// The group's cases, and those compared (in strata that also hold others).
        public var cases: Int
        public var matched: Int
        public var othersMatched: Int
        public var groupMean: Double
        /// The others' mean weighted by the group's mix of strata.
        public var othersMean: Double
        public var difference: Double
        /// The difference over all strata without the adjustment.
        public var unadjustedDifference: Double
        public var low: Double
        public var high: Double
        /// The interval excludes no difference, and both sides have at least `minimumCases`.
        public var isSignificant: Bool
        /// The significant difference is the worse outcome for the group.
        public var isWorse: Bool { isSignificant && (difference > 0) == outcome.higherIsWorse }
    }

    public var from: Day
    public var to: Day
    public var seed: UInt64
    public var resamples: Int
    /// The confidence level of the intervals (0.95).
    public var level: Double
    /// Cases per outcome: placements for waits, places and distances; proposed citizens for declines.
    public var caseCounts: [EquityOutcome: Int]
    public var findings: [Finding]

    /// Fewer cases than this on either side are never flagged (and are withheld in public).
    public static let minimumCases = 5

    public init(history: OutcomeHistory, from: Day, to: Day, seed: UInt64 = 1, resamples: Int = 999, level: Double = 0.95) {
        self.from = from
        self.to = to
        self.seed = seed
        self.resamples = resamples
        self.level = level
        let cases = EquityAudit.cases(history)
        caseCounts = cases.mapValues(\.count)
        let confidence = level
        var findings: [Finding] = []
        for (o, outcome) in EquityOutcome.allCases.enumerated() {
            for (a, attribute) in EquityAttribute.allCases.enumerated() {
                let levels = Set(cases[outcome, default: []].flatMap { attribute.levels(of: $0.citizen, on: to) })
                for level in levels.sorted() {
                    // One stream per comparison, so adding a group never moves another's interval.
                    var random = SplitMixRandom(seed: seed, UInt64(o), UInt64(a), stableHash(level))
                    if let f = EquityAudit.finding(outcome, attribute, level, cases[outcome, default: []], to: to,
                                                   resamples: resamples, confidence: confidence, &random) {
                        findings.append(f)
                    }
                }
            }
        }
        self.findings = findings
    }

    public init(database: PlacementDatabase, from: Day, to: Day, seed: UInt64 = 1, resamples: Int = 999) throws {
        self.init(history: try database.outcomeHistory(from: from, to: to), from: from, to: to, seed: seed, resamples: resamples)
    }

    /// One citizen's value of one outcome.
    struct Case {
        var citizen: Citizen
        var value: Double
    }

    static func cases(_ h: OutcomeHistory) -> [EquityOutcome: [Case]] {
        var out: [EquityOutcome: [Case]] = [:]
        for p in h.placements {
            out[.waitDays, default: []].append(Case(citizen: p.citizen, value: Double(p.waitedFrom.days(until: p.placedOn))))
            if let local = p.isInPlanningArea { out[.placedLocally, default: []].append(Case(citizen: p.citizen, value: local ? 1 : 0)) }
            if let own = p.isOwn { out[.boughtExternally, default: []].append(Case(citizen: p.citizen, value: own ? 0 : 1)) }
            if let at = p.residenceLocation, let km = Costing.km(fromPostcode: p.citizen.networkPostcode, to: at) {
                out[.distanceKm, default: []].append(Case(citizen: p.citizen, value: Double(km)))
            }
        }
        for p in h.proposed {
            out[.declinedByProvider, default: []].append(Case(citizen: p.citizen, value: p.declinedByProvider ? 1 : 0))
        }
        return out
    }

    static func finding<R: RandomNumberGenerator>(
        _ outcome: EquityOutcome, _ attribute: EquityAttribute, _ level: String, _ cases: [Case], to: Day,
        resamples: Int, confidence: Double, _ random: inout R
    ) -> Finding? {
        var byStratum: [String: StratifiedDifference.Stratum] = [:]
        var count = 0
        for c in cases {
            let inGroup = attribute.levels(of: c.citizen, on: to).contains(level)
            if inGroup { count += 1 }
            let key = attribute.stratum(of: c.citizen)
            var s = byStratum[key] ?? .init(group: [], others: [])
            if inGroup { s.group.append(c.value) } else { s.others.append(c.value) }
            byStratum[key] = s
        }
        let strata = byStratum.keys.sorted().compactMap { byStratum[$0] }
        guard let d = StratifiedDifference(strata), let raw = StratifiedDifference.unadjusted(strata),
              let interval = StratifiedDifference.interval(strata, resamples: resamples, level: confidence, using: &random)
        else { return nil }
        let enough = d.matched >= minimumCases && d.othersMatched >= minimumCases
        return Finding(
            outcome: outcome, attribute: attribute, level: level, cases: count, matched: d.matched,
            othersMatched: d.othersMatched, groupMean: d.groupMean, othersMean: d.othersMean,
            difference: d.difference, unadjustedDifference: raw, low: interval.lowerBound, high: interval.upperBound,
            isSignificant: enough && (interval.lowerBound > 0 || interval.upperBound < 0))
    }
}
