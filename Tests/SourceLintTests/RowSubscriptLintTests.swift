import Foundation
import Testing

/// No positional GRDB row subscript (`r[0]`, `$0[2]`, `row[1] as String`) in Sources/: GRDB's
/// subscripts stop the program with `fatalError` on a value of the wrong type, and the sqlite3
/// shell can put any value in any column. Rows are read through `RowReader` (PlacementStore),
/// whose reads throw `StoreError.badRow` naming table, row and column. Only files that import
/// GRDB can subscript a row, so only they are scanned; an integer-literal subscript there is
/// taken for a row read unless `allowlist` says otherwise.
@Suite struct RowSubscriptLintTests {
    /// (file under Sources/, the code on the line, why it is not a row read or may stay).
    static let allowlist: [(file: String, code: String, why: String)] = [
        ("PlacementStore/StatementBinding.swift", "buffer[4] = 45", "bytes of a date being written, not a row"),
        ("PlacementStore/StatementBinding.swift", "buffer[7] = 45", "bytes of a date being written, not a row"),
        ("PlacementImport/Importer.swift", "area.count == 1 ? area[0] : nil", "an array of municipality codes"),
        ("PlacementStore/Records.swift", "b.count == 10, b[4] == UInt8(ascii: \"-\"), b[7] == UInt8(ascii: \"-\")", "bytes of a stored date being read, not a row"),
    ]

    static let root = ForceLintTests.root

    @Test func sourcesReadRowsOnlyThroughRowReader() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path } ?? []
        #expect(files.count > 100, "Sources/ was not found from \(#filePath)")
        var findings: [String] = []
        var used = Set<Int>()
        var scanned = 0
        for url in files {
            let name = String(url.path.dropFirst(sources.path.count + 1))
            let text = try String(contentsOf: url, encoding: .utf8)
            guard Self.importsGRDB(text) else { continue }
            scanned += 1
            for (line, code) in Self.positionalSubscripts(in: text) {
                if let i = Self.allowlist.firstIndex(where: { $0.file == name && ($0.code.isEmpty || code.contains($0.code)) }) { used.insert(i); continue }
                findings.append("\(name):\(line): \(code)")
            }
        }
        #expect(scanned > 20, "only \(scanned) files import GRDB")
        #expect(findings.isEmpty, "positional row subscripts in Sources/ (read through RowReader):\n\(findings.joined(separator: "\n"))")
        let stale = Self.allowlist.indices.filter { !used.contains($0) }.map { "\(Self.allowlist[$0].file): \(Self.allowlist[$0].code)" }
        #expect(stale.isEmpty, "allowlist entries that match nothing (remove them): \(stale)")
    }

    @Test(arguments: [
        ("let id: String = r[0]", true),
        ("rows.map { AreaMunicipality(code: $0[0], name: $0[1]) }", true),
        ("let n = (row[12] as Int64?)", true),
        ("x = f(a)[3]", true),
        ("let id: String = try r.value(0)", false),
        ("let v = row[i]", false),
        ("let s = \"r[0]\"", false),
        ("let a = b // r[0]", false),
    ])
    func scannerFindsIntegerSubscripts(line: String, found: Bool) {
        #expect(Self.positionalSubscripts(in: "import GRDB\n" + line + "\n").isEmpty == !found)
    }

    static func importsGRDB(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("import GRDB") }
    }

    /// Lines (1-based) with a subscript by an integer literal, outside comments and strings.
    static func positionalSubscripts(in text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var inBlockComment = false, inMultiline = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = ForceLintTests.strip(Array(raw), inBlockComment: &inBlockComment, inMultiline: &inMultiline)
            if code.range(of: #"(\$[0-9]+|[A-Za-z_][A-Za-z0-9_]*|\)|\])\[\s*[0-9]+\s*\]"#, options: .regularExpression) != nil {
                out.append((n + 1, raw.trimmingCharacters(in: .whitespaces)))
            }
        }
        return out
    }
}
