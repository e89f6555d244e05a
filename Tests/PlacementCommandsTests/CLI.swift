import Foundation
import PlacementStore
import Testing

/// Runs the built `placement` binary, as a planner would.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        for config in ["debug", "release"] {
            let url = root.appendingPathComponent(".build/\(config)/placement")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/placement")
    }

    static var seeds: URL { root.appendingPathComponent("seeds") }

    /// The configuration folder every run of this test process uses (its key files are named by
    /// database id, so tests do not meet each other's keys).
    /// Where the commands run by these tests keep their key files, for a test that opens the
    /// same database itself.
    static var keys: KeyLocation { .standard(environment: ["XDG_CONFIG_HOME": configHome.path]) }

    static let configHome: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("placement-config-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    struct Output {
        let status: Int32
        /// `.uncaughtSignal` when the program trapped (then `status` is the signal).
        var reason: Process.TerminationReason = .exit
        let stdout: String
        let stderr: String

        init(status: Int32, reason: Process.TerminationReason = .exit, stdout: String, stderr: String) {
            self.status = status
            self.reason = reason
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    @discardableResult
    static func run(_ args: [String], db: String? = nil, env: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = binary
        p.arguments = args + (db.map { ["--db", $0] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment["PLACEMENT_DB"] = nil
        // Keys go to a folder of the test run's own, never to the real ~/.config.
        environment["XDG_CONFIG_HOME"] = configHome.path
        environment["PLACEMENT_KEY_FILE"] = nil
        environment["PLACEMENT_USER"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, reason: p.terminationReason, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
