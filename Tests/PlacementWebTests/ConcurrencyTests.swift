import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementWeb
import Testing

/// The CLI and the app on the same file at the same time (WAL): pages are served while
/// `placement match` and `placement import` write, and none fails.
@Suite struct ConcurrencyTests {
    static var binary: URL { DemoTemplate.root.appendingPathComponent(".build/debug/placement") }

    static func start(_ args: [String], keyFile: URL) throws -> Process {
        let p = Process()
        p.executableURL = binary
        p.arguments = args + ["--key-file", keyFile.path, "--user", "cli-test"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func pagesAreServedWhileTheCLIMatchesAndImportsOnTheSameFile() async throws {
        let world = try WebWorld()
        let keyFile = try #require(try FileManager.default.contentsOfDirectory(at: world.dir.url.appendingPathComponent("keys"), includingPropertiesForKeys: nil).first)
        let header = ImportPageTests.header
        let files = (0..<2).map { i in
            world.dir.url.appendingPathComponent("venteliste-\(i).csv")
        }
        for (i, url) in files.enumerated() {
            try Data("\(header)\nB0009001,1990,615,8700,autism,SEL108,3,,waiting,,,,,,2026-11-20,2026-12-2\(i),normal,,,,\n".utf8).write(to: url)
        }
        // The CLI works in the background: three imports that each change a row, and two matches.
        let done = Flag()
        let cli = Task.detached { () -> [Int32] in
            defer { done.set() }
            var statuses: [Int32] = []
            for round in 0..<3 {
                let imp = try Self.start(["import", "--db", world.path, "--as-of", "2026-11-24", "--kind", "citizens", files[round % 2].path], keyFile: keyFile)
                let match = try Self.start(["match", "--db", world.path, "--as-of", "2026-11-23"], keyFile: keyFile)
                imp.waitUntilExit()
                match.waitUntilExit()
                statuses += [imp.terminationStatus, match.terminationStatus]
            }
            return statuses
        }
        let served = try await world.app().test(.router) { client -> [HTTPResponse.Status] in
            var served: [HTTPResponse.Status] = []
            var b = Browser(client)
            try await b.login("reader")
            var rounds = 0
            while rounds < 200 {
                for path in ["/", "/waiting", "/match", "/residences", "/audit"] { served.append(try await b.get(path).status) }
                rounds += 1
                if rounds >= 5, done.isSet { break }
            }
            return served
        }
        let statuses = try await cli.value
        // An import may find the other writer busy (it then says so and changes nothing) and a match may be refused when an import
        // changed its input meanwhile; what matters here is that no page failed.
        #expect(statuses.count == 6)
        #expect(!served.isEmpty && served.allSatisfy { $0 == .ok })
        let audit = try world.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log WHERE user = 'cli-test'") } ?? 0
        #expect(audit > 0)
    }
}

/// Set once, read from another task.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
