import Foundation
import GRDB
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// The database refuses bad rows by itself, whatever code writes them.
@Suite struct SchemaConstraintTests {
    let db: PlacementDatabase

    init() throws {
        db = try Build.database()
        try db.write { d in
            try Residences.insert(d, Build.residence("R1"))
            try Places.insert(d, Place(residenceId: "R1", id: "1"))
            try Places.insert(d, Place(residenceId: "R1", id: "2"))
            try Citizens.insert(d, Build.citizen("B1", status: .placed))
            try Citizens.insert(d, Build.citizen("B2", status: .placed))
        }
    }

    func rejects(_ sql: String, _ args: StatementArguments = []) -> Bool {
        do {
            try db.write { try $0.execute(sql: sql, arguments: args) }
            return false
        } catch let e as DatabaseError {
            return e.resultCode == .SQLITE_CONSTRAINT
        } catch { return false }
    }

    static let residenceColumns = "id, name, operator, municipality_code, latitude, longitude, offer_type, target_groups, places, daily_rate_ore"

    @Test(arguments: [
        ("support level above 5", "support_level_min, support_level_max", "1, 6"),
        ("support range upside down", "support_level_min, support_level_max", "4, 2"),
        ("negative variable cost", "variable_daily_cost_ore", "-1"),
        ("closing before opening", "opens_on, closes_on", "'2026-05-01', '2026-04-01'"),
        ("not a date", "opens_on", "'01-05-2026'"),
        ("age range upside down", "age_min, age_max", "60, 18"),
        ("no target group", "features", "16"),
    ])
    func residenceChecks(what: String, columns: String, values: String) {
        let base = "INSERT INTO residence (\(Self.residenceColumns), \(columns)) VALUES ('X', 'X', 'own', 615, 55.8, 9.8, 'SEL108', 1, 1, 100, \(values))"
        #expect(rejects(base), "\(what) was accepted")
    }

    @Test func residenceKeysAndVocabulary() {
        #expect(rejects("INSERT INTO residence (\(Self.residenceColumns)) VALUES ('X', 'X', 'own', 615, 55.8, 9.8, 'SEL999', 1, 1, 100)"))
        #expect(rejects("INSERT INTO residence (\(Self.residenceColumns)) VALUES ('X', 'X', 'own', 999, 55.8, 9.8, 'SEL108', 1, 1, 100)"))
        #expect(rejects("INSERT INTO residence (\(Self.residenceColumns)) VALUES ('X', 'X', 'owner', 615, 55.8, 9.8, 'SEL108', 1, 1, 100)"))
        #expect(rejects("INSERT INTO residence (\(Self.residenceColumns)) VALUES ('X', 'X', 'own', 615, 55.8, 9.8, 'SEL108', 0, 1, 100)"))
        #expect(rejects("INSERT INTO residence (\(Self.residenceColumns)) VALUES ('R1', 'X', 'own', 615, 55.8, 9.8, 'SEL108', 1, 1, 100)"))
        #expect(!rejects("INSERT INTO residence (\(Self.residenceColumns)) VALUES ('X', 'X', 'own', 615, 55.8, 9.8, 'SEL108', 1, 1, 100)"))
    }

    @Test func citizenChecks() {
        let cols = "id, home_municipality_code, target_groups, offer_type, support_level, status, referred_on"
        #expect(rejects("INSERT INTO citizen (\(cols)) VALUES ('C', 615, 1, 'SEL108', 0, 'waiting', '2026-01-01')"))
        #expect(rejects("INSERT INTO citizen (\(cols)) VALUES ('C', 615, 1, 'SEL108', 3, 'asleep', '2026-01-01')"))
        #expect(rejects("INSERT INTO citizen (\(cols)) VALUES ('C', 615, 1, 'SEL108', 3, 'waiting', NULL)"))
        #expect(rejects("INSERT INTO citizen (\(cols), urgency) VALUES ('C', 615, 1, 'SEL108', 3, 'waiting', '2026-01-01', 'urgent')"))
        #expect(rejects("INSERT INTO citizen (\(cols), network_postcode) VALUES ('C', 615, 1, 'SEL108', 3, 'waiting', '2026-01-01', 1234)"))
        #expect(rejects("INSERT INTO citizen (\(cols), agreed_daily_rate_ore) VALUES ('C', 615, 1, 'SEL108', 3, 'waiting', '2026-01-01', -5)"))
        #expect(!rejects("INSERT INTO citizen (\(cols)) VALUES ('C', 615, 1, 'SEL108', 3, 'waiting', '2026-01-01')"))
    }

    @Test func placementChecksAndForeignKeys() {
        let cols = "citizen_id, residence_id, place_id, starts_on, ends_on"
        #expect(rejects("INSERT INTO placement (\(cols)) VALUES ('B1', 'R1', '1', '2026-02-01', '2026-01-01')"))
        #expect(rejects("INSERT INTO placement (\(cols)) VALUES ('NOBODY', 'R1', '1', '2026-01-01', NULL)"))
        #expect(rejects("INSERT INTO placement (\(cols)) VALUES ('B1', 'R1', '9', '2026-01-01', NULL)"))
        #expect(rejects("INSERT INTO placement (\(cols)) VALUES ('B1', 'NOWHERE', NULL, '2026-01-01', NULL)"))
        #expect(rejects("INSERT INTO place (residence_id, id, status) VALUES ('R1', '3', 'broken')"))
        #expect(rejects("INSERT INTO waiting_period (citizen_id, since, until, outcome) VALUES ('B1', '2026-02-01', '2026-01-01', 'placed')"))
        #expect(rejects("INSERT INTO waiting_period (citizen_id, since, until, outcome) VALUES ('B1', '2026-01-01', '2026-02-01', NULL)"))
    }

    @Test func onlyOneCitizenInAPlaceAtAnyTime() throws {
        try db.write { d in
            _ = try Placements.insert(d, Placement(citizenId: "B1", residenceId: "R1", placeId: "1",
                                               period: DayInterval(from: Build.day("2026-01-01"), to: Build.day("2026-03-01"))))
        }
        let cols = "citizen_id, residence_id, place_id, starts_on, ends_on"
        // Overlapping stays in the same place are refused, touching ones are fine.
        #expect(rejects("INSERT INTO placement (\(cols)) VALUES ('B2', 'R1', '1', '2026-02-15', NULL)"))
        #expect(rejects("INSERT INTO placement (\(cols)) VALUES ('B2', 'R1', '1', '2025-12-01', '2026-01-02')"))
        #expect(!rejects("INSERT INTO placement (\(cols)) VALUES ('B2', 'R1', '1', '2026-03-01', NULL)"))
        // And a citizen lives in one place at a time.
        #expect(rejects("INSERT INTO placement (\(cols)) VALUES ('B1', 'R1', '2', '2026-02-01', NULL)"))
        // Moving an existing stay onto an occupied period is refused too.
        #expect(rejects("UPDATE placement SET ends_on = '2026-04-01' WHERE citizen_id = 'B1'"))
    }

    @Test func auditLogIsAppendOnly() throws {
        try db.write { try AuditLog.append($0, command: "test", entity: "citizen", entityId: "B1", action: "insert") }
        #expect(rejects("UPDATE audit_log SET action = 'x'"))
        #expect(rejects("DELETE FROM audit_log"))
    }
}
