import Foundation
import PlacementTestSupport
import Testing

/// `placement imports` lists past imports (number, time, user, the day the export
/// described, files with SHA-256, one line of what changed), and `imports show N` says what
/// one of them changed, in the planner's words and language.
@Suite struct ImportsCommandTests {
    static let header = DecisionLifecycleTests.header

    static func twoWeeks(_ dir: TempDir) throws -> (db: String, week49: URL) {
        let (db, _) = try DecisionLifecycleTests.world(dir)
        // Week 49: B2 placed externally, B3's support level changed, B4 new; B1 as before.
        let week49 = try dir.write("borgere-uge49.csv", """
            \(header)
            B1,615,autism,SEL108,3,waiting,2026-10-01,,
            B2,615,autism,SEL108,3,placed,2026-10-05,X1,2026-11-28
            B3,615,autism,SEL108,4,waiting,2026-10-09,,
            B4,615,autism,SEL108,3,waiting,2026-11-27,,

            """)
        let out = try DecisionLifecycleTests.run(["import", "--as-of", "2026-11-30", week49.path], db)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        return (db, week49)
    }

    @Test func theListNamesEachImportWithItsFilesUserAndWhatItChanged() throws {
        let dir = try TempDir()
        let (db, week49) = try Self.twoWeeks(dir)
        let out = try CLI.run(["imports"], db: db)
        #expect(out.status == 0 && out.stderr == "", "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let sha48 = try DecisionLifecycleTests.sha256(dir.url.appendingPathComponent("borgere-uge48.csv"))
        let sha49 = try DecisionLifecycleTests.sha256(week49)
        #expect(lines.count == 6, "\(out.stdout)")
        #expect(lines[0].hasPrefix("Nr.  Tidspunkt (UTC)"))
        #expect(lines[0].hasSuffix("Bruger        Udtræk pr.  Filer (SHA-256)"))
        // Import 1: two files on one line each, then its summary.
        #expect(lines[1].hasPrefix("1    ") && lines[1].contains("  23-11-2026  tilbud.csv "))
        #expect(lines[2].hasSuffix("borgere-uge48.csv \(sha48)"))
        #expect(lines[3] == "    tilbud.csv: 4 rækker, 4 ændrede; borgere-uge48.csv: 3 rækker, 3 ændrede. 3 nye på ventelisten, 4 nye botilbud")
        #expect(lines[4].hasPrefix("2    "))
        #expect(lines[4].hasSuffix("  planlaegger1  30-11-2026  borgere-uge49.csv \(sha49)"))
        #expect(lines[5] == "    borgere-uge49.csv: 4 rækker, 3 ændrede. 1 ny på ventelisten, 1 placeret, 1 borger med ændret bevilling eller ønsker")
    }

    @Test func showListsThatImportsChangesInDanishAndEnglish() throws {
        let dir = try TempDir()
        let (db, week49) = try Self.twoWeeks(dir)
        let sha = try DecisionLifecycleTests.sha256(week49)
        let da = try CLI.run(["imports", "show", "2"], db: db)
        #expect(da.status == 0, "\(da.stderr)")
        let lines = da.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Import nr. 2, ") == true)
        #expect(lines.first?.hasSuffix(" UTC, af planlaegger1, udtræk pr. 30-11-2026") == true)
        #expect(Array(lines.dropFirst()) == [
            "  borgere-uge49.csv sha256 \(sha)",
            "borgere-uge49.csv: 4 rækker, 3 ændrede. 1 ny på ventelisten, 1 placeret, 1 borger med ændret bevilling eller ønsker",
            "Ændringer:",
            "  B2 placeret i Fjordhuset fra 28-11-2026",
            "  B3: støtteniveau 3 → 4",
            "  B4 ny på ventelisten fra 27-11-2026",
        ])
        let en = try CLI.run(["imports", "show", "2", "--lang", "en"], db: db)
        #expect(Array(en.stdout.split(separator: "\n").map(String.init).dropFirst(2)) == [
            "borgere-uge49.csv: 4 rows, 3 changed. 1 new on the waiting list, 1 placed, 1 citizen with a changed grant or wishes",
            "Changes:",
            "  B2 placed in Fjordhuset from 2026-11-28",
            "  B3: support level 3 → 4",
            "  B4 new on the waiting list from 2026-11-27",
        ])
        let missing = try CLI.run(["imports", "show", "9"], db: db)
        #expect(missing.status != 0)
        #expect(missing.stderr == "Fejl: Der er ingen import nr. 9; importerne har nr. 1-2 (se `placement imports`).\n")
    }
}
