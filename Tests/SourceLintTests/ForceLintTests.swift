import Foundation
import Testing

/// No `try!`, `as!` or force unwrap (`x!`, `f()!`, `a[i]!`) in Sources/: each is a trap waiting
/// for an input nobody thought of. A force is allowed only on a line listed in `allowlist`, with
/// the reason it cannot fail. The scan ignores comments and string literals (`"#DIV/0!"`), and
/// tells a force from `!=` and from prefix negation (`!done`).
@Suite struct ForceLintTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// (file under Sources/, the code on the line, why the force cannot fail).
    static let allowlist: [(file: String, code: String, why: String)] = []

    struct Finding: CustomStringConvertible, Equatable {
        let file: String
        let line: Int
        let what: String
        let code: String
        var description: String { "\(file):\(line): \(what): \(code)" }
    }

    @Test func sourcesHaveNoForces() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        var findings: [Finding] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path } ?? []
        #expect(files.count > 100, "Sources/ was not found from \(#filePath)")
        var used = Set<Int>()
        for url in files {
            let name = String(url.path.dropFirst(sources.path.count + 1))
            let text = try String(contentsOf: url, encoding: .utf8)
            for f in Self.forces(in: text, file: name) {
                if let i = Self.allowlist.firstIndex(where: { $0.file == f.file && f.code.contains($0.code) }) { used.insert(i); continue }
                findings.append(f)
            }
        }
        #expect(findings.isEmpty, "forces in Sources/ (remove them, or add to the allowlist with the reason):\n\(findings.map(\.description).joined(separator: "\n"))")
        let stale = Self.allowlist.indices.filter { !used.contains($0) }.map { "\(Self.allowlist[$0].file): \(Self.allowlist[$0].code)" }
        #expect(stale.isEmpty, "allowlist entries that match nothing (remove them): \(stale)")
    }

    /// The scanner itself, on lines that must and must not be found.
    @Test(arguments: [
        ("let a = b!", ["force unwrap"]),
        ("let a = f(x)!.y", ["force unwrap"]),
        ("let a = d[k]!", ["force unwrap"]),
        ("foo(x!, y)", ["force unwrap"]),
        ("let n = try! load()", ["try!"]),
        ("let s = v as! String", ["as!"]),
        ("if a != b && !c { }", []),
        ("let e = \"#DIV/0!\" + \"Rar!\"", []),
        ("x = y // really!", []),
        ("/* b! */ let z = 1", []),
        ("let ok = !(a == b)", []),
        ("let t = \"\"\"", []),
    ])
    func scannerFindsForcesOnly(line: String, expected: [String]) {
        #expect(Self.forces(in: line + "\n", file: "t.swift").map(\.what) == expected)
    }

    @Test func multilineStringsAreSkipped() {
        let text = "let s = \"\"\"\n    Hello!\n    x! y\n    \"\"\"\nlet t = u!\n"
        #expect(Self.forces(in: text, file: "t.swift") == [Finding(file: "t.swift", line: 5, what: "force unwrap", code: "let t = u!")])
    }

    /// The forces in Swift source, one per line at most.
    static func forces(in text: String, file: String) -> [Finding] {
        var out: [Finding] = []
        var inBlockComment = false, inMultiline = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = strip(Array(raw), inBlockComment: &inBlockComment, inMultiline: &inMultiline)
            let what: String?
            if code.range(of: #"\btry!"#, options: .regularExpression) != nil { what = "try!" }
            else if code.range(of: #"\bas!"#, options: .regularExpression) != nil { what = "as!" }
            // A postfix `!` right after an identifier, `)` or `]`, not the start of `!=`.
            else if code.range(of: #"[A-Za-z0-9_\)\]]!(?!=)"#, options: .regularExpression) != nil { what = "force unwrap" }
            else { what = nil }
            if let what { out.append(Finding(file: file, line: n + 1, what: what, code: raw.trimmingCharacters(in: .whitespaces))) }
        }
        return out
    }

    /// The line with comments and string literals blanked out (interpolations included: they are
    /// rare and short), carrying block comments and `"""` strings over lines.
    static func strip(_ line: [Character], inBlockComment: inout Bool, inMultiline: inout Bool) -> String {
        var out = ""
        var i = 0
        func at(_ s: String) -> Bool {
            let c = Array(s)
            return i + c.count <= line.count && Array(line[i..<i + c.count]) == c
        }
        while i < line.count {
            if inBlockComment {
                if at("*/") { inBlockComment = false; i += 2 } else { i += 1 }
                continue
            }
            if inMultiline {
                if at("\"\"\"") { inMultiline = false; i += 3 } else { i += 1 }
                continue
            }
            if at("//") { break }
            if at("/*") { inBlockComment = true; i += 2; continue }
            if at("\"\"\"") { inMultiline = true; i += 3; out += "\"\""; continue }
            if line[i] == "\"" {
                i += 1
                while i < line.count && line[i] != "\"" { i += line[i] == "\\" ? 2 : 1 }
                i += 1
                out += "\"\""
                continue
            }
            out.append(line[i])
            i += 1
        }
        return out
    }
}
