import Foundation
import PlacementMatching
import PlacementReports
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
            let e = try #require(matcher.explain(citizenId: p.citizenId, proposals: proposals))
            // The own residences as values: each named once, with one verdict.
            let listed = e.ownResidences.compactMap { r -> (name: String, verdict: ResidenceVerdict)? in
                if case .residence(let name, _, let v) = r { return (name, v) } else { return nil }
            }
            #expect(listed.count == e.ownResidences.count, "\(p.citizenId): an own-residence line that names no residence")
            #expect(Set(listed.map(\.name)).count == listed.count, "\(p.citizenId) names a residence twice")
            let verdict = Dictionary(listed.map { ($0.name, $0.verdict) }, uniquingKeysWith: { a, _ in a })
            // Where the proposal's stored reasons name a residence, they say what the explanation says.
            for case .residence(let name, _, let said) in e.reasons {
                if let v = verdict[name] { #expect(v == said, "\(p.citizenId): \(name) is \(said) and \(v)") }
            }
            // Worded, the lines are headed as a case worker reads them.
            let lines = ExplanationText.lines(e, language: .da)
            let own = try #require(lines.firstIndex(of: "Egne tilbud:"))
            #expect(lines[(own + 1)...].prefix(listed.count).map { String($0.dropFirst(2)) } == e.ownResidences.map { $0.text(.da) })
            #expect(lines.suffix(2).first == "Kort fortalt:")
            explained += 1
        }
        #expect(explained == proposals.count)
    }
}
