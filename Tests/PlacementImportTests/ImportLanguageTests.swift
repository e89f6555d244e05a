import Foundation
import PlacementImport
import PlacementModel
import PlacementTestSupport
import Testing

/// The import speaks the database's language: every message, Danish words and formats in Danish.
@Suite struct ImportLanguageTests {
    @Test func noSentenceIsLeftEmptyInEitherLanguage() {
        for words in [ImportWords.da, ImportWords.en] {
            let empty = Mirror(reflecting: words).children.compactMap { child in
                (child.value as? String).flatMap { $0.isEmpty ? child.label : nil }
            }
            #expect(empty.isEmpty, "\(words.language): \(empty)")
        }
    }

    @Test func aBadFileInDanish() throws {
        let file = DialectImportTests.fixture("Venteliste-fejl.csv")
        let report = try Importer(database: try Build.database(), options: ImportOptions(asOf: Build.day("2026-11-23"), language: .da))
            .run(files: [file], now: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(report.issues.map { $0.text(.da) } == [
            #"Venteliste-fejl.csv række 2, kolonne "Støtteniveau": "6" er ikke et støtteniveau (1-5)"#,
            #"Venteliste-fejl.csv række 3, kolonne "Målgruppe": "Drager" har "Drager", som ikke er en målgruppe (f.eks. udviklingshæmning, autisme, sindslidelse)"#,
            #"Venteliste-fejl.csv række 4, kolonne "Visiteret": "31-09-2026" er ikke en dato (dd-mm-åååå eller åååå-mm-dd)"#,
        ])
    }

    @Test func aMissingColumnAndARepeatedIdInDanish() throws {
        let dir = try TempDir()
        let missing = try dir.write("borgere.csv", "sagsnr;målgruppe;paragraf;status;visiteret;hastegrd\nK-1;autisme;108;venter;01-11-2026;høj\n")
        let repeated = try dir.write("borgere2.csv", "sagsnr;målgruppe;paragraf;støtteniveau;status;visiteret\nK-1;autisme;108;2;venter;01-11-2026\nK-1;autisme;108;2;venter;01-11-2026\n")
        let options = ImportOptions(asOf: Build.day("2026-11-23"), language: .da)
        let a = try Importer(database: try Build.database(), options: options).run(files: [missing])
        #expect(a.issues.map { $0.text(.da) } == [
            #"borgere.csv række 1: har ingen kolonne "støtteniveau" (support_level), som er påkrævet"#,
            #"borgere.csv række 1, kolonne "hastegrd": er ikke en kendt kolonne; ignoreret; mente du "hastegrad"?"#,
        ])
        let b = try Importer(database: try Build.database(), options: options).run(files: [repeated])
        #expect(b.issues.map { $0.text(.da) } == [#"borgere2.csv række 3, kolonne "sagsnr": "K-1" optræder igen; første gang i række 2"#])
    }

    @Test func aFileOfTheWrongKindInDanish() throws {
        let dir = try TempDir()
        let pdf = try dir.write("venteliste.csv", "%PDF-1.7\n")
        let old = dir.url.appendingPathComponent("tilbud.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).write(to: old)
        let report = try Importer(database: try Build.database(), options: ImportOptions(asOf: Build.day("2026-11-23"), language: .da))
            .run(files: [pdf, old])
        #expect(report.issues.map { $0.text(.da) } == [
            "venteliste.csv: dette er et PDF-dokument, ikke et regneark. Hent data fra kildesystemet som .xlsx eller .csv.",
            "tilbud.xls: dette er en gammel Excel 97-2003-projektmappe (.xls) eller en anden gammel Office-fil, som ikke kan læses. "
                + "Åbn den i Excel eller LibreOffice, og gem den som .xlsx eller .csv.",
        ])
    }

    /// The importer and the demand sheet say it in the same words (`SpreadsheetError.danish`).
    @Test func aDamagedWorkbookInDanish() throws {
        let dir = try TempDir()
        let cut = try dir.write("borgere.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])
        let report = try Importer(database: try Build.database(), options: ImportOptions(asOf: Build.day("2026-11-23"), language: .da))
            .run(files: [cut])
        #expect(!report.committed)
        #expect(report.issues.map { $0.text(.da) } == [
            "borgere.xlsx: filen begynder som en .xlsx-projektmappe (et ZIP-arkiv), men er beskadiget eller ufuldstændig, "
                + "måske afbrudt under kopiering eller download. Gem eller eksportér den igen.",
        ])
    }
}
