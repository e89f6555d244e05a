import PlacementMatching
import PlacementModel

/// Where the replay stands between two match days: which own places are busy and until when,
/// who waits since when, the bought stays and bridges, and what of the recorded period is still
/// to come. `Replay.run` moves it week by week: `advance(to:)` applies the recorded events up
/// to a match day, `matchInput(on:)` is that day's match, `follow(_:on:into:)` its proposals.
struct ReplayState {
    typealias PlaceKey = Replay.PlaceKey
    typealias ExternalStay = Replay.ExternalStay

    let history: ReplayHistory
    let from: Day, to: Day, lag: Int
    let residenceById: [String: Residence]
    let costing: Costing
    /// Own places that can be offered at all (reserved and closed ones are held back, as in a match).
    let usable: [Place]

    /// A place's occupant leaves on the day given (nil: not within the period). A place not
    /// here is free; one whose occupant leaves is offered from that day, as a match offers a
    /// place with a planned move-out.
    var busyUntil: [PlaceKey: Day?] = [:]
    var externalUsed: [String: Int] = [:]
    var externalStays: [String: ExternalStay] = [:]
    var waiting: [String: Day] = [:]
    /// Bought stays that end: (day, citizen), applied on the match day on or after it.
    var departures: [(day: Day, citizen: String)] = []
    /// Bridges open on the first day, by citizen: the own place one holds (while nobody else is
    /// given it), or the bought residence and the day that bridge ends.
    var ownBridges: [String: PlaceKey] = [:]
    var boughtBridges: [String: (residence: String, ends: Day?)] = [:]
    /// Stays of people outside the planning area that begin in the period, as recorded.
    var anonymous: [Placement]
    /// How long each citizen's stay begun in the period lasted, when it ended within it.
    var duration: [String: Int] = [:]
    let arrivals: [WaitingPeriod]
    let exits: [WaitingPeriod]
    var nextArrival = 0, nextExit = 0

    /// The state at the start of the first day, before its match, as recorded: stays begun
    /// before it, and the waits open then.
    init(_ replay: Replay, policy: MatchPolicy) {
        history = replay.history
        from = replay.from
        to = replay.to
        lag = replay.lag
        let residenceById = Dictionary(history.residences.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.residenceById = residenceById
        costing = Costing(policy: policy)
        usable = history.places.filter { $0.status == .vacant || $0.status == .occupied }
            .filter { residenceById[$0.residenceId]?.isOwn == true }
        let (from, to) = (self.from, self.to)
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
        anonymous = history.stays.filter { $0.citizenId == nil && $0.period.from >= from && $0.period.from <= to }
        for s in history.stays where s.period.from >= from && s.period.from <= to && !history.bridges.contains(s) {
            if let c = s.citizenId, let e = s.period.to, e <= to, duration[c] == nil { duration[c] = s.period.from.days(until: e) }
        }
        arrivals = history.waits.filter { $0.period.from >= from && $0.period.from <= to }
        exits = history.waits.filter { w in
            w.outcome != nil && w.outcome != .placed && (w.period.to.map { $0 >= from && $0 <= to } ?? false)
        }.sorted { ($0.period.to ?? to, $0.citizenId) < ($1.period.to ?? to, $1.citizenId) }
    }

    /// Departures, arrivals and other exits up to `day`, as recorded.
    mutating func advance(to day: Day) {
        for key in busyUntil.keys { if let d = busyUntil[key] ?? nil, d <= day { busyUntil[key] = nil } }
        ownBridges = ownBridges.filter { busyUntil[$0.value] != nil }
        for (c, b) in boughtBridges { if let e = b.ends, e <= day { externalUsed[b.residence, default: 1] -= 1; boughtBridges[c] = nil } }
        for d in departures where d.day <= day {
            if let stay = externalStays.removeValue(forKey: d.citizen) { externalUsed[stay.residence, default: 1] -= 1 }
        }
        departures.removeAll { $0.day <= day }
        let to = self.to
        var busy = busyUntil
        anonymous.removeAll { s in
            guard s.period.from <= day, let placeId = s.placeId else { return false }
            let key = PlaceKey(residence: s.residenceId, place: placeId)
            if busy[key] == nil { busy[key] = .some(s.period.to.flatMap { $0 <= to ? $0 : nil }) }
            return true
        }
        busyUntil = busy
        while nextArrival < arrivals.count, arrivals[nextArrival].period.from <= day {
            let w = arrivals[nextArrival]
            if waiting[w.citizenId] == nil { waiting[w.citizenId] = w.period.from }
            nextArrival += 1
        }
        while nextExit < exits.count, let until = exits[nextExit].period.to, until <= day {
            waiting[exits[nextExit].citizenId] = nil
            nextExit += 1
        }
    }

    /// The match of `day`: the waiting list and the bought stays open to a move against the
    /// places free that day; nil when nobody waits and nobody could move.
    func matchInput(on day: Day) -> MatchInput? {
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
        guard !list.isEmpty || !stays.isEmpty else { return nil }
        return MatchInput(asOf: day, residences: history.residences, vacantPlaces: vacant, externalCapacity: capacity,
                          waiting: list, externalStays: stays)
    }

    /// Each proposal of the day's match followed: moving in `lag` days later (or on the
    /// proposal's day, if later), for as long as the citizen's recorded stay lasted.
    mutating func follow(_ result: MatchResult, on day: Day, into out: inout ReplayOutcome) {
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

    /// The citizen moves into a place on `moveIn`: the bridge ends then, if not before.
    mutating func endBridge(of citizen: String, on moveIn: Day) {
        if let key = ownBridges.removeValue(forKey: citizen), let busy = busyUntil[key] {
            busyUntil[key] = .some(min(busy ?? moveIn, moveIn))
        }
        if let b = boughtBridges[citizen] { boughtBridges[citizen] = (b.residence, min(b.ends ?? moveIn, moveIn)) }
    }
}
