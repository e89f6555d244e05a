import PlacementMatching
import PlacementModel
import PlacementTestSupport
import Testing

/// The weekly match finds the priority stage's set by the greedy rule with augmenting paths; the
/// min-cost flow it replaced must give the same proposals, place values and stage figures (all
/// but the pivots and seconds), and the exported priority network must be the flow's.
@Suite struct PriorityStageTests {
    static let byFlow = MatcherOptions(reasons: true, keepsInstances: true, priorityByAugmentingPaths: false)

    /// A stage's figures without the ones that depend on how it was solved.
    static func figures(_ result: MatchResult) -> [String] {
        result.stages.map { "\($0.stage) \($0.nodes)/\($0.arcs) groups \($0.citizenGroups) cost \($0.cost)" }
    }

    @Test(arguments: 1...60)
    func greedyPriorityEqualsTheFlow(seed: UInt64) throws {
        let world = RandomMatchWorld(seed: seed)
        let flow = try Matcher(input: world.input, policy: world.policy, language: .da, options: Self.byFlow).run()
        var exporting = MatcherOptions.weekly
        exporting.keepsInstances = true
        for options in [MatcherOptions.weekly, exporting] {
            let greedy = try Matcher(input: world.input, policy: world.policy, language: .da, options: options).run()
            #expect(greedy.proposals == flow.proposals, "seed \(seed)")
            #expect(greedy.placeValues == flow.placeValues, "seed \(seed)")
            #expect(Self.figures(greedy) == Self.figures(flow), "seed \(seed)")
            #expect(greedy.stages.filter { $0.stage == "priority" }.allSatisfy { $0.pivots == 0 }, "seed \(seed)")
            if options.keepsInstances {
                #expect(greedy.instances.map(\.stage) == flow.instances.map(\.stage), "seed \(seed)")
                for (g, f) in zip(greedy.instances, flow.instances) { #expect(g.network == f.network, "seed \(seed), \(g.stage)") }
            } else {
                #expect(greedy.instances.isEmpty)
            }
        }
    }
}
