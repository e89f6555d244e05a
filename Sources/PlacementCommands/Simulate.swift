import ArgumentParser
import Foundation
import PlacementEvidence
import PlacementMatching
import PlacementModel
import PlacementReports
import PlacementStore

extension Placement {
    /// `placement simulate`: the past period replayed week by week under other policies,
    /// against what actually happened.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a past period week by week under other policies and compare with what happened.",
            discussion: """
                The replay starts from the recorded state on --from, takes the recorded referrals, \
                departures and vacancies, matches every 7 days under each policy and follows its proposals \
                (moving in --lag days later). The stored policy is always replayed too, as the baseline. \
                Policy files are KEY = VALUE lines, as `placement match --policy` reads them.

                Examples:
                  placement simulate --from 2025-12-01 --to 2026-11-30 --policy seeds/policy-wait-longer.policy --summary
                  placement simulate --from 2025-12-01 --to 2026-11-30 --policy B.policy --policy C.policy --out genafspilning.html
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The first day of the period (default: a year before --to).", valueName: "date"))
        var from: DayArgument?

        @Option(help: ArgumentHelp("The last day of the period (default: today).", valueName: "date"))
        var to: DayArgument?

        @Option(name: .customLong("policy"), help: ArgumentHelp("A policy file to replay (repeatable).", valueName: "file"))
        var policies: [String] = []

        @Option(help: "Days from a match to moving in.")
        var lag: Int = 14

        @Option(help: ArgumentHelp("html, xlsx, csv, md, json or text (default: from --out's extension, else text).", valueName: "format"))
        var format: WeeklyFormat?

        @Option(help: ArgumentHelp("The file to write (a directory for csv). Default: the terminal.", valueName: "path"))
        var out: String?

        @Option(help: "Language of the output: da or en (default: the database's).")
        var lang: Language?

        @Flag(help: "On the terminal, only the headline figures (one screen).")
        var summary = false

        func validate() throws {
            try from.requireSupported("--from")
            try to.requireSupported("--to")
            if let from, let to, to.day < from.day { throw ValidationError("--to \(to.day.iso) is before --from \(from.day.iso).") }
            if !(0...365).contains(lag) { throw ValidationError("--lag must be from 0 to 365 days.") }
            if resolvedFormat == .xlsx && out == nil { throw ValidationError("An XLSX workbook needs a file: add --out FILE.xlsx.") }
        }

        var resolvedFormat: WeeklyFormat {
            if let format { return format }
            if let out, let f = WeeklyReport.Format(path: out), let w = WeeklyFormat(rawValue: f.rawValue) { return w }
            return .text
        }

        func run() throws {
            let db = try database.open(.read)
            let language = try lang ?? db.language()
            let da = language == .da
            let end = to?.day ?? Clock.today
            let start = from?.day ?? end.adding(years: -1).adding(days: 1)
            let stored = try db.read { try MatchPolicy.load($0) }
            let named = try policies.map { path in
                (name: (path as NSString).lastPathComponent, policy: try PolicyFile.apply(path: path, to: stored))
            }
            let replay = Replay(history: try ReplayHistory.load(db), from: start, to: end, lag: lag)
            let recorded = replay.recorded(policy: stored, name: da ? "Det skete" : "What happened")
            let outcomes = [replay.run(policy: stored, name: da ? "Gældende politik" : "Current policy")]
                + named.map { replay.run(policy: $0.policy, name: $0.name) }
            let area = try db.planningArea().compactMap { ReferenceData.municipalityByCode[$0] }
            let doc = ReplayDocument.build(recorded: recorded, replays: outcomes, from: start, to: end, lag: lag,
                                           norms: stored.waitNormDays, planningArea: area, language: language)
            var written: [String] = []
            switch resolvedFormat {
            case .text:
                var shown = doc
                if summary { shown.sections = Array(doc.sections.prefix(1)) }
                try emit(DocumentText.render(shown), to: out, &written)
            case .html: try emit(HTMLReport.render(doc), to: out, &written)
            case .md: try emit(MarkdownReport.render(doc), to: out, &written)
            case .json: try emit(ReplayJSON.render(recorded: recorded, replays: outcomes, from: start, to: end, lag: lag), to: out, &written)
            case .xlsx:
                let url = URL(fileURLWithPath: out ?? "replay.xlsx")
                try XLSXReport.write(doc, to: url)
                written.append(url.path)
            case .csv:
                let dir = URL(fileURLWithPath: out ?? ".", isDirectory: true)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                for file in CSVReport.files(doc, prefix: "replay-\(start.iso)-\(end.iso)") {
                    let url = dir.appendingPathComponent(file.name)
                    try Data(file.bytes).write(to: url, options: .atomic)
                    written.append(url.path)
                }
            }
            for path in written { print(path) }
        }
    }
}
