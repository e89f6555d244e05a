import Foundation
import PlacementMatching
import PlacementStore
import PlacementTestSupport
import Testing

/// Every citizen of the demo: the explanation names each own residence once, with one reason,
/// and where the proposal's reasons name the same residence they say the same thing.
@Suite struct ExplanationConsistencyTests {
    @Test func everyDemoExplanationGivesOneReasonPerResidence() throws {
        let dir = try TempDir()
        let path = try DemoWorldTests.importedDemo(dir)
        #expect(try CLI.run(["match", "--as-of", DemoWorldTests.asOf], db: path).status == 0)
        let db = try PlacementDatabase.open(path: path, keys: CLI.keys)
        let stored = try db.read { d in try MatchRuns.load(d, id: try MatchRuns.latestId(d)) }
        let matcher = Matcher(input: stored.input, policy: stored.policy, language: .da)
        let proposals = try matcher.run().proposals
        // 62 waiting and 6 bridging (waiting for the granted place while in a § 107 bridge).
        #expect(proposals.filter { $0.action != .bringHome }.count == 68)

        var explained = 0
        for p in proposals {
            let lines = try #require(matcher.explain(citizenId: p.citizenId, proposals: proposals))
            let own = try #require(lines.firstIndex(of: "Egne tilbud:"))
            let end = lines.firstIndex { $0.hasPrefix("Næstbedste") || $0 == "Kort fortalt:" } ?? lines.count
            // "  Name (12 km): reason" → name and reason.
            func split(_ line: String) -> (name: String, reason: String)? {
                guard line.hasPrefix("  "), let colon = line.range(of: ": ") else { return nil }
                var name = String(line[line.index(line.startIndex, offsetBy: 2)..<colon.lowerBound])
                if let paren = name.range(of: " (", options: .backwards), name.hasSuffix(" km)") { name = String(name[..<paren.lowerBound]) }
                return (name, String(line[colon.upperBound...]))
            }
            let listed = lines[(own + 1)..<end].compactMap(split)
            #expect(Set(listed.map(\.name)).count == listed.count, "\(p.citizenId) names a residence twice")
            let verdict = Dictionary(listed.map { ($0.name, $0.reason) }, uniquingKeysWith: { a, _ in a })
            for reason in lines[..<own].compactMap(split) {
                if let said = verdict[reason.name] {
                    #expect(said == reason.reason, "\(p.citizenId): \(reason.name) is \"\(reason.reason)\" and \"\(said)\"")
                }
            }
            #expect(lines.contains("Kort fortalt:"))
            explained += 1
        }
        #expect(explained == proposals.count)
    }
}
