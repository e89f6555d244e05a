import Foundation
import GRDB
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// A place a places sheet declares occupied, with no stay of ours, is held by an occupant from
/// outside the planning area (a stay without a citizen); a citizen row that turns out to live
/// there takes it over. The import finds those stays in memory (`ImportContext`), so these pin
/// which are taken over and what the audit log says.
@Suite struct UnknownOccupantImportTests {
    static let residences = """
        residence_id,name,operator,municipality_code,postcode,offer_type,target_groups,places,daily_rate
        R1,Lindegården,own,615,8700,SEL108,autism,3,1850

        """
    static let header = "citizen_id,birth_year,target_groups,offer_type,support_level,status,residence_id,place_id,placed_on,leaves_on,referred_on\n"

    func run(_ db: PlacementDatabase, _ files: [URL]) throws -> ImportReport {
        var options = ImportOptions(asOf: Build.day("2026-11-23"))
        options.command = "test"
        return try Importer(database: db, options: options).run(files: files, now: Date(timeIntervalSince1970: 1_795_000_000))
    }

    /// The stays, as "citizen residence/place from–to" ("-" for none), in id order.
    func stays(_ db: PlacementDatabase) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT citizen_id, residence_id, place_id, starts_on, ends_on FROM placement ORDER BY id").map { r in
                let citizen: String? = r[0], place: String? = r[2], end: String? = r[4]
                let residence: String = r[1], start: String = r[3]
                return "\(citizen ?? "-") \(residence)/\(place ?? "-") \(start)–\(end ?? "-")"
            }
        }
    }

    @Test func aCitizenLivingInAPlaceOccupiedFromOutsideTakesItOver() throws {
        let dir = try TempDir(), db = try Build.database()
        let places = try dir.write("pladser.csv", "place_id,residence_id,status\n1,R1,occupied\n2,R1,occupied\n3,R1,vacant\n")
        #expect(try run(db, [try dir.write("tilbud.csv", Self.residences), places]).committed)
        #expect(try stays(db) == ["- R1/1 2026-11-23–-", "- R1/2 2026-11-23–-"])

        // B1 lives in place 1 now: the stay from outside goes. B2 left place 2 before the
        // export's day: that stay does not overlap, and the occupant from outside stays.
        let citizens = try dir.write("borgere.csv", Self.header
            + "B1,1990,autism,SEL108,2,placed,R1,1,2025-03-01,,2025-01-10\n"
            + "B2,1985,autism,SEL108,2,placed,R1,2,2024-01-01,2025-01-01,2023-11-01\n")
        let report = try run(db, [citizens])
        #expect(report.committed)
        #expect(try stays(db) == ["- R1/2 2026-11-23–-", "B1 R1/1 2025-03-01–-", "B2 R1/2 2024-01-01–2025-01-01"])
        let deletes = try db.read { try AuditLog.entries($0, entity: "placement") }.filter { $0.action == "delete" }
        #expect(deletes.map { "\($0.entityId): \($0.detail ?? "")" } == ["R1/1: occupant outside the planning area replaced by B1"])
        #expect(try AuditChain.verify(db) == [])
    }

    @Test func aHistoryRowTakesOverOnlyTheStaysItOverlaps() throws {
        let dir = try TempDir(), db = try Build.database()
        let places = try dir.write("pladser.csv", "place_id,residence_id,status\n1,R1,occupied\n")
        #expect(try run(db, [try dir.write("tilbud.csv", Self.residences), places]).committed)
        let citizens = try dir.write("borgere.csv", Self.header + "B1,1990,autism,SEL108,2,waiting,,,,,2026-10-01\n")
        // A past stay in place 1 that ended before the occupant from outside moved in, then
        // one that runs into that occupant's stay: only the second takes the place over.
        let history = try dir.write("historik.csv", """
            citizen_id,residence_id,place_id,placed_on,left_on
            B1,R1,1,2020-01-01,2021-01-01
            B1,R1,1,2026-01-01,2026-11-24

            """)
        let report = try run(db, [citizens, history])
        #expect(report.committed)
        #expect(try stays(db) == ["B1 R1/1 2020-01-01–2021-01-01", "B1 R1/1 2026-01-01–2026-11-24"])
        let deletes = try db.read { try AuditLog.entries($0, entity: "placement") }.filter { $0.action == "delete" }
        #expect(deletes.map { "\($0.entityId): \($0.detail ?? "")" } == ["R1/1: occupant outside the planning area replaced by B1"])
        #expect(try AuditChain.verify(db) == [])
    }
}
