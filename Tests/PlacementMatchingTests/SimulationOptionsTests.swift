import PlacementMatching
import PlacementModel
import PlacementTestSupport
import Testing

/// The capacity plan runs the engine with `MatcherOptions.simulation` and a `KilometreTable`:
/// no reasons, the priority stage by augmenting paths, distances read from a table. None of
/// that may change a proposal or a place value, which these tests check on seeded random worlds
/// (a failure names its seed).
@Suite struct SimulationOptionsTests {
    /// A proposal without its reasons: everything the simulation reads.
    static func decisions(_ result: MatchResult) -> [Proposal] {
        result.proposals.map { var p = $0; p.reasons = []; return p }
    }

    @Test(arguments: 1...60)
    func simulationOptionsDecideAsTheWeeklyMatch(seed: UInt64) throws {
        let world = RandomMatchWorld(seed: seed)
        let weekly = try Matcher(input: world.input, policy: world.policy, language: .da).run()
        let table = KilometreTable(postcodes: world.input.waiting.compactMap(\.networkPostcode)
                                       + world.input.externalStays.compactMap(\.citizen.networkPostcode),
                                   locations: world.input.residences.map(\.location))
        for kilometres in [nil, table] {
            let simulated = try Matcher(input: world.input, policy: world.policy, language: .da, options: .simulation,
                                        kilometres: kilometres).run()
            #expect(Self.decisions(simulated) == Self.decisions(weekly), "seed \(seed), table: \(kilometres != nil)")
            #expect(simulated.placeValues == weekly.placeValues, "seed \(seed), table: \(kilometres != nil)")
            #expect(simulated.proposals.allSatisfy(\.reasons.isEmpty) && simulated.instances.isEmpty)
        }
        let withoutValues = try Matcher(input: world.input, policy: world.policy, language: .da,
                                        options: .simulationWithoutValues).run()
        #expect(Self.decisions(withoutValues) == Self.decisions(weekly), "seed \(seed)")
        #expect(withoutValues.placeValues.isEmpty)
    }

    @Test func theRandomWorldsReachEveryOutcome() throws {
        // Otherwise the comparison above would not cover every stage.
        var seen = Set<ProposalAction>()
        for seed in UInt64(1)...60 {
            let world = RandomMatchWorld(seed: seed)
            seen.formUnion(try Matcher(input: world.input, policy: world.policy, language: .da).run().proposals.map(\.action))
        }
        #expect(seen == Set(ProposalAction.allCases))
    }

    @Test func aPlacedCitizenMovesOverSoALowerPriorityOneFitsToo() throws {
        // H (first) fits A and B; L fits only A; one place each. The greedy rule first puts H in A
        // (its first option), then has to move H to B for L to fit: both stay local.
        var w = MatchWorld()
        w.own(ownHome("A", support: 1...5, variableKr: 300))
        w.own(ownHome("B", support: 4...5, variableKr: 900))
        w.external(externalHome("X1"))
        w.waiting = [Build.citizen("H", support: 4, urgency: .acute), Build.citizen("L", support: 2)]
        let result = try Matcher(input: w.input, policy: w.policy, language: .en, options: .simulation).run()
        let p = Dictionary(uniqueKeysWithValues: result.proposals.map { ($0.citizenId, $0) })
        #expect(p["H"]?.residenceId == "B" && p["L"]?.residenceId == "A")
    }

    @Test func theTableHasTheEnginesDistances() throws {
        let postcodes = [8700, 8000, 7100, 6700, 9999]
        let places = [8700, 8600, 8800, 2100].map { ReferenceData.postcodeByCode[$0]!.point }
        let table = KilometreTable(postcodes: postcodes, locations: places)
        var world = MatchWorld()
        for (n, pc) in [8700, 8600, 8800, 2100].enumerated() { world.own(ownHome("R\(n)", postcode: pc)) }
        for pc in postcodes { world.waiting.append(Build.citizen("B\(pc)", network: pc)) }
        for km in [nil, table] {
            let result = try Matcher(input: world.input, policy: world.policy, language: .en, options: .simulation,
                                     kilometres: km).run()
            #expect(result.proposals.contains { $0.distanceKm != nil } && result.proposals.contains { $0.distanceKm == nil })
            for p in result.proposals where p.residenceId != nil {
                let c = world.waiting.first { $0.id == p.citizenId }!
                let r = world.residences.first { $0.id == p.residenceId }!
                #expect(p.distanceKm == Costing.km(c, r))
            }
        }
    }
}

/// `KilometreTable.from(postcode:)`, the capacity plan's own distances (which residences a
/// person could ever fit): the engine's `Costing.km` whether the table has both ends or not.
@Suite struct KilometreTableDistanceTests {
    @Test func aPostcodesDistancesAreTheEnginesWithOrWithoutTheTable() {
        let horsens = ReferenceData.postcodeByCode[8700]!.point, copenhagen = ReferenceData.postcodeByCode[2100]!.point
        let table = KilometreTable(postcodes: [8700, 8000], locations: [horsens, copenhagen])
        let aarhus = table.from(postcode: 8000)
        // In the table: the row's value. 8000 Aarhus C to 8700 Horsens is 39.7 km, to 2100 København Ø 151.1 km (haversine
        // between the reference points, worked out apart from the product), rounded to whole km.
        #expect(aarhus.km(to: horsens, column: table.column(of: horsens)) == 40)
        #expect(aarhus.km(to: copenhagen, column: table.column(of: copenhagen)) == 151)
        #expect(aarhus.km(to: horsens, column: 0) == Costing.km(fromPostcode: 8000, to: horsens))
        // A location the table lacks (no column) and a postcode it lacks: worked out as the engine does.
        let vejle = ReferenceData.postcodeByCode[7100]!.point
        #expect(table.column(of: vejle) == nil)
        #expect(aarhus.km(to: vejle, column: nil) == Costing.km(fromPostcode: 8000, to: vejle))
        #expect(table.from(postcode: 7400).km(to: horsens, column: 0) == Costing.km(fromPostcode: 7400, to: horsens))
        // An unknown postcode, or none: no distance.
        #expect(table.from(postcode: 9999).km(to: horsens, column: nil) == nil)
        #expect(table.from(postcode: nil).km(to: horsens, column: 0) == nil)
    }
}

/// A seeded random matching problem with everything the rules look at: offer types, target
/// groups, support levels, features, ages, exclusions, wishes, agreed rates, distance limits,
/// vacancies later in the horizon, scarce external room and consenting externally placed citizens.
struct RandomMatchWorld {
    var input: MatchInput
    var policy = MatchPolicy()

    init(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        let asOf = Build.day("2026-11-23")
        let postcodes = [8700, 8000, 7100, 8600, 8800, 6700, 7400]
        let offers: [OfferType] = [.sel108, .sel107]
        let groups: [TargetGroup] = [.autism, .intellectualDisability, .mentalIllness]
        func someGroups() -> [TargetGroup] { rng.chance(70) ? [rng.pick(groups)] : [rng.pick(groups), rng.pick(groups)] }
        func someFeatures() -> Features { rng.chance(70) ? [] : Features([rng.pick(Feature.allCases)]) }

        var residences: [Residence] = [], vacant: [MatchInput.VacantPlace] = [], capacity: [String: Int] = [:]
        for n in 0..<rng.int(3...7) {
            let low = rng.int(1...3)
            var r = Build.residence("O\(n)", own: true, offer: rng.pick(offers), groups: someGroups(), support: low...rng.int(low...5),
                                    features: someFeatures(), places: 4, rateKr: Int64(rng.int(1500...3500)),
                                    variableKr: rng.chance(50) ? Int64(rng.int(200...900)) : nil, postcode: rng.pick(postcodes))
            if rng.chance(20) { r.ageRange = 18...rng.int(30...70) }
            residences.append(r)
            for k in 0..<rng.int(0...3) {
                let from = asOf.adding(days: rng.chance(60) ? 0 : rng.int(1...200))
                vacant.append(.init(residenceId: r.id, placeId: "\(k + 1)", features: rng.chance(30) ? someFeatures() : r.features,
                                    availableFrom: from))
            }
        }
        for n in 0..<rng.int(2...6) {
            let r = Build.residence("X\(n)", own: false, offer: rng.pick(offers), groups: someGroups(), support: 1...5,
                                    features: someFeatures(), places: 10, rateKr: Int64(rng.int(1800...4500)),
                                    postcode: rng.pick(postcodes), municipality: 751)
            residences.append(r)
            capacity[r.id] = rng.int(0...3)
        }
        func someCitizen(_ id: String) -> Citizen {
            var c = Build.citizen(id, offer: rng.pick(offers), groups: someGroups(), support: rng.int(1...5),
                                  referred: asOf.adding(days: -rng.int(0...700)).iso, urgency: rng.chance(15) ? rng.pick([.high, .acute]) : .normal,
                                  network: rng.chance(90) ? rng.pick(postcodes) : nil)
            c.birthYear = rng.chance(80) ? rng.int(1950...2007) : nil
            c.requiredFeatures = rng.chance(20) ? someFeatures() : []
            if rng.chance(15) { c.excludedResidences = [rng.pick(residences).id] }
            if rng.chance(20) { c.preferredResidences = [rng.pick(residences).id] }
            if rng.chance(10) { c.agreedDailyRate = Money(kroner: Int64(rng.int(1500...4000))) }
            if rng.chance(15) { c.maxDistanceKm = rng.int(5...80) }
            if rng.chance(20) { c.neededBy = asOf.adding(days: rng.int(1...120)) }
            return c
        }
        let waiting = (0..<rng.int(3...14)).map { someCitizen("B\($0)") }
        var stays: [MatchInput.ExternalStay] = []
        for n in 0..<rng.int(0...4) {
            var c = someCitizen("E\(n)")
            c.openToMove = rng.chance(80)
            c.status = .placed
            stays.append(.init(citizen: c, residenceId: "X0", dailyRate: Money(kroner: Int64(rng.int(2500...6000))),
                               since: asOf.adding(days: -rng.int(30...900))))
        }
        input = MatchInput(asOf: asOf, residences: residences, vacantPlaces: vacant, externalCapacity: capacity,
                           waiting: waiting, externalStays: stays)
        policy.bringHomeThresholdKr = 50_000
    }
}
