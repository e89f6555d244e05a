import Foundation
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Testing

/// Headers as planners write them and the rows that are no records, through the importer on
/// small CSV files: what maps, what is skipped, and what is not mistaken for either.
@Suite struct HeaderAndTotalsTests {
    func run(_ name: String, _ text: String) throws -> (PlacementDatabase, ImportReport) {
        let dir = try TempDir()
        let file = try dir.write(name, text)
        let db = try Build.database()
        let report = try Importer(database: db, options: ImportOptions(asOf: Build.day("2026-11-23"))).run(files: [file])
        return (db, report)
    }

    @Test(arguments: [
        ("Maks. afstand (km)", 12), ("maks afstand km", 12), ("MAKS_AFSTAND_KM", 12), ("Maks.afstand [km]", 12), ("max_distance_km", 12),
    ])
    func maxDistanceHeaders(header: String, km: Int) throws {
        let (db, report) = try run("borgere.csv", "sagsnr;målgruppe;paragraf;støtteniveau;status;visiteret;\(header)\nH-1;autisme;108;2;venter;01-11-2026;\(km)\n")
        #expect(report.committed && report.issues.isEmpty, "\(report.issues.map(\.description))")
        #expect(try db.read { try Citizens.find($0, id: "H-1")?.maxDistanceKm } == km)
    }

    @Test(arguments: [
        ("Maks afstand", "maks_afstand_km"), ("Fraflyter", "fraflytter"), ("Hastegrd", "hastegrad"), ("Fravalgte", "fravalgte_tilbud"),
    ])
    func aResemblingHeaderGetsASuggestion(header: String, suggestion: String) throws {
        let (_, report) = try run("borgere.csv", "sagsnr;målgruppe;paragraf;støtteniveau;status;visiteret;\(header)\nH-1;autisme;108;2;venter;01-11-2026;x\n")
        #expect(report.issues.map(\.description) == [#"borgere.csv row 1, column "\#(header)": is not a known column; ignored; did you mean "\#(suggestion)"?"#])
    }

    @Test(arguments: ["Bemærkning", "Visitationsdat"])
    func noSuggestionForAnUnrelatedHeaderOrAColumnTheSheetHas(header: String) throws {
        // "Visitationsdat" resembles "visitationsdato", but "visiteret" already gives that field.
        let (_, report) = try run("borgere.csv", "sagsnr;målgruppe;paragraf;støtteniveau;status;visiteret;\(header)\nH-1;autisme;108;2;venter;01-11-2026;x\n")
        #expect(report.issues.map(\.description) == [#"borgere.csv row 1, column "\#(header)": is not a known column; ignored"#])
    }

    @Test func aPlaceWhoseResidenceIdIsANumberIsARecordNotASectionRow() throws {
        // Only the first column has letters, but no required field is empty: a record.
        let (_, report) = try run("pladser.csv", "plads_id;tilbud_id\nP1;12\n")
        #expect(report.sheets.map(\.skipped) == [0] && report.sheets.map(\.rowsRead) == [1])
        #expect(report.issues.map(\.description) == [#"pladser.csv row 2, column "tilbud_id": "12" is not a known residence"#])
    }

    @Test(arguments: ["I alt", "I ALT:", "Total", "Sum", "i alt (3 borgere)", "Total: 3"])
    func totalsWords(word: String) throws {
        let (_, report) = try run("borgere.csv", "sagsnr;målgruppe;paragraf;støtteniveau;status;visiteret\nH-1;autisme;108;2;venter;01-11-2026\n\(word);;;2;;\n")
        #expect(report.committed)
        #expect(report.issues.map(\.description) == [#"borgere.csv row 3: "\#(word)" is a totals row; skipped"#])
    }

    @Test func aHeaderBelowBlankRowsInACSVFile() throws {
        let (db, report) = try run("venteliste.csv", ";;\n;;\nVenteliste uge 48;;\nsagsnr;målgruppe;paragraf;støtteniveau;status;visiteret\nH-1;autisme;108;2;venter;01-11-2026\n")
        #expect(report.committed)
        #expect(report.issues.map(\.description) == [#"venteliste.csv row 3: "Venteliste uge 48" stands above the header (row 4), a title or a group header; skipped"#])
        #expect(try db.read { try Citizens.find($0, id: "H-1")?.supportLevel } == 2)
    }

    @Test func aSheetWithoutAnyHeaderStillNamesTheMissingColumnsAtItsFirstRow() throws {
        let (_, report) = try run("borgere.csv", "Venteliste\nH-1;autisme\n")
        #expect(report.issues.first?.description == #"borgere.csv row 1: has no column "citizen_id" (borger_id), which is required"#)
    }
}
