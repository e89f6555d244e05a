import Foundation
import GRDB
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// Issue 12, "accepted, should be refused or at least flagged": rows that contradict the
/// residence or place they name. What would store a wrong state is refused; a stay that does
/// not fit the residence's profile is real in case-system data and imported with a warning.
@Suite struct PlacementConsistencyImportTests {
    static let residences = """
        residence_id,name,operator,municipality_code,postcode,offer_type,target_groups,age_min,places,daily_rate,closes_on
        R1,Lindegården,own,615,8700,SEL108,autism,,3,1850,
        R2,Engvang,own,615,8700,SEL108,autism,,2,1400,2026-06-01
        R3,Voksenbo,own,615,8700,ABL105,autism,18,2,1600,
        X1,Solhøj,private,751,8000,SEL108,autism,,10,2900,

        """
    static let header = "citizen_id,birth_year,target_groups,offer_type,support_level,status,residence_id,place_id,placed_on,referred_on\n"

    func run(_ db: PlacementDatabase, _ files: [URL]) throws -> ImportReport {
        var options = ImportOptions(asOf: Build.day("2026-11-23"))
        options.command = "test"
        return try Importer(database: db, options: options).run(files: files, now: Date(timeIntervalSince1970: 1_795_000_000))
    }

    func errors(_ r: ImportReport) -> [String] { r.issues.filter { $0.severity == .error }.map(\.description) }
    func warnings(_ r: ImportReport) -> [String] { r.issues.filter { $0.severity == .warning }.map(\.description) }

    @Test func aCitizenInAPlaceMarkedClosedIsRefused() throws {
        let dir = try TempDir(), db = try Build.database()
        let places = try dir.write("pladser.csv", "place_id,residence_id,status\n1,R1,vacant\n2,R1,vacant\n3,R1,closed\n")
        let citizens = try dir.write("borgere.csv", Self.header + "B1,1990,autism,SEL108,2,placed,R1,3,2025-03-01,2025-01-10\n")
        let report = try run(db, [try dir.write("tilbud.csv", Self.residences), places, citizens])
        #expect(!report.committed)
        #expect(errors(report) == [
            #"borgere.csv row 2, column "place_id": "3" is a place of residence R1 marked closed; a citizen cannot live in a closed place. Correct the place's status or the citizen's place"#,
        ])
    }

    @Test func aPlaceClosedByThisImportWhileACitizenLivesThereIsRefused() throws {
        let dir = try TempDir(), db = try Build.database()
        let r = try dir.write("tilbud.csv", Self.residences)
        #expect(try run(db, [r, try dir.write("borgere.csv", Self.header + "B1,1990,autism,SEL108,2,placed,R1,3,2025-03-01,2025-01-10\n")]).committed)
        let report = try run(db, [try dir.write("pladser.csv", "place_id,residence_id,status\n3,R1,lukket\n")])
        #expect(errors(report) == [
            #"pladser.csv row 2, column "status": "closed" but a citizen lives in place 3 of residence R1 on 23-11-2026 (since 01-03-2025); correct the place's status, or the citizen's stay"#,
        ])
    }

    @Test func aStayThatBeginsAfterTheResidenceClosesIsRefused() throws {
        let dir = try TempDir(), db = try Build.database()
        let citizens = try dir.write("borgere.csv", Self.header + "B1,1990,autism,SEL108,2,placed,R2,,2026-07-01,2026-05-01\n")
        let report = try run(db, [try dir.write("tilbud.csv", Self.residences), citizens])
        #expect(errors(report) == [
            #"borgere.csv row 2, column "placed_on": "01-07-2026" is on or after the day residence R2 closes (closes_on 01-06-2026); a stay must begin before it"#,
        ])
        let history = try dir.write("historik.csv", "citizen_id,residence_id,placed_on,left_on\nB1,R2,2026-06-01,2026-06-20\n")
        let waiting = try dir.write("borgere-2.csv", Self.header + "B1,1990,autism,SEL108,2,waiting,,,,2026-05-01\n")
        let again = try run(db, [try dir.write("tilbud.csv", Self.residences), waiting, history])
        #expect(errors(again) == [
            #"historik.csv row 2, column "placed_on": "01-06-2026" is on or after the day residence R2 closes (closes_on 01-06-2026); a stay must begin before it"#,
        ])
    }

    @Test func aPlacesSheetWithMorePlacesThanTheResidenceHasIsRefused() throws {
        let dir = try TempDir(), db = try Build.database()
        let places = try dir.write("pladser.csv", "place_id,residence_id\n1,R1\n2,R1\n3,R1\n4,R1\n1,R2\n")
        let report = try run(db, [try dir.write("tilbud.csv", Self.residences), places])
        #expect(errors(report) == [
            #"pladser.csv row 5, column "place_id": "4" is place number 4 of residence R1 in this sheet, which has 3 places (column places of the residences sheet); correct the number of places or remove the place"#,
        ])
    }

    @Test func markingAnOccupiedPlaceVacantIsRefusedUnlessTheCitizenMovesOut() throws {
        let dir = try TempDir(), db = try Build.database()
        let r = try dir.write("tilbud.csv", Self.residences)
        let placed = try dir.write("borgere.csv", Self.header + "B1,1990,autism,SEL108,2,placed,R1,1,2025-03-01,2025-01-10\n")
        #expect(try run(db, [r, placed]).committed)
        let vacant = try dir.write("pladser.csv", "place_id,residence_id,status\n1,R1,ledig\n")
        let alone = try run(db, [vacant])
        #expect(errors(alone) == [
            #"pladser.csv row 2, column "status": "vacant" but a citizen lives in place 1 of residence R1 on 23-11-2026 (since 01-03-2025); correct the place's status, or the citizen's stay"#,
        ])
        let together = try run(db, [vacant, placed])
        #expect(errors(together) == [
            #"pladser.csv row 2, column "status": "vacant" but a citizen lives in place 1 of residence R1 on 23-11-2026 (since 01-03-2025; borgere.csv row 2); correct the place's status, or the citizen's stay"#,
        ])
        // The same sheet with the citizen moving out in this week's export is consistent.
        let left = try dir.write("borgere-2.csv", "citizen_id,target_groups,offer_type,support_level,status,leaves_on\nB1,autism,SEL108,2,left,2026-11-20\n")
        let moved = try run(db, [vacant, left])
        #expect(moved.committed, "\(moved.issues)")
    }

    @Test func aPlaceIdOnAnExternalResidenceIsFlaggedAndIgnored() throws {
        let dir = try TempDir(), db = try Build.database()
        let citizens = try dir.write("borgere.csv", Self.header + "B2,1985,autism,SEL108,3,placed,X1,7,2024-06-01,\n")
        let report = try run(db, [try dir.write("tilbud.csv", Self.residences), citizens])
        #expect(report.committed, "\(report.issues)")
        #expect(warnings(report) == [
            #"borgere.csv row 2, column "place_id": "7" is ignored: residence X1 is external (private), and places are kept for own residences only"#,
        ])
        #expect(try db.read { try Placements.of($0, citizenId: "B2") }.map(\.placeId) == [nil])
    }

    @Test func aStayOutsideTheResidencesProfileIsImportedWithAWarning() throws {
        let dir = try TempDir(), db = try Build.database()
        // A 6-year-old (born 2019, moved in 2025) in an 18+ ABL § 105 residence, granted § 108,
        // and the bridging column saying the stay is no bridge: both misfits are warned on.
        let citizens = try dir.write("borgere.csv", String(Self.header.dropLast()) + ",bridging\nB6,2019,autism,SEL108,2,placed,R3,,2025-08-01,2025-06-01,no\n")
        let report = try run(db, [try dir.write("tilbud.csv", Self.residences), citizens])
        #expect(report.committed, "\(report.issues)")
        #expect(warnings(report) == [
            #"borgere.csv row 2, column "residence_id": "R3" does not fit the citizen's profile (offer type ABL § 105, citizen granted § 108); imported as the case system has it"#,
            #"borgere.csv row 2, column "residence_id": "R3" does not fit the citizen's profile (age 18-130, citizen is 6 at move-in); imported as the case system has it"#,
        ])
        #expect(try db.read { try Placements.of($0, citizenId: "B6") }.map(\.residenceId) == ["R3"])
        #expect(try db.read { try Bridges.on($0, Build.day("2026-11-23")) }.isEmpty)
    }

    @Test func aStayInAnotherOfferTypeWithoutTheBridgingColumnIsABridgeAndOnlyItsAgeIsWarnedOn() throws {
        let dir = try TempDir(), db = try Build.database()
        // The same row without the bridging column: a placed citizen granted another offer type
        // than the stay's lives in a bridge (README, "Bridging placements"), no offer misfit.
        let citizens = try dir.write("borgere.csv", Self.header + "B6,2019,autism,SEL108,2,placed,R3,,2025-08-01,2025-06-01\n")
        let report = try run(db, [try dir.write("tilbud.csv", Self.residences), citizens])
        #expect(report.committed, "\(report.issues)")
        #expect(warnings(report) == [
            #"borgere.csv row 2, column "residence_id": "R3" does not fit the citizen's profile (age 18-130, citizen is 6 at move-in); imported as the case system has it"#,
        ])
        #expect(try db.read { try Bridges.on($0, Build.day("2026-11-23")) }.map(\.citizenId) == ["B6"])
    }
}
