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
        func all() -> [T] { items.map { $0! } }
    }

    final class Counter: @unchecked Sendable {
        private var next = 0
        private let lock = NSLock()
        func take() -> Int { lock.lock(); defer { next += 1; lock.unlock() }; return next }
    }

    func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Output {
        let runs = setup.options.arrivals == .fixed ? 1 : max(1, setup.options.runs)
        let scenarios = setup.scenarios.count
        let total = runs * scenarios
        let slots = Slots<Result<(figures: [YearFigures], seconds: Double, calls: Int), any Error>>(count: total)
        let counter = Counter()
        let done = Counter()
        let threads = max(1, min(setup.options.threads ?? ProcessInfo.processInfo.activeProcessorCount, total))
        let setup = self.setup
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let task = counter.take()
                guard task < total else { return }
                // Run-major order: the scenarios of one run together (they share streams).
                let r = task / scenarios, s = task % scenarios
                do {
                    var sim = SimulationRun(setup: setup, scenario: s, run: r)
                    try sim.simulate()
                    let calls = sim.stepValues.filter { !$0.isEmpty }.count
                    slots.set(s * runs + r, .success((Accounting.figures(sim), sim.matcherSeconds, calls)))
                } catch {
                    slots.set(s * runs + r, .failure(error))
                }
                let n = done.take() + 1
                progress?(n, total)
            }
        }
        let results = slots.all()
        var figures: [[[YearFigures]]] = []
        var seconds = 0.0, calls = 0
        for s in 0..<scenarios {
            var list: [[YearFigures]] = []
            for r in 0..<runs {
                let x = try results[s * runs + r].get()
                list.append(x.figures)
                seconds += x.seconds
                calls += x.calls
            }
            figures.append(list)
        }
        return Output(figures: figures, matcherSeconds: seconds, matcherCalls: calls)
    }
}
