import PlacementModel
import PlacementReports
import PlacementStore
import PlacementTestSupport
import Testing

/// Every figure of two consecutive weeks of `SmallWorld`, computed by hand.
@Suite struct WeeklyFiguresTests {
    static func kr(_ k: Int64) -> Money { Money(kroner: k) }

    @Test func headlineOfWeek48() throws {
        let f = try SmallWorld.make().weeklyFigures(SmallWorld.w48)
        let h = f.headline
        #expect(h.week == SmallWorld.w48)
        // Sunday 29-11: D (181 days), G (3) and H (301) wait.
        #expect(h.waiting == 3)
        #expect(h.medianWaitDays == Median(days: 181))
        #expect(h.longestWaitDays == 301)
        #expect(h.referrals == 1)                              // G
        #expect(h.placementsOwn == 2)                          // B (R1), E (R2)
        #expect(h.placementsExternal == 1)                     // I (X1)
        #expect(h.movesHome == 1)                              // B from X1
        #expect(h.placedOwn == 3 && h.placedExternal == 3)     // A, B, E; C, I, J
        #expect(h.placed == 6)
        // C 6.500 + I 3.200 + J 6.000 = 15.700 kr. a day.
        #expect(h.externalAnnualCost == Self.kr(15_700 * 365))
        #expect(h.externalAnnualCost == Self.kr(5_730_500))
        #expect(h.ownPlaces == 6)
        #expect(h.placesOccupied == 4)                         // A, B, E and the outsider
        #expect(h.placesReserved == 1 && h.placesClosed == 1 && h.placesVacant == 0)
        // R1/2 on 23, 24; R2/1 on 23; R2/2 on 23-26: 2 × 2.000 + 5 × 1.500.
        #expect(h.vacancyDays == 7)
        #expect(h.vacancyCost == Self.kr(11_500))
    }

    @Test func headlineOfWeek47IsThePreviousWeek() throws {
        let f = try SmallWorld.make().weeklyFigures(SmallWorld.w48)
        let p = f.previousHeadline
        #expect(p.week == SmallWorld.w47)
        // Sunday 22-11: E (4 days), D (174) and H (294).
        #expect(p.waiting == 3)
        #expect(p.medianWaitDays == Median(days: 174))
        #expect(p.longestWaitDays == 294)
        #expect(p.referrals == 1)                              // E
        #expect(p.placementsOwn == 0 && p.placementsExternal == 1)  // J into X2
        #expect(p.movesHome == 0)
        #expect(p.placedOwn == 1 && p.placedExternal == 4)     // A; B, C, J, K
        // B 3.000 + C 6.500 + J 6.000 + K 3.000 = 18.500 kr. a day.
        #expect(p.externalAnnualCost == Self.kr(6_752_500))
        #expect(p.placesOccupied == 1 && p.placesReserved == 1 && p.placesClosed == 1 && p.placesVacant == 3)
        // R1/2 all 7 days (14.000 kr.), R2/1 all 7 and R2/2 from 20-11 (3): 10 × 1.500.
        #expect(p.vacancyDays == 17)
        #expect(p.vacancyCost == Self.kr(29_000))
        // The same as the report of week 47 itself.
        let own = try SmallWorld.make().weeklyFigures(SmallWorld.w47)
        #expect(own.headline == p)
    }

    @Test func agreesWithPlacementStatus() throws {
        let db = try SmallWorld.make()
        for week in [SmallWorld.w47, SmallWorld.w48, SmallWorld.w48.next, ISOWeek(year: 2026, week: 10)!] {
            let f = try db.weeklyFigures(week)
            let s = try db.read { try Status.summary($0, on: week.sunday) }
            let h = f.headline
            #expect(h.waiting == s.citizensWaiting)
            #expect(h.longestWaitDays == s.longestWaitDays)
            #expect(h.placedOwn == s.citizensPlacedOwn && h.placedExternal == s.citizensPlacedExternal)
            #expect(h.externalAnnualCost == s.externalAnnualCost)
            #expect(h.placesOccupied == s.placesOccupied && h.placesVacant == s.placesVacant)
            #expect(h.placesOccupied + h.placesVacant + h.placesReserved + h.placesClosed == h.ownPlaces)
            // The residences add up to the headline.
            #expect(f.residences.reduce(0) { $0 + $1.places } == h.ownPlaces)
            #expect(f.residences.reduce(0) { $0 + $1.occupied } == h.placesOccupied)
            #expect(f.residences.reduce(0) { $0 + $1.vacant } == h.placesVacant)
            // External groups add up to the headline.
            #expect(f.external.byOfferType.reduce(0) { $0 + $1.count } == h.placedExternal)
            #expect(f.external.byOperator.map(\.annualCost).sum() == h.externalAnnualCost)
            #expect(f.external.byMunicipality.map(\.annualCost).sum() == h.externalAnnualCost)
            // The trend's last two points are this week and the week before.
            let last = try #require(f.trend.last), before = f.trend[f.trend.count - 2]
            #expect(last.waiting == h.waiting && last.medianWaitDays == h.medianWaitDays)
            #expect(last.placesOccupied == h.placesOccupied && last.ownPlaces == h.ownPlaces)
            #expect(last.externalCount == h.placedExternal && last.externalAnnualCost == h.externalAnnualCost)
            #expect(before.waiting == f.previousHeadline.waiting && before.externalAnnualCost == f.previousHeadline.externalAnnualCost)
            // The waiting list and the norms count the same citizens.
            #expect(f.waitingList.count == h.waiting)
            #expect(f.norms.reduce(0) { $0 + $1.waiting } == h.waiting)
            // Changes agree with the headline.
            #expect(f.changes.filter { $0.kind == .referred }.count == h.referrals)
            #expect(f.changes.filter { $0.kind == .placed || $0.kind == .moved }.count == h.placementsMade)
            #expect(f.changes.filter(\.isMoveHome).count == h.movesHome)
        }
    }

    @Test func residencesOfWeek48() throws {
        let f = try SmallWorld.make().weeklyFigures(SmallWorld.w48)
        #expect(f.residences.map(\.name) == ["Bakken", "Engen"])
        let bakken = f.residences[0], engen = f.residences[1]
        #expect(bakken.places == 3 && bakken.occupied == 2 && bakken.vacant == 0 && bakken.reserved == 0 && bakken.closed == 1)
        #expect(bakken.vacancyDays == 5 && bakken.dailyRate == Self.kr(1500) && bakken.vacancyCost == Self.kr(7500))
        #expect(engen.places == 3 && engen.occupied == 2 && engen.vacant == 0 && engen.reserved == 1 && engen.closed == 0)
        #expect(engen.vacancyDays == 2 && engen.vacancyCost == Self.kr(4000))
    }

    /// The waiting list follows the policy's urgency order, as the match's priority does: H is
    /// acute, D high and G normal.
    @Test(arguments: [
        ("acute,high,normal", ["H", "D", "G"]),
        ("normal,high,acute", ["G", "D", "H"]),
        ("normal,acute,high", ["G", "H", "D"]),
    ])
    func waitingListInThePolicysUrgencyOrder(order: String, expected: [String]) throws {
        let db = try SmallWorld.make()
        try db.write { try MatchPolicy.store($0, key: "urgency_order", value: order) }
        let f = try db.weeklyFigures(SmallWorld.w48)
        #expect(f.waitingList.map(\.citizenId) == expected)
        // The match's priority over the same citizens gives the same order.
        let waiting = try db.read { d in try Citizens.all(d).filter { c in expected.contains(c.id) } }
        let policy = try db.read { try MatchPolicy.load($0) }
        #expect(Priority(policy: policy).ordered(waiting).map(\.id) == expected)
    }

    @Test func waitingListWithTheLatestRunsProposals() throws {
        let f = try SmallWorld.make().weeklyFigures(SmallWorld.w48)
        // Run 2 is a replay and run 3 is after Sunday: run 1 is the latest.
        #expect(f.latestRun == MatchRunRef(id: 1, asOf: Build.day("2026-11-20")))
        // Acute first, then high, then normal.
        #expect(f.waitingList.map(\.citizenId) == ["H", "D", "G"])
        #expect(f.waitingList.map(\.daysWaiting) == [301, 181, 3])
        let h = f.waitingList[0], d = f.waitingList[1], g = f.waitingList[2]
        #expect(h.offerType == .sel107 && h.urgency == .acute && h.since == Build.day("2026-02-01"))
        let hp = f.proposals[h.citizenId], dp = f.proposals[d.citizenId]
        #expect(hp?.action == .noFit && hp?.residenceId == nil)
        #expect(dp?.action == .placeOwn && dp?.residenceName == "Engen" && dp?.placeId == "3")
        #expect(dp?.status == .declined && dp?.moveIn == Build.day("2026-12-01"))
        #expect(d.targetGroups == TargetGroups([.autism]) && d.supportLevel == 3)
        #expect(f.proposals[g.citizenId] == nil)
        // Only the waiting citizens' rows: the run's proposals for others are not the list's.
        #expect(Set(f.proposals.keys).isSubset(of: Set(f.waitingList.map(\.citizenId))))
    }

    @Test func externalPurchasesOfWeek48() throws {
        let f = try SmallWorld.make().weeklyFigures(SmallWorld.w48)
        let e = f.external
        #expect(e.byOfferType.map(\.key) == [.sel107, .sel108])
        #expect(e.byOfferType.map(\.count) == [2, 1])
        #expect(e.byOfferType.map(\.annualCost) == [Self.kr(4_562_500), Self.kr(1_168_000)])
        #expect(e.byOperator.map(\.key) == [.municipal, .private])
        #expect(e.byOperator.map(\.count) == [2, 1])
        #expect(e.byMunicipality.map(\.key.name) == ["Vejle", "Aarhus"])
        #expect(e.byMunicipality.map(\.key.code) == [630, 751])
        #expect(e.byMunicipality.map(\.annualCost) == [Self.kr(4_562_500), Self.kr(1_168_000)])
        // Above 2 mio. kr. a year: C (agreed 6.500 kr./day) and J (6.000 kr./day).
        #expect(e.expensive.map(\.citizenId) == ["C", "J"])
        #expect(e.expensive.map(\.annualCost) == [Self.kr(2_372_500), Self.kr(2_190_000)])
        #expect(e.expensive[0].since == Build.day("2026-03-01") && e.expensive[0].operatorKind == .municipal)
    }

    @Test func bringHomeCandidates() throws {
        let db = try SmallWorld.make()
        // Week 48: J is open to moving; run 1 (not the replay) proposes R2 at 800.000 kr. a year.
        let f48 = try db.weeklyFigures(SmallWorld.w48)
        #expect(f48.bringHome.map(\.citizenId) == ["J"])
        #expect(f48.bringHome[0].annualSaving == Self.kr(800_000))
        #expect(f48.bringHome[0].proposedResidenceName == "Bakken")
        #expect(f48.bringHome[0].annualCost == Self.kr(2_190_000))
        // Week 47: B is still external too; ordered by saving.
        let f47 = try db.weeklyFigures(SmallWorld.w47)
        #expect(f47.bringHome.map(\.citizenId) == ["J", "B"])
        #expect(f47.bringHome.map(\.annualSaving) == [Self.kr(800_000), Self.kr(365_000)])
        // Week 46: no run yet, so no proposal and no saving.
        let f46 = try db.weeklyFigures(SmallWorld.w47.previous)
        #expect(f46.latestRun == nil)
        #expect(f46.bringHome.map(\.citizenId) == ["B", "J"])
        #expect(f46.bringHome.allSatisfy { $0.annualSaving == nil })
    }

    @Test func waitingTimeNorms() throws {
        let db = try SmallWorld.make()
        let f = try db.weeklyFigures(SmallWorld.w48)
        #expect(f.waitNormDays == [91, 183])
        #expect(f.norms.map(\.offerType) == [.sel107, .sel108])
        #expect(f.norms[0] == NormRow(offerType: .sel107, waiting: 1, over: [1, 1], longestWaitDays: 301))
        #expect(f.norms[1] == NormRow(offerType: .sel108, waiting: 2, over: [1, 0], longestWaitDays: 181))
        // Norms come from the policy table.
        try db.write { try $0.execute(sql: "UPDATE policy SET value = '180, 30' WHERE key = 'wait_norm_days'") }
        let g = try db.weeklyFigures(SmallWorld.w48)
        #expect(g.waitNormDays == [30, 180])
        #expect(g.norms[1].over == [1, 1])
    }

    @Test func declinesOfTheWeekOnly() throws {
        let f = try SmallWorld.make().weeklyFigures(SmallWorld.w48)
        #expect(f.declines.map(\.citizenId) == ["D", "H", "G"])
        #expect(f.declines.map(\.reason) == [.citizenDeclined, .providerDeclined, .needChanged])
        #expect(f.declines[1].residenceName == "Fjordhuset" && f.declines[1].note == "Ingen ledig kapacitet; \"venteliste\" <5> & ny vurdering")
    }

    @Test func changesOfWeek48And47() throws {
        let db = try SmallWorld.make()
        let c48 = try db.weeklyFigures(SmallWorld.w48).changes
        #expect(c48.map(\.kind) == [.placed, .placed, .moved, .referred, .left])
        #expect(c48.map(\.citizenId) == ["I", "E", "B", "G", "K"])
        #expect(c48.map(\.day) == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-28"].map(Build.day))
        #expect(c48[2].fromResidence == "Skovly" && c48[2].toResidence == "Engen" && c48[2].isMoveHome)
        #expect(c48[0].toResidence == "Skovly" && c48[0].toOwn == false && c48[1].toOwn == true)
        #expect(c48[4].fromResidence == "Skovly" && c48[4].toResidence == nil)
        let c47 = try db.weeklyFigures(SmallWorld.w47).changes
        #expect(c47.map(\.kind) == [.moved, .referred, .left])
        #expect(c47.map(\.citizenId) == ["J", "E", "F"])
        #expect(c47[0].fromResidence == "Skovly" && c47[0].toResidence == "Fjordhuset" && !c47[0].isMoveHome)
    }

    @Test func trendOver26Weeks() throws {
        let f = try SmallWorld.make().weeklyFigures(SmallWorld.w48)
        #expect(f.trend.count == 26)
        #expect(f.trend.first?.week == ISOWeek(year: 2026, week: 23))
        #expect(f.trend.last?.week == SmallWorld.w48)
        // Week 23 (Sunday 07-06): D (6 days) and H (126) wait; median (6 + 126) / 2 = 66.
        let w23 = f.trend[0]
        #expect(w23.waiting == 2 && w23.medianWaitDays == Median(days: 66))
        // Occupied on 07-06: A (R1/1) and F (R2/2); external: B, C, J (still in X1) and K.
        #expect(w23.placesOccupied == 2 && w23.ownPlaces == 6)
        #expect(w23.externalCount == 4 && w23.externalAnnualCost == Self.kr((3000 + 6500 + 3000 + 3000) * 365))
        #expect(f.trend.map(\.week) == (0..<26).map { i in
            var w = SmallWorld.w48
            for _ in 0..<(25 - i) { w = w.previous }
            return w
        })
    }

    @Test func medianOfAnEvenNumberOfWaitsEndsInAHalf() throws {
        let db = try SmallWorld.make()
        // Sunday 2026-06-07: D waits 6 days, H 126 → 66. Move D's referral one day: 5 and 126 → 65,5.
        try db.write { try $0.execute(sql: "UPDATE waiting_period SET since = '2026-06-02' WHERE citizen_id = 'D'") }
        let f = try db.weeklyFigures(ISOWeek(year: 2026, week: 23)!)
        #expect(f.headline.medianWaitDays == Median(twice: 131))
        #expect(f.trend.last?.medianWaitDays == Median(twice: 131))
    }

    @Test func aPastWeekIsTheSameWhenProducedAgain() throws {
        let db = try SmallWorld.make()
        let first = try db.weeklyFigures(SmallWorld.w47)
        // Later history (a new referral and a stay in week 49) does not change week 47.
        try db.write { d in
            try Citizens.insert(d, Build.citizen("Z", referred: "2026-12-01"))
            try WaitingPeriods.insert(d, WaitingPeriod(citizenId: "Z", period: DayInterval(from: Build.day("2026-12-01"), to: nil)))
        }
        #expect(try db.weeklyFigures(SmallWorld.w47) == first)
    }
}
