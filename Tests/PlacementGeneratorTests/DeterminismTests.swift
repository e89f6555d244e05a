import Foundation
import Testing
@testable import PlacementGenerator

@Suite struct DeterminismTests {
    @Test func theSameSpecWritesByteIdenticalFiles() throws {
        let again = try GeneratedWorld(WorldSpec())
        #expect(again.files.keys.sorted() == ["citizens.csv", "placements.csv", "places.csv", "residences.csv"])
        for (name, data) in GeneratedWorld.standard.files {
            #expect(again.files[name] == data, "\(name) differs between two writes")
        }
        #expect(again.summary == GeneratedWorld.standard.summary)
    }

    @Test func anotherSeedWritesAnotherWorld() throws {
        let other = try GeneratedWorld(WorldSpec(seed: 2))
        for name in ["residences.csv", "citizens.csv", "placements.csv"] {
            #expect(other.files[name] != GeneratedWorld.standard.files[name], "\(name) is the same for seeds 1 and 2")
        }
    }

    @Test func theOrderOfTheMunicipalitiesDoesNotMatter() throws {
        let a = try GeneratedWorld(WorldSpec(municipalities: [766, 615], citizens: 800))
        let b = try GeneratedWorld(WorldSpec(municipalities: [615, 766, 615], citizens: 800))
        #expect(a.files == b.files)
    }

    @Test func filesAreUTF8WithoutBOMAndEndInNewline() {
        for (name, data) in GeneratedWorld.standard.files {
            #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has a BOM")
            #expect(data.last == 0x0A, "\(name) does not end in a newline")
            #expect(!data.contains(0x0D), "\(name) has a carriage return")
            #expect(String(data: data, encoding: .utf8) != nil, "\(name) is not UTF-8")
        }
    }
}
