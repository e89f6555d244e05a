import Foundation
import PlacementEvidence
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementTestSupport
import Testing

/// A two-week replay on a tiny world, worked out by hand: one own place for two waiting
/// citizens, a bought place for the one who does not get it, and a referral in week two.
@Suite struct ReplayTests {
    static let from = Build.day("2026-02-02"), to = Build.day("2026-02-15")

    /// Own residence R (one vacant place, P2 taken until 20 March, beyond the 30-day horizon)
    /// and external X. A (normal, referred 1 January) and B (acute, 10 January) wait on the
    /// first day; D (acute) is referred on 5 February.
    static func world(recorded: [(citizen: String, residence: String, place: String?, on: String)] = []) -> ReplayHistory {
        let r = Build.residence("R", offer: .abl105, groups: [.mentalIllness], places: 2, rateKr: 1500)
        let x = Build.residence("X", own: false, offer: .abl105, groups: [.mentalIllness], places: 5, rateKr: 2000)
        var citizens: [String: Citizen] = [:]
        for (id, urgency, referred) in [("A", Urgency.normal, "2026-01-01"), ("B", .acute, "2026-01-10"), ("D", .acute, "2026-02-05")] {
            citizens[id] = Build.citizen(id, offer: .abl105, groups: [.mentalIllness], referred: referred, urgency: urgency)
        }
        citizens["C"] = Build.citizen("C", status: .placed, offer: .abl105, groups: [.mentalIllness], referred: nil)
        var stays = [Placement(citizenId: "C", residenceId: "R", placeId: "P2",
                               period: DayInterval(from: Build.day("2025-06-01"), to: Build.day("2026-03-20")))]
        var waits: [WaitingPeriod] = []
        for id in ["A", "B", "D"] {
            let since = citizens[id]!.referredOn!
            if let placed = recorded.first(where: { $0.citizen == id }) {
                let on = Build.day(placed.on)
                waits.append(WaitingPeriod(citizenId: id, period: DayInterval(from: since, to: on), outcome: .placed))
                stays.append(Placement(citizenId: id, residenceId: placed.residence, placeId: placed.place, period: DayInterval(from: on, to: nil)))
            } else {
                waits.append(WaitingPeriod(citizenId: id, period: DayInterval(from: since, to: nil)))
            }
        }
        return ReplayHistory(residences: [r, x], places: [Place(residenceId: "R", id: "P1"), Place(residenceId: "R", id: "P2", status: .occupied)],
                             citizens: citizens, waits: waits, stays: stays)
    }

    static func placed(_ o: ReplayOutcome) -> [String: (own: Bool, waited: Int)] {
        Dictionary(uniqueKeysWithValues: o.placed.map { ($0.citizenId, ($0.isOwn, $0.waitedDays)) })
    }

    @Test func acuteFirstGivesTheOwnPlaceToTheAcuteCitizen() throws {
        let replay = Replay(history: Self.world(), from: Self.from, to: Self.to, lag: 0)
        #expect(replay.matchDays == [Self.from, Build.day("2026-02-09")])
        let o = replay.run(policy: MatchPolicy(), name: "baseline")
        let p = Self.placed(o)
        // Week one: B (acute) gets P1 after 23 days; A is bought a place after 32. Week two: D,
        // referred on the 5th, is bought a place after 4 days (P2 frees after the horizon).
        #expect(p["B"]?.own == true && p["B"]?.waited == 23)
        #expect(p["A"]?.own == false && p["A"]?.waited == 32)
        #expect(p["D"]?.own == false && p["D"]?.waited == 4)
        #expect(o.ownCount == 1 && o.externalCount == 2 && o.stillWaiting.isEmpty)
        #expect(o.medianWait == Median(twice: 46) && o.longest == 32)
        // Two bought places at 2.000 kr. a day: 730.000 kr. a year each, below the refund threshold.
        #expect(o.externalAnnualNet == Money(kroner: 2 * (730_000)))
    }

    @Test func normalFirstGivesItToTheLongestWaiting() throws {
        var policy = MatchPolicy()
        try policy.set("urgency_order", "normal,high,acute")
        let o = Replay(history: Self.world(), from: Self.from, to: Self.to, lag: 0).run(policy: policy, name: "normal first")
        let p = Self.placed(o)
        #expect(p["A"]?.own == true && p["A"]?.waited == 32)
        #expect(p["B"]?.own == false && p["B"]?.waited == 23)
        #expect(p["D"]?.own == false && p["D"]?.waited == 4)
    }

    @Test func theBaselineReplayReproducesAHistoryThatFollowedTheEngine() throws {
        // What was recorded is what the engine proposed under the stored policy.
        let history = Self.world(recorded: [("B", "R", "P1", "2026-02-02"), ("A", "X", nil, "2026-02-02"), ("D", "X", nil, "2026-02-09")])
        let replay = Replay(history: history, from: Self.from, to: Self.to, lag: 0)
        let recorded = replay.recorded(policy: MatchPolicy(), name: "recorded")
        let baseline = replay.run(policy: MatchPolicy(), name: "baseline")
        #expect(recorded.placed.count == 3 && recorded.ownCount == 1 && recorded.externalCount == 2)
        #expect(baseline.ownCount == recorded.ownCount && baseline.externalCount == recorded.externalCount)
        #expect(baseline.waits == recorded.waits && baseline.waits == [4, 23, 32])
        #expect(baseline.externalAnnualNet == recorded.externalAnnualNet)
        #expect(Self.placed(baseline)["B"]?.own == true && Self.placed(recorded)["B"]?.own == true)
    }

    /// A week whose match failed is named in the document and the JSON, not skipped in silence.
    @Test func aFailedMatchIsSaidInTheOutput() throws {
        let recorded = ReplayOutcome(name: "Det skete")
        var failed = ReplayOutcome(name: "B.policy")
        failed.failedMatchDays = [Build.day("2026-02-09")]
        let doc = ReplayDocument.build(recorded: recorded, replays: [ReplayOutcome(name: "Gældende politik"), failed], from: Self.from, to: Self.to,
                                       lag: 0, norms: [], planningArea: [], language: .da)
        #expect(doc.sections.first?.intro == ["B.policy: matchningen fejlede 09-02-2026; de dage er uden forslag."])
        let en = ReplayDocument.build(recorded: recorded, replays: [failed], from: Self.from, to: Self.to,
                                      lag: 0, norms: [], planningArea: [], language: .en)
        #expect(en.sections.first?.intro == ["B.policy: the match failed on 2026-02-09; those days have no proposals."])
        let json = ReplayJSON.render(recorded: recorded, replays: [failed], from: Self.from, to: Self.to, lag: 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let outcomes = try #require(parsed["outcomes"] as? [[String: Any]])
        #expect(outcomes.map { $0["name"] as? String } == ["Det skete", "B.policy"])
        #expect(outcomes[1]["failed_match_days"] as? [String] == ["2026-02-09"], "\(json)")
        #expect(outcomes[0]["failed_match_days"] == nil)
        // None failed: no such key and no sentence.
        #expect(!ReplayJSON.render(recorded: recorded, replays: [], from: Self.from, to: Self.to, lag: 0).contains("failed_match_days"))
    }
}
