import Foundation
import PlacementModel
import PlacementPlanning

/// Plans the web app runs in the background: each job counts its simulation runs as they
/// finish (the page's progress bar) and keeps its result for the downloads. A plan is
/// recomputed from the database and the scenarios whenever asked; it is not a record, so
/// the jobs live in memory.
final class PlanJobs: @unchecked Sendable {
    struct Job: Sendable {
        var done = 0
        var total = 0
        var plan: PlanResult?
        var problem: String?
        let language: Language
        var finished: Bool { plan != nil || problem != nil }
    }

    private let lock = NSLock()
    private var jobs: [Int: Job] = [:]
    private var next = 1
    /// The last few plans are enough for a team's afternoon.
    static let kept = 20

    func start(language: Language) -> Int {
        lock.withLock {
            let id = next
            next += 1
            jobs[id] = Job(language: language)
            jobs = jobs.filter { $0.key > id - Self.kept }
            return id
        }
    }

    func progress(_ id: Int, done: Int, total: Int) {
        lock.withLock {
            jobs[id]?.done = done
            jobs[id]?.total = total
        }
    }

    func finish(_ id: Int, _ outcome: Result<PlanResult, PlanController.PlanProblem>) {
        lock.withLock {
            switch outcome {
            case .success(let plan):
                guard var job = jobs[id] else { return }
                job.plan = plan
                job.done = max(job.done, job.total)
                jobs[id] = job
            case .failure(let p): jobs[id]?.problem = p.text
            }
        }
    }

    func find(_ id: Int) -> Job? { lock.withLock { jobs[id] } }
}

/// Scenarios written with the page's form, kept in memory as TOML text (the same file
/// `placement plan --scenario` reads) for the plan form and for download.
final class WrittenScenarios: @unchecked Sendable {
    struct Written: Sendable { let id: Int; let name: String; let toml: String }
    private let lock = NSLock()
    private var list: [Written] = []
    private var next = 1

    func keep(name: String, toml: String) -> Written {
        lock.withLock {
            let w = Written(id: next, name: name, toml: toml)
            next += 1
            list = Array((list + [w]).suffix(PlanJobs.kept))
            return w
        }
    }

    var all: [Written] { lock.withLock { list } }
    func find(_ id: Int) -> Written? { lock.withLock { list.first { $0.id == id } } }
}
