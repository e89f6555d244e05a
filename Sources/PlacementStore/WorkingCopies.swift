import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The copies a command makes beside the database for its own use (`import --dry-run` checks
/// on one, `restore` stages the backup in one), named after the database, the purpose and
/// the process that owns them: `plan.sqlite-dry-run-4711-1a2b3c4d` (and its `-wal`, `-shm`,
/// `-writer`). The owner removes its copy when it ends; a copy whose owner was killed is
/// removed by the next command that opens the database.
public enum WorkingCopies {
    public enum Purpose: String, CaseIterable, Sendable {
        case dryRun = "dry-run"
        case restore
    }

    /// A fresh name for a copy of `path` owned by this process.
    public static func name(beside path: String, for purpose: Purpose) -> String {
        "\(path)-\(purpose.rawValue)-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    /// Removes every file of a copy of `path` whose owning process is gone; returns the names
    /// removed. A copy of a process still running is left alone, and so is a file whose
    /// name does not carry an owner.
    @discardableResult
    public static func removeStale(beside path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path, base = url.lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let owner = owner(of: name, base: base), !isRunning(owner) else { continue }
            if (try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))) != nil {
                removed.append(name)
            }
        }
        return removed
    }

    /// The pid in `base-<purpose>-<pid>-<8 hex>[-wal|-shm|-writer]`, or nil for any other name.
    static func owner(of name: String, base: String) -> pid_t? {
        for purpose in Purpose.allCases {
            let prefix = "\(base)-\(purpose.rawValue)-"
            guard name.hasPrefix(prefix) else { continue }
            let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts[parts.startIndex + 1].count == 8,
                  parts[parts.startIndex + 1].allSatisfy(\.isHexDigit),
                  parts.count == 2 || (parts.count == 3 && ["wal", "shm", "writer"].contains(parts[parts.startIndex + 2])),
                  let pid = pid_t(parts[parts.startIndex]), pid > 0 else { return nil }
            return pid
        }
        return nil
    }

    /// Whether a process with this id exists (one of another user counts: it may own the copy).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
