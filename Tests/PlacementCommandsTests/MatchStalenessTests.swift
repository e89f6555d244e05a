import Foundation
import PlacementModel
import PlacementMatching
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// A match stores its run only if nothing it read has changed meanwhile.
@Suite(.serialized) struct MatchStalenessTests {
    @Test func aRunReadBeforeAnImportCommittedIsNotStored() throws {
        let dir = try TempDir()
        let (path, _) = try ConcurrencyTests.demo(dir)
        let db = try PlacementDatabase.open(path: path, keys: CLI.keys)
        let day = Build.day(ConcurrencyTests.asOf)
        let (input, policy, readAt) = try db.read { d in
            (try MatchInput.load(d, on: day), try MatchPolicy.load(d), try MatchRuns.dataVersion(d))
        }
        let result = try Matcher(input: input, policy: policy, language: .en).run()
        let runsBefore = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM match_run") }

        // Another run stored meanwhile changes nothing a run reads.
        let other = try CLI.run(["match", "--as-of", ConcurrencyTests.asOf], db: path)
        #expect(other.status == 0)
        let stored = try db.write { try MatchRuns.save($0, result: result, input: input, policy: policy, readAt: readAt) }
        #expect(stored == Int64(runsBefore! + 2))

        // An import closing the citizens absent from a shorter waiting list does.
        let short = try dir.write("citizens.csv", try String(contentsOfFile: ConcurrencyTests.files[2], encoding: .utf8)
            .split(separator: "\n").prefix(1001).joined(separator: "\n") + "\n")
        let closing = try CLI.run(["import", "--as-of", ConcurrencyTests.asOf, "--close-missing", short.path], db: path)
        #expect(closing.status == 0, "\(closing.stdout)\(closing.stderr)")
        // Every row unchanged, so only the closing was written: the citizens absent and waiting.
        let citizens = try DemoWorldTests.rows("citizens.csv")
        let absent = citizens[1000...].filter(DemoWorldTests.waits).count
        #expect(absent > 0 && closing.stdout.contains("Lukkede \(DisplayFormat(.da).integer(absent)) ventende borger(e), som mangler i udtrækket"),
                "\(closing.stdout)")
        let status = try CLI.json(try CLI.run(["status", "--as-of", ConcurrencyTests.asOf, "--json"], db: path).stdout)
        #expect((status["citizens"] as? [String: Int])?["waiting"] == citizens[..<1000].filter(DemoWorldTests.waits).count)
        let at = try #require(try db.read { try String.fetchOne($0, sql: "SELECT at FROM audit_log WHERE command = 'import' ORDER BY id DESC LIMIT 1") })
        #expect(throws: MatchRuns.RunError.inputChanged(command: "import", at: at)) {
            try db.write { try MatchRuns.save($0, result: result, input: input, policy: policy, readAt: readAt) }
        }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM match_run") } == runsBefore! + 2)
    }
}
