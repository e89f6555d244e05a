import Dispatch
import Foundation
import PlacementModel

/// Many runs of every scenario, on every core. Run r of every scenario uses the same random
/// streams (common random numbers: the same referrals arrive, the same stays end), so the
/// difference between a scenario and the baseline is the scenario's doing, not luck. Each
/// (scenario, run) is computed on its own from its seed and stored in its own slot, so the
/// results do not depend on the number of threads or their timing.
struct Simulation {
    let setup: PlanSetup

    struct Output: Sendable {
        /// [scenario][run][year]
        var figures: [[[YearFigures]]]
        var matcherSeconds: Double
        var matcherCalls: Int
    }

    /// Slots written by one task each, read after all have finished.
    final class Slots<T>: @unchecked Sendable {
        private var items: [T?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.lock(); items[i] = value; lock.unlock() }
        func all() -> [T] { items.compactMap { $0 } }  // every slot is set before this is called
    }

    final class Counter: @unchecked Sendable {
        private var next = 0
        private let lock = NSLock()
        func take() -> Int { lock.lock(); defer { next += 1; lock.unlock() }; return next }
    }

    func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Output {
        let runs = setup.options.arrivals == .fixed ? 1 : max(1, setup.options.runs)
        let scenarios = setup.scenarios.count
        let types = OfferType.allCases
        // Offer types are simulated separately (they share nothing); a scenario that does not touch
        // an offer type has exactly the baseline's figures for it, run by run, so those are reused.
        var tasks: [(scenario: Int, type: Int)] = []
        for s in 0..<scenarios {
            for (t, o) in types.enumerated() where setup.simulated[s].contains(o) { tasks.append((s, t)) }
        }
        let total = runs * tasks.count
        let slots = Slots<Result<(figures: [YearFigures], seconds: Double, calls: Int), any Error>>(count: total)
        let counter = Counter()
        let done = Counter()
        let threads = max(1, min(setup.options.threads ?? ProcessInfo.processInfo.activeProcessorCount, total))
        let setup = self.setup
        let taskList = tasks
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let n = counter.take()
                guard n < total else { return }
                // Run-major order: a run's parts together (they share random streams).
                let r = n / taskList.count, task = taskList[n % taskList.count]
                do {
                    var sim = SimulationRun(setup: setup, scenario: task.scenario, run: r, offerType: types[task.type])
                    try sim.simulate()
                    slots.set(n, .success((try Accounting.figures(sim), sim.matcherSeconds, sim.matcherCalls)))
                } catch {
                    slots.set(n, .failure(error))
                }
                let finished = done.take() + 1
                progress?(finished, total)
            }
        }
        let results = slots.all()
        var seconds = 0.0, calls = 0
        var parts: [[Int: [YearFigures]]] = Array(repeating: [:], count: scenarios * runs)  // [s * runs + r][type]
        for (n, result) in results.enumerated() {
            let x = try result.get()
            let r = n / taskList.count, task = taskList[n % taskList.count]
            parts[task.scenario * runs + r][task.type] = x.figures
            seconds += x.seconds
            calls += x.calls
        }
        var figures: [[[YearFigures]]] = []
        for s in 0..<scenarios {
            var list: [[YearFigures]] = []
            for r in 0..<runs {
                var sum = setup.emptyYears()
                for t in types.indices {
                    guard let part = parts[s * runs + r][t] ?? parts[r][t] else { continue }
                    for y in sum.indices { sum[y].add(part[y]) }
                }
                list.append(sum)
            }
            figures.append(list)
        }
        return Output(figures: figures, matcherSeconds: seconds, matcherCalls: calls)
    }
}
