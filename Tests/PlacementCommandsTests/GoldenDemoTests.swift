import Foundation
import PlacementTestSupport
import Testing

/// The demo session of `make demo`, command by command, compared whole with committed files:
/// what a planner reads in the terminal, and the weekly report as HTML, Markdown and CSV.
@Suite struct GoldenDemoTests {
    static let asOf = "2026-11-23"

    /// One command's output as a person sees it: standard output, then standard error and the
    /// exit status when there are any.
    static func transcript(_ out: CLI.Output) -> String {
        var text = out.stdout
        if !out.stderr.isEmpty { text += "--- stderr ---\n" + out.stderr }
        if out.status != 0 { text += "--- exit status \(out.status) ---\n" }
        return text
    }

    @Test func theDemoSessionReadsAsCommitted() throws {
        let dir = try TempDir()
        let scrub = GoldenScrub(directory: dir.url.path)
        let db = dir.path("demo.sqlite")
        func run(_ args: [String], _ name: String) throws {
            let out = try CLI.run(args, db: db)
            try GoldenFile.check(scrub(Self.transcript(out)), "demo/\(name).txt")
        }
        let seeds = ["residences.csv", "places.csv", "citizens.csv", "placements.csv"].map { CLI.seeds.appendingPathComponent($0).path }

        try run(["init", "--municipality", "615"], "01-init")
        try run(["import", "--as-of", Self.asOf] + seeds, "02-import")
        try run(["status", "--as-of", Self.asOf], "03-status")
        try run(["status", "--as-of", Self.asOf, "--lang", "en"], "03-status-en")
        try run(["match", "--as-of", Self.asOf], "04-match")
        // An own place, a purchase, nothing that fits, and a citizen whose reasons once contradicted each other.
        for citizen in ["B0001468", "B0001475", "B0001480", "B0001432"] {
            try run(["explain", citizen], "05-explain-\(citizen)")
        }
        try run(["explain", "B0001475", "--lang", "en"], "05-explain-B0001475-en")
        try run(["report", "weekly", "--as-of", Self.asOf], "06-report")
        try run(["report", "weekly", "--as-of", Self.asOf, "--lang", "en"], "06-report-en")
        try run(["policy", "show"], "07-policy")
        let policy = CLI.seeds.appendingPathComponent("policy-wait-longer.policy").path
        try run(["simulate", "--from", "2025-11-24", "--to", Self.asOf, "--policy", policy], "10-simulate")
        try run(["simulate", "--from", "2025-11-24", "--to", Self.asOf, "--policy", policy, "--summary", "--lang", "en"], "10-simulate-summary-en")
        try run(["report", "equity", "--to", Self.asOf], "09-equity")
        try run(["report", "equity", "--to", Self.asOf, "--public", "--lang", "en"], "09-equity-public-en")
        // Few runs: the figures differ from `make demo`'s 100, the layout and words do not.
        try run(["plan", "--as-of", Self.asOf, "--scenario", CLI.seeds.appendingPathComponent("scenario-example.toml").path, "--runs", "4"], "08-plan")
        // A stale vacancy of the demo (confirmed 14 August) confirmed, then a place that does not exist.
        try run(["confirm-vacancy", "615-025", "3", "--on", Self.asOf], "11-confirm-vacancy")
        try run(["confirm-vacancy", "615-025", "999", "--on", Self.asOf], "11-confirm-vacancy-unknown")
    }

    @Test func theWeeklyReportFilesReadAsCommitted() throws {
        let dir = try TempDir()
        let db = try DemoWorldTests.importedDemo(dir)
        try CLI.run(["match", "--as-of", Self.asOf], db: db)
        for (format, name) in [("html", "report.html"), ("md", "report.md")] {
            let out = try CLI.run(["report", "weekly", "--as-of", Self.asOf, "--format", format, "--out", dir.path(name)], db: db)
            #expect(out.status == 0, "\(out.stderr)")
            try GoldenFile.check(try String(contentsOfFile: dir.path(name), encoding: .utf8), "demo/\(name)")
        }
        let public_ = try CLI.run(["report", "weekly", "--as-of", Self.asOf, "--public", "--out", dir.path("public.html")], db: db)
        #expect(public_.status == 0, "\(public_.stderr)")
        try GoldenFile.check(try String(contentsOfFile: dir.path("public.html"), encoding: .utf8), "demo/report-public.html")

        let csv = dir.path("csv")
        try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true)
        let out = try CLI.run(["report", "weekly", "--as-of", Self.asOf, "--format", "csv", "--out", csv + "/"], db: db)
        #expect(out.status == 0, "\(out.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: csv).sorted()
        try GoldenFile.check(files.joined(separator: "\n") + "\n", "demo/report-csv/files.txt")
        for file in files {
            try GoldenFile.check(try String(contentsOfFile: csv + "/" + file, encoding: .utf8), "demo/report-csv/\(file)")
        }
    }
}
