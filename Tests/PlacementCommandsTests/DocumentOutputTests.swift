import Foundation
import PlacementTestSupport
import Testing

/// `report weekly`, `report equity`, `simulate` and `plan` choose their format, file and CSV
/// layout by one rule (`DocumentOutput`): the same option mistakes get the same answer.
@Suite struct DocumentOutputTests {
    static let asOf = "2026-11-23"

    /// Refused before anything is computed: no database needed.
    @Test(arguments: [
        (["report", "equity", "--format", "xlsx"], "An XLSX workbook needs a file: add --out FILE.xlsx."),
        (["simulate", "--format", "xlsx"], "An XLSX workbook needs a file: add --out FILE.xlsx."),
        (["simulate", "--out", "genafspilning.pdf"],
         "Say which format to write to genafspilning.pdf: --format html, xlsx, csv, md, json or text, or an --out ending in .html, .xlsx, .csv, .md or .json."),
        (["report", "equity", "--out", "lighed"],
         "Say which format to write to lighed: --format html, xlsx, csv, md, json or text, or an --out ending in .html, .xlsx, .csv, .md or .json."),
        (["plan", "--out", "plan.csv"],
         "Say which format to write to plan.csv: --format html, xlsx, json or text, or an --out ending in .html, .xlsx or .json."),
    ])
    func optionMistakesAreRefusedAlike(args: [String], message: String) throws {
        let dir = try TempDir()
        let out = try CLI.run(args, db: dir.path("none.sqlite"))
        #expect(out.status != 0)
        #expect(out.stderr.contains(message), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("none.sqlite")))
    }

    /// CSV of several tables needs a directory, for the equity audit as for the weekly report
    /// (the audit used to write its files into the working directory unasked).
    @Test func csvOfSeveralTablesAsksForADirectory() throws {
        let dir = try TempDir()
        let db = try DemoWorldTests.importedDemo(dir)
        let out = try CLI.run(["report", "equity", "--to", Self.asOf, "--format", "csv"], db: db)
        #expect(out.status != 0)
        #expect(out.stderr.contains("Several tables ("), "\(out.stderr)")
        #expect(out.stderr.contains("): give --out DIRECTORY, or one --section."), "\(out.stderr)")

        let csv = dir.path("lighed")
        let written = try CLI.run(["report", "equity", "--to", Self.asOf, "--format", "csv", "--out", csv + "/"], db: db)
        #expect(written.status == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: csv).sorted()
        #expect(!files.isEmpty && files.allSatisfy { $0.hasPrefix("equity-2025-11-24-2026-11-23-") && $0.hasSuffix(".csv") }, "\(files)")
        #expect(Set(written.stdout.split(separator: "\n").map(String.init)) == Set(files.map { URL(fileURLWithPath: csv).appendingPathComponent($0).path }))
    }
}
