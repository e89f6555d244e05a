import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementTestSupport
import Testing

/// Each hard rule keeps a citizen out of an own place that breaks it, says so, and the
/// citizen is bought the fitting external place instead.
@Suite struct HardRuleTests {
    static func citizen(_ mutate: (inout Citizen) -> Void = { _ in }) -> Citizen {
        var c = Build.citizen("B1", support: 3)
        c.birthYear = 1990
        mutate(&c)
        return c
    }

    func outcome(own: Residence, citizen: Citizen, vacantFrom: String? = nil, features: Features? = nil,
                 external: Residence = externalHome("X1")) throws -> Proposal {
        var w = MatchWorld()
        w.own(own, from: vacantFrom, features: features)
        w.external(external)
        w.waiting = [citizen]
        return try #require(try w.run()["B1"])
    }

    @Test func fittingOwnPlaceIsTaken() throws {
        let p = try outcome(own: ownHome("L"), citizen: Self.citizen())
        #expect(p.action == .placeOwn && p.residenceId == "L" && p.placeId == "1")
        #expect(p.moveIn == Build.day("2026-11-23") && p.distanceKm == 0)
        #expect(p.annualCostGross == Money(kroner: 500 * 365))
    }

    @Test(arguments: [
        ("target group", ownHome("L", groups: [.mentalIllness]), "target group mental illness, citizen's is autism"),
        ("support level", ownHome("L", support: 1...2), "support level 1-2, citizen needs 3"),
    ])
    func residenceRules(rule: String, own: Residence, reason: String) throws {
        let p = try outcome(own: own, citizen: Self.citizen())
        #expect(p.action == .buyExternal && p.residenceId == "X1", "\(rule)")
        #expect(p.reasonLines(.en).contains("Bosted L: \(reason)"), "\(p.reasonLines(.en))")
    }

    @Test func neverAnotherOfferType() throws {
        let p = try outcome(own: ownHome("L", offer: .abl105), citizen: Self.citizen())
        #expect(p.action == .buyExternal && p.residenceId == "X1")
        #expect(p.reasonLines(.en).contains("No own § 108 residence has a vacancy within the allowed wait"))
    }

    @Test func requiredFeatureMustBeInThePlace() throws {
        let c = Self.citizen { $0.requiredFeatures = Features([.wheelchair]) }
        let p = try outcome(own: ownHome("L"), citizen: c, external: externalHome("X1"))
        // The external residence lacks the wheelchair too, so nothing fits.
        #expect(p.action == .noFit)
        let withPlace = try outcome(own: ownHome("L"), citizen: c, features: Features([.wheelchair]))
        #expect(withPlace.action == .placeOwn)
    }

    @Test func ageRange() throws {
        var young = ownHome("L")
        young.ageRange = 18...30
        let p = try outcome(own: young, citizen: Self.citizen())  // born 1990: 36
        #expect(p.action == .buyExternal)
        #expect(p.reasonLines(.en).contains("Bosted L: age 18-30, citizen is 36"))
    }

    @Test func excludedResidence() throws {
        let p = try outcome(own: ownHome("L"), citizen: Self.citizen { $0.excludedResidences = ["L"] })
        #expect(p.action == .buyExternal)
        #expect(p.reasonLines(.en).contains("Bosted L: excluded (declined by or for the citizen)"))
    }

    @Test func maximumDistance() throws {
        // Network in Horsens, own residence in Aarhus (8000, about 42 km), external in Horsens.
        let c = Self.citizen { $0.maxDistanceKm = 20 }
        let p = try outcome(own: ownHome("L", postcode: 8000), citizen: c, external: externalHome("X1", postcode: 8700))
        #expect(p.action == .buyExternal && p.residenceId == "X1")
        #expect(p.reasonLines(.en).contains { $0.hasPrefix("Bosted L: ") && $0.hasSuffix("km from the network, at most 20 km") })
    }

    @Test func residenceMustBeOpenOnTheMoveInDay() throws {
        var later = ownHome("L")
        later.opensOn = Build.day("2027-03-01")
        let p = try outcome(own: later, citizen: Self.citizen())
        #expect(p.action == .buyExternal)
        #expect(p.reasonLines(.en).contains("Bosted L: not open on 2026-11-23"))
    }

    @Test func placeMustBeVacantWithinTheAllowedWait() throws {
        // Allowed wait 30 days from 23 November: 23 December is in, 24 December is out.
        let inTime = try outcome(own: ownHome("L"), citizen: Self.citizen(), vacantFrom: "2026-12-23")
        #expect(inTime.action == .placeOwn && inTime.moveIn == Build.day("2026-12-23"))
        let late = try outcome(own: ownHome("L"), citizen: Self.citizen(), vacantFrom: "2026-12-24")
        #expect(late.action == .buyExternal)
        #expect(late.reasonLines(.en).contains("Bosted L: no vacancy by 2026-12-23"))
        // A later needed-by date moves the horizon.
        let needed = try outcome(own: ownHome("L"), citizen: Self.citizen { $0.neededBy = Build.day("2027-01-10") }, vacantFrom: "2027-02-01")
        #expect(needed.action == .placeOwn && needed.moveIn == Build.day("2027-02-01"))
    }

    @Test func occupiedPlaceIsNotOffered() throws {
        var w = MatchWorld()
        w.residences.append(ownHome("L"))  // no vacant places
        w.external(externalHome("X1"))
        w.waiting = [Self.citizen()]
        let p = try #require(try w.run()["B1"])
        #expect(p.action == .buyExternal)
        #expect(p.reasonLines(.en).contains("No own § 108 residence has a vacancy within the allowed wait"))
    }

    @Test func externalCapacityBoundsPurchases() throws {
        var w = MatchWorld()
        w.external(externalHome("X1", rateKr: 2000), capacity: 1)
        w.external(externalHome("X2", rateKr: 3000), capacity: 1)
        w.waiting = [Build.citizen("B1"), Build.citizen("B2", referred: "2026-02-01"), Build.citizen("B3", referred: "2026-03-01")]
        let p = try w.run()
        #expect([p["B1"]!.residenceId, p["B2"]!.residenceId, p["B3"]!.residenceId].compactMap { $0 }.sorted() == ["X1", "X2"])
        #expect(p.values.filter { $0.action == .noFit }.count == 1)
    }

    @Test func noFitNamesTheNearestCandidatesAndTheirRules() throws {
        var w = MatchWorld()
        w.external(externalHome("X1", groups: [.mentalIllness]))
        w.waiting = [Self.citizen()]
        let p = try #require(try w.run()["B1"])
        #expect(p.action == .noFit && p.residenceId == nil)
        #expect(p.reasonLines(.en)[0] == "No residence fits, own or external")
        #expect(p.reasonLines(.en).contains { $0.hasPrefix("Bosted X1 (") && $0.hasSuffix("target group mental illness, citizen's is autism") })
    }
}
