import PlacementEvidence
import PlacementMatching
import PlacementModel
import PlacementTestSupport
import Testing

/// A bridging citizen moved into a permanent place by the replay leaves the bridge on the
/// move-in, and the bridge's place goes to the next citizen: worked out by hand.
@Suite struct ReplayBridgeTests {
    static let from = Build.day("2026-02-02"), to = Build.day("2026-03-08")

    /// A (granted § 108, referred 1 January) lives in a § 107 bridge T/T1 (own) or in X (bought,
    /// its one place) since 1 December; L/L1 (§ 108) is vacant. B (granted § 107, referred
    /// 20 January) waits for the bridge's place: no other § 107 place exists.
    static func world(boughtBridge: Bool, marked: Bool = true) -> ReplayHistory {
        let t = Build.residence("T", offer: .sel107, places: 1, rateKr: 1500)
        let x = Build.residence("X", own: false, offer: .sel107, places: 1, rateKr: 2500)
        let l = Build.residence("L", offer: .sel108, places: 1, rateKr: 1800)
        let a = Build.citizen("A", status: .placed, offer: .sel108, referred: "2026-01-01")
        let b = Build.citizen("B", offer: .sel107, referred: "2026-01-20")
        let bridge = Placement(citizenId: "A", residenceId: boughtBridge ? "X" : "T", placeId: boughtBridge ? nil : "T1",
                               period: DayInterval(from: Build.day("2025-12-01"), to: nil))
        let waits = [WaitingPeriod(citizenId: "A", period: DayInterval(from: a.referredOn!, to: nil)),
                     WaitingPeriod(citizenId: "B", period: DayInterval(from: b.referredOn!, to: nil))]
        return ReplayHistory(
            residences: boughtBridge ? [x, l] : [t, l],
            places: (boughtBridge ? [] : [Place(residenceId: "T", id: "T1", status: .occupied)]) + [Place(residenceId: "L", id: "L1")],
            citizens: ["A": a, "B": b], waits: waits, stays: [bridge], bridges: marked ? [bridge] : [])
    }

    /// Own bridge: on 2 February A is proposed L1 and moves in on the 16th (lag 14), after 46
    /// days; the bridge ends that day, so on the 9th T1 is offered from the 16th and B moves in
    /// on the 23rd (9th + 14), after 34 days. Bought bridge: X's place is used until the 16th,
    /// so B is bought it on the 16th and moves in on 2 March, after 41 days.
    @Test(arguments: [(false, true, 34), (true, false, 41)])
    func theBridgeEndsOnTheMoveInAndItsPlaceGoesToTheNext(boughtBridge: Bool, bOwn: Bool, bWaited: Int) throws {
        let o = Replay(history: Self.world(boughtBridge: boughtBridge), from: Self.from, to: Self.to, lag: 14)
            .run(policy: MatchPolicy(), name: "baseline")
        let placed = Dictionary(uniqueKeysWithValues: o.placed.map { ($0.citizenId, ($0.isOwn, $0.waitedDays)) })
        #expect(placed["A"]?.0 == true && placed["A"]?.1 == 46)
        #expect(placed["B"]?.0 == bOwn && placed["B"]?.1 == bWaited)
        #expect(o.placed.count == 2 && o.stillWaiting.isEmpty && o.movesHome == 0)
    }

    /// The same own stay not marked as a bridge is an ordinary open stay: T1 never frees, and B
    /// still waits at the end (20 January to 8 March: 47 days).
    @Test func anUnmarkedStayKeepsItsPlace() throws {
        let o = Replay(history: Self.world(boughtBridge: false, marked: false), from: Self.from, to: Self.to, lag: 14)
            .run(policy: MatchPolicy(), name: "baseline")
        #expect(o.placed.map(\.citizenId) == ["A"])
        #expect(o.stillWaiting == [47])
    }
}
