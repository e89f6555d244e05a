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
        // An option (`--as-of,`) is known by its dashes before its punctuation is trimmed.
        let tokens = outside.lowercased().split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("-") }
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { t in
            !t.contains("_") && !t.contains("/")
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
            // Tools that open no database speak the language `--lang` names.
            ("generate", ["generate", "--lang", "da", "--out", dir.path("verden")]),
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
            ("solve", ["solve", dimacs.path, "--lang", "da"]),
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
            let withoutDatabase = ["init", "solve", "template", "generate"].contains(path)
            let out = try CLI.run(args, db: withoutDatabase ? nil : db, env: ["PLACEMENT_PASSWORD": "hemmelig-kode-123"])
            let text = out.stdout + out.stderr
            #expect(!text.isEmpty, "placement \(path) printed nothing")
            for line in text.split(separator: "\n") where !Self.english(String(line)).isEmpty {
                found.append("placement \(args.joined(separator: " ")): \(line)  [\(Self.english(String(line)).joined(separator: ", "))]")
            }
        }
        #expect(found == [], "\(found.joined(separator: "\n"))")
    }

    /// The demo imported once for the refusals below: each one leaves the database as it was,
    /// so they can share it (the suite runs them one at a time).
    nonisolated(unsafe) static let refusalDir = Result { try TempDir() }
    static let refusalDemo: Result<String, any Error> = Result { try DemoWorldTests.importedDemo(try refusalDir.get()) }

    /// Files the refusals read, written beside the demo.
    static func file(_ name: String, _ text: String) throws -> String {
        let path = (try refusalDemo.get() as NSString).deletingLastPathComponent + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let badScenario = """
        name = "Prøve"
        [[new_residence]]
        id = "NY"
        offer_type = "§ 999"
        target_groups = ["autisme"]
        places = 4
        daily_rate = 3000
        opens_on = 2028-01-01
        plads = 3
        """

    /// A command line refused on the demo: its exit status and, when known, its whole message.
    struct Refused: Sendable, CustomTestStringConvertible {
        let args: [String]
        let status: Int32
        let message: String?
        init(_ args: [String], _ status: Int32, _ message: String?) {
            self.args = args
            self.status = status
            self.message = message
        }
        var testDescription: String { args.joined(separator: " ") }
    }

    static let known = "prøve.toml: [[new_residence]] 1, nøglen \"plads\" er ikke en kendt nøgle; mente du \"places\"? Kendte: id, name, offer_type, target_groups, support_level_min, support_level_max, features, age_min, age_max, places, daily_rate, variable_daily_cost, opens_on, investment, postcode, municipality_code.\nprøve.toml: [[new_residence]] 1, nøglen \"offer_type\": \"§ 999\" er ikke en tilbudstype (fx SEL108, § 108, ABL105)"

    static let refusals: [Refused] = [
        Refused(["policy", "set", "wish_bonus_kr", "mange"], 1,
         "\"mange\" er ikke en gyldig værdi for wish_bonus_kr: forventet kroner om året (0-10000000)."),
        Refused(["policy", "set", "wish_bonuss", "5"], 1, nil),
        Refused(["policy", "set", "wait_norm_days", "91; -3"], 1, "\"91; -3\" er ikke en gyldig værdi for wait_norm_days: forventet dage, fx 91,183."),
        Refused(["plan", "--runs", "0"], 64, "--runs skal være fra 1 til 100000."),
        Refused(["plan", "--as-of", asOf, "--scenario", "@prøve.toml", "--runs", "1"], 1,
         known),
        Refused(["plan", "--as-of", asOf, "--scenario", "@lukning.toml", "--runs", "1"], 1,
         "Scenarie \"Lukning\": der er intet botilbud \"FINDES-IKKE\" i databasen."),
        Refused(["plan", "--as-of", asOf, "--scenario", "@brudt.toml", "--runs", "1"], 1, nil),
        Refused(["plan", "--as-of", asOf, "--assumptions", "@prøve.toml", "--runs", "1"], 1, nil),
        Refused(["plan", "--as-of", asOf, "--demand", "@behov.csv", "--runs", "1"], 1,
         "behov.csv række 2, kolonne \"år\": \"snart\" er ikke et år (fx 2028)"),
        Refused(["match", "--as-of", asOf, "--policy", "@politik.policy"], 1, "@politik.policy linje 1: forventet NØGLE = VÆRDI."),
        Refused(["simulate", "--from", "2026-06-01", "--to", asOf, "--policy", "@politik2.policy"], 1, nil),
        Refused(["report", "weekly", "--week", "48", "--as-of", asOf], 64, "Angiv --week eller --as-of, ikke begge."),
        Refused(["report", "weekly", "--as-of", asOf, "--format", "xlsx"], 64, "En XLSX-projektmappe kræver en fil: tilføj --out FIL.xlsx."),
        Refused(["report", "weekly", "--as-of", asOf, "--out", "@uge.txt2"], 64, nil),
        Refused(["report", "weekly", "--as-of", asOf, "--section", "venteliste"], 64, "--section hører til --format csv."),
        Refused(["status", "--as-of", "1899-12-31"], 64, "--as-of 31-12-1899 ligger uden for de understøttede datoer 01-01-1900 til 31-12-2199."),
        Refused(["simulate", "--from", asOf, "--to", "2026-06-01"], 64, "--to 01-06-2026 ligger før --from 23-11-2026."),
        Refused(["report", "equity", "--resamples", "0"], 64, "--resamples skal være fra 1 til 100000."),
        Refused(["serve", "--port", "0"], 64, "--port skal være fra 1 til 65535."),
        Refused(["match", "--replay", "1", "--as-of", asOf], 64, "--replay bruger kørslens egen dag og politik; udelad --as-of og --policy."),
        // ArgumentParser's own refusals of the command line (their whole text: GoldenParseErrorTests).
        Refused(["status", "--as-off", asOf], 64, nil),
        Refused(["explain"], 64, nil),
        Refused(["status", "--as-of", "igår"], 64, nil),
        Refused(["report", "weekly", "--format", "pdf"], 64, nil),
        Refused(["accept", "1", "B0001468", "ekstra", "--lang"], 64, nil),
        Refused(["policy", "show", "--json=ja"], 64, nil),
    ]

    /// Bad arguments and bad files on the Danish demo: every refusal is in Danish after
    /// "Fejl:", with a non-zero exit (64 for a refused command line, before anything is
    /// opened), and the few whose wording is known are compared whole. nil: any Danish text.
    @Test(arguments: refusals)
    func refusalsInADanishDatabaseAreDanish(refused: Refused) throws {
        let (status, message) = (refused.status, refused.message)
        let db = try Self.refusalDemo.get()
        let files: [String: String?] = [
            "@prøve.toml": Self.badScenario,
            "@lukning.toml": "name = \"Lukning\"\n[[closure]]\nresidence_id = \"FINDES-IKKE\"\ncloses_on = 2027-06-01\n",
            "@brudt.toml": "name = \"Brudt\"\n[[closure]\n",
            "@behov.csv": "år;ydelse;målgrupper;antal\nsnart;§ 108;autisme;2\n",
            "@politik.policy": "allowed_wait_days 45\n",
            "@politik2.policy": "allowed_wait_days = længe\n",
            "@uge.txt2": nil,
        ]
        var paths: [String: String] = [:]
        let args = try refused.args.map { a -> String in
            guard let text = files[a] else { return a }
            let name = String(a.dropFirst())
            let path = try text.map { try Self.file(name, $0) } ?? ((db as NSString).deletingLastPathComponent + "/" + name)
            paths[a] = path
            return path
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let out = try CLI.run(args, db: db)
        #expect(out.status == status, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("Fejl: "), "\(out.stderr)")
        let english = (out.stdout + out.stderr).split(separator: "\n").filter { !Self.english(String($0)).isEmpty }
        #expect(english == [], "\(english)")
        if var message {
            for (token, path) in paths { message = message.replacingOccurrences(of: token, with: path) }
            #expect(out.stderr == "Fejl: \(message)\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "the refusal changed the database")
    }

    /// `generate` and `solve` open no database: `--lang da` makes their refusals Danish, whole.
    @Test(arguments: [
        (["generate", "--citizens", "5", "--out", "DIR/verden"], 64, "--citizens skal være mindst 10."),
        (["generate", "--history-years", "0", "--out", "DIR/verden"], 64, "--history-years skal være mindst 1."),
        (["generate", "--municipalities", "Atlantis", "--out", "DIR/verden"], 1, "\"Atlantis\" er hverken en dansk kommunekode eller et kommunenavn."),
        (["solve", "DIR/net.min"], 1, "DIR/net.min: instansen er uløselig (ingen strøm overholder buernes grænser)."),
        (["solve", "DIR/skæv.min"], 1, "DIR/skæv.min: instansen er ubalanceret (udbuddene summer ikke til nul)."),
        (["solve", "DIR/findes-ikke.min"], 1, "DIR/findes-ikke.min kan ikke læses."),
        // The DIMACS reader's findings, worded from its problem values (FlowSolver's are English).
        (["solve", "DIR/knude.min"], 1, "DIR/knude.min linje 4: buens slutknude 3 er ikke en knude i 1...2"),
        (["solve", "DIR/tal.min"], 1, "DIR/tal.min linje 2: udbuddet \"to\" er ikke et heltal"),
        (["solve", "DIR/stor.min"], 1, "DIR/stor.min linje 1: problemlinjen angiver 1.000.000.000 knuder, flere end en fil på 40 byte kan bruge (højst 1.048.576)"),
        (["solve", "DIR/tom.min"], 1, "DIR/tom.min linje 0: problemlinjen `p min KNUDER BUER` mangler"),
        // No database open to ask: --lang da words the store's refusal of a missing file.
        (["status", "--db", "DIR/ingen.sqlite"], 1, "Der er ingen database i DIR/ingen.sqlite. Opret en med `placement init --municipality KODE --db DIR/ingen.sqlite`."),
    ])
    func toolsWithoutADatabaseRefuseInDanish(args: [String], status: Int32, message: String) throws {
        let dir = try TempDir()
        // Two units of supply and an arc that carries one; supplies that do not sum to zero.
        _ = try dir.write("net.min", "p min 2 1\nn 1 2\nn 2 -2\na 1 2 0 1 5\n")
        _ = try dir.write("skæv.min", "p min 2 1\nn 1 2\nn 2 -1\na 1 2 0 2 5\n")
        _ = try dir.write("knude.min", "c en bue til en knude, der ikke findes\np min 2 1\nn 1 1\na 1 3 0 1 5\n")
        _ = try dir.write("tal.min", "p min 2 1\nn 1 to\n")
        _ = try dir.write("stor.min", "p min 1000000000 1\na 1 2 0 1 1\nc paddin\n")
        _ = try dir.write("tom.min", "")
        let out = try CLI.run(args.map { $0.replacingOccurrences(of: "DIR", with: dir.url.path) } + ["--lang", "da"])
        #expect(out.status == status)
        // solve writes the DIMACS status comment (`c status: infeasible`) before it refuses.
        #expect(out.stdout.isEmpty || (args[0] == "solve" && out.stdout.hasPrefix("c status: ")), "\(out.stdout)")
        #expect(out.stderr == "Fejl: \(message.replacingOccurrences(of: "DIR", with: dir.url.path))\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("verden")), "a refused generate wrote its world")
    }

    /// What `generate` wrote, in Danish with Danish number formats, and the same in English
    /// (unchanged: scripts read it).
    @Test func generateSaysWhatItWroteInTheUsersLanguage() throws {
        let dir = try TempDir()
        let danish = try CLI.run(["generate", "--lang", "da", "--out", dir.path("da")])
        let english = try CLI.run(["generate", "--lang", "en", "--out", dir.path("en")])
        #expect(danish.status == 0 && english.status == 0)
        #expect(danish.stdout == "Skrev \(dir.path("da")): 40 egne og 150 eksterne tilbud, 636 egne pladser, 62 på venteliste, 863 placerede borgere (6 af dem i overgangsophold, mens de venter).\n")
        #expect(english.stdout == "Wrote \(dir.path("en")): 40 own and 150 external residences, 636 own places, 62 waiting, 863 placed citizens (6 of them bridging while they wait).\n")
    }

    @Test(arguments: [
        ("Venter på en plads", [String]()),
        ("3 rows read, 2 updated", ["rows", "updated"]),
        ("citizens.csv: 1.488 rækker; wait_norm_days = 91,183", []),
        ("Se `placement imports show 2`", []),
        ("Angiv --week eller --as-of, ikke begge.", []),
        ("the --as-of day", ["the"]),
    ])
    func theWordCheckFindsEnglishOutsideBackticks(line: String, words: [String]) {
        #expect(Self.english(line) == words)
    }
}
