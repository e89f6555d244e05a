import Foundation
import Testing
@testable import PlacementGenerator

/// The invariant checker itself: a broken file must be noticed, or the invariant tests
/// prove nothing.
@Suite struct WorldCheckTests {
    let world = GeneratedWorld.standard

    /// Replaces the first line containing `marker` by `edit(line)`.
    func editLine(_ file: String, containing marker: String, _ edit: @escaping (String) -> String) -> [String] {
        let broken = world.editing(file) { text in
            var lines = text.components(separatedBy: "\n")
            if let i = lines.firstIndex(where: { $0.contains(marker) }) { lines[i] = edit(lines[i]) }
            return lines.joined(separator: "\n")
        }
        return WorldCheck(broken).problems
    }

    @Test func noticesAStayInTheWrongOfferType() {
        let problems = editLine("citizens.csv", containing: ",ABL105,") { $0.replacingOccurrences(of: ",ABL105,", with: ",SEL108,") }
        #expect(problems.contains { $0.contains("offer") })
    }

    @Test func noticesAPlaceStatusThatContradictsTheStays() {
        let problems = editLine("places.csv", containing: ",occupied,") { $0.replacingOccurrences(of: ",occupied,", with: ",vacant,") }
        #expect(problems.contains { $0.contains("status vacant") })
    }

    @Test func noticesOverlappingStaysInOnePlace() throws {
        // A past stay in a place occupied today, stretched to today, overlaps the occupant.
        let occupied = Set(world.table("places.csv").records.filter { $0["status"] == "occupied" }
            .map { "\($0["residence_id"]!),\($0["place_id"]!)," })
        let row = try #require(world.table("placements.csv").rows.first { occupied.contains("\($0[1]),\($0[2]),") })
        let problems = editLine("placements.csv", containing: row.joined(separator: ",")) { line in
            var f = line.components(separatedBy: ",")
            f[4] = "2026-11-23"
            return f.joined(separator: ",")
        }
        #expect(problems.contains { $0.contains("overlap") })
    }

    @Test func noticesAnIdThatCouldBeACPRNumber() {
        let problems = editLine("citizens.csv", containing: "B0000001,") { $0.replacingOccurrences(of: "B0000001,", with: "0101901234,") }
        #expect(problems.contains { $0.contains("case number") })
    }

    @Test func noticesAnOverfullExternalResidence() {
        let problems = editLine("residences.csv", containing: "E0001,") { line in
            var f = line.components(separatedBy: ",")
            // places is the 15th column; names may hold a quoted comma, so count from the end.
            f[f.count - 5] = "0"
            return f.joined(separator: ",")
        }
        let hasStays = world.table("citizens.csv").records.contains { $0["residence_id"] == "E0001" && $0["status"] == "placed" }
        if hasStays { #expect(problems.contains { $0.contains("current stays in 0 places") }) }
    }
}
