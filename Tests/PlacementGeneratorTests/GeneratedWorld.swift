import Foundation
import PlacementModel
@testable import PlacementGenerator

/// A world written to a temporary directory and read back: the raw bytes of each file (for
/// determinism) and its tables (for the invariants).
struct GeneratedWorld: Sendable {
    var spec: WorldSpec
    var summary: WorldSummary
    var files: [String: Data]

    init(_ spec: WorldSpec) throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("placement-generator-tests-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        self.spec = spec
        summary = try WorldGenerator.write(spec, to: dir)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        self.files = files
    }

    func table(_ name: String) -> CSVTable { CSVTable(text: String(decoding: files[name]!, as: UTF8.self)) }

    /// The same world with one file's text edited (to prove that `WorldCheck` notices).
    func editing(_ name: String, _ edit: (String) -> String) -> GeneratedWorld {
        var copy = self
        copy.files[name] = Data(edit(String(decoding: files[name]!, as: UTF8.self)).utf8)
        return copy
    }

    /// Worlds shared by the tests (each generated once per test run).
    static let standard = try! GeneratedWorld(WorldSpec())
    static let threeMunicipalities = try! GeneratedWorld(WorldSpec(seed: 7, municipalities: [615, 657, 766]))
    static let national = try! GeneratedWorld(WorldSpec(seed: 3, municipalities: ReferenceData.municipalities.map(\.code),
                                                        historyYears: 1, citizens: 4_000))
    static let scaled = try! GeneratedWorld(WorldSpec(seed: 11, citizens: 3_000))
}
