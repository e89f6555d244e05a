import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementTestSupport
import Testing

@Suite struct PriorityAndCostTests {
    @Test func acuteBeforeLongerWait() throws {
        var w = MatchWorld()
        w.own(ownHome("L"))
        w.external(externalHome("X1"))
        w.waiting = [Build.citizen("B1", referred: "2026-01-01"), Build.citizen("B2", referred: "2026-11-01", urgency: .acute)]
        let p = try w.run()
        #expect(p["B2"]?.action == .placeOwn && p["B2"]?.priority == 1)
        #expect(p["B1"]?.action == .buyExternal && p["B1"]?.priority == 2)
        #expect(p["B1"]?.reasonLines(.en).contains("Bosted L: fits, but the place went to B2, higher priority (1, acute)") == true)
    }

    @Test func longerWaitFirstAmongEquals() throws {
        var w = MatchWorld()
        w.own(ownHome("L"))
        w.external(externalHome("X1"))
        w.waiting = [Build.citizen("B2", referred: "2026-03-01"), Build.citizen("B1", referred: "2026-05-01")]
        let p = try w.run()
        #expect(p["B2"]?.action == .placeOwn && p["B1"]?.action == .buyExternal)
    }

    @Test func urgencyOrderIsPolicy() throws {
        var w = MatchWorld()
        w.own(ownHome("L"))
        w.external(externalHome("X1"))
        w.waiting = [Build.citizen("B1", referred: "2026-01-01"), Build.citizen("B2", referred: "2026-11-01", urgency: .high)]
        w.policy.urgencyOrder = [.normal, .high, .acute]
        #expect(try w.run()["B1"]?.action == .placeOwn)
    }

    @Test func highPriorityTakesTheSecondPlaceSoBothStayLocal() throws {
        // H (acute) fits A and B, L fits only A. A is cheaper for H, but giving A to H would
        // leave L external: both are local only if H takes B.
        var w = MatchWorld()
        w.own(ownHome("A", support: 1...5, variableKr: 300))
        w.own(ownHome("B", support: 4...5, variableKr: 900))
        w.external(externalHome("X1"))
        w.waiting = [Build.citizen("H", support: 4, urgency: .acute), Build.citizen("L", support: 2)]
        let p = try w.run()
        #expect(p["H"]?.residenceId == "B" && p["H"]?.action == .placeOwn)
        #expect(p["L"]?.residenceId == "A" && p["L"]?.action == .placeOwn)
    }

    @Test func scarcePlaceGoesToHigherPriorityWhenOnlyOneCanBeLocal() throws {
        var w = MatchWorld()
        w.own(ownHome("A", variableKr: 900))
        w.external(externalHome("X1", rateKr: 1000))  // buying would even be cheaper
        w.waiting = [Build.citizen("H", urgency: .high), Build.citizen("N")]
        let p = try w.run()
        #expect(p["H"]?.action == .placeOwn && p["N"]?.action == .buyExternal)
    }

    @Test func cheapestOwnPlaceAmongEqualPriority() throws {
        var w = MatchWorld()
        w.own(ownHome("A", variableKr: 800))
        w.own(ownHome("B", variableKr: 400))
        w.waiting = [Build.citizen("B1")]
        let p = try #require(try w.run()["B1"])
        #expect(p.residenceId == "B" && p.annualCostGross == Money(kroner: 400 * 365))
    }

    @Test func variableCostDefaultsToThePolicyShareOfTheRate() throws {
        var w = MatchWorld()
        w.own(ownHome("A", rateKr: 2000, variableKr: nil))
        w.waiting = [Build.citizen("B1")]
        #expect(try w.run()["B1"]?.annualCostGross == Money(kroner: 500 * 365))  // 25 %
    }

    @Test func distanceBreaksEqualCosts() throws {
        var w = MatchWorld()
        w.own(ownHome("FAR", postcode: 8000))
        w.own(ownHome("NEAR", postcode: 8700))
        w.waiting = [Build.citizen("B1")]
        #expect(try w.run()["B1"]?.residenceId == "NEAR")
    }

    @Test func cheapestExternalNetOfStateRefund() throws {
        var w = MatchWorld()
        w.external(externalHome("X1", rateKr: 6000))
        w.external(externalHome("X2", rateKr: 6100, postcode: 8700))
        w.waiting = [Build.citizen("B1")]
        let p = try #require(try w.run()["B1"])
        // 6.000 kr. a day = 2.190.000 kr. a year; refund 205.000 + 220.000 + 75 % of 70.000.
        #expect(p.residenceId == "X1" || p.residenceId == "X2")
        let x1 = try #require(try { var v = w; v.residences.removeLast(); v.capacity["X2"] = nil; return try v.run()["B1"] }())
        #expect(x1.annualCostGross == Money(kroner: 2_190_000))
        #expect(x1.annualCostNet == Money(kroner: 2_190_000 - 477_500))
    }

    @Test func sameInputSameProposals() throws {
        var w = MatchWorld()
        w.own(ownHome("A"), vacant: 2)
        w.own(ownHome("B"), vacant: 1)
        w.external(externalHome("X1"))
        w.waiting = (1...6).map { Build.citizen("B\($0)", referred: "2026-0\($0)-01") }
        let a = try Matcher(input: w.input, policy: w.policy, language: .da).run().proposals
        let b = try Matcher(input: w.input, policy: w.policy, language: .da).run().proposals
        #expect(a == b)
        #expect(a.filter { $0.action == .placeOwn }.map(\.citizenId) == ["B1", "B2", "B3"])
    }
}

@Suite struct FreeChoiceAndBringHomeTests {
    @Test func wishWithinTenPercentIsProposed() throws {
        var w = MatchWorld()
        w.own(ownHome("L", rateKr: 2000))
        w.external(externalHome("X1", rateKr: 2150))  // 7,5 % above
        w.waiting = [{ var c = Build.citizen("B1"); c.preferredResidences = ["X1"]; return c }(), Build.citizen("B2", referred: "2026-06-01")]
        let p = try w.run()
        #expect(p["B1"]?.action == .buyExternal && p["B1"]?.residenceId == "X1")
        #expect(p["B1"]?.reasonLines(.en).contains { $0.hasPrefix("Free choice (SEL § 108 stk. 2 / ABL § 105): the citizen wished for Bosted X1, 8% above Bosted L") } == true)
        // The own place it frees goes on to the next citizen.
        #expect(p["B2"]?.action == .placeOwn && p["B2"]?.residenceId == "L")
    }

    @Test func wishMoreThanTenPercentAboveIsNot() throws {
        var w = MatchWorld()
        w.own(ownHome("L", rateKr: 2000))
        w.external(externalHome("X1", rateKr: 2300))
        w.waiting = [{ var c = Build.citizen("B1"); c.preferredResidences = ["X1"]; return c }()]
        #expect(try w.run()["B1"]?.residenceId == "L")
    }

    @Test func noFreeChoiceForTemporaryResidence() throws {
        var w = MatchWorld()
        w.own(ownHome("L", offer: .sel107, rateKr: 2000))
        w.external(externalHome("X1", offer: .sel107, rateKr: 2000))
        w.waiting = [{ var c = Build.citizen("B1", offer: .sel107); c.preferredResidences = ["X1"]; return c }()]
        #expect(try w.run()["B1"]?.residenceId == "L")
    }

    func bringHomeWorld(consent: Bool, externalRateKr: Int64 = 3000) -> MatchWorld {
        var w = MatchWorld()
        w.own(ownHome("L", rateKr: 2000, variableKr: 600))
        let x = externalHome("X1", rateKr: externalRateKr)
        w.external(x)
        var c = Build.citizen("E1", status: .placed, referred: nil)
        c.openToMove = consent
        w.stays = [MatchInput.ExternalStay(citizen: c, residenceId: "X1", dailyRate: x.dailyRate, since: Build.day("2024-01-01"))]
        return w
    }

    @Test func bringHomeWithConsent() throws {
        let p = try #require(try bringHomeWorld(consent: true).run()["E1"])
        // 3.000 × 365 = 1.095.000 net of refund 58.750 → 1.036.250; own 600 × 365 = 219.000.
        #expect(p.action == .bringHome && p.residenceId == "L" && p.placeId == "1")
        #expect(p.annualSaving == Money(kroner: 1_036_250 - 219_000))
    }

    @Test func neverWithoutConsent() throws {
        #expect(try bringHomeWorld(consent: false).run()["E1"] == nil)
    }

    @Test func onlyAboveTheThreshold() throws {
        var w = bringHomeWorld(consent: true, externalRateKr: 800)  // saves 73.000 kr.
        #expect(try w.run()["E1"] == nil)
        w.policy.bringHomeThresholdKr = 50_000
        #expect(try w.run()["E1"]?.annualSaving == Money(kroner: 800 * 365 - 219_000))
    }

    @Test func waitingCitizensComeBeforeBringingHome() throws {
        var w = bringHomeWorld(consent: true)
        w.waiting = [Build.citizen("B1")]
        let p = try w.run()
        #expect(p["B1"]?.action == .placeOwn && p["E1"] == nil)
    }
}
