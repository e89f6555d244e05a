import Foundation
import PlacementTestSupport
import Testing

@Suite struct CommandTests {
    @Test func versionAndHelpWithExamples() throws {
        #expect(try CLI.run(["--version"]).stdout == "0.1.0\n")
        for command in ["init", "import", "status", "match", "explain", "accept", "decline", "policy", "solve", "generate"] {
            let help = try CLI.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("placement \(command)"), "\(command) --help has no example")
        }
    }

    @Test func errorsAreOneSentenceAndNonZero() throws {
        let dir = try TempDir()
        let missing = try CLI.run(["status"], db: dir.path("none.sqlite"))
        #expect(missing.status != 0)
        #expect(missing.stderr == "Error: No database at \(dir.path("none.sqlite")). Create one with `placement init --municipality CODE --db \(dir.path("none.sqlite"))`.\n")
        // A new database is Danish unless --lang en: so is the refusal to make one.
        let unknown = try CLI.run(["init", "--municipality", "Atlantis"], db: dir.path("a.sqlite"))
        #expect(unknown.status != 0 && unknown.stderr == "Fejl: \"Atlantis\" er hverken en dansk kommunekode eller et kommunenavn.\n")
        let english = try CLI.run(["init", "--municipality", "Atlantis", "--lang", "en"], db: dir.path("a.sqlite"))
        #expect(english.status != 0 && english.stderr == "Error: \"Atlantis\" is not a Danish municipality code or name.\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("a.sqlite")))
        let notOurs = try dir.write("x.sqlite", "hello")
        #expect(try CLI.run(["status"], db: notOurs.path).stderr == "Error: \(notOurs.path) is not a placement database.\n")
    }

    @Test func databasePathFromEnvironment() throws {
        let dir = try TempDir()
        #expect(try CLI.run(["init", "--municipality", "Horsens"], env: ["PLACEMENT_DB": dir.path("env.sqlite")]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path("env.sqlite")))
    }

    @Test func policyIsShownAndCheckedWhenSet() throws {
        let dir = try TempDir(), db = dir.path("p.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        func shown(_ key: String) throws -> String? {
            let lines: [Substring] = try CLI.run(["policy"], db: db).stdout.split(separator: "\n")
            for line in lines {
                let words: [Substring] = line.split(separator: " ", omittingEmptySubsequences: true)
                if words.count > 1, String(words[0]) == key { return String(words[1]) }
            }
            return nil
        }
        #expect(try shown("free_choice_margin_percent") == "10")
        let typo = try CLI.run(["policy", "set", "alowed_wait_days", "45"], db: db)
        #expect(typo.status != 0 && typo.stderr.contains("mente du \"allowed_wait_days\"?"))
        let bad = try CLI.run(["policy", "set", "allowed_wait_days", "soon"], db: db)
        // The database is Danish, and so is the refusal.
        #expect(bad.stderr == "Fejl: \"soon\" er ikke en gyldig værdi for allowed_wait_days: forventet et antal dage (0-3650).\n")
        #expect(try CLI.run(["policy", "set", "allowed_wait_days", "45"], db: db).stdout == "allowed_wait_days = 45\n")
        #expect(try shown("allowed_wait_days") == "45")
    }

    @Test func solvesADIMACSInstance() throws {
        let dir = try TempDir()
        // Two sources, two sinks, a cheap and a dear route.
        let file = try dir.write("t.min", """
            c transportation
            p min 4 4
            n 1 2
            n 2 1
            n 3 -2
            n 4 -1
            a 1 3 0 2 1
            a 1 4 0 2 5
            a 2 3 0 1 3
            a 2 4 0 1 2

            """)
        let out = try CLI.run(["solve", file.path])
        #expect(out.status == 0)
        #expect(out.stdout == "s 4\nf 1 3 2\nf 2 4 1\n")
        let broken = try dir.write("b.min", "p min 2 1\na 1 5 0 1 1\n")
        let err = try CLI.run(["solve", broken.path])
        #expect(err.status != 0 && err.stderr.hasPrefix("Error: \(broken.path): "))
    }
}
