import Foundation
import GRDB
import PlacementStore
import PlacementTestSupport
import Testing

/// A run keeps its proposals' reasons as codes and words them when they are read: `explain
/// --lang en` on a Danish run reads the stored codes in English and does not solve the run
/// again; a run stored before version 7, with its reasons in words, shows them as written.
@Suite struct ReasonCodeTests {
    static func reasons(_ db: String, _ citizen: String) throws -> String? {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "SELECT reasons FROM proposal WHERE citizen_id = ?", arguments: [citizen]) }
    }

    static func execute(_ db: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    @Test func explainInEnglishOnADanishRunWordsTheStoredCodes() throws {
        let dir = try TempDir()
        let (db, _) = try DecisionLifecycleTests.world(dir)
        #expect(try CLI.run(["match", "--as-of", "2026-11-23"], db: db).status == 0)
        // Days as the run's input stores them: 20780 is 2026-11-23, 20727 is 2026-10-01.
        #expect(try Self.reasons(db, "B1") == #"[{"fitsOwn":{"moveIn":{"daysSinceEpoch":20780},"offerType":"SEL108","residence":"Engvang","supportLevels":[2,4]}},{"priority":{"of":3,"rank":1,"urgency":"normal","waitingSince":{"daysSinceEpoch":20727}}}]"#)

        // A stored code the run's input would never give: solving again would say "of 3".
        try Self.execute(db, #"UPDATE proposal SET reasons = replace(reasons, '"of":3,', '"of":999,') WHERE citizen_id = 'B1'"#)
        let english = try CLI.run(["explain", "B1", "--lang", "en"], db: db)
        #expect(english.status == 0, "\(english.stderr)")
        let lines = english.stdout.components(separatedBy: "\n")
        #expect(Array(lines.prefix(4)) == [
            "Run 1, 2026-11-23",
            "Citizen B1: § 108, autism, support level 3",
            "  Own place at Engvang fits (§ 108, support level 2-4); move-in 2026-11-23",
            "  Priority 1 of 999 (normal, waiting since 2026-10-01)",
        ])
        let danish = try CLI.run(["explain", "B1"], db: db).stdout.components(separatedBy: "\n")
        #expect(Array(danish.prefix(4)) == [
            "Kørsel 1, 23-11-2026",
            "Borger B1: § 108, autisme, støtteniveau 3",
            "  Egen plads i Engvang passer (§ 108, støtteniveau 2-4); indflytning 23-11-2026",
            "  Prioritet 1 af 999 (normal, venter siden 01-10-2026)",
        ])
    }

    @Test func aRunStoredBeforeVersion7ShowsItsReasonsAsWritten() throws {
        let dir = try TempDir()
        let (db, _) = try DecisionLifecycleTests.world(dir)
        #expect(try CLI.run(["match", "--as-of", "2026-11-23"], db: db).status == 0)
        // What version 6 stored: the reasons in the run's words (Danish here).
        try Self.execute(db, """
            UPDATE proposal SET reasons = '["Egen plads i Engvang passer (støtteniveau 2-4)","Prioritet 1 af 3 (normal, venter siden 01-10-2026)"]'
                WHERE citizen_id = 'B1';
            UPDATE proposal SET reasons = '[]' WHERE citizen_id = 'B2';
            """ + SchemaRollback.toVersion6)

        // A read-only command upgrades the file, then shows the old words as they were stored.
        let english = try CLI.run(["explain", "B1", "--lang", "en"], db: db)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(Array(english.stdout.components(separatedBy: "\n").prefix(4)) == [
            "Run 1, 2026-11-23",
            "Citizen B1: § 108, autism, support level 3",
            "  Egen plads i Engvang passer (støtteniveau 2-4)",
            "  Prioritet 1 af 3 (normal, venter siden 01-10-2026)",
        ])
        #expect(try Self.reasons(db, "B1") == #"[{"worded":{"text":"Egen plads i Engvang passer (støtteniveau 2-4)"}},{"worded":{"text":"Prioritet 1 af 3 (normal, venter siden 01-10-2026)"}}]"#)
        #expect(try Self.reasons(db, "B2") == "[]")
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Schema.currentVersion)
    }
}
