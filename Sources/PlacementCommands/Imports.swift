import ArgumentParser
import PlacementImport
import PlacementModel
import PlacementStore

extension Placement {
    struct Imports: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "imports",
            abstract: "List past imports, and show what one of them changed.",
            discussion: """
                Each import is listed with its number, time, user, the day its files described, \
                and its files with their SHA-256, then a line saying what it changed.
                """,
            subcommands: [List.self, Show.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List past imports with files, SHA-256, user, time and a one-line summary.",
                discussion: """
                    Examples:
                      placement imports
                      placement imports list --json
                    """)

            @OptionGroup var database: DatabaseOptions

            @OptionGroup var output: ImportsOutputOptions

            func run() throws {
                let db = try database.open(.read)
                let language = try output.language(db)
                let imports = try db.read { try ImportHistory.all($0) }
                if output.json { return try printJSON(imports.map { PastImportJSON($0, language: language) }) }
                print(ImportsText(language: language).list(imports).joined(separator: "\n"))
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show",
                abstract: "Show what one past import changed, per citizen and residence.",
                discussion: """
                    Examples:
                      placement imports show 3
                      placement imports show 3 --lang en --json
                    """)

            @OptionGroup var database: DatabaseOptions

            @Argument(help: "The import's number (see `placement imports`).")
            var number: Int64

            @OptionGroup var output: ImportsOutputOptions

            func run() throws {
                let db = try database.open(.read)
                let language = try output.language(db)
                let (found, last) = try db.read { d in
                    (try ImportHistory.find(d, number: number), try ImportHistory.all(d).last?.number)
                }
                guard let found else { throw UserError(ImportWords.of(language).noSuchImport(number, last), language: language) }
                if output.json { return try printJSON(PastImportJSON(found, language: language, withChanges: true)) }
                print(ImportsText(language: language).show(found, db: db).joined(separator: "\n"))
            }
        }
    }
}

/// What `imports list` and `imports show` print: the language and whether as JSON.
struct ImportsOutputOptions: ParsableArguments {
    @Option(help: "Language of output: da or en (default: the database's).")
    var lang: Language?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    /// `--lang`, else the database's language.
    func language(_ db: PlacementDatabase) throws -> Language { try lang ?? db.language() }
}

/// Past imports in the planner's words: the words are the import's (`ImportWords`), the
/// change lines those `import` prints (`ImportChangeText`).
struct ImportsText {
    let language: Language
    var w: ImportWords { ImportWords.of(language) }
    var f: DisplayFormat { DisplayFormat(language) }

    /// `2026-11-23T09:14:05Z` as `23-11-2026 09:14:05`.
    func time(_ at: String) -> String {
        let parts = at.split(separator: "T")
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return at }
        return "\(f.date(day)) \(parts[1].filter { $0 != "Z" })"
    }

    func list(_ imports: [PastImport]) -> [String] {
        guard !imports.isEmpty else { return [w.noImports] }
        let c = w.importsColumns
        var rows: [[String]] = []
        for i in imports {
            let head = [f.integer(Int(i.number)), time(i.record.at), i.record.user ?? w.unknownUser,
                        i.record.asOf.map(f.date) ?? "-"]
            for (n, file) in i.record.files.enumerated() {
                rows.append((n == 0 ? head : ["", "", "", ""]) + ["\(file.name) \(file.sha256)"])
            }
        }
        var out: [String] = []
        let widths = c.indices.map { k in ([c] + rows).map { k < $0.count ? $0[k].count : 0 }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            r.enumerated().map { k, s in k == r.count - 1 ? s : s.padding(toLength: widths[k], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        out.append(line(c))
        var row = 0
        for i in imports {
            for _ in i.record.files { out.append(line(rows[row])); row += 1 }
            out.append("    " + i.summary(language))
        }
        return out
    }

    func show(_ i: PastImport, db: PlacementDatabase) -> [String] {
        var out = [w.importHeading(i.number, time(i.record.at), i.record.user ?? w.unknownUser, i.record.asOf.map(f.date))]
        out += i.record.files.map { "  \($0.name) sha256 \($0.sha256)" }
        out.append(i.summary(language))
        guard let changes = i.changes else { return out }
        var report = ImportReport()
        report.changes = changes
        report.changesNotListed = i.record.changesNotListed
        report.conflicts = i.conflicts ?? []
        let text = ImportChangeText(language: language, db: db, limit: Int.max, asOf: i.record.asOf ?? Clock.today)
        return out + text.lines(report)
    }
}

/// A past import for scripts; the summary in the language asked.
struct PastImportJSON: Encodable {
    let number: Int64
    let at: String
    let user: String?
    let as_of: String?
    let files: [ImportRecord.File]
    let summary: String
    let changes: [ImportChange]?
    let changes_not_listed: Int
    let conflicts: [ImportConflictNote]?

    init(_ i: PastImport, language: Language, withChanges: Bool = false) {
        number = i.number
        at = i.record.at
        user = i.record.user
        as_of = i.record.asOf?.iso
        files = i.record.files
        summary = i.summary(language)
        changes = withChanges ? i.changes : nil
        changes_not_listed = i.record.changesNotListed
        conflicts = withChanges ? i.conflicts : nil
    }
}
