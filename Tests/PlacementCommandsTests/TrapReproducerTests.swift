import Foundation
import PlacementTestSupport
import Testing

/// Inputs that once stopped the program with a trap (SIGILL, exit 132) or an allocation abort:
/// each is now refused with one located sentence and a non-zero exit, and the process ends
/// normally (no signal).
@Suite struct TrapReproducerTests {
    static let range = "is outside the supported dates 1900-01-01 to 2199-12-31"

    /// Exits normally, non-zero, and the first line of stderr is `expected`.
    func expectRefused(_ out: CLI.Output, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(out.reason == .exit, "killed by signal \(out.status)", sourceLocation: sourceLocation)
        #expect(out.status != 0, sourceLocation: sourceLocation)
        #expect(out.stderr.split(separator: "\n").first.map(String.init) == expected, "\(out.stderr)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (["plan", "--as-of", "0001-01-01"], "0001-01-01"),
        (["plan", "--as-of", "9999-12-31"], "9999-12-31"),
        (["report", "weekly", "--as-of", "0001-01-01"], "0001-01-01"),
        (["match", "--as-of", "31-12-9999"], "9999-12-31"),
        (["status", "--as-of", "1899-12-31"], "1899-12-31"),
        (["import", "x.csv", "--as-of", "2200-01-01"], "2200-01-01"),
    ])
    func daysOutsideTheSupportedRangeAreRefusedByOption(args: [String], shown: String) throws {
        let dir = try TempDir()
        let out = try CLI.run(args, db: dir.path("none.sqlite"))
        expectRefused(out, "Error: --as-of \(shown) \(Self.range).")
        #expect(out.status == 64)  // a usage error, before any database is opened
    }

    @Test(arguments: [("0001-W01", "0001-W01"), ("9999-W52", "9999-W52"), ("1899-W52", "1899-W52")])
    func weeksOutsideTheSupportedRangeAreRefused(week: String, shown: String) throws {
        let dir = try TempDir(), db = dir.path("w.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        // The database is Danish, and so is the refusal.
        expectRefused(try CLI.run(["report", "weekly", "--week", week], db: db),
                      "Fejl: --week \(shown) ligger uden for de understøttede datoer 01-01-1900 til 31-12-2199.")
        #expect(try CLI.run(["report", "weekly", "--week", "1900-W01"], db: db).status == 0)
    }

    /// A scenario with amounts beyond any plan: refused naming the table and key.
    @Test(arguments: [
        ("investment = 9223372036854775807", "nøglen \"investment\": \"9223372036854775807\" er mere end 100000000000 kroner, det højeste beløbet kan være"),
        ("investment = 92233720368547758", "nøglen \"investment\": \"92233720368547758\" er mere end 100000000000 kroner, det højeste beløbet kan være"),
        ("daily_rate = 9223372036854", "nøglen \"daily_rate\": \"9223372036854\" er mere end 100000000 kroner, det højeste beløbet kan være"),
    ])
    func hugeScenarioAmountsAreRefused(line: String, message: String) throws {
        let dir = try TempDir(), db = dir.path("s.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        var keys = ["offer_type = \"SEL108\"", "target_groups = [\"autism\"]", "places = 4", "daily_rate = 3000", "opens_on = 2028-01-01"]
        let key = String(line.prefix { $0 != " " })
        keys.removeAll { $0.hasPrefix(key + " ") }
        let file = try dir.write("huge.toml", "name = \"Stor\"\n[[new_residence]]\nid = \"NY\"\n" + (keys + [line]).joined(separator: "\n") + "\n")
        let out = try CLI.run(["plan", "--as-of", "2026-11-23", "--scenario", file.path, "--runs", "1"], db: db)
        // The database is Danish, and so is the refusal.
        expectRefused(out, "Fejl: huge.toml: [[new_residence]] 1, \(message)")
    }

    @Test func hugeDemandFiguresAreRefused() throws {
        let dir = try TempDir(), db = dir.path("d.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let file = try dir.write("demand.toml", "name = \"Flere\"\n[[demand]]\noffer_type = \"SEL108\"\nreferrals_per_year = 9223372036854775807\n")
        let out = try CLI.run(["plan", "--as-of", "2026-11-23", "--scenario", file.path, "--runs", "1"], db: db)
        expectRefused(out, "Fejl: demand.toml: [[demand]] 1, nøglen \"referrals_per_year\": \"9223372036854775807\" er mere end 100000, det højeste det kan være")
    }

    @Test func aScenarioDateOutsideTheRangeIsRefused() throws {
        let dir = try TempDir(), db = dir.path("o.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let file = try dir.write("old.toml", "name = \"Gammel\"\n[[closure]]\nresidence_id = \"R1\"\ncloses_on = 0001-01-01\n")
        let out = try CLI.run(["plan", "--as-of", "2026-11-23", "--scenario", file.path, "--runs", "1"], db: db)
        expectRefused(out, "Fejl: old.toml: [[closure]] 1 \"R1\", nøglen \"closes_on\": \"0001-01-01\" ligger uden for de understøttede datoer 01-01-1900 til 31-12-2199")
    }

    /// `solve` on 40 bytes that declare a billion nodes: refused before allocating.
    @Test func aDIMACSFileDeclaringMoreThanItHoldsIsRefused() throws {
        let dir = try TempDir()
        let text = "p min 1000000000 1\na 1 2 0 1 1\nc paddin\n"
        #expect(text.utf8.count == 40)
        let file = try dir.write("big.min", text)
        expectRefused(try CLI.run(["solve", file.path]),
                      "Error: \(file.path): line 1: the problem line declares 1000000000 nodes, more than a file of 40 bytes can use (at most 1048576)")
        let arcs = try dir.write("arcs.min", "p min 2 1000000000\n")
        expectRefused(try CLI.run(["solve", arcs.path]),
                      "Error: \(arcs.path): line 1: the problem line declares 1000000000 arcs, more than the 1 bytes after it can hold (an 'a' line takes at least 11 bytes; at most 4096)")
    }
}

/// Rows that break the model, written with the sqlite3 shell past the schema's CHECKs: reading
/// them is an error naming table, row and column, not a trap.
@Suite struct BadDatabaseRowTests {
    /// A database with one own residence (2 vacant places) and one waiting citizen.
    static func world(_ dir: TempDir) throws -> String {
        let db = dir.path("w.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let residences = try dir.write("residences.csv", """
            residence_id,name,operator,municipality_code,postcode,offer_type,target_groups,support_level_min,support_level_max,places,daily_rate
            R1,Engvang,own,615,8700,SEL108,autism,2,4,2,2500

            """)
        let citizens = try dir.write("citizens.csv", """
            citizen_id,home_municipality_code,target_groups,offer_type,support_level,status,referred_on
            B1,615,autism,SEL108,3,waiting,2026-10-01

            """)
        let out = try CLI.run(["import", "--as-of", "2026-11-23", residences.path, citizens.path], db: db)
        #expect(out.status == 0, "\(out.stdout)")
        return db
    }

    static func sqlite(_ db: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, "PRAGMA ignore_check_constraints = ON; " + sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test(arguments: [
        ("UPDATE residence SET support_level_min = 5, support_level_max = 2",
         "residence \"R1\", support_level_max: 2 is below support_level_min 5"),
        ("UPDATE residence SET daily_rate_ore = -1",
         "residence \"R1\", daily_rate_ore: -1 øre is not a daily rate from 0 to 10000000000 øre"),
        ("UPDATE residence SET offer_type = 'SEL999'",
         "residence \"R1\", offer_type: \"SEL999\" is not a known value"),
        ("UPDATE citizen SET referred_on = 'garbage'",
         "citizen \"B1\", referred_on: \"garbage\" is not a date"),
        ("UPDATE citizen SET referred_on = '0001-01-01'",
         "citizen \"B1\", referred_on: 0001-01-01 is outside the supported dates 1900-01-01 to 2199-12-31"),
        ("UPDATE citizen SET support_level = 'high'",
         "citizen \"B1\", support_level: \"high\" is not a whole number"),
        ("UPDATE residence SET places = 100001",
         "residence \"R1\", places: 100001 is not from 0 to 100000"),
    ])
    func aRowBreakingTheModelIsAnError(sql: String, problem: String) throws {
        let dir = try TempDir()
        let db = try Self.world(dir)
        try Self.sqlite(db, sql)
        let table = String(problem.prefix { $0 != " " })
        let out = try CLI.run(["match", "--as-of", "2026-11-23"], db: db)
        #expect(out.reason == .exit && out.status == 1)
        #expect(out.stderr == "Error: The database has a \(table) row that cannot be used: \(problem). Correct the row or restore a backup.\n")
    }

    /// Every page but the first overwritten: whatever SQLite makes of it, no trap.
    @Test func damagedPagesAreAnErrorNotATrap() throws {
        let dir = try TempDir()
        let db = try Self.world(dir)
        let url = URL(fileURLWithPath: db)
        var bytes = [UInt8](try Data(contentsOf: url))
        var seed: UInt64 = 7
        for i in 4096..<bytes.count where i % 7 == 0 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            bytes[i] = UInt8(truncatingIfNeeded: seed >> 56)
        }
        try Data(bytes).write(to: url)
        for args in [["match", "--as-of", "2026-11-23"], ["status", "--as-of", "2026-11-23"], ["plan", "--as-of", "2026-11-23", "--runs", "1"],
                     ["report", "weekly", "--as-of", "2026-11-23"]] {
            let out = try CLI.run(args, db: db)
            #expect(out.reason == .exit, "\(args[0]) was killed by signal \(out.status)")
            #expect(out.status != 0 && out.stderr.hasPrefix("Error: "), "\(args[0]): \(out.stderr)")
        }
    }

    /// A refusal cannot precede the run that proposed: 1900-01-01 is a supported day but not a
    /// sensible one for `decline`; 1899-12-31 is not supported at all.
    @Test func declineOnADayBeforeTheRunIsRefused() throws {
        let dir = try TempDir()
        let db = try Self.world(dir)
        let match = try CLI.run(["match", "--as-of", "2026-11-23"], db: db)
        #expect(match.status == 0, "\(match.stderr)")
        let early = try CLI.run(["decline", "1", "B1", "--reason", "citizen_declined", "--on", "1900-01-01"], db: db)
        #expect(early.reason == .exit && early.status == 1)
        #expect(early.stderr == "Fejl: --on 1900-01-01 er før kørsel 1 blev lavet for 2026-11-23: et forslag kan ikke afslås, før det findes.\n")
        let unsupported = try CLI.run(["decline", "1", "B1", "--reason", "citizen_declined", "--on", "1899-12-31"], db: db)
        // Refused before the database is opened, in the database's language.
        #expect(unsupported.status == 64 && unsupported.stderr == "Fejl: --on 31-12-1899 ligger uden for de understøttede datoer 01-01-1900 til 31-12-2199.\n")
        let ok = try CLI.run(["decline", "1", "B1", "--reason", "citizen_declined", "--on", "2026-11-24"], db: db)
        #expect(ok.status == 0 && ok.stdout == "Afslag registreret: B1 i kørsel 1, borgeren har sagt nej.\n")
    }
}
