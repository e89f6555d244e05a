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

    /// The replay under one policy: each match day, the recorded events up to it, the
    /// engine's match of the day, and its proposals followed (`ReplayState`).
    public func run(policy: MatchPolicy, name: String) -> ReplayOutcome {
        var out = ReplayOutcome(name: name)
        var state = ReplayState(self, policy: policy)
        for day in matchDays {
            state.advance(to: day)
            guard let input = state.matchInput(on: day) else { continue }
            do {
                let result = try Matcher(input: input, policy: policy, language: .en, options: .simulationWithoutValues).run()
                state.follow(result, on: day, into: &out)
            } catch {
                // The week goes on without proposals; the document and the JSON name the day.
                out.failedMatchDays.append(day)
            }
        }
        out.stillWaiting = state.waiting.values.map { $0.days(until: to) }.sorted()
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
