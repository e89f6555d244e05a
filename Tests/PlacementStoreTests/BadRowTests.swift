import Foundation
import GRDB
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// Rows the schema's CHECKs would refuse, written past them (as the sqlite3 shell can): reading
/// them throws `StoreError.badRow` naming table, row and column; it never traps.
@Suite struct BadRowTests {
    let db: PlacementDatabase

    init() throws {
        db = try Build.database()
        try db.write { d in
            try Residences.insert(d, Build.residence("R1"))
            try Places.insert(d, Place(residenceId: "R1", id: "1"))
            try Citizens.insert(d, Build.citizen("B1", status: .placed))
            try Placements.insert(d, Placement(citizenId: "B1", residenceId: "R1", placeId: "1",
                                               period: DayInterval(from: Day(clampedYear: 2025, month: 1, day: 1), to: nil)))
        }
    }

    func breaking(_ sql: String) throws {
        try db.write { d in
            try d.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try d.execute(sql: sql)
            try d.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
    }

    @Test func aReversedSupportRangeIsABadRow() throws {
        try breaking("UPDATE residence SET support_level_min = 5, support_level_max = 1")
        #expect(throws: StoreError.badRow(table: "residence", key: "R1", column: "support_level_max", problem: "1 is below support_level_min 5")) {
            _ = try db.read { try Residences.all($0) }
        }
    }

    @Test(arguments: [
        ("UPDATE placement SET starts_on = 'x'", "starts_on", "\"x\" is not a date"),
        ("UPDATE placement SET ends_on = '2024-01-01'", "ends_on", "2024-01-01 is before starts_on 2025-01-01"),
        ("UPDATE placement SET daily_rate_ore = 10000000001", "daily_rate_ore", "10000000001 øre is not a daily rate from 0 to 10000000000 øre"),
    ])
    func aBadStayIsABadRow(sql: String, column: String, problem: String) throws {
        try breaking(sql)
        #expect(throws: StoreError.badRow(table: "placement", key: "B1", column: column, problem: problem)) {
            _ = try db.read { try Placements.all($0) }
        }
    }

    @Test func aWaitingPeriodEndingBeforeItStartsIsABadRow() throws {
        try breaking("INSERT INTO waiting_period(citizen_id, since, until, outcome) VALUES ('B1', '2026-02-01', '2026-01-01', 'placed')")
        #expect(throws: StoreError.badRow(table: "waiting_period", key: "B1", column: "until", problem: "2026-01-01 is before since 2026-02-01")) {
            _ = try db.read { try WaitingPeriods.all($0) }
        }
    }

    @Test func theMessageNamesTableRowAndColumn() {
        let e = StoreError.badRow(table: "citizen", key: "B7", column: "referred_on", problem: "\"x\" is not a date")
        #expect(e.description == "The database has a citizen row that cannot be used: citizen \"B7\", referred_on: \"x\" is not a date. Correct the row or restore a backup.")
    }
}
