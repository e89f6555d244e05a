import PlacementModel
import PlacementPlanning
import PlacementReports
import PlacementTestSupport
import Testing

@Suite struct SimulationTests {
    /// A world with history: referrals and stays for the estimate, and people placed today.
    static func world() -> PlanWorld {
        var w = SmallPlan(asOf: "2026-11-23")
        w.own("R1", places: 3)
        w.own("R2", offer: .sel107, groups: [.mentalIllness], places: 2, rateKr: 2500, variableKr: 700)
        w.external("E1")
        w.external("E2", offer: .sel107, groups: [.mentalIllness], rateKr: 2800)
        w.stay("z", in: "E1", from: "2019-01-01", to: "2023-01-01")
        var n = 0
        for (from, to) in [("2024-02-01", "2025-03-01"), ("2024-05-01", "2026-02-01"), ("2025-01-10", nil as String?),
                           ("2025-06-01", "2026-06-01"), ("2025-09-01", nil), ("2026-03-01", nil)] {
            n += 1
            let month = from.dropLast(3)
            w.stay("a\(n)", in: n <= 2 ? "R1" : "E1", place: n <= 2 ? String(n) : nil, from: from, to: to, referred: "\(month)-01")
        }
        for (from, to) in [("2024-01-15", "2024-07-01"), ("2024-08-01", "2025-01-20"), ("2025-02-01", "2025-06-01"),
                           ("2025-07-01", "2026-01-01"), ("2026-02-01", nil as String?), ("2026-05-01", "2026-09-01")] {
            n += 1
            w.stay("m\(n)", groups: [.mentalIllness], support: 3, offer: .sel107, in: n % 2 == 0 ? "R2" : "E2",
                   place: n % 2 == 0 ? "1" : nil, from: from, to: to, referred: from)
        }
        w.waits("w1", since: "2026-10-01")
        return w.world
    }

    static let build = Scenario(name: "build", newResidences: [
        Scenario.NewResidence(residence: {
            var r = Build.residence("N1", own: true, groups: [.autism], places: 4, rateKr: 2100, variableKr: 500)
            r.opensOn = Build.day("2027-06-01")
            return r
        }(), investment: Money(kroner: 10_000_000)),
    ])

    static func plan(seed: UInt64, threads: Int, runs: Int = 24) throws -> PlanResult {
        try Planner.plan(world: world(), scenarios: [build], options: PlanOptions(years: 3, runs: runs, seed: seed, threads: threads))
    }

    static func fingerprint(_ p: PlanResult) -> [Int64] {
        p.scenarios.flatMap { s in
            s.years.flatMap { y in Figure.allCases.flatMap { f in [y.figures[f]!.low, y.figures[f]!.median, y.figures[f]!.high] } }
                + s.residenceValues.flatMap { [$0.value.low, $0.value.median, $0.value.high] }
                + (s.payback.map { [$0.year.low, $0.year.median, $0.year.high] } ?? [])
        }
    }

    @Test func theSameSeedGivesTheSamePlanOnAnyNumberOfThreads() throws {
        let one = try Self.plan(seed: 7, threads: 1)
        let two = try Self.plan(seed: 7, threads: 2)
        #expect(Self.fingerprint(one) == Self.fingerprint(two))
        #expect(PlanJSON.render(one) == PlanJSON.render(two))
        let other = try Self.plan(seed: 8, threads: 2)
        #expect(Self.fingerprint(other) != Self.fingerprint(one))
    }

    @Test func referralsAreRandomAroundTheEstimate() throws {
        let p = try Self.plan(seed: 3, threads: 2, runs: 40)
        // § 108 autism level 4: 6 referrals in the window 2023-11-23 … 2026-11-22 (3 years) = 2 a
        // year; § 107 mental illness level 3: 6 = 2 a year; the waiting one: 1 in 3 years.
        let referrals = p.scenarios[0].years[1].figures[.referrals]!
        #expect(referrals.low < referrals.high)
        #expect((2...8).contains(referrals.median))
        #expect(p.scenarios[0].years.allSatisfy { $0.figures[.ownPlaces]!.isExact })
    }

    @Test func aNewResidenceIsValuedAndCounted() throws {
        let p = try Self.plan(seed: 1, threads: 2)
        let s = p.scenarios[1]
        #expect(s.residenceValues.contains { $0.id == "N1" && $0.isNew })
        #expect(!p.scenarios[0].residenceValues.contains { $0.id == "N1" })
        #expect(s.years[0].figures[.ownPlaces]!.median == p.scenarios[0].years[0].figures[.ownPlaces]!.median + 4)
        // Offer types the scenario does not touch are the baseline's, run by run.
        #expect(!p.scenarios[0].groupValues.isEmpty)
    }
}

@Suite struct QuantileTests {
    @Test func nearestRank() {
        let b = Quantiles.band((1...10).map { Int64($0) }.reversed())
        #expect(b == Band(low: 1, median: 5, high: 9))
        #expect(Quantiles.band([42]) == Band(exactly: 42))
        #expect(Quantiles.band([3, 1, 2]) == Band(low: 1, median: 2, high: 3))
        let big = Quantiles.band((1...500).map { Int64($0) })
        #expect(big == Band(low: 50, median: 250, high: 450))
    }
}
