import Foundation
import Testing
import PlacementModel
@testable import PlacementGenerator

/// Every invariant the importer enforces, checked on the files of several worlds.
@Suite struct InvariantTests {
    static func check(_ name: String) -> WorldCheck {
        switch name {
        case "default": .standard
        case "three municipalities": .threeMunicipalities
        case "national": .national
        default: .scaled
        }
    }

    @Test(arguments: ["default", "three municipalities", "national", "scaled"])
    func filesKeepEveryInvariant(_ name: String) {
        let check = Self.check(name)
        #expect(check.problems.isEmpty, "\(check.problems.joined(separator: "\n"))")
    }

    @Test(arguments: ["default", "three municipalities", "national", "scaled"])
    func summaryMatchesTheFiles(_ name: String) {
        let check = Self.check(name)
        #expect(check.counted == check.world.summary)
    }

    @Test(arguments: [10, 60, 400])
    func tinyWorldsKeepEveryInvariant(_ citizens: Int) throws {
        let world = try GeneratedWorld(WorldSpec(seed: UInt64(citizens), municipalities: [615, 825], historyYears: 1, citizens: citizens))
        let check = WorldCheck(world)
        #expect(check.problems.isEmpty, "\(check.problems.joined(separator: "\n"))")
        #expect(world.summary.citizensWaiting >= 1 && world.summary.ownResidences >= 2)
    }

    @Test func aLongHistoryAndAnotherTodayKeepEveryInvariant() throws {
        let world = try GeneratedWorld(WorldSpec(seed: 5, asOf: Day(year: 2024, month: 2, day: 29)!, historyYears: 6, citizens: 1_500))
        let check = WorldCheck(world)
        #expect(check.problems.isEmpty, "\(check.problems.joined(separator: "\n"))")
    }

    @Test func aNationalWorldBuysOnlyFromPrivateAndRegionalOperators() {
        let residences = GeneratedWorld.national.table("residences.csv").records
        let operators = Set(residences.map { $0["operator"]! })
        #expect(operators == ["own", "private", "regional"])
        let owning = Set(residences.filter { $0["operator"] == "own" }.map { $0["municipality_code"]! })
        #expect(owning.count == 98)
    }

    @Test func everyMunicipalityOfTheAreaHasItsOwnResidencesAndCitizens() {
        let world = GeneratedWorld.threeMunicipalities
        let residences = world.table("residences.csv").records
        let citizens = world.table("citizens.csv").records
        for code in ["615", "657", "766"] {
            #expect(residences.contains { $0["operator"] == "own" && $0["municipality_code"] == code })
            #expect(citizens.contains { $0["home_municipality_code"] == code && $0["status"] == "waiting" })
            #expect(citizens.contains { $0["home_municipality_code"] == code && $0["status"] == "placed" })
        }
        // The external catalogue lies outside the area's own operators.
        #expect(!residences.contains { $0["operator"] == "municipal" && ["615", "657", "766"].contains($0["municipality_code"]!) })
    }

    @Test func aResidenceUnderConstructionHasOnlyClosedPlaces() {
        let world = GeneratedWorld.standard
        let opening = world.table("residences.csv").records.filter {
            $0["opens_on"].flatMap { Day(iso: $0) }.map { $0 > world.spec.asOf } ?? false
        }
        #expect(opening.count == 1)
        let places = world.table("places.csv").records.filter { $0["residence_id"] == opening.first?["residence_id"] }
        #expect(!places.isEmpty && places.allSatisfy { $0["status"] == "closed" && $0["available_from"] == opening.first?["opens_on"] })
    }

    @Test func invalidSpecsAreRefused() throws {
        let dir = URLStub.unused
        #expect(throws: WorldSpecError.unknownMunicipality(999)) { try WorldGenerator.write(WorldSpec(municipalities: [999]), to: dir) }
        #expect(throws: WorldSpecError.noMunicipalities) { try WorldGenerator.write(WorldSpec(municipalities: []), to: dir) }
        #expect(throws: WorldSpecError.historyYears(0)) { try WorldGenerator.write(WorldSpec(historyYears: 0), to: dir) }
        #expect(throws: WorldSpecError.citizens(0)) { try WorldGenerator.write(WorldSpec(citizens: 0), to: dir) }
    }
}

enum URLStub {
    /// A directory that is never created: the spec is refused before anything is written.
    static let unused = FileManager.default.temporaryDirectory.appendingPathComponent("placement-generator-never-\(UUID().uuidString)")
}
