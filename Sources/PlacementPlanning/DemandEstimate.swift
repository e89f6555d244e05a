import PlacementModel

/// Demand estimated from the database's own history, per segment (offer type × target
/// groups × support level), with its basis, so every rate can be checked by hand:
///
/// - **Referrals per year** = waiting periods started in the history window ÷ the window's
///   length in years (365 days). A waiting period that ended in a placement counts under the
///   offer type of the residence it led to; an open one under the citizen's granted type.
/// - **Exits** (how long a need for the offer lasts) = ended stays ÷ years lived in stays, both
///   inside the window (occurrence / exposure). Unlike the mean of ended stays it is not biased
///   short by the long stays that have not ended yet. Moves between residences of the same offer
///   type (less than 32 days apart) are one stay, not an exit. The mean stay is its inverse.
///   A segment with fewer than `minimumExits` ended stays uses the rate of its whole offer type
///   (`pooled`), and says so.
///
/// The window is the last `historyYears` years before the plan's day, shortened to where the
/// history begins (the first ended stay), so a database holding two years of history is not
/// read as three quiet ones.
public struct DemandEstimate: Sendable {
    public struct Options: Sendable, Equatable {
        public var historyYears: Int = 3
        public var minimumExits: Int = 5
        public init(historyYears: Int = 3, minimumExits: Int = 5) {
            self.historyYears = historyYears
            self.minimumExits = minimumExits
        }
    }

    public enum ExitBasis: String, Sendable, Codable {
        /// The segment's own ended stays.
        case segment
        /// Too few of its own: the offer type's.
        case pooled
        /// No ended stay of this offer type in the window: stays do not end in the plan.
        case none
        /// Set in an assumptions or scenario file.
        case overridden
    }

    public struct Segment: Sendable, Codable, Equatable {
        public var segment: DemandSegment
        /// Waiting periods started in the window.
        public var referrals: Int
        /// Ended stays and days lived in stays of the segment itself, inside the window.
        public var exits: Int
        public var exposureDays: Int64
        /// The exits and exposure the rate is taken from (the segment's, or its offer type's).
        public var exitBasis: ExitBasis
        public var basisExits: Int
        public var basisExposureDays: Int64
        /// Citizens placed or waiting in the segment on the plan's day.
        public var current: Int
        /// Indices into `PlanWorld.citizens` of the citizens referred in the window: future
        /// referrals of the segment are drawn like them (features, network, age at referral).
        public var templates: [Int]
    }

    public let options: Options
    public let windowFrom: Day
    public let windowTo: Day
    public var segments: [Segment]
    /// Warnings about the basis (too little history, no ended stays).
    public var notes: [Note]

    public enum Note: Sendable, Codable, Equatable {
        case windowShortened(requestedYears: Int, from: Day)
        case noEndedStays
    }

    public var windowDays: Int { windowFrom.days(until: windowTo) }

    /// Referrals per year of a segment in hundredths (exact integer arithmetic, rounded).
    public func referralsPerYearHundredths(_ s: Segment) -> Int64 {
        guard windowDays > 0 else { return 0 }
        return Rounding.divide(Int64(s.referrals) * 365 * 100, by: Int64(windowDays))
    }

    public func referralsPerYear(_ s: Segment) -> Double {
        windowDays > 0 ? Double(s.referrals) * 365 / Double(windowDays) : 0
    }

    /// Mean stay in days (nil: no exits, stays do not end).
    public static func meanStayDays(_ s: Segment) -> Double? {
        s.basisExits > 0 ? Double(s.basisExposureDays) / Double(s.basisExits) : nil
    }

    public init(world: PlanWorld, options: Options = Options()) {
        self.options = options
        let asOf = world.asOf
        windowTo = asOf
        var from = asOf.adding(years: -max(1, options.historyYears))
        var notes: [Note] = []
        let firstEnd = world.placements.compactMap { p -> Day? in
            guard p.citizenId != nil, let to = p.period.to, to <= asOf else { return nil }
            return to
        }.min()
        if let firstEnd, firstEnd > from {
            from = firstEnd
            notes.append(.windowShortened(requestedYears: options.historyYears, from: firstEnd))
        }
        if firstEnd == nil { notes.append(.noEndedStays) }
        windowFrom = from

        let residenceById = Dictionary(uniqueKeysWithValues: world.residences.map { ($0.id, $0) })
        let citizenIndex = Dictionary(uniqueKeysWithValues: world.citizens.enumerated().map { ($1.id, $0) })
        var stays: [String: [Placement]] = [:]
        for p in world.placements { if let c = p.citizenId { stays[c, default: []].append(p) } }
        for k in stays.keys { stays[k]?.sort { $0.period.from < $1.period.from } }

        var bySegment: [DemandSegment: Segment] = [:]
        func entry(_ s: DemandSegment) -> Segment {
            bySegment[s] ?? Segment(segment: s, referrals: 0, exits: 0, exposureDays: 0, exitBasis: .none, basisExits: 0,
                                    basisExposureDays: 0, current: 0, templates: [])
        }

        // Referrals.
        for w in world.waitingPeriods where w.period.from >= from && w.period.from < asOf {
            guard let ci = citizenIndex[w.citizenId] else { continue }
            var c = world.citizens[ci]
            if w.outcome == .placed, let to = w.period.to,
               let p = stays[c.id]?.first(where: { $0.period.from == to }), let r = residenceById[p.residenceId] {
                c.offerType = r.offerType
            }
            let s = DemandSegment(c)
            var e = entry(s)
            e.referrals += 1
            e.templates.append(ci)
            bySegment[s] = e
        }

        // Exits and exposure, stays of the same offer type joined.
        var pooledExits: [OfferType: Int] = [:]
        var pooledExposure: [OfferType: Int64] = [:]
        for (citizenId, list) in stays {
            guard let ci = citizenIndex[citizenId] else { continue }
            let c = world.citizens[ci]
            var episodes: [(offer: OfferType, from: Day, to: Day?)] = []
            for p in list {
                guard let r = residenceById[p.residenceId] else { continue }
                if let last = episodes.last, last.offer == r.offerType, let end = last.to, end.days(until: p.period.from) < 32 {
                    episodes[episodes.count - 1].to = p.period.to
                } else {
                    episodes.append((r.offerType, p.period.from, p.period.to))
                }
            }
            for ep in episodes {
                let s = DemandSegment(offerType: ep.offer, targetGroups: c.targetGroups, supportLevel: c.supportLevel)
                let lived = DayInterval(from: ep.from, to: ep.to).overlapDays(start: from, end: asOf)
                let exited = ep.to.map { $0 > from && $0 <= asOf } ?? false
                guard lived > 0 || exited else { continue }
                var e = entry(s)
                e.exposureDays += Int64(lived)
                if exited { e.exits += 1 }
                bySegment[s] = e
                pooledExposure[ep.offer, default: 0] += Int64(lived)
                if exited { pooledExits[ep.offer, default: 0] += 1 }
            }
        }

        // Who is in each segment today (placed or waiting).
        for c in world.citizens where c.status != .left {
            var s = DemandSegment(c)
            if c.status == .placed, let p = stays[c.id]?.last(where: { $0.period.contains(asOf) }),
               let r = residenceById[p.residenceId] {
                s.offerType = r.offerType
            }
            if c.status == .placed && stays[c.id]?.contains(where: { $0.period.contains(asOf) }) != true { continue }
            var e = entry(s)
            e.current += 1
            bySegment[s] = e
        }

        for (s, var e) in bySegment {
            if e.exits >= options.minimumExits {
                e.exitBasis = .segment
                e.basisExits = e.exits
                e.basisExposureDays = e.exposureDays
            } else if let n = pooledExits[s.offerType], n > 0 {
                e.exitBasis = .pooled
                e.basisExits = n
                e.basisExposureDays = pooledExposure[s.offerType] ?? 0
            } else {
                e.exitBasis = .none
            }
            bySegment[s] = e
        }
        segments = bySegment.values.sorted { $0.segment < $1.segment }
        self.notes = notes
    }

    public func segment(_ s: DemandSegment) -> Segment? { segments.first { $0.segment == s } }
}
