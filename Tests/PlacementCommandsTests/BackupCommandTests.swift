import Foundation
import PlacementTestSupport
import Testing

/// `placement backup`, `check` and `restore` as a planner runs them, with damage planted by
/// the sqlite3 shell the way anyone with the file could.
@Suite struct BackupCommandTests {
    /// Runs SQL in the sqlite3 shell on `path`.
    static func shell(_ path: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    static func allowedWait(_ db: String) throws -> String? {
        try CLI.run(["policy"], db: db).stdout.split(separator: "\n")
            .map { $0.split(separator: " ") }.first { $0.first == "allowed_wait_days" }.map { String($0[1]) }
    }

    @Test(arguments: ["check", "backup", "restore"]) func helpHasExamples(command: String) throws {
        let help = try CLI.run([command, "--help"])
        #expect(help.status == 0 && help.stdout.contains("  placement \(command)"))
    }

    @Test func backupCheckAndRestore() throws {
        let dir = try TempDir()
        let db = dir.path("p.sqlite"), good = dir.path("good.sqlite"), bad = dir.path("bad.sqlite")
        try CLI.run(["init", "--municipality", "615", "--lang", "en"], db: db)
        #expect(try CLI.run(["backup", good], db: db).stdout == "Backup written to \(good).\n")
        #expect(try CLI.run(["backup", bad], db: db).status == 0)
        let again = try CLI.run(["backup", good], db: db)
        #expect(again.status != 0 && again.stderr == "Error: A database already exists at \(good); choose another path or remove it first.\n")
        #expect(try CLI.run(["check"], db: db).stdout == "No problems found in \(db).\n")

        // A municipality that does not exist, with foreign keys off; a waiting period that
        // ends before it starts, with CHECK constraints ignored.
        try Self.shell(bad, """
            PRAGMA foreign_keys = OFF; INSERT INTO planning_area VALUES (999);
            INSERT INTO citizen(id, home_municipality_code, target_groups, offer_type, support_level, status, referred_on)
              SELECT 'B1', 615, 1, code, 3, 'waiting', '2026-03-01' FROM offer_type LIMIT 1;
            PRAGMA ignore_check_constraints = ON;
            INSERT INTO waiting_period(citizen_id, since, until, outcome) VALUES ('B1', '2026-03-01', '2026-02-01', 'withdrawn');
            """)
        let check = try CLI.run(["check"], db: bad)
        #expect(check.status == 1)
        #expect(check.stdout == """
            3 problems found in \(bad):
              SQLite's integrity check: CHECK constraint failed in waiting_period
              planning_area 999: municipality_code refers to a row of municipality that does not exist
              Waiting period 1 ends 2026-02-01, before it starts 2026-03-01

            """)
        let dansk = try CLI.run(["check", "--lang", "da"], db: bad)
        #expect(dansk.stdout.hasPrefix("3 fejl fundet i \(bad):\n  SQLites integritetstjek: CHECK constraint failed in waiting_period\n"))
        #expect(dansk.stdout.hasSuffix("  Venteperiode 1 slutter 01-02-2026, før det begynder 01-03-2026\n"))

        try CLI.run(["policy", "set", "allowed_wait_days", "45"], db: db)
        let refused = try CLI.run(["restore", bad], db: db)
        #expect(refused.status != 0 && refused.stdout == check.stdout)
        #expect(refused.stderr == "Error: \(bad) was not restored: the backup has problems; the database is unchanged.\n")
        #expect(try Self.allowedWait(db) == "45")

        #expect(try CLI.run(["restore", good], db: db).stdout == "\(db) is restored from \(good).\n")
        #expect(try Self.allowedWait(db) == "30")
        #expect(try CLI.run(["check"], db: db).status == 0)
    }
}
