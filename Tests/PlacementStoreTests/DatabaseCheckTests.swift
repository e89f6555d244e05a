import Foundation
import GRDB
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// `DatabaseCheck` finds each kind of damage that can get in around the schema's guards, the
/// way a person with the sqlite3 shell could plant it: triggers dropped and put back, CHECK
/// constraints ignored, foreign keys off. Each planting is SQL as one would type it.
@Suite struct DatabaseCheckTests {
    let dir: TempDir
    let path: String

    /// A residence R1 with places 1 and 2; citizens B1 (in place 1 since 2026-01-01, stay 1)
    /// and B2 (in place 2 since 2026-02-01, stay 2); B3 waiting since 2026-03-01.
    init() throws {
        dir = try TempDir()
        path = dir.path("check.sqlite")
        let db = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys)
        try db.write { d in
            try Residences.insert(d, Build.residence("R1"))
            try Places.insert(d, Place(residenceId: "R1", id: "1"))
            try Places.insert(d, Place(residenceId: "R1", id: "2"))
            try Citizens.insert(d, Build.citizen("B1", status: .placed))
            try Citizens.insert(d, Build.citizen("B2", status: .placed))
            try Citizens.insert(d, Build.citizen("B3"))
            _ = try Placements.insert(d, Placement(citizenId: "B1", residenceId: "R1", placeId: "1",
                                                   period: DayInterval(from: Build.day("2026-01-01"), to: nil)))
            _ = try Placements.insert(d, Placement(citizenId: "B2", residenceId: "R1", placeId: "2",
                                                   period: DayInterval(from: Build.day("2026-02-01"), to: nil)))
            try WaitingPeriods.insert(d, WaitingPeriod(citizenId: "B3", period: DayInterval(from: Build.day("2026-03-01"), to: nil)))
        }
        try db.writer.close()
    }

    /// What someone at the shell would run, on a connection of its own.
    func shell(_ sql: String) throws {
        let q = try DatabaseQueue(path: path)
        try q.writeWithoutTransaction { try $0.execute(sql: sql) }
        try q.close()
    }

    func findings() throws -> [CheckFinding] {
        try DatabaseCheck.run(PlacementDatabase.open(path: path, keys: dir.keys, access: .read))
    }

    @Test func aSoundDatabaseHasNoFindings() throws {
        #expect(try findings() == [])
    }

    static let triggers = ["placement_place_free_on_insert", "placement_citizen_single_on_insert"]

    /// The triggers' text, to put them back as they were after the planting.
    func withoutTriggers(_ sql: String) throws {
        let q = try DatabaseQueue(path: path)
        let saved = try q.read { d in
            try String.fetchAll(d, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('\(Self.triggers.joined(separator: "','"))')")
        }
        try q.close()
        try shell(Self.triggers.map { "DROP TRIGGER \($0);" }.joined() + sql + saved.map { $0 + ";" }.joined())
    }

    @Test func aSecondOccupantOfAPlace() throws {
        // B3 moves into B1's place from 1 June, with the guard dropped for the moment.
        try withoutTriggers("INSERT INTO placement(id, citizen_id, residence_id, place_id, starts_on) VALUES (3, 'B3', 'R1', '1', '2026-06-01');")
        #expect(try findings() == [.placeTwiceOccupied(residence: "R1", place: "1", stays: [1, 3], from: "2026-06-01")])
    }

    @Test func twoStaysOfOneCitizenAtOnce() throws {
        try withoutTriggers("INSERT INTO placement(id, citizen_id, residence_id, place_id, starts_on, ends_on) VALUES (3, 'B2', 'R1', '1', '2025-12-01', '2026-03-01');")
        #expect(try findings() == [
            .placeTwiceOccupied(residence: "R1", place: "1", stays: [1, 3], from: "2026-01-01"),
            .citizenTwicePlaced(citizen: "B2", stays: [2, 3], from: "2026-02-01"),
        ])
    }

    @Test func aPeriodThatEndsBeforeItStarts() throws {
        try shell("PRAGMA ignore_check_constraints = ON; UPDATE waiting_period SET until = '2026-02-01', outcome = 'withdrawn' WHERE citizen_id = 'B3';")
        let found = try findings()
        #expect(found == [
            .integrity("CHECK constraint failed in waiting_period"),
            .reversedRange(table: "waiting_period", id: "1", from: "2026-03-01", to: "2026-02-01"),
        ])
    }

    @Test func aReferenceToNothing() throws {
        try shell("PRAGMA foreign_keys = OFF; UPDATE placement SET citizen_id = 'B9' WHERE id = 2;")
        #expect(try findings() == [.brokenReference(table: "placement", row: 2, column: "citizen_id", parent: "citizen")])
    }

    @Test(arguments: [Language.da, .en]) func findingsReadAsSentences(language: Language) throws {
        let f: [CheckFinding] = [
            .placeTwiceOccupied(residence: "R1", place: "1", stays: [1, 3], from: "2026-06-01"),
            .citizenTwicePlaced(citizen: "B2", stays: [2, 3], from: "2026-02-01"),
            .reversedRange(table: "waiting_period", id: "1", from: "2026-03-01", to: "2026-02-01"),
            .brokenReference(table: "placement", row: 2, column: "citizen_id", parent: "citizen"),
        ]
        let expected = language == .da ? [
            "Plads 1 i R1 har to beboere på samme tid fra 01-06-2026: ophold 1 og 3",
            "Borger B2 har to ophold på samme tid fra 01-02-2026: ophold 2 og 3",
            "Venteperiode 1 slutter 01-02-2026, før det begynder 01-03-2026",
            "placement 2: citizen_id henviser til en række i citizen, som ikke findes",
        ] : [
            "Place 1 of R1 has two occupants at once from 2026-06-01: stays 1 and 3",
            "Citizen B2 has two stays at once from 2026-02-01: stays 2 and 3",
            "Waiting period 1 ends 2026-02-01, before it starts 2026-03-01",
            "placement 2: citizen_id refers to a row of citizen that does not exist",
        ]
        #expect(f.map { $0.text(language) } == expected)
    }

    /// The audit log edited, thinned or added to at the shell (its append-only guards dropped):
    /// `check` names the entry. Entry 1 is the database's creation; 2 to 4 are appended here.
    @Test(arguments: [
        ("UPDATE audit_log SET detail = 'nothing happened' WHERE id = 3", AuditChain.Finding(.edited, id: 3)),
        ("DELETE FROM audit_log WHERE id = 3", AuditChain.Finding(.deleted, id: 3)),
        ("INSERT INTO audit_log(id, at, command, entity, entity_id, action, detail, user, prev_hash, hash) SELECT 5, at, command, entity, entity_id, action, 'forged', user, zeroblob(32), zeroblob(32) FROM audit_log WHERE id = 4",
         AuditChain.Finding(.inserted, id: 5)),
    ])
    func auditLogDamage(sql: String, finding: AuditChain.Finding) throws {
        let db = try PlacementDatabase.open(path: path, keys: dir.keys)
        try db.write { d in
            for n in 2...4 { try AuditLog.append(d, command: "test", entity: "citizen", entityId: "B\(n)", action: "update", detail: "entry \(n)") }
        }
        try db.writer.close()
        #expect(try findings() == [])
        try shell("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql)
        #expect(try findings() == [.auditChain(finding)])
        #expect(try findings().map { $0.text(.da) } == ["Revisionsloggen: " + finding.message(.da)])
    }
}
