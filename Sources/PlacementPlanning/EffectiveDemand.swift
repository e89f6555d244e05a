import Foundation
import PlacementModel

/// The demand a scenario simulates: the estimate, changed by the assumptions file (for every
/// scenario) and then by the scenario's own `[[demand]]` tables, in file order.
public struct EffectiveDemand: Sendable {
    public struct Segment: Sendable {
        public internal(set) var segment: DemandSegment
        /// Referrals per year in the plan's first year.
        public var referralsPerYear: Double
        /// Yearly growth as a factor (1.0 = none), compounded from the plan's first year.
        public var growthFactor: Double
        /// Mean stay in days; nil: stays do not end within the plan.
        public var meanStayDays: Double?
        public var referralsOverridden: Bool
        public var stayOverridden: Bool
        /// Indices into `PlanWorld.citizens` to draw new referrals like; empty: a typical citizen.
        public var templates: [Int]
        /// The segment's text key and its stable hash (the key of its random streams), written
        /// once here: every simulated run names its referrals by the key.
        public internal(set) var key = ""
        var keyHash: UInt64 = 0

        /// Referrals per year in plan year `index` (0 = the first).
        public func rate(yearIndex: Int) -> Double {
            referralsPerYear * pow(growthFactor, Double(max(0, yearIndex)))
        }
    }

    public var segments: [Segment]

    public init(estimate: DemandEstimate, overrides: [Scenario.DemandOverride]) {
        var list = estimate.segments.map { s in
            Segment(segment: s.segment, referralsPerYear: estimate.referralsPerYear(s), growthFactor: 1,
                    meanStayDays: DemandEstimate.meanStayDays(s), referralsOverridden: false, stayOverridden: false,
                    templates: s.templates)
        }
        for o in overrides {
            var matching = list.indices.filter { o.matches(list[$0].segment) }
            if matching.isEmpty, o.referralsPerYearHundredths != nil, let groups = o.targetGroups {
                // A segment the history does not have: referred like a typical citizen.
                let s = DemandSegment(offerType: o.offerType, targetGroups: groups, supportLevel: o.supportLevel ?? 3)
                let stay = list.first { $0.segment.offerType == o.offerType && $0.meanStayDays != nil }?.meanStayDays
                list.append(Segment(segment: s, referralsPerYear: 0, growthFactor: 1, meanStayDays: stay,
                                    referralsOverridden: true, stayOverridden: false, templates: []))
                matching = [list.count - 1]
            }
            if let h = o.referralsPerYearHundredths {
                let total = Double(h) / 100
                let sum = matching.map { list[$0].referralsPerYear }.reduce(0, +)
                for i in matching {
                    list[i].referralsPerYear = sum > 0 ? total * list[i].referralsPerYear / sum : total / Double(matching.count)
                    list[i].referralsOverridden = true
                }
            }
            if let g = o.growthPerMille {
                for i in matching {
                    list[i].growthFactor *= 1 + Double(g) / 1000
                    list[i].referralsOverridden = true
                }
            }
            if let y = o.meanStayYearsHundredths {
                for i in matching {
                    list[i].meanStayDays = Double(y) * 365 / 100
                    list[i].stayOverridden = true
                }
            }
        }
        for i in list.indices {
            list[i].key = list[i].segment.key
            list[i].keyHash = stableHash(list[i].key)
        }
        segments = list.sorted { $0.segment < $1.segment }
    }

    public func segment(_ s: DemandSegment) -> Segment? { segments.first { $0.segment == s } }

    /// The mean stay for a citizen in `s`; a segment without its own uses its offer type's
    /// longest-referred segment with one (citizens placed today may be in no referral segment).
    public func meanStayDays(_ s: DemandSegment) -> Double? {
        if let x = segment(s) { return x.meanStayDays }
        return segments.filter { $0.segment.offerType == s.offerType && $0.meanStayDays != nil }
            .max { $0.referralsPerYear < $1.referralsPerYear }?.meanStayDays
    }
}
