import Foundation
import PlacementTestSupport
import Spreadsheet
import Testing

@Suite struct ImportCommandTests {
    @Test func danishTemplatesHaveDanishHeadersInExcelsDialect() throws {
        let dir = try TempDir()
        let csv = dir.path("borgere.csv")
        #expect(try CLI.run(["template", "citizens", "--lang", "da", "--out", csv]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("borger_id;navn;fødselsår;handlekommune;netværk_postnr;målgrupper;bevilget_ydelse;støtteniveau;"))
        #expect(text.hasSuffix("\r\n"))

        let xlsx = dir.path("tilbud.xlsx")
        #expect(try CLI.run(["template", "residences", "--lang", "en", "--out", xlsx]).status == 0)
        let book = try Workbook.open(URL(fileURLWithPath: xlsx))
        #expect(book.sheets.map(\.name) == ["residences", "Guide"])
        var header: [String] = []
        try book.readRows(sheet: 0) { if header.isEmpty { header = $0.texts } }
        #expect(header.prefix(4) == ["residence_id", "name", "operator", "municipality_code"])
    }

    @Test func aFilledTemplateImports() throws {
        let dir = try TempDir(), db = dir.path("t.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let csv = dir.path("tilbud.csv")
        try CLI.run(["template", "residences", "--lang", "da", "--out", csv])
        let header = String(decoding: try Data(contentsOf: URL(fileURLWithPath: csv)), as: UTF8.self)
        let columns = header.dropFirst().split(separator: "\r\n")[0].split(separator: ";").map(String.init)
        let values: [String: String] = ["tilbud_id": "R1", "navn": "Engvang", "driftsherre": "egen", "kommunekode": "615", "postnr": "8700",
                                        "paragraf": "§ 108", "målgrupper": "autisme", "antal_pladser": "3", "døgntakst": "1.850,00"]
        let row = columns.map { values[$0] ?? "" }.joined(separator: ";")
        try Data((header + row + "\r\n").utf8).write(to: URL(fileURLWithPath: csv))
        let out = try CLI.run(["import", csv, "--as-of", "2026-11-23"], db: db)
        #expect(out.status == 0, "\(out.stdout)")
        #expect(out.stdout.contains("tilbud.csv (tilbud; CSV, semikolon, UTF-8 med BOM, CRLF): 1 række læst, 1 ny, 0 ændrede, 0 uændrede\n"),
                "\(out.stdout)")
    }

    @Test func dryRunReportsAndWritesNothing() throws {
        let dir = try TempDir(), db = dir.path("d.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let files = ["residences.csv", "places.csv", "citizens.csv"].map { CLI.seeds.appendingPathComponent($0).path }
        let dry = try CLI.run(["import", "--dry-run", "--as-of", "2026-11-23"] + files, db: db)
        #expect(dry.status == 0 && dry.stdout.hasSuffix("Prøvekørsel: filerne er gyldige; intet blev skrevet.\n"), "\(dry.stdout)")
        let status = try CLI.json(try CLI.run(["status", "--json", "--as-of", "2026-11-23"], db: db).stdout)
        #expect((status["residences"] as? [String: Int])?["own"] == 0)
    }

    @Test func aFailedImportExitsNonZeroAndSaysNothingWasImported() throws {
        let dir = try TempDir(), db = dir.path("f.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let bad = try dir.write("Venteliste.csv", "sagsnr;målgruppe;paragraf;støtteniveau;status;visiteret\r\nB1;autisme;§ 108;6;venter;01-09-2026\r\n")
        // In the database's language (Danish), and in English when asked.
        let out = try CLI.run(["import", bad.path], db: db)
        #expect(out.status == 1)
        #expect(out.stdout == """
            Venteliste.csv (borgere; CSV, semikolon, UTF-8, CRLF): 1 række læst, 1 med fejl: intet importeret
            1 fejl:
              Venteliste.csv række 2, kolonne "støtteniveau": "6" er ikke et støtteniveau (1-5)
            Intet blev importeret: databasen er uændret. Ret fejlene ovenfor, og importér igen.

            """)
        let english = try CLI.run(["import", bad.path, "--lang", "en"], db: db)
        #expect(english.status == 1)
        #expect(english.stdout == """
            Venteliste.csv (citizens; CSV, semicolon, UTF-8, CRLF): 1 row read, 1 with errors: nothing imported
            1 error:
              Venteliste.csv row 2, column "støtteniveau": "6" is not a support level (1-5)
            Nothing was imported: the database is unchanged. Correct the errors above and import again.

            """)
    }
}

@Suite struct SolverCommandTests {
    @Test func theExportedInstanceSolvesToTheRunsCost() throws {
        let dir = try TempDir()
        let db = try DemoWorldTests.importedDemo(dir)
        let instance = dir.path("run.min")
        let run = try CLI.run(["match", "--as-of", "2026-11-23", "--export-instance", instance], db: db)
        #expect(run.status == 0)
        let text = try String(contentsOfFile: instance, encoding: .utf8)
        #expect(text.contains("c placement match, stage cost, as of 2026-11-23"))
        #expect(FileManager.default.fileExists(atPath: dir.path("run.priority.min")))
        let solved = try CLI.run(["solve", instance])
        #expect(solved.status == 0 && solved.stdout.hasPrefix("s "))
    }
}
