import PlacementMatching
import PlacementModel

/// Last year replayed under another policy: the period's real arrivals, departures and
/// vacancies, week by week, with the engine's proposals taken as followed (moving in `lag`
/// days after the match), so that later weeks see the consequences.
///
/// The rules of the replay, which the README states too:
/// - The state on the first day is the recorded one: who waited, who lived where.
/// - Referrals arrive on their recorded day; waits that ended otherwise than by a placement
///   (re-assessment, withdrawn, closed) end on their recorded day if the citizen still waits.
/// - Stays that were open on the first day end as recorded, freeing their place. A stay the
///   replay makes lasts as long as the citizen's recorded stay from that period did (if it
///   ended within the period), else to the end. Stays of people outside the planning area are
///   kept as recorded.
/// - A bridge (overgangsophold) open on the first day ends as recorded, or on the day the replay
///   moves its citizen into a place, whichever comes first; its place is then free for the next
///   citizen. A bought bridge is no stay to bring home from.
/// - Every Monday (from the first day, then each 7 days) the engine matches the waiting list
///   against the places free that day, under the policy; each proposal is followed.
public struct Replay: Sendable {
    public let history: ReplayHistory
    public let from: Day
    public let to: Day
    /// Days from the match to moving in.
    public let lag: Int

    public init(history: ReplayHistory, from: Day, to: Day, lag: Int = 14) {
        self.history = history
        self.from = from
        self.to = to
        self.lag = lag
    }

    /// The match days of the period.
    public var matchDays: [Day] { stride(from: 0, through: from.days(until: to), by: 7).map { from.adding(days: $0) } }

    struct PlaceKey: Hashable, Comparable {
        let residence: String, place: String
        static func < (a: PlaceKey, b: PlaceKey) -> Bool { (a.residence, a.place.count, a.place) < (b.residence, b.place.count, b.place) }
    }

    struct ExternalStay { let residence: String; let rate: Money; let since: Day }

    /// The replay under one policy.
    public func run(policy: MatchPolicy, name: String) -> ReplayOutcome {
        var out = ReplayOutcome(name: name)
        let residenceById = Dictionary(history.residences.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let costing = Costing(policy: policy)
        // Own places that can be offered at all (reserved and closed ones are held back, as in a match).
        let usable = history.places.filter { $0.status == .vacant || $0.status == .occupied }
            .filter { residenceById[$0.residenceId]?.isOwn == true }
        // A place's occupant leaves on the day given (nil: not within the period). A place not
        // here is free; one whose occupant leaves is offered from that day, as a match offers a
        // place with a planned move-out.
        var busyUntil: [PlaceKey: Day?] = [:]
        var externalUsed: [String: Int] = [:]
        var externalStays: [String: ExternalStay] = [:]
        var waiting: [String: Day] = [:]
        // Bought stays that end: (day, citizen), applied on the match day on or after it.
        var departures: [(day: Day, citizen: String)] = []
        // Bridges open on the first day, by citizen: the own place one holds (while nobody else
        // is given it), or the bought residence and the day that bridge ends.
        var ownBridges: [String: PlaceKey] = [:]
        var boughtBridges: [String: (residence: String, ends: Day?)] = [:]
        /// The citizen moves into a place on `moveIn`: the bridge ends then, if not before.
        func endBridge(of citizen: String, on moveIn: Day) {
            if let key = ownBridges.removeValue(forKey: citizen), let busy = busyUntil[key] {
                busyUntil[key] = .some(min(busy ?? moveIn, moveIn))
            }
            if let b = boughtBridges[citizen] { boughtBridges[citizen] = (b.residence, min(b.ends ?? moveIn, moveIn)) }
        }

        // The first day as recorded.
        // The state at the start of the first day, before its match: stays begun before it.
        for s in history.stays where s.period.from < from && (s.period.to.map { $0 >= from } ?? true) {
            let ends = s.period.to.flatMap { $0 <= to ? $0 : nil }
            let isBridge = s.citizenId != nil && history.bridges.contains(s)
            if let placeId = s.placeId, residenceById[s.residenceId]?.isOwn == true {
                let key = PlaceKey(residence: s.residenceId, place: placeId)
                busyUntil[key] = .some(ends)
                if isBridge, let c = s.citizenId { ownBridges[c] = key }
            } else if let c = s.citizenId {
                externalUsed[s.residenceId, default: 0] += 1
                if isBridge { boughtBridges[c] = (s.residenceId, ends); continue }
                let rate = s.dailyRate ?? history.citizens[c]?.agreedDailyRate ?? residenceById[s.residenceId]?.dailyRate ?? .zero
                externalStays[c] = ExternalStay(residence: s.residenceId, rate: rate, since: s.period.from)
                if let ends { departures.append((ends, c)) }
            }
        }
        for w in history.waits where w.period.from < from && (w.period.to.map { $0 >= from } ?? true) {
            waiting[w.citizenId] = w.period.from
        }
        // Stays of people outside the planning area that begin in the period, as recorded.
        var anonymous = history.stays.filter { $0.citizenId == nil && $0.period.from >= from && $0.period.from <= to }
        // How long each citizen's stay begun in the period lasted, when it ended within it.
        var duration: [String: Int] = [:]
        for s in history.stays where s.period.from >= from && s.period.from <= to && !history.bridges.contains(s) {
            if let c = s.citizenId, let e = s.period.to, e <= to, duration[c] == nil { duration[c] = s.period.from.days(until: e) }
        }
        let arrivals = history.waits.filter { $0.period.from >= from && $0.period.from <= to }
        let exits = history.waits.filter { w in
            w.outcome != nil && w.outcome != .placed && (w.period.to.map { $0 >= from && $0 <= to } ?? false)
        }.sorted { ($0.period.to ?? to, $0.citizenId) < ($1.period.to ?? to, $1.citizenId) }
        var nextArrival = 0, nextExit = 0

        for day in matchDays {
            // Departures, arrivals and other exits up to this day.
            for key in busyUntil.keys { if let d = busyUntil[key] ?? nil, d <= day { busyUntil[key] = nil } }
            ownBridges = ownBridges.filter { busyUntil[$0.value] != nil }
            for (c, b) in boughtBridges { if let e = b.ends, e <= day { externalUsed[b.residence, default: 1] -= 1; boughtBridges[c] = nil } }
            for d in departures where d.day <= day {
                if let stay = externalStays.removeValue(forKey: d.citizen) { externalUsed[stay.residence, default: 1] -= 1 }
            }
            departures.removeAll { $0.day <= day }
            anonymous.removeAll { s in
                guard s.period.from <= day, let placeId = s.placeId else { return false }
                let key = PlaceKey(residence: s.residenceId, place: placeId)
                if busyUntil[key] == nil { busyUntil[key] = .some(s.period.to.flatMap { $0 <= to ? $0 : nil }) }
                return true
            }
            while nextArrival < arrivals.count, arrivals[nextArrival].period.from <= day {
                let w = arrivals[nextArrival]
                if waiting[w.citizenId] == nil { waiting[w.citizenId] = w.period.from }
                nextArrival += 1
            }
            while nextExit < exits.count, let until = exits[nextExit].period.to, until <= day {
                waiting[exits[nextExit].citizenId] = nil
                nextExit += 1
            }

            // The match of the day.
            let vacant = usable.compactMap { p -> MatchInput.VacantPlace? in
                guard let r = residenceById[p.residenceId] else { return nil }
                var available = day
                if let busy = busyUntil[PlaceKey(residence: p.residenceId, place: p.id)] {
                    guard let leaves = busy else { return nil }
                    available = max(day, leaves)
                }
                return MatchInput.VacantPlace(residenceId: p.residenceId, placeId: p.id, features: p.features ?? r.features, availableFrom: available)
            }
            var capacity: [String: Int] = [:]
            for r in history.residences where !r.isOwn { capacity[r.id] = max(0, r.places - externalUsed[r.id, default: 0]) }
            let list: [Citizen] = waiting.keys.sorted().compactMap { id in
                guard var c = history.citizens[id] else { return nil }
                c.referredOn = waiting[id]
                return c
            }
            let stays: [MatchInput.ExternalStay] = externalStays.keys.sorted().compactMap { id in
                guard let c = history.citizens[id], c.openToMove, let s = externalStays[id] else { return nil }
                return MatchInput.ExternalStay(citizen: c, residenceId: s.residence, dailyRate: s.rate, since: s.since)
            }
            guard !list.isEmpty || !stays.isEmpty else { continue }
            let input = MatchInput(asOf: day, residences: history.residences, vacantPlaces: vacant, externalCapacity: capacity,
                                   waiting: list, externalStays: stays)
            let result: MatchResult
            do {
                result = try Matcher(input: input, policy: policy, language: .en, options: .simulationWithoutValues).run()
            } catch {
                // The week goes on without proposals; the document and the JSON name the day.
                out.failedMatchDays.append(day)
                continue
            }

            // Each proposal followed.
            for p in result.proposals {
                guard let c = history.citizens[p.citizenId], let rid = p.residenceId, let r = residenceById[rid] else { continue }
                let moveIn = max(p.moveIn ?? day, day.adding(days: lag))
                let leaves = duration[c.id].map { moveIn.adding(days: $0) }.flatMap { $0 <= to ? $0 : nil }
                switch p.action {
                case .placeOwn, .bringHome:
                    guard let placeId = p.placeId else { continue }
                    let key = PlaceKey(residence: rid, place: placeId)
                    busyUntil[key] = .some(leaves)
                    ownBridges = ownBridges.filter { $0.value != key }
                    if p.action == .bringHome {
                        if let stay = externalStays.removeValue(forKey: c.id) { externalUsed[stay.residence, default: 1] -= 1 }
                        departures.removeAll { $0.citizen == c.id }
                        out.movesHome += 1
                        out.movesHomeAnnualSaving += p.annualSaving ?? .zero
                    } else {
                        out.placed.append(.init(citizenId: c.id, offerType: c.offerType, targetGroups: c.targetGroups,
                                                waitedDays: (waiting[c.id] ?? day).days(until: moveIn), isOwn: true,
                                                distanceKm: p.distanceKm, externalAnnualNet: nil))
                        waiting[c.id] = nil
                        endBridge(of: c.id, on: moveIn)
                    }
                case .buyExternal:
                    externalUsed[rid, default: 0] += 1
                    externalStays[c.id] = ExternalStay(residence: rid, rate: c.agreedDailyRate ?? r.dailyRate, since: moveIn)
                    if let leaves { departures.append((leaves, c.id)) }
                    out.placed.append(.init(citizenId: c.id, offerType: c.offerType, targetGroups: c.targetGroups,
                                            waitedDays: (waiting[c.id] ?? day).days(until: moveIn), isOwn: false,
                                            distanceKm: p.distanceKm,
                                            externalAnnualNet: p.annualCostNet ?? costing.external(c, r, km: p.distanceKm).net))
                    waiting[c.id] = nil
                    endBridge(of: c.id, on: moveIn)
                case .noFit:
                    continue
                }
            }
        }
        out.stillWaiting = waiting.values.map { $0.days(until: to) }.sorted()
        return out
    }

    /// What the recorded history says for the same period, by the same figures: each wait that
    /// ended in a placement with the stay that began that day, the waits still open at the end,
    /// and the moves from a bought place to an own one.
    public func recorded(policy: MatchPolicy, name: String) -> ReplayOutcome {
        var out = ReplayOutcome(name: name)
        let residenceById = Dictionary(history.residences.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let costing = Costing(policy: policy)
        var staysByCitizen: [String: [Placement]] = [:]
        for s in history.stays { if let c = s.citizenId { staysByCitizen[c, default: []].append(s) } }
        for w in history.waits {
            guard let c = history.citizens[w.citizenId] else { continue }
            if w.outcome == .placed, let until = w.period.to, until >= from, until <= to {
                let stay = staysByCitizen[c.id]?.first { $0.period.from == until }
                let r = stay.flatMap { residenceById[$0.residenceId] }
                let km = r.flatMap { Costing.km(c, $0) }
                let own = r?.isOwn ?? false
                out.placed.append(.init(citizenId: c.id, offerType: c.offerType, targetGroups: c.targetGroups,
                                        waitedDays: w.period.from.days(until: until), isOwn: own, distanceKm: km,
                                        externalAnnualNet: own ? nil : r.map { costing.external(c, $0, km: km).net }))
            } else if w.period.from <= to, w.period.to.map({ $0 > to }) ?? true {
                out.stillWaiting.append(w.period.from.days(until: to))
            }
        }
        // A move home: an own stay that begins the day a bought one ends.
        for (c, stays) in staysByCitizen {
            for s in stays where s.period.from >= from && s.period.from <= to && residenceById[s.residenceId]?.isOwn == true {
                if let before = stays.first(where: { $0.period.to == s.period.from }), residenceById[before.residenceId]?.isOwn == false,
                   let citizen = history.citizens[c], let r = residenceById[s.residenceId] {
                    out.movesHome += 1
                    let current = costing.currentExternal(dailyRate: before.dailyRate ?? citizen.agreedDailyRate ?? residenceById[before.residenceId]?.dailyRate ?? .zero)
                    out.movesHomeAnnualSaving += max(.zero, current.net - costing.own(citizen, r, km: nil).net)
                }
            }
        }
        out.stillWaiting.sort()
        return out
    }
}
