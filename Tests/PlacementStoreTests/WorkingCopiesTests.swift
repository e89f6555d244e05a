import Foundation
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// A dry run or restore killed with `kill -9` leaves its copy beside the database; the next
/// command that opens the database removes it, and never the copy of a command still running.
@Suite struct WorkingCopiesTests {
    /// The id of a process that has ended (a `true` that ran and was waited for).
    static func endedProcess() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func theNextOpenRemovesTheCopiesOfEndedProcessesOnly() throws {
        let dir = try TempDir()
        let path = dir.path("live.sqlite")
        _ = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys)
        let dead = try Self.endedProcess(), alive = ProcessInfo.processInfo.processIdentifier
        let stale = ["live.sqlite-dry-run-\(dead)-1a2b3c4d", "live.sqlite-dry-run-\(dead)-1a2b3c4d-wal",
                     "live.sqlite-dry-run-\(dead)-1a2b3c4d-shm", "live.sqlite-restore-\(dead)-00ff00ff",
                     "live.sqlite-restore-\(dead)-00ff00ff-writer"]
        let kept = ["live.sqlite-dry-run-\(alive)-1a2b3c4d", "live.sqlite-restore-\(alive)-deadbeef-wal",
                    // Names that do not carry an owner, or belong to another database.
                    "live.sqlite-dry-run-1a2b3c4d", "live.sqlite-dry-run-\(dead)-1a2b3c4d-old", "other.sqlite-dry-run-\(dead)-1a2b3c4d"]
        for name in stale + kept where !FileManager.default.fileExists(atPath: dir.path(name)) { try dir.write(name, "x") }
        _ = try PlacementDatabase.open(path: path, keys: dir.keys, access: .read)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path))
        #expect(left.isDisjoint(with: stale), "\(left.intersection(stale))")
        #expect(Set(kept).isSubset(of: left), "\(Set(kept).subtracting(left))")
    }

    @Test(arguments: [
        ("db.sqlite-dry-run-4711-1a2b3c4d", 4711), ("db.sqlite-restore-12-abcdef01-wal", 12),
        ("db.sqlite-dry-run-4711-1a2b3c4d-writer", 4711), ("db.sqlite-dry-run-4711-1a2b3c", nil),
        ("db.sqlite-dry-run-x-1a2b3c4d", nil), ("db.sqlite-dry-run-0-1a2b3c4d", nil), ("db.sqlite-backup-4711-1a2b3c4d", nil),
    ])
    func theOwnerIsReadFromTheName(name: String, pid: Int?) {
        #expect(WorkingCopies.owner(of: name, base: "db.sqlite").map { Int($0) } == pid)
    }

    @Test func aFreshNameCarriesThisProcess() {
        let name = WorkingCopies.name(beside: "/tmp/db.sqlite", for: .dryRun)
        #expect(WorkingCopies.owner(of: (name as NSString).lastPathComponent, base: "db.sqlite")
            == ProcessInfo.processInfo.processIdentifier)
    }
}
