import Foundation
import GRDB

extension Migrations {
    /// The version this step upgrades to is the one after `from` (the coordinator renumbers
    /// at merge: the number lives here and in `schema.sql` only).
    static let importsAndReportsFrom = 7

    /// Past imports with what they changed, and each week's report as first produced. The
    /// imports already made are taken from their audit log entries (entity `import`, one per
    /// file, the files of one import sharing its time), without day or changes.
    static func importsAndReports(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE import_record (
                id                 INTEGER PRIMARY KEY,
                at                 TEXT NOT NULL,      -- UTC timestamp, as the audit log writes it
                user               TEXT,
                as_of              TEXT CHECK (as_of IS date(as_of)),
                files              TEXT NOT NULL CHECK (json_valid(files)),   -- [{name, sha256, rows, changed}]
                changes            TEXT CHECK (changes IS NULL OR json_valid(changes)),
                changes_not_listed INTEGER NOT NULL DEFAULT 0 CHECK (changes_not_listed >= 0),
                conflicts          TEXT CHECK (conflicts IS NULL OR json_valid(conflicts))
            );

            CREATE TABLE report_first (
                week        TEXT PRIMARY KEY NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
                produced_at TEXT NOT NULL,
                figures     TEXT NOT NULL CHECK (json_valid(figures))
            ) WITHOUT ROWID;
            """)
        var imports: [(at: String, user: String?, files: [ImportRecord.File])] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT at, user, entity_id, source, detail FROM audit_log WHERE entity = 'import' AND action = 'read' ORDER BY id
            """) {
            let r = RowReader(row, table: "audit_log")
            let at: String = try r.value(0), user: String? = try r.optional(1)
            let detail: String = try r.optional(4) ?? ""
            // "name, sha256 HEX: 48 rows, 2 changed", as `Importer.recordFiles` wrote it.
            let numbers = detail.split(separator: ":").last.map { tail in
                tail.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            } ?? []
            let file = ImportRecord.File(name: try r.optional(3) ?? "?", sha256: try r.value(2),
                                         rows: numbers.first ?? 0, changed: numbers.dropFirst().first ?? 0)
            if let last = imports.last, last.at == at, last.user == user {
                imports[imports.count - 1].files.append(file)
            } else {
                imports.append((at, user, [file]))
            }
        }
        for i in imports {
            try db.execute(sql: "INSERT INTO import_record(at, user, files) VALUES (?, ?, ?)",
                           arguments: [i.at, i.user, try ImportRecords.json(i.files)])
        }
    }
}
