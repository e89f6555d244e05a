import PlacementMatching
import PlacementModel
import PlacementPlanning
import PlacementTestSupport

/// Small planning worlds built directly as values (no database), like MatchWorld for matching.
struct SmallPlan {
    var asOf: Day
    var residences: [Residence] = []
    var places: [PlanWorld.OwnPlace] = []
    var citizens: [Citizen] = []
    var placements: [Placement] = []
    var waiting: [WaitingPeriod] = []
    var policy = MatchPolicy()

    init(asOf: String) { self.asOf = Build.day(asOf) }

    /// An own residence with `places` places (all vacant unless someone is placed there).
    mutating func own(_ id: String, offer: OfferType = .sel108, groups: [TargetGroup] = [.autism], support: ClosedRange<Int> = 1...5,
                      places: Int, rateKr: Int64 = 2000, variableKr: Int64 = 500) {
        residences.append(Build.residence(id, own: true, offer: offer, groups: groups, support: support, places: places,
                                          rateKr: rateKr, variableKr: variableKr))
        for n in 1...max(1, places) where places > 0 {
            self.places.append(PlanWorld.OwnPlace(residenceId: id, placeId: String(n), features: [], status: .vacant))
        }
    }

    mutating func external(_ id: String, offer: OfferType = .sel108, groups: [TargetGroup] = [.autism], places: Int = 20,
                           rateKr: Int64 = 3000) {
        residences.append(Build.residence(id, own: false, offer: offer, groups: groups, places: places, rateKr: rateKr,
                                          postcode: 8000, municipality: 751))
    }

    /// A citizen with a stay [from, to) in a residence (own: in place `place`), referred `referred`.
    mutating func stay(_ id: String, groups: [TargetGroup] = [.autism], support: Int = 4, offer: OfferType = .sel108,
                       in residence: String, place: String? = nil, from: String, to: String?, referred: String? = nil) {
        let ended = to.map { Build.day($0) <= asOf } ?? false
        var c = Build.citizen(id, status: ended ? .left : .placed, offer: offer, groups: groups, support: support, referred: referred)
        c.birthYear = 1990
        if !citizens.contains(where: { $0.id == id }) { citizens.append(c) }
        placements.append(Placement(citizenId: id, residenceId: residence, placeId: place,
                                    period: DayInterval(from: Build.day(from), to: to.map { Build.day($0) })))
        if let referred {
            waiting.append(WaitingPeriod(citizenId: id, period: DayInterval(from: Build.day(referred), to: Build.day(from)), outcome: .placed))
        }
    }

    /// A citizen waiting since `since`.
    mutating func waits(_ id: String, groups: [TargetGroup] = [.autism], support: Int = 4, offer: OfferType = .sel108, since: String) {
        var c = Build.citizen(id, status: .waiting, offer: offer, groups: groups, support: support, referred: since)
        c.birthYear = 1990
        citizens.append(c)
        waiting.append(WaitingPeriod(citizenId: id, period: DayInterval(from: Build.day(since), to: nil)))
    }

    var world: PlanWorld {
        PlanWorld(asOf: asOf, planningArea: [615], residences: residences, ownPlaces: places, citizens: citizens,
                  placements: placements, waitingPeriods: waiting, policy: policy)
    }
}

/// A plan's figure: the median (the band is exact without randomness).
func median(_ plan: PlanResult, scenario: Int = 0, year: Int, _ f: Figure) -> Int64 {
    plan.scenarios[scenario].years.first { $0.year == year }!.figures[f]!.median
}

/// What `Money.scaled` does: a × n / d rounded half away from zero.
func scaled(_ a: Int64, _ n: Int64, _ d: Int64) -> Int64 {
    let (q, r) = (a * n).quotientAndRemainder(dividingBy: d)
    if 2 * r >= d { return q + 1 }
    if 2 * r <= -d { return q - 1 }
    return q
}
