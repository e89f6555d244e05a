import Foundation
import GRDB
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// Canonical CSV files (IMPORT.md column names, UTF-8, comma) into a database.
@Suite struct CanonicalImportTests {
    static let residences = """
        residence_id,name,operator,municipality_code,postcode,offer_type,target_groups,support_level_min,support_level_max,features,places,daily_rate,variable_daily_cost
        R1,Lindegården,own,615,8700,SEL108,autism|intellectual_disability,1,3,wheelchair,3,1850.50,450
        R2,Engvang,own,615,8781,ABL105,mental_illness,2,5,,2,1400,
        X1,Solhøj,private,751,8000,SEL108,autism,1,5,,10,2900,

        """
    static let citizens = """
        citizen_id,birth_year,network_postcode,target_groups,offer_type,support_level,status,residence_id,place_id,placed_on,leaves_on,referred_on,urgency,open_to_move
        B1,1990,8700,autism,SEL108,2,placed,R1,1,2025-03-01,,2025-01-10,normal,no
        B2,1985,8700,autism,SEL108,3,placed,X1,,2024-06-01,,,normal,yes
        B3,2001,8781,mental_illness,ABL105,4,waiting,,,,,2026-09-01,acute,no
        B4,1999,8700,autism,SEL108,2,waiting,,,,,2026-10-15,normal,no

        """

    func importFiles(_ db: PlacementDatabase, _ files: [URL], asOf: String = "2026-11-23", closeMissing: Bool = false,
                     dryRun: Bool = false) throws -> ImportReport {
        var options = ImportOptions(asOf: Build.day(asOf), dryRun: dryRun, closeMissing: closeMissing)
        options.command = "test"
        return try Importer(database: db, options: options).run(files: files, now: Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test func loadsInDependencyOrderWhateverTheCommandLineOrder() throws {
        let dir = try TempDir(), db = try Build.database()
        let c = try dir.write("citizens.csv", Self.citizens), r = try dir.write("residences.csv", Self.residences)
        let report = try importFiles(db, [c, r])
        #expect(report.issues.filter { $0.severity == .error }.isEmpty, "\(report.issues)")
        #expect(report.committed)
        #expect(report.sheets.map(\.kind) == [.residences, .citizens])
        #expect(report.sheets.map(\.inserted) == [3, 4])

        let s = try db.read { try Status.summary($0, on: Build.day("2026-11-23")) }
        #expect(s.ownResidences == 2 && s.externalResidences == 1)
        #expect(s.ownPlaces == 5 && s.placesOccupied == 1 && s.placesVacant == 4)
        #expect(s.citizensWaiting == 2 && s.citizensPlacedOwn == 1 && s.citizensPlacedExternal == 1)
        #expect(s.externalAnnualCost == Money(kroner: 2900 * 365))
        #expect(s.longestWaitDays == 83 && s.longestWaitingCitizen == "B3")

        let r1 = try #require(try db.read { try Residences.find($0, id: "R1") })
        #expect(r1.dailyRate == Money(ore: 185_050))
        #expect(r1.variableDailyCost == Money(kroner: 450))
        #expect(r1.targetGroups == TargetGroups([.autism, .intellectualDisability]))
        #expect(r1.features == Features([.wheelchair]) && r1.supportLevels == 1...3)
        let b3 = try #require(try db.read { try Citizens.find($0, id: "B3") })
        #expect(b3.urgency == .acute && b3.referredOn == Build.day("2026-09-01"))
        // B1 waited from referral to move-in.
        let waitedThen = try db.read { try WaitingPeriods.on($0, Build.day("2025-02-01")).map(\.citizenId) }
        #expect(waitedThen == ["B1"])
    }

    @Test func reimportingTheSameFilesChangesNothing() throws {
        let dir = try TempDir(), db = try Build.database()
        let files = [try dir.write("residences.csv", Self.residences), try dir.write("citizens.csv", Self.citizens)]
        _ = try importFiles(db, files)
        let auditBefore = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log") }
        let again = try importFiles(db, files)
        #expect(again.sheets.map(\.inserted) == [0, 0])
        #expect(again.sheets.map(\.updated) == [0, 0])
        #expect(again.sheets.map(\.unchanged) == [3, 4])
        // Nothing but the import's own entry per file, naming it and its SHA-256.
        let added = try db.read { try String.fetchAll($0, sql: "SELECT entity || ' ' || action || ' ' || source FROM audit_log WHERE id > ? ORDER BY id",
                                                     arguments: [auditBefore]) }
        #expect(added == ["import read residences.csv", "import read citizens.csv"])
        #expect(again.files.map(\.name) == ["residences.csv", "citizens.csv"] && again.files.allSatisfy { $0.sha256.count == 64 })
    }

    @Test func nextWeeksExportUpdatesAndKeepsHistory() throws {
        let dir = try TempDir(), db = try Build.database()
        let r = try dir.write("residences.csv", Self.residences)
        _ = try importFiles(db, [r, try dir.write("citizens.csv", Self.citizens)])
        // A week later: B4 moved into R1 on 25 November, B1 moved out to the external X1.
        let week2 = Self.citizens
            .replacingOccurrences(of: "B4,1999,8700,autism,SEL108,2,waiting,,,,,2026-10-15", with: "B4,1999,8700,autism,SEL108,2,placed,R1,,2026-11-25,,2026-10-15")
            .replacingOccurrences(of: "B1,1990,8700,autism,SEL108,2,placed,R1,1,2025-03-01", with: "B1,1990,8700,autism,SEL108,2,placed,X1,,2026-11-27")
        let report = try importFiles(db, [r, try dir.write("citizens-w49.csv", week2)], asOf: "2026-11-30")
        #expect(report.committed, "\(report.issues)")
        #expect(report.sheets[1].updated == 2 && report.sheets[1].unchanged == 2)

        let b1 = try db.read { try Placements.of($0, citizenId: "B1") }
        #expect(b1.map(\.residenceId) == ["R1", "X1"])
        #expect(b1[0].period.to == Build.day("2026-11-27"))
        let b4 = try db.read { try Placements.of($0, citizenId: "B4") }
        #expect(b4.count == 1 && b4[0].placeId == "2" && b4[0].period.from == Build.day("2026-11-25"))
        // History answers both weeks.
        let before = try db.read { try Status.summary($0, on: Build.day("2026-11-23")) }
        let after = try db.read { try Status.summary($0, on: Build.day("2026-11-30")) }
        #expect(before.citizensWaiting == 2 && after.citizensWaiting == 1)
        #expect(before.citizensPlacedExternal == 1 && after.citizensPlacedExternal == 2)
        let trail = try db.read { try AuditLog.entries($0, entity: "placement", entityId: "B1") }
        #expect(trail.map(\.action) == ["insert", "close", "insert"])
        #expect(trail.last?.source == "citizens-w49.csv")
    }

    @Test func missingWaitingCitizensAreReportedAndClosedOnlyWhenAsked() throws {
        let dir = try TempDir(), db = try Build.database()
        let r = try dir.write("residences.csv", Self.residences)
        _ = try importFiles(db, [r, try dir.write("citizens.csv", Self.citizens)])
        let without = try dir.write("citizens-2.csv", Self.citizens.split(separator: "\n").filter { !$0.hasPrefix("B3,") }.joined(separator: "\n"))
        let kept = try importFiles(db, [without], asOf: "2026-11-30")
        #expect(kept.missingWaiting == ["B3"] && !kept.closedMissing)
        #expect(try db.read { try WaitingPeriods.on($0, Build.day("2026-11-30")).count } == 2)
        let closed = try importFiles(db, [without], asOf: "2026-11-30", closeMissing: true)
        #expect(closed.missingWaiting == ["B3"] && closed.closedMissing)
        #expect(try db.read { try WaitingPeriods.on($0, Build.day("2026-11-30")).map(\.citizenId) } == ["B4"])
        #expect(try db.read { try Citizens.find($0, id: "B3")?.status } == .left)
    }

    @Test func everyErrorIsLocatedAndNothingIsWritten() throws {
        let dir = try TempDir()
        let path = dir.path("placement.sqlite")
        let db = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys)
        let bad = """
            citizen_id,target_groups,offer_type,support_level,status,referred_on,residence_id,placed_on
            B1,autism,SEL108,6,waiting,2026-01-01,,
            B2,autism,§ 999,3,waiting,2026-01-01,,
            B3,dragons,SEL108,3,waiting,31-02-2026,,
            B4,autism,SEL108,3,placed,,NOWHERE,2026-01-01
            B1,autism,SEL108,3,waiting,2026-01-01,,
            B6,autism,SEL108,3,waiting,2026-01-01,,

            """
        let good = try dir.write("residences.csv", Self.residences)
        let file = try dir.write("Venteliste.csv", bad)
        try db.writer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reopened = try PlacementDatabase.open(path: path, keys: dir.keys)
        let report = try importFiles(reopened, [good, file])
        #expect(!report.committed)
        let errors = report.issues.filter { $0.severity == .error }.map(\.description)
        #expect(errors == [
            #"Venteliste.csv row 2, column "support_level": "6" is not a support level (1-5)"#,
            #"Venteliste.csv row 3, column "offer_type": "§ 999" is not an offer type (e.g. § 108, SEL108, ABL § 105)"#,
            #"Venteliste.csv row 4, column "target_groups": "dragons" has "dragons", not a target group (e.g. udviklingshæmning, autisme, sindslidelse)"#,
            #"Venteliste.csv row 4, column "referred_on": "31-02-2026" is not a date (dd-mm-yyyy or yyyy-mm-dd)"#,
            #"Venteliste.csv row 5, column "residence_id": "NOWHERE" is not a known residence"#,
            #"Venteliste.csv row 6, column "citizen_id": "B1" appears again; first at row 2"#,
        ])
        try reopened.writer.close()
        // The residences file was fine, but the import is all or nothing.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aPlaceTheResidenceDoesNotHaveIsNamedWithTheResidence() throws {
        let dir = try TempDir()
        let db = try PlacementDatabase.create(path: dir.path("placement.sqlite"), planningArea: [615], language: .da, keys: dir.keys)
        let citizens = """
            citizen_id,target_groups,offer_type,support_level,status,residence_id,place_id,placed_on
            B1,autism,SEL108,2,placed,R1,9,2026-01-01
            B2,autism,SEL108,2,placed,R1,3,2026-01-01

            """
        let report = try importFiles(db, [try dir.write("residences.csv", Self.residences), try dir.write("borgere.csv", citizens)])
        #expect(!report.committed)
        #expect(report.issues.filter { $0.severity == .error }.map(\.description) == [
            #"borgere.csv row 2, column "place_id": "9" is not a place of residence R1"#,
        ])
    }

    @Test func danishHeadersInAnyOrderAndCase() throws {
        let dir = try TempDir(), db = try Build.database()
        let r = try dir.write("tilbud.csv", """
            Tilbudsnavn,TILBUD_ID,Driftsherre,Kommune,Postnr,Paragraf,Målgrupper,Antal pladser,Døgntakst,Farve
            Lindegården,R1,Egen,Horsens,8700,§ 108,autisme;udviklingshæmning,2,"1.850,50",blå

            """)
        let report = try importFiles(db, [r])
        #expect(report.committed, "\(report.issues)")
        #expect(report.issues.map(\.description) == [#"tilbud.csv row 1, column "Farve": is not a known column; ignored"#])
        let r1 = try #require(try db.read { try Residences.find($0, id: "R1") })
        #expect(r1.dailyRate == Money(ore: 185_050) && r1.offerType == .sel108 && r1.operatorKind == .own)
    }

    @Test func cprNumbersNeverReachTheDatabase() throws {
        let dir = try TempDir()
        let path = dir.path("cpr.sqlite")
        let db = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys)
        let file = try dir.write("borgere.csv", """
            cpr,målgruppe,paragraf,støtteniveau,status,visiteret
            010190-1234,autisme,108,3,venter,01-10-2026
            0202851234,autisme,108,2,venter,02-10-2026

            """)
        let report = try importFiles(db, [file])
        #expect(report.committed, "\(report.issues)")
        let ids = try db.read { try String.fetchAll($0, sql: "SELECT id FROM citizen ORDER BY id") }
        #expect(ids.count == 2 && ids.allSatisfy { $0.hasPrefix("P-") && $0.count == 12 })
        // The same CPR gives the same pseudonym on the next import: nothing new.
        let again = try importFiles(db, [file])
        #expect(again.sheets[0].unchanged == 2)
        try db.writer.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
        for cpr in ["0101901234", "010190-1234", "0202851234"] {
            #expect(bytes.range(of: Data(cpr.utf8)) == nil && wal.range(of: Data(cpr.utf8)) == nil)
        }
    }

    @Test func cprInAnErrorMessageIsMasked() throws {
        let issue = ImportIssue(.error, file: "f.csv", row: 2, column: "citizen_id", value: "010190-1234", message: "appears again")
        #expect(issue.description == #"f.csv row 2, column "citizen_id": "******-****" appears again"#)
        #expect(CPR.looksLikeCPR("3112991234") && !CPR.looksLikeCPR("3213991234") && !CPR.looksLikeCPR("B0000123"))
    }
}
