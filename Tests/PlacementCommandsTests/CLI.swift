import Foundation
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
