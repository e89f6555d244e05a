import PlacementModel

/// The counting behind `DemandEstimate`, one pass per kind of event of the history window:
/// referrals, stays (exits and exposure, per segment and pooled per offer type), who is in each
/// segment on the plan's day, and then the basis each segment's exit rate is taken from.
struct DemandCount {
    typealias Segment = DemandEstimate.Segment

    let world: PlanWorld
    let from: Day, asOf: Day
    let residenceById: [String: Residence]
    let citizenIndex: [String: Int]
    /// Each citizen's stays, in the order they began.
    let stays: [String: [Placement]]
    var bySegment: [DemandSegment: Segment] = [:]
    var pooledExits: [OfferType: Int] = [:]
    var pooledExposure: [OfferType: Int64] = [:]

    init(world: PlanWorld, from: Day) {
        self.world = world
        self.from = from
        asOf = world.asOf
        residenceById = Dictionary(uniqueKeysWithValues: world.residences.map { ($0.id, $0) })
        citizenIndex = Dictionary(uniqueKeysWithValues: world.citizens.enumerated().map { ($1.id, $0) })
        var stays: [String: [Placement]] = [:]
        for p in world.placements { if let c = p.citizenId { stays[c, default: []].append(p) } }
        for k in stays.keys { stays[k]?.sort { $0.period.from < $1.period.from } }
        self.stays = stays
    }

    /// The history window: the last `historyYears` years before the plan's day, shortened to
    /// the first ended stay, with the notes that say so.
    static func window(_ world: PlanWorld, historyYears: Int) -> (from: Day, notes: [DemandEstimate.Note]) {
        var from = world.asOf.adding(years: -max(1, historyYears))
        var notes: [DemandEstimate.Note] = []
        let firstEnd = world.placements.compactMap { p -> Day? in
            guard p.citizenId != nil, let to = p.period.to, to <= world.asOf else { return nil }
            return to
        }.min()
        if let firstEnd, firstEnd > from {
            from = firstEnd
            notes.append(.windowShortened(requestedYears: historyYears, from: firstEnd))
        }
        if firstEnd == nil { notes.append(.noEndedStays) }
        return (from, notes)
    }

    /// Changes the segment's entry, making it when it is the first.
    mutating func update(_ s: DemandSegment, _ change: (inout Segment) -> Void) {
        var e = bySegment[s] ?? Segment(segment: s, referrals: 0, exits: 0, exposureDays: 0, exitBasis: .none, basisExits: 0,
                                        basisExposureDays: 0, current: 0, templates: [])
        change(&e)
        bySegment[s] = e
    }

    /// Waiting periods started in the window; one that ended in a placement counts under the
    /// offer type of the residence it led to.
    mutating func countReferrals() {
        for w in world.waitingPeriods where w.period.from >= from && w.period.from < asOf {
            guard let ci = citizenIndex[w.citizenId] else { continue }
            var c = world.citizens[ci]
            if w.outcome == .placed, let to = w.period.to,
               let p = stays[c.id]?.first(where: { $0.period.from == to }), let r = residenceById[p.residenceId] {
                c.offerType = r.offerType
            }
            update(DemandSegment(c)) {
                $0.referrals += 1
                $0.templates.append(ci)
            }
        }
    }

    /// Exits and exposure inside the window, stays of the same offer type less than 32 days
    /// apart joined into one.
    mutating func countStays() {
        for (citizenId, list) in stays {
            guard let ci = citizenIndex[citizenId] else { continue }
            let c = world.citizens[ci]
            for ep in episodes(list) {
                let lived = DayInterval(from: ep.from, to: ep.to).overlapDays(start: from, end: asOf)
                let exited = ep.to.map { $0 > from && $0 <= asOf } ?? false
                guard lived > 0 || exited else { continue }
                update(DemandSegment(offerType: ep.offer, targetGroups: c.targetGroups, supportLevel: c.supportLevel)) {
                    $0.exposureDays += Int64(lived)
                    if exited { $0.exits += 1 }
                }
                pooledExposure[ep.offer, default: 0] += Int64(lived)
                if exited { pooledExits[ep.offer, default: 0] += 1 }
            }
        }
    }

    /// A citizen's stays as episodes of one offer type: a move to a residence of the same type
    /// within 32 days continues the episode.
    func episodes(_ list: [Placement]) -> [(offer: OfferType, from: Day, to: Day?)] {
        var episodes: [(offer: OfferType, from: Day, to: Day?)] = []
        for p in list {
            guard let r = residenceById[p.residenceId] else { continue }
            if let last = episodes.last, last.offer == r.offerType, let end = last.to, end.days(until: p.period.from) < 32 {
                episodes[episodes.count - 1].to = p.period.to
            } else {
                episodes.append((r.offerType, p.period.from, p.period.to))
            }
        }
        return episodes
    }

    /// Who is in each segment on the plan's day: waiting, or placed (under the offer type of
    /// the residence they live in).
    mutating func countCurrent() {
        for c in world.citizens where c.status != .left {
            var s = DemandSegment(c)
            if c.status == .placed, let p = stays[c.id]?.last(where: { $0.period.contains(asOf) }),
               let r = residenceById[p.residenceId] {
                s.offerType = r.offerType
            }
            if c.status == .placed && stays[c.id]?.contains(where: { $0.period.contains(asOf) }) != true { continue }
            update(s) { $0.current += 1 }
        }
    }

    /// The segments, each with the basis of its exit rate: its own exits when it has at least
    /// `minimumExits`, else its offer type's, else none.
    func segments(minimumExits: Int) -> [Segment] {
        bySegment.map { s, entry in
            var e = entry
            if e.exits >= minimumExits {
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
            return e
        }.sorted { $0.segment < $1.segment }
    }
}
