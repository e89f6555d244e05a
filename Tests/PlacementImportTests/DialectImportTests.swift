import Foundation
import GRDB
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Spreadsheet
import Testing

/// Files as Danish Excel and LibreOffice write them, through the whole importer.
@Suite struct DialectImportTests {
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    func load(_ files: [URL], into db: PlacementDatabase? = nil, kind: SheetKind? = nil) throws -> (PlacementDatabase, ImportReport) {
        let database = try db ?? Build.database()
        let report = try Importer(database: database, options: ImportOptions(asOf: Build.day("2026-11-23"), kind: kind))
            .run(files: files, now: Date(timeIntervalSince1970: 1_795_000_000))
        return (database, report)
    }

    @Test func danishExcelFilesWithWindows1252AndUTF8BOM() throws {
        let (db, report) = try load([Self.fixture("venteliste-cp1252-semikolon.csv"), Self.fixture("tilbud-excel-utf8-bom.csv")])
        #expect(report.committed, "\(report.issues.map(\.description))")
        #expect(report.sheets.map(\.kind) == [.residences, .citizens])
        #expect(report.sheets.map(\.dialect) == ["CSV, semicolon, UTF-8 with BOM, CRLF", "CSV, semicolon, Windows-1252, CRLF"])
        #expect(report.sheets.map(\.rowsRead) == [2, 3])

        let r1 = try #require(try db.read { try Residences.find($0, id: "R1") })
        #expect(r1.name == "Bostedet \"Lindegården\"\nafd. Nord")
        #expect(r1.operatorKind == .own && r1.municipalityCode == 615 && r1.offerType == .sel108)
        #expect(r1.targetGroups == TargetGroups([.intellectualDisability, .autism]) && r1.supportLevels == 1...4)
        #expect(r1.features == Features([.wheelchair]) && r1.places == 3)
        #expect(r1.dailyRate == Money(ore: 185_050) && r1.variableDailyCost == Money(kroner: 450))
        let x1 = try #require(try db.read { try Residences.find($0, id: "X1") })
        #expect(x1.operatorKind == .private && x1.municipalityCode == 751 && x1.dailyRate == Money(kroner: 2900))

        let s1 = try #require(try db.read { try Citizens.find($0, id: "S-1001") })
        #expect(s1.status == .waiting && s1.urgency == .acute && s1.referredOn == Build.day("2026-09-01"))
        #expect(s1.targetGroups == TargetGroups([.intellectualDisability]) && s1.requiredFeatures == Features([.wheelchair]))
        #expect(s1.maxDistanceKm == 25 && s1.openToMove == false)
        let s2 = try #require(try db.read { try Citizens.find($0, id: "S-1002") })
        #expect(s2.status == .placed && s2.openToMove && s2.agreedDailyRate == Money(ore: 195_050))
        let s3 = try #require(try db.read { try Citizens.find($0, id: "S-1003") })
        #expect(s3.offerType == .abl105 && s3.urgency == .high && s3.referredOn == Build.day("2026-10-23"))
        #expect(try db.read { try Placements.of($0, citizenId: "S-1002") }.map(\.period.from) == [Build.day("2025-03-15")])
    }

    @Test func tabSeparatedEnglishHeadersInAnyOrderAndCase() throws {
        let (db, report) = try load([Self.fixture("citizens-tab.txt")])
        #expect(report.committed, "\(report.issues.map(\.description))")
        #expect(report.sheets.first?.dialect == "CSV, tab, UTF-8, LF")
        #expect(try db.read { try Citizens.find($0, id: "T-1")?.urgency } == .high)
    }

    @Test func workbookSavedByLibreOfficeWithRealDateCells() throws {
        let (db, report) = try load([Self.fixture("borgere-libreoffice.xlsx")])
        #expect(report.committed, "\(report.issues.map(\.description))")
        #expect(report.sheets.first?.sheet == "borgere-libreoffice" && report.sheets.first?.kind == .citizens)
        let l2 = try #require(try db.read { try Citizens.find($0, id: "L-2") })
        #expect(l2.referredOn == Build.day("2026-10-15") && l2.openToMove && l2.supportLevel == 2)
    }

    @Test func severalSheetsRecognisedByName() throws {
        let dir = try TempDir()
        var writer = XLSXWriter()
        try writer.addSheet(name: "Borgere", columns: ["Sagsnr", "Målgruppe", "Paragraf", "Støtteniveau", "Status", "Visiteret"].map { XLSXWriter.Column($0) },
                            rows: [[.text("W-1"), .text("autisme"), .text("§ 108"), .number("3"), .text("venter"), .date(CalendarDate(year: 2026, month: 9, day: 1)!)]])
        try writer.addSheet(name: "Tilbud", columns: ["Tilbud ID", "Navn", "Driftsherre", "Kommune", "Postnr", "Paragraf", "Målgrupper", "Pladser", "Takst"].map { XLSXWriter.Column($0) },
                            rows: [[.text("R9"), .text("Engvang"), .text("egen"), .number("615"), .number("8700"), .text("108"), .text("autisme"), .number("2"), .number("1999.5")]])
        try writer.addSheet(name: "Noter", columns: [XLSXWriter.Column("Tekst")], rows: [[Cell]]())
        let file = dir.url.appendingPathComponent("kapacitet.xlsx")
        try writer.write(to: file)
        let (db, report) = try load([file])
        #expect(report.committed, "\(report.issues.map(\.description))")
        #expect(report.issues.map(\.description) == [#"kapacitet.xlsx, sheet "Noter": not recognised as residences, places, citizens or placements; ignored"#])
        #expect(report.sheets.map(\.sheet) == ["Tilbud", "Borgere"])
        #expect(try db.read { try Residences.find($0, id: "R9")?.dailyRate } == Money(ore: 199_950))
        #expect(try db.read { try Citizens.find($0, id: "W-1")?.referredOn } == Build.day("2026-09-01"))
    }

    @Test func danishErrorMessagesNameFileRowColumnAndValue() throws {
        let (_, report) = try load([Self.fixture("Venteliste-fejl.csv")])
        #expect(!report.committed)
        #expect(report.issues.map(\.description) == [
            #"Venteliste-fejl.csv row 2, column "Støtteniveau": "6" is not a support level (1-5)"#,
            #"Venteliste-fejl.csv row 3, column "Målgruppe": "Drager" has "Drager", not a target group (e.g. udviklingshæmning, autisme, sindslidelse)"#,
            #"Venteliste-fejl.csv row 4, column "Visiteret": "31-09-2026" is not a date (dd-mm-yyyy or yyyy-mm-dd)"#,
        ])
    }

    @Test func kindCanBeGivenWhenNothingTellsIt() throws {
        let dir = try TempDir()
        let file = try dir.write("eksport.csv", "id;målgruppe;paragraf;støtteniveau;status;visiteret\nK-1;autisme;108;2;venter;01-11-2026\n")
        let (_, unknown) = try load([file])
        #expect(unknown.issues.map(\.description) == ["eksport.csv: cannot tell what this sheet holds; name it residences/tilbud, places/pladser, citizens/borgere or placements, or give --kind"])
        let renamed = try dir.write("eksport2.csv", "sagsnr;målgruppe;paragraf;støtteniveau;status;visiteret\nK-1;autisme;108;2;venter;01-11-2026\n")
        let (db, given) = try load([renamed], kind: .citizens)
        #expect(given.committed, "\(given.issues.map(\.description))")
        #expect(try db.read { try Citizens.find($0, id: "K-1") } != nil)
    }

    @Test(arguments: [
        ("truncated.xlsx", [UInt8]([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])),
        ("garbage.csv", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }),
        ("old-excel.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)),
        ("unclosed.csv", Array("citizen_id,status\n\"B1,waiting\nB2,waiting\n".utf8)),
        ("empty.csv", []),
    ])
    func malformedFilesGiveAClearErrorAndChangeNothing(name: String, bytes: [UInt8]) throws {
        let dir = try TempDir()
        let file = try dir.write(name, bytes: bytes)
        let (db, report) = try load([file])
        #expect(!report.committed)
        let errors = report.issues.filter { $0.severity == .error }
        #expect(errors.count >= 1 && errors.allSatisfy { $0.file == name && !$0.message.isEmpty }, "\(errors)")
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM citizen") } == 0)
    }

    @Test func aHugeSingleLineIsRefusedQuickly() throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("one-line.csv")
        var line = Data("citizen_id,target_groups,offer_type,support_level,status,referred_on\n".utf8)
        line.append(Data(repeating: UInt8(ascii: "x"), count: 20 << 20))
        try line.write(to: url)
        let (_, report) = try load([url])
        #expect(!report.committed)
        #expect(report.issues.contains { $0.severity == .error && $0.file == "one-line.csv" && $0.message.contains("longer than") })
    }
}
