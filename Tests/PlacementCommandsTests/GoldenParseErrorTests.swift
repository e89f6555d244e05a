import Foundation
import PlacementTestSupport
import Testing

/// ArgumentParser's own refusals of a command line (an unknown option, a missing argument or
/// value, a value it cannot read, an argument too many) as a planner reads them: in English
/// in an English database, in Danish in a Danish one or with `--lang da` (no database at
/// all), compared whole with committed files. `--help` stays English (`GoldenHelpTests`).
@Suite struct GoldenParseErrorTests {
    /// The command lines, each refused before anything is opened (exit 64).
    static let lines: [[String]] = [
        ["status", "--as-off", "2026-11-23"],
        ["status", "--bogus"],
        ["status", "--as-of"],
        ["status", "--as-of", "igår"],
        ["status", "--lang", "fr"],
        ["report", "weekly", "--format", "pdf"],
        ["status", "ekstra"],
        ["status", "--json=ja"],
        ["explain"],
    ]

    /// Commands that open no database, refused with `--lang da` only.
    static let toolLines: [[String]] = [["solve"], ["generate", "--seed", "1"], ["generate", "--out"]]

    /// Every line run against `db` (and `extra` arguments; a line that gives `--lang` itself
    /// is left out then), as one transcript.
    static func transcript(db: String?, extra: [String] = []) throws -> String {
        var text = ""
        for line in lines.filter({ extra.isEmpty || !$0.contains("--lang") }) + (db == nil ? toolLines : []) {
            let out = try CLI.run(line + extra, db: db)
            #expect(out.status == 64, "placement \(line.joined(separator: " ")): \(out.stderr)")
            #expect(out.stdout.isEmpty, "placement \(line.joined(separator: " ")) wrote to standard output")
            text += "$ placement " + (line + extra).joined(separator: " ") + "\n" + out.stderr + "\n"
        }
        return text
    }

    @Test func parseErrorsReadAsCommittedInBothLanguages() throws {
        let dir = try TempDir()
        let danish = dir.path("da.sqlite"), english = dir.path("en.sqlite")
        #expect(try CLI.run(["init", "--municipality", "615"], db: danish).status == 0)
        #expect(try CLI.run(["init", "--municipality", "615", "--lang", "en"], db: english).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: danish))
        try GoldenFile.check(try Self.transcript(db: danish), "parse-errors/da.txt")
        try GoldenFile.check(try Self.transcript(db: english), "parse-errors/en.txt")
        // No database: `--lang da` alone makes the refusal Danish.
        try GoldenFile.check(try Self.transcript(db: nil, extra: ["--lang", "da"]), "parse-errors/da-lang.txt")
        #expect(try Data(contentsOf: URL(fileURLWithPath: danish)) == before, "a refused command line changed the database")
    }
}
