import Foundation
import PlacementTestSupport
import Testing

/// A text planted with the sqlite3 shell where a whole number belongs, in each table that
/// `status`, `report weekly`, `match` and `check` read: GRDB's row subscripts stopped the
/// program with `fatalError` on such a value; now the readers refuse the row with one located
/// sentence and exit 1, and `check` lists it.
@Suite struct WrongTypeRowTests {
    /// One own residence R1 (2 places) and one external X1; B1 waits, B2 lives at X1 (open to
    /// moving home), B3 in R1.
    static func world(_ dir: TempDir) throws -> String {
        let db = dir.path("w.sqlite")
        try CLI.run(["init", "--municipality", "615", "--lang", "en"], db: db)
        let residences = try dir.write("residences.csv", """
            residence_id,name,operator,municipality_code,postcode,offer_type,target_groups,support_level_min,support_level_max,places,daily_rate
            R1,Engvang,own,615,8700,SEL108,autism,2,4,2,2500
            X1,Lyngbo,private,751,8000,SEL108,autism,1,5,10,4000

            """)
        let citizens = try dir.write("citizens.csv", """
            citizen_id,home_municipality_code,target_groups,offer_type,support_level,status,referred_on,residence_id,placed_on,open_to_move
            B1,615,autism,SEL108,3,waiting,2026-10-01,,,
            B2,615,autism,SEL108,3,placed,,X1,2026-01-05,yes
            B3,615,autism,SEL108,3,placed,,R1,2026-02-02,no

            """)
        let out = try CLI.run(["import", "--as-of", "2026-11-23", residences.path, citizens.path], db: db)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        return db
    }

    static func refusal(_ table: String, _ key: String, _ column: String, _ value: String) -> String {
        "Error: The database has a \(table) row that cannot be used: \(table) \"\(key)\", \(column): \"\(value)\" is not a whole number. "
            + "Correct the row or restore a backup.\n"
    }

    @Test(arguments: [
        // What `status` reads: the stays of the day with the rate of each external one.
        (["status"], "UPDATE placement SET daily_rate_ore = 'abc' WHERE citizen_id = 'B2'", WrongTypeRowTests.refusal("placement", "B2", "daily_rate_ore", "abc")),
        (["status"], "UPDATE citizen SET agreed_daily_rate_ore = 'abc' WHERE id = 'B2'", WrongTypeRowTests.refusal("citizen", "B2", "agreed_daily_rate_ore", "abc")),
        (["status"], "UPDATE residence SET daily_rate_ore = 'abc' WHERE id = 'X1'", WrongTypeRowTests.refusal("residence", "X1", "daily_rate_ore", "abc")),
        // `match`: residences, places, citizens, the stays open to moving.
        (["match"], "UPDATE place SET features = 'wide' WHERE residence_id = 'R1' AND id = '2'", WrongTypeRowTests.refusal("place", "R1", "features", "wide")),
        (["match"], "UPDATE placement SET daily_rate_ore = 'abc' WHERE citizen_id = 'B2'", WrongTypeRowTests.refusal("placement", "B2", "daily_rate_ore", "abc")),
        (["match"], "UPDATE citizen SET max_distance_km = 'far' WHERE id = 'B1'", WrongTypeRowTests.refusal("citizen", "B1", "max_distance_km", "far")),
        // `report weekly`: own residences, external stays, the waiting list.
        (["report", "weekly"], "UPDATE residence SET daily_rate_ore = 'abc' WHERE id = 'R1'", WrongTypeRowTests.refusal("residence", "R1", "daily_rate_ore", "abc")),
        (["report", "weekly"], "UPDATE placement SET daily_rate_ore = 'abc' WHERE citizen_id = 'B2'", WrongTypeRowTests.refusal("placement", "B2", "daily_rate_ore", "abc")),
        (["report", "weekly"], "UPDATE citizen SET support_level = 'high' WHERE id = 'B1'", WrongTypeRowTests.refusal("waiting_period", "B1", "support_level", "high")),
    ])
    func aTextWhereANumberBelongsIsALocatedError(command: [String], sql: String, expected: String) throws {
        let dir = try TempDir()
        let db = try Self.world(dir)
        try BadDatabaseRowTests.sqlite(db, sql)
        let out = try CLI.run(command + ["--as-of", "2026-11-23"], db: db)
        #expect(out.reason == .exit && out.status == 1, "\(command): signal or status \(out.status)")
        #expect(out.stderr == expected)
    }

    /// `check` names each such value, where the schema's CHECKs alone do not see it (a text
    /// compares above every number, so `daily_rate_ore >= 0` holds for 'abc').
    @Test func checkListsEachValueOfTheWrongType() throws {
        let dir = try TempDir()
        let db = try Self.world(dir)
        try BadDatabaseRowTests.sqlite(db, """
            UPDATE placement SET daily_rate_ore = 'abc' WHERE citizen_id = 'B2';
            UPDATE citizen SET agreed_daily_rate_ore = 'x' WHERE id = 'B3';
            UPDATE waiting_period SET since = '2026-02-30' WHERE citizen_id = 'B1';
            """)
        let out = try CLI.run(["check"], db: db)
        #expect(out.status == 1)
        #expect(out.stdout == """
            3 problems found in \(db):
              citizen B3: agreed_daily_rate_ore holds "x", which is not a whole number
              placement 1: daily_rate_ore holds "abc", which is not a whole number
              waiting_period 1: since holds "2026-02-30", which is not a date (yyyy-mm-dd)

            """)
        let dansk = try CLI.run(["check", "--lang", "da"], db: db)
        #expect(dansk.stdout.contains("\n  citizen B3: agreed_daily_rate_ore indeholder \"x\", som ikke er et heltal\n"))
    }
}
