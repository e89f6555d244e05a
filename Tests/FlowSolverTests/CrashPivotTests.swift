@testable import FlowSolver
import Testing

/// The crash pivots of the automatic solve (`NetworkSimplex+Crash.swift`) on networks of the
/// placement model's shape: the optimum is the independent solver's, the certificate proves it,
/// every invariant of the basis holds after them, and the explicit network simplex the matcher
/// uses never makes them.
@Suite("Crash pivots")
struct CrashPivotTests {
    /// A small placement network (more than 20 nodes, so that one sink counts as few): a super source with one arc of capacity 1 to every citizen,
    /// citizens' arcs to a random few residences, residences' arcs of a few places to the sink,
    /// and a fallback that is an arc per citizen, one external node, or none (which may leave
    /// the network infeasible). Costs are km-sized or kroner-sized; now and then a residence
    /// passes citizens on to another, a citizen has a lower bound on a residence arc, and a
    /// residence's arc to the sink costs less than nothing.
    static func network(seed: UInt64) -> FlowNetwork {
        var random = SeededGenerator(seed: seed)
        let citizens = Int.random(in: 20...40, using: &random)   // n > 20: one sink is "few"
        let residences = Int.random(in: 1...5, using: &random)
        let fallback = Int.random(in: 0..<3, using: &random)   // 0 per citizen, 1 external node, 2 none
        let kroner = Bool.random(using: &random)
        let costs: ClosedRange<Int64> = kroner ? 100_000...10_000_000 : 0...2_000
        let superSource = 0, firstCitizen = 1, firstResidence = 1 + citizens
        let sink = firstResidence + residences, external = sink + 1
        var network = FlowNetwork(nodeCount: external + (fallback == 1 ? 1 : 0))
        network.setSupply(superSource, Int64(citizens))
        network.setSupply(sink, -Int64(citizens))
        for c in 0..<citizens {
            let citizen = firstCitizen + c
            network.addArc(from: superSource, to: citizen, capacity: 1, cost: 0)
            for r in 0..<residences where Int.random(in: 0..<3, using: &random) > 0 {
                let lower: Int64 = Int.random(in: 0..<25, using: &random) == 0 ? 1 : 0
                network.addArc(from: citizen, to: firstResidence + r, lowerBound: lower, capacity: 1,
                               cost: Int64.random(in: costs, using: &random))
            }
            let outside = Int64.random(in: costs, using: &random) + (kroner ? 3_000_000 : 100_000)
            switch fallback {
            case 0: network.addArc(from: citizen, to: sink, capacity: 1, cost: outside)
            case 1: network.addArc(from: citizen, to: external, capacity: 1, cost: outside)
            default: break
            }
        }
        if fallback == 1 { network.addArc(from: external, to: sink, capacity: Int64(citizens), cost: 0) }
        for r in 0..<residences {
            let cost: Int64 = Int.random(in: 0..<6, using: &random) == 0 ? -Int64.random(in: costs, using: &random) : 0
            network.addArc(from: firstResidence + r, to: sink, capacity: Int64.random(in: 1...4, using: &random), cost: cost)
            if residences > 1 && Int.random(in: 0..<4, using: &random) == 0 {
                network.addArc(from: firstResidence + r, to: firstResidence + (r + 1) % residences,
                               capacity: 2, cost: Int64.random(in: costs, using: &random))
            }
        }
        return network
    }

    /// The simplex of the automatic solve on `network`, run to the end with every invariant
    /// checked after the crash pivots and after every pivot of block search; and whether the
    /// prepared network has the crash's shape.
    static func checkedRun(_ network: FlowNetwork, blockRule: NetworkSimplex.BlockRule) -> (outcome: NetworkSimplex.Outcome, fits: Bool)? {
        guard case .success(let prepared) = PreparedProblem.make(network, fixingForcedArcs: true) else { return nil }
        let sources = prepared.supplies.filter { $0 > 0 }.count, sinks = prepared.supplies.filter { $0 < 0 }.count
        let simplex = NetworkSimplex(prepared: prepared, network: network)
        return (simplex.run(checkingInvariants: true, blockRule: blockRule),
                NetworkSimplex.crashFits(nodes: network.nodeCount, sources: sources, sinks: sinks))
    }

    @Test("Placement-shaped networks: the automatic solve agrees with successive shortest paths and is certified",
          arguments: 0..<300)
    func agreesWithReference(seed: UInt64) {
        let network = Self.network(seed: seed)
        let solution = MinCostFlow.solve(network, algorithm: .automatic)
        #expect(PropertyTests.answer(of: solution) == ReferenceSolver.solve(network), "seed \(seed)")
        if solution.status == .optimal {
            #expect(FlowCertificate.check(network, solution) == [], "seed \(seed)")
        }
    }

    @Test("The crash pivots keep every invariant of the basis, and block search finishes from them")
    func invariantsHold() throws {
        var crashed = 0
        for seed: UInt64 in 0..<100 {
            let (outcome, fits) = try #require(Self.checkedRun(Self.network(seed: seed), blockRule: .byShape), "seed \(seed)")
            #expect(outcome.invariantViolation == nil, "seed \(seed)")
            // Once the super source's arcs are fixed every citizen is a source with an arc that
            // violates after the residences join the sink, so the crash pivots whenever the
            // shape fits (it does not when the sink's arcs are forced too and the residences
            // become the sinks).
            #expect((outcome.crashPivots > 0) == fits, "seed \(seed)")
            #expect(outcome.crashPivots <= outcome.pivots, "seed \(seed)")
            if outcome.crashPivots > 0 { crashed += 1 }
        }
        #expect(crashed == 92)
    }

    @Test("The explicit network simplex and a given block size make no crash pivots")
    func onlyByShape() throws {
        let network = Self.network(seed: 7)
        let (fixed, fits) = try #require(Self.checkedRun(network, blockRule: .fixed))
        let sized = try #require(Self.checkedRun(network, blockRule: .size(10))).outcome
        #expect(fits)
        #expect(fixed.crashPivots == 0)
        #expect(sized.crashPivots == 0)
        #expect(fixed.invariantViolation == nil && sized.invariantViolation == nil)
    }

    @Test("The crash fits many sources (a twentieth of the nodes) with fewer sinks than that")
    func shapeRule() {
        #expect(NetworkSimplex.crashFits(nodes: 100, sources: 5, sinks: 1))
        #expect(NetworkSimplex.crashFits(nodes: 100, sources: 99, sinks: 4))
        #expect(!NetworkSimplex.crashFits(nodes: 100, sources: 4, sinks: 1))
        #expect(!NetworkSimplex.crashFits(nodes: 100, sources: 50, sinks: 5))
        #expect(!NetworkSimplex.crashFits(nodes: 0, sources: 0, sinks: 0))
    }
}
