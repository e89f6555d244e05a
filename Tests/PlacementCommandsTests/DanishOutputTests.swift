import Foundation
import PlacementTestSupport
import Testing

/// Every command of the command tree run on the demo in a Danish database: what it prints
/// (standard output and error, successes and refusals) holds no English word. `--help` is
/// the one exception (ArgumentParser's, in English), and so are the groups that only print
/// it. The table of runs covers the tree as `GoldenHelpTests` lists it, so a new command
/// without a run here fails.
@Suite(.serialized) struct DanishOutputTests {
    /// Whole words that are English and not Danish ("to", "is", "i", "hest" are Danish too and left out).
    static let englishWords: Set<String> = [
        "the", "and", "of", "with", "from", "not", "are", "was", "has", "have", "cannot", "can", "will", "would",
        "waiting", "placed", "residence", "residences", "citizen", "citizens", "proposal", "proposals", "accepted",
        "declined", "withdrawn", "imported", "rows", "row", "error", "errors", "warning", "warnings", "updated",
        "inserted", "unchanged", "nothing", "changes", "changed", "conflict", "conflicts", "week", "weeks", "report",
        "cost", "days", "year", "added", "password", "should", "which", "there", "this", "that", "yet", "none",
        "missing", "file", "files", "wrote", "written", "shown", "only", "users", "occupied", "vacant", "reason",
        "move", "moved", "needed", "deadline", "past", "total", "already", "found", "line", "lines",
        "expected", "invalid", "unknown", "must", "use", "could", "did", "mean", "option", "value",
    ]

    /// The English words in `text`, outside backticks (a command quoted: `placement imports`),
    /// file names (`citizens.csv`) and keys (`wait_norm_days`, `--close-missing`).
    static func english(_ text: String) -> [String] {
        var outside = "", quoted = false
        for ch in text {
            if ch == "`" { quoted.toggle(); continue }
            if !quoted { outside.append(ch) }
        }
        let tokens = outside.lowercased().split(whereSeparator: \.isWhitespace)
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { t in
            !t.contains("_") && !t.hasPrefix("-") && !t.contains("/")
                && !(t.contains(".") && t.split(separator: ".").last.map { $0.allSatisfy(\.isLetter) && !$0.isEmpty } == true)
        }
        let words = tokens.flatMap { $0.split { !$0.isLetter }.map(String.init) }
        return words.filter { englishWords.contains($0) }
    }

    static let asOf = GoldenDemoTests.asOf

    /// The runs, in an order that leaves each one something to act on. nil: a group that
    /// prints its `--help`, or `serve`, which runs until stopped (its pages are the web app's
    /// tests').
    static func runs(_ dir: TempDir) throws -> [(path: String, args: [String]?)] {
        // Runs without `--db`: the commands that open no database, and init of another one.
        let seeds = ["residences.csv", "places.csv", "citizens.csv", "placements.csv"].map { CLI.seeds.appendingPathComponent($0).path }
        let dimacs = try dir.write("net.min", "p min 2 1\nn 1 1\nn 2 -1\na 1 2 0 1 5\n")
        let scenario = CLI.seeds.appendingPathComponent("scenario-example.toml").path
        return [
            ("", nil),
            ("init", ["init", "--municipality", "615", "--db", dir.path("other.sqlite")]),
            ("import", ["import", "--as-of", asOf] + seeds),
            ("import", ["import", "--as-of", asOf, "--dry-run"] + seeds),
            ("status", ["status", "--as-of", asOf]),
            // A developer's tool that opens no database, so has no language of its own (English).
            ("generate", nil),
            ("match", ["match", "--as-of", asOf]),
            ("explain", ["explain", "B0001432"]),
            ("simulate", ["simulate", "--from", "2026-06-01", "--to", asOf]),
            ("decline", ["decline", "1", "B0001468", "--reason", "citizen_declined", "--on", asOf]),
            ("revoke", ["revoke", "1", "B0001468", "--on", asOf]),
            ("accept", ["accept", "1", "--on", asOf]),
            ("withdraw", ["withdraw", "B0001468", "--reason", "Borgeren vil vente", "--on", asOf]),
            ("move-in", ["move-in", "B0001475", "--on", asOf]),
            ("confirm-vacancy", ["confirm-vacancy", "615-025", "3", "--on", asOf]),
            ("conflicts", ["conflicts"]),
            ("conflicts list", ["conflicts", "list", "--all"]),
            ("conflicts resolve", ["conflicts", "resolve", "1"]),
            ("imports", ["imports"]),
            ("imports list", ["imports", "list"]),
            ("imports show", ["imports", "show", "1"]),
            ("policy", ["policy"]),
            ("policy show", ["policy", "show"]),
            ("policy set", ["policy", "set", "wait_norm_days", "91,183"]),
            ("solve", ["solve", dimacs.path]),
            ("template", ["template", "citizens", "--lang", "da", "--out", dir.path("borgere.xlsx")]),
            ("report", nil),
            ("report weekly", ["report", "weekly", "--as-of", asOf]),
            ("report equity", ["report", "equity", "--to", asOf]),
            ("plan", ["plan", "--as-of", asOf, "--scenario", scenario, "--runs", "2"]),
            ("key", nil),
            ("key export", ["key", "export", dir.path("demo.key")]),
            ("key import", ["key", "import", dir.path("demo.key")]),
            ("check", ["check"]),
            ("backup", ["backup", dir.path("kopi.sqlite")]),
            ("restore", ["restore", dir.path("kopi.sqlite")]),
            ("serve", nil),
            ("user", nil),
            ("user add", ["user", "add", "kirsten", "--role", "planner"]),
            ("user list", ["user", "list"]),
            ("user reset-password", ["user", "reset-password", "kirsten"]),
            ("user disable", ["user", "disable", "kirsten"]),
        ]
    }

    @Test func everyCommandSpeaksDanishInADanishDatabase() throws {
        let dir = try TempDir()
        let db = try DemoWorldTests.importedDemo(dir)
        let runs = try Self.runs(dir)
        // The table covers the command tree.
        let paths = Set(GoldenHelpTests.paths().map { $0.joined(separator: " ") })
        #expect(Set(runs.map(\.path)) == paths)
        var found: [String] = []
        for (path, args) in runs {
            guard let args else { continue }
            let withoutDatabase = ["init", "solve", "template"].contains(path)
            let out = try CLI.run(args, db: withoutDatabase ? nil : db, env: ["PLACEMENT_PASSWORD": "hemmelig-kode-123"])
            let text = out.stdout + out.stderr
            #expect(!text.isEmpty, "placement \(path) printed nothing")
            for line in text.split(separator: "\n") where !Self.english(String(line)).isEmpty {
                found.append("placement \(args.joined(separator: " ")): \(line)  [\(Self.english(String(line)).joined(separator: ", "))]")
            }
        }
        #expect(found == [], "\(found.joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("Venter på en plads", [String]()),
        ("3 rows read, 2 updated", ["rows", "updated"]),
        ("citizens.csv: 1.488 rækker; wait_norm_days = 91,183", []),
        ("Se `placement imports show 2`", []),
    ])
    func theWordCheckFindsEnglishOutsideBackticks(line: String, words: [String]) {
        #expect(Self.english(line) == words)
    }
}
