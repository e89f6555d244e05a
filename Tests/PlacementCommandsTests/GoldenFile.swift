import Foundation
import Testing

/// What a person reads, compared whole with a committed file under `Golden/`.
///
/// A changed word, a moved column or a new line fails the test with the first lines that differ.
/// When a change is intended, re-record and review the diff before committing it:
///
///     PLACEMENT_RECORD_GOLDEN=1 swift test --skip-build --filter Golden
///     git diff Tests/PlacementCommandsTests/Golden
enum GoldenFile {
    static let folder = CLI.root.appendingPathComponent("Tests/PlacementCommandsTests/Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["PLACEMENT_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with `Golden/<name>`, or writes it there when recording.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("No golden file Golden/\(name); record it with PLACEMENT_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("Golden/\(name) differs:\n\(firstDifference(expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line of each side, with its number, and the line counts.
    static func firstDifference(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        let line = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let want = line < e.count ? e[line] : "(end of file)"
        let got = line < a.count ? a[line] : "(end of output)"
        return "line \(line + 1)\n  golden: \(want)\n  actual: \(got)\n(\(e.count) golden lines, \(a.count) actual)"
    }
}

/// Replaces what differs from run to run and machine to machine (temporary paths, key file
/// names, elapsed times) with fixed marks, so the rest can be compared byte for byte.
struct GoldenScrub {
    let replacements: [(String, String)]

    init(directory: String) {
        // The resolved form too: /tmp may be a link, and some messages print the real path.
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        replacements = [(directory, "<dir>"), (resolved, "<dir>"), (CLI.configHome.path, "<config>")]
    }

    func callAsFunction(_ text: String) -> String {
        var out = text
        for (from, to) in replacements where !from.isEmpty { out = out.replacingOccurrences(of: from, with: to) }
        // Key files are named by the database's random id.
        out = out.replacingOccurrences(of: #"[0-9a-f]{32}\.key"#, with: "<id>.key", options: .regularExpression)
        // Elapsed seconds and rates ("in 5.77 s (501 rows/s)", "0,462 s i alt").
        out = out.replacingOccurrences(of: #"\d+([.,]\d+)? s\b"#, with: "<t> s", options: .regularExpression)
        out = out.replacingOccurrences(of: #"\d[\d.,]* ([^\s()]+)/s\b"#, with: "<n> $1/s", options: .regularExpression)
        return out
    }
}
