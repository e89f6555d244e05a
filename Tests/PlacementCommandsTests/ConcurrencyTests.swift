import Foundation
import GRDB
import PlacementStore
import PlacementTestSupport
import Testing

/// Commands run as separate processes while another holds the write lock: readers answer,
/// a writer says who is writing. The lock is held deterministically, with no hook in the
/// program: by this test process through the store's own write path (as `import` writes), or
/// by the sqlite3 shell. Every command below finishes while the lock is still held, so one
/// that needed it would have failed.
@Suite(.serialized) struct ConcurrencyTests {
    static let asOf = "2026-11-23"
    static let files = ["residences.csv", "places.csv", "citizens.csv", "placements.csv"].map { CLI.seeds.appendingPathComponent($0).path }

    /// The demo municipality imported and matched once, so explain has a run.
    static func demo(_ dir: TempDir) throws -> (db: String, citizen: String) {
        let db = dir.path("demo.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let imported = try CLI.run(["import", "--as-of", asOf] + files, db: db)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let match = try CLI.json(try CLI.run(["match", "--as-of", asOf, "--json"], db: db).stdout)
        let proposals = try #require(match["proposals"] as? [[String: Any]])
        return (db, try #require(proposals.first?["citizen_id"] as? String))
    }

    /// Holds the write lock as a writing command does (note and all) until `release`.
    final class Holder: @unchecked Sendable {
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)

        /// `letGoAfter`: the holder also lets go by itself after so many seconds, so a command
        /// that waits for the lock would get it (and be seen to have written).
        init(path: String, command: String, letGoAfter seconds: Double? = nil) throws {
            let db = try PlacementDatabase.open(path: path, keys: CLI.keys)
            DispatchQueue.global().async { [self] in
                try? db.write(command: command) { _ in
                    self.locked.signal()
                    if let seconds { _ = self.release.wait(timeout: .now() + seconds) } else { self.release.wait() }
                }
                try? db.writer.close()
                self.done.signal()
            }
            locked.wait()
        }

        func end() { release.signal(); done.wait() }
    }

    /// "09:41:02 UTC" from the note the holder wrote.
    static func since(_ db: String) throws -> String {
        let note = try #require(WriterNote.current(database: db))
        return note.since.split(separator: "T")[1].replacingOccurrences(of: "Z", with: " UTC")
    }

    @Test func readersAnswerAndWritersSayWhoIsWriting() throws {
        let dir = try TempDir()
        let (db, citizen) = try Self.demo(dir)
        let readers: [[String]] = [["status", "--as-of", Self.asOf], ["report", "weekly", "--as-of", Self.asOf],
                                   ["explain", citizen], ["policy"], ["check"]]
        let before = try readers.map { try CLI.run($0, db: db) }
        for out in before { #expect(out.status == 0, "\(out.stderr)") }

        let holder = try Holder(path: db, command: "import")
        let pid = ProcessInfo.processInfo.processIdentifier, since = try Self.since(db)
        let writer = "placement import (proces \(pid), skriver siden \(since))"

        // Readers: the same answers as before, while the import holds the lock.
        for (args, expected) in zip(readers, before) {
            let out = try CLI.run(args, db: db)
            #expect(out.status == 0 && out.stdout == expected.stdout, "\(args) \(out.stderr)")
        }
        // An import that changes nothing, and a dry run, check without the lock.
        let again = try CLI.run(["import", "--as-of", Self.asOf] + Self.files, db: db)
        #expect(again.status == 0 && again.stdout.contains("citizens.csv (borgere; CSV, komma, UTF-8, LF): 1.488 rækker læst, 0 nye, 0 ændrede, 1.488 uændrede"), "\(again.stdout)\(again.stderr)")
        let changed = try dir.write("citizens.csv", try String(contentsOfFile: Self.files[2], encoding: .utf8)
            .split(separator: "\n").prefix(1001).joined(separator: "\n") + "\n")
        let dry = try CLI.run(["import", "--as-of", Self.asOf, "--close-missing", "--dry-run", changed.path], db: db)
        #expect(dry.status == 0 && dry.stdout.hasSuffix("Prøvekørsel: filerne er gyldige; intet blev skrevet.\n"), "\(dry.stdout)\(dry.stderr)")

        // Writers: one that must wait says who is writing, after the wait it was given.
        let wait = ["PLACEMENT_WAIT_SECONDS": "1"]
        let policy = try CLI.run(["policy", "set", "allowed_wait_days", "45"], db: db, env: wait)
        #expect(policy.status != 0)
        #expect(policy.stderr == "Error: Databasen er optaget: \(writer) skriver i den. placement policy set ventede 1 s og har ikke ændret noget; prøv igen, når den anden er færdig.\n")
        let importing = try CLI.run(["import", "--as-of", Self.asOf, "--close-missing", changed.path], db: db, env: wait)
        #expect(importing.status != 0)
        #expect(importing.stderr == "Error: Databasen er optaget: \(writer) skriver i den. placement import ventede 1 s og har ikke ændret noget; prøv igen, når den anden er færdig.\n")
        // A match does not wait: what it read is about to change.
        let match = try CLI.run(["match", "--as-of", Self.asOf], db: db)
        #expect(match.status != 0)
        #expect(match.stderr == "Error: Kørslen er ikke gemt: \(writer) skriver i databasen nu og kan ændre det, kørslen har læst. Kør placement match igen, når den er færdig.\n")
        holder.end()

        // Once the import is done, the note is stale and the next writer goes ahead.
        #expect(WriterNote.current(database: db) == nil)
        #expect(try CLI.run(["policy", "set", "allowed_wait_days", "45"], db: db).stdout == "allowed_wait_days = 45\n")
    }

    /// A week's very first report while an import writes: shown at once without the "changed
    /// since" mark, keeping nothing; it does not wait for the lock (the holder lets go after
    /// 3 s, so a report that waited would have kept the week). The next report keeps it.
    @Test func aFirstReportWhileAnImportWritesDoesNotWaitAndKeepsNothing() throws {
        let dir = try TempDir()
        let (db, _) = try Self.demo(dir)
        let keptWeeks = "SELECT count(*) FROM report_first"
        #expect(try Self.count(db, keptWeeks) == 0)

        let holder = try Holder(path: db, command: "import", letGoAfter: 3)
        let report = try CLI.run(["report", "weekly", "--as-of", Self.asOf], db: db, env: ["PLACEMENT_WAIT_SECONDS": "60"])
        holder.end()
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Ugerapport"))
        #expect(try Self.count(db, keptWeeks) == 0)

        #expect(try CLI.run(["report", "weekly", "--as-of", Self.asOf], db: db).stdout == report.stdout)
        #expect(try Self.count(db, keptWeeks) == 1)
    }

    static func count(_ path: String, _ sql: String) throws -> Int {
        let db = try PlacementDatabase.open(path: path, keys: CLI.keys, access: .read)
        return try db.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    /// The sqlite3 shell holding BEGIN IMMEDIATE, as any other program could.
    final class Shell {
        let process = Process()
        let input = Pipe(), output = Pipe()

        init(path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [path]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
            var seen = ""
            while !seen.contains("locked") { seen += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self) }
        }

        func end() {
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            process.waitUntilExit()
        }
    }

    @Test func aStaleNoteNamesNoOneAndBlocksNoOne() throws {
        let dir = try TempDir()
        let db = dir.path("s.sqlite")
        try CLI.run(["init", "--municipality", "615", "--lang", "en"], db: db)
        // What an import killed with kill -9 leaves behind: its note, no longer locked.
        try "import\t999999\t2026-12-01T09:00:00Z\n".write(toFile: WriterNote.path(forDatabase: db), atomically: true, encoding: .utf8)
        #expect(WriterNote.current(database: db) == nil)

        let shell = try Shell(path: db)
        let busy = try CLI.run(["policy", "set", "allowed_wait_days", "45"], db: db, env: ["PLACEMENT_WAIT_SECONDS": "0"])
        #expect(busy.stderr == "Error: The database is busy: another program is writing to it. placement policy set waited 0 s and changed nothing; try again when the other has finished.\n")
        #expect(try CLI.run(["status"], db: db).status == 0)
        shell.end()
        #expect(try CLI.run(["policy", "set", "allowed_wait_days", "45"], db: db).stdout == "allowed_wait_days = 45\n")
    }
}
