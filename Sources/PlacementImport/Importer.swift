import Foundation
import GRDB
import PlacementModel
import PlacementStore
import Spreadsheet

/// Loads planners' files into the database in one transaction: every sheet of every file,
/// in dependency order, all or nothing, holding the write lock only when something changes. Problems are collected and reported together; a
/// single error leaves the database exactly as it was.
public struct Importer {
    let database: PlacementDatabase
    let options: ImportOptions
    /// The run's sentences, in `options.language`.
    var words: ImportWords { ImportWords.of(options.language) }

    public init(database: PlacementDatabase, options: ImportOptions) {
        self.database = database
        self.options = options
    }

    /// A sheet to load: where it is and what it holds.
    struct SheetJob {
        let reader: any WorkbookReader
        let sheet: SheetInfo
        let kind: SheetKind
        let fileIndex: Int
    }

    /// Thrown inside the transaction to roll it back while keeping the report.
    private struct RollBack: Error { let report: ImportReport }

    /// Checks first and writes only when it must, so that others go on reading and writing:
    ///
    /// 1. The whole import runs on a read-only connection, without the write lock. When it
    ///    would change nothing (a re-import) or finds errors before its first change, that
    ///    is the answer, exactly as a write would have given it.
    /// 2. A dry run that would change something runs on a private copy of the database
    ///    (SQLite's online backup, beside the file), rolled back: still no write lock.
    /// 3. When every row was unchanged and only the closing steps would write (closing the
    ///    citizens absent from a full export), a write transaction runs just those, if
    ///    nothing was written since step 1; else step 4.
    /// 4. Otherwise the import runs again in one write transaction, which re-checks every
    ///    row against the database as it is then (another command may have written since)
    ///    and stores all or nothing. The files are read again rather than kept in memory, so
    ///    memory stays flat whatever their size.
    public func run(files: [URL], now: Date = Date()) throws -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        let jobs = try recognise(files, report: &report)
        if report.hasErrors { return report }
        report.files = try files.map { ImportedFile(name: $0.lastPathComponent, sha256: try FileDigest.sha256(of: $0)) }

        if let path = database.path {
            let reader = try PlacementDatabase.open(path: path, keys: database.keyLocation ?? .standard(), access: .read)
            defer { try? reader.writer.close() }
            let rows = RowsUnchanged()
            if let checked = try withoutWriting(jobs, on: reader, now: now, report: report, rows: rows) {
                // Nothing to change: the import's own audit entry is all it writes. The data needs
                // no lock, so another writer holding it does not fail the import: it says so.
                var checked = checked
                if checked.committed {
                    do {
                        try database.write(command: options.command, wait: min(2, database.writeWait)) { try recordFiles($0, checked, now: now) }
                    } catch let busy as DatabaseBusy {
                        checked.filesNotLogged = busy.description
                    }
                }
                return checked
            }
            if options.dryRun { return try onCopy(jobs, of: reader, beside: path, now: now, report: report) }
            if rows.report != nil, let closed = try closingOnly(rows, now: now) { return closed }
        }
        return try writing(jobs, on: database, now: now, report: report)
    }

    /// What the read-only pass learnt when every row was unchanged and only the closing steps
    /// (occupants from outside, `--close-missing`) would write: then the write transaction
    /// runs only those, if nothing has been written since (`DataVersion`).
    private final class RowsUnchanged {
        var version: Int64 = 0
        var report: ImportReport?
        var citizenSheets = 0
        /// The citizens the files list, for `--close-missing`.
        var citizens: [String] = []
    }

    /// The import on a read-only connection; nil when it reaches its first change (SQLite
    /// refuses the write, so nothing is half done).
    private func withoutWriting(_ jobs: [SheetJob], on reader: PlacementDatabase, now: Date, report: ImportReport,
                                rows: RowsUnchanged) throws -> ImportReport? {
        do {
            return try reader.read { db in
                rows.version = try DataVersion.current(db)
                var r = report
                try load(jobs, db: db, now: now, report: &r, rows: rows)
                r.committed = !r.hasErrors && !options.dryRun
                return r
            }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY {
            return nil
        }
    }

    /// The closing steps alone, in a write transaction; nil when something was written since
    /// the read-only pass, so that the rows must be checked again.
    private func closingOnly(_ rows: RowsUnchanged, now: Date) throws -> ImportReport? {
        guard var report = rows.report else { return nil }
        return try database.write(command: options.command) { db -> ImportReport? in
            guard try DataVersion.current(db) == rows.version else { return nil }
            try db.execute(sql: Self.createSeen)
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.import_seen") }
            let insert = try db.makeStatement(sql: "INSERT INTO temp.import_seen(kind, id, row, file) VALUES ('citizens', ?, 0, '')")
            for id in rows.citizens { try insert.execute(arguments: [id]) }
            try finish(db, now: now, context: try ImportContext(db, now: now), citizenSheets: rows.citizenSheets, report: &report)
            report.committed = true
            try recordFiles(db, report, now: now)
            return report
        }
    }

    static let createSeen = "CREATE TEMP TABLE IF NOT EXISTS import_seen (kind TEXT NOT NULL, id TEXT NOT NULL, row INTEGER NOT NULL, file TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID"

    private func onCopy(_ jobs: [SheetJob], of reader: PlacementDatabase, beside path: String, now: Date,
                        report: ImportReport) throws -> ImportReport {
        let copyPath = WorkingCopies.name(beside: path, for: .dryRun)
        defer { for suffix in ["", "-wal", "-shm", "-writer"] { try? FileManager.default.removeItem(atPath: copyPath + suffix) } }
        try reader.backup(to: copyPath)
        let copy = try PlacementDatabase.open(path: copyPath, keys: database.keyLocation ?? .standard())
        defer { try? copy.writer.close() }
        return try writing(jobs, on: copy, now: now, report: report)
    }

    private func writing(_ jobs: [SheetJob], on target: PlacementDatabase, now: Date, report: ImportReport) throws -> ImportReport {
        var report = report
        do {
            try target.write(command: options.command) { db in
                var r = report
                try load(jobs, db: db, now: now, report: &r)
                if r.hasErrors || options.dryRun { throw RollBack(report: r) }
                r.committed = true
                try recordFiles(db, r, now: now)
                report = r
            }
        } catch let rollback as RollBack {
            report = rollback.report
            report.committed = false
        }
        return report
    }

    // MARK: Recognising sheets

    private func recognise(_ files: [URL], report: inout ImportReport) throws -> [SheetJob] {
        var jobs: [SheetJob] = []
        for (index, url) in files.enumerated() {
            let name = url.lastPathComponent
            guard FileManager.default.fileExists(atPath: url.path) else {
                report.issues.append(ImportIssue(.error, file: name, message: words.noSuchFile))
                continue
            }
            let reader: any WorkbookReader
            do {
                reader = try Workbook.open(url)
            } catch let e as SpreadsheetError {
                report.issues.append(Self.issue(e, sheet: e.sheet, map: nil, words: words))
                continue
            }
            for sheet in reader.sheets where !sheet.isHidden {
                let isCSV = reader.sheets.count == 1 && !(name.lowercased().hasSuffix(".xlsx"))
                let sheetLabel = isCSV ? nil : sheet.name
                if let kind = try kindOf(reader, sheet, fileName: name) {
                    jobs.append(SheetJob(reader: reader, sheet: sheet, kind: kind, fileIndex: index))
                } else if reader.sheets.count == 1 {
                    report.issues.append(ImportIssue(
                        .error, file: name, sheet: sheetLabel, message: words.cannotTellKind))
                } else if try !isBlank(reader, sheet) {
                    // A workbook often carries a notes or lookup sheet beside the data.
                    report.issues.append(ImportIssue(
                        .warning, file: name, sheet: sheetLabel, message: words.sheetIgnored))
                }
            }
        }
        // Dependency order, whatever the order on the command line; stable within a kind.
        return jobs.sorted { ($0.kind, $0.fileIndex, $0.sheet.index) < ($1.kind, $1.fileIndex, $1.sheet.index) }
    }

    private func kindOf(_ reader: any WorkbookReader, _ sheet: SheetInfo, fileName: String) throws -> SheetKind? {
        if let k = options.kind { return k }
        let base = (fileName as NSString).deletingPathExtension
        if reader.sheets.count > 1 || fileName.lowercased().hasSuffix(".xlsx"), let k = SheetKind.fromName(sheet.name) { return k }
        if let k = SheetKind.fromName(base) { return k }
        // The header may stand below a title and a group header (SheetLayout).
        return (try? SheetLayout.find(reader, sheet, kind: nil))?.kind
    }

    private func isBlank(_ reader: any WorkbookReader, _ sheet: SheetInfo) throws -> Bool {
        var blank = true
        try? firstRow(reader, sheet) { _ in blank = false }
        return blank
    }

    private struct Stop: Error {}

    /// The first non-empty row of a sheet.
    private func firstRow(_ reader: any WorkbookReader, _ sheet: SheetInfo, _ body: (SheetRow) -> Void) throws {
        do {
            try reader.readRows(sheet: sheet.index) { row in
                if row.isBlank { return }
                body(row)
                throw Stop()
            }
        } catch is Stop {}
    }

    // MARK: Loading

    private func load(_ jobs: [SheetJob], db: Database, now: Date, report: inout ImportReport, rows: RowsUnchanged? = nil) throws {
        // An entry per change: the chain's head is carried from one to the next, not read back.
        try AuditLog.holdingHead(db) { try loadHoldingHead(jobs, db: db, now: now, report: &report, rows: rows) }
    }

    private func loadHoldingHead(_ jobs: [SheetJob], db: Database, now: Date, report: inout ImportReport, rows: RowsUnchanged?) throws {
        let key = try database.pseudonymKey(db)
        let area = try Int.fetchAll(db, sql: "SELECT municipality_code FROM planning_area")
        let defaultMunicipality = area.count == 1 ? area[0] : nil
        var citizenSheets = 0
        let context = try ImportContext(db, now: now, maxChanges: options.maxChanges)
        // SQLite's default 2 MiB page cache spills dirty index pages to the WAL again and again
        // on a large file; 16 MiB keeps them in memory, a fixed cost whatever the file's size.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -16384")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        var groups: [ImportIssue.GroupKey: Int] = [:]
        // Ids seen in this import, to report repeats; kept in SQLite so memory does not grow with the file.
        try db.execute(sql: Self.createSeen)
        try db.execute(sql: "DELETE FROM temp.import_seen")
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.import_seen") }

        for job in jobs {
            let file = job.reader.fileName
            let isCSV = !(file.lowercased().hasSuffix(".xlsx"))
            let sheetLabel = isCSV ? nil : job.sheet.name
            var summary = ImportReport.SheetSummary(file: file, sheet: sheetLabel, kind: job.kind, dialect: job.reader.detectedDialect)
            let applier = Applier(db: db, options: options, now: now, source: sheetLabel.map { "\(file) [\($0)]" } ?? file, context: context)
            var map: ColumnMap?
            var headerCheck: HeaderCheck?
            var headerRowNumber = 0
            var broken = false  // a damaged file, reported: no "has no header row" besides
            if job.kind == .citizens { citizenSheets += 1 }
            // The header row may stand below a title and a group header: the first rows are
            // held until it is found (HeaderSearch), then read like the rest; rows above it
            // are skipped. One reading of the sheet.
            var search = HeaderSearch(kind: job.kind)
            var headerAt: Int?
            var firstColumn = 0
            var formulas = UncalculatedFormulas()

            func read(_ row: SheetRow) throws {
                guard let columns = map else {
                    if let headerAt, row.number < headerAt {
                        summary.skipped += 1
                        add([ImportIssue(.notice, file: file, sheet: sheetLabel, row: row.number, value: SheetLayout.shown(row),
                                         message: words.aboveHeader(headerAt))], to: &report, &groups)
                        return
                    }
                    let m = ColumnMap(kind: job.kind, headerRow: row)
                    map = m
                    headerCheck = HeaderCheck(map: m, headerRow: row)
                    headerRowNumber = row.number
                    firstColumn = (0..<row.count).first { !CellParsing.trimmed(row.text($0)).isEmpty } ?? 0
                    _ = formulas.look(at: row, map: nil)
                    headerIssues(m, file: file, sheet: sheetLabel, row: row.number, report: &report)
                    if !m.missingRequired.isEmpty || !formulas.isEmpty { throw Stop() }
                    return
                }
                if let reason = TotalsRow.reason(row, map: columns, firstColumn: firstColumn) {
                    summary.skipped += 1
                    let value = (0..<row.count).lazy.map { CellParsing.trimmed(row.text($0)) }.first { !$0.isEmpty }
                    add([ImportIssue(.notice, file: file, sheet: sheetLabel, row: row.number, value: value,
                                     message: reason == .totals ? words.totalsRow : words.textOnlyInFirstColumn)], to: &report, &groups)
                    return
                }
                headerCheck?.look(at: row)
                summary.rowsRead += 1
                if summary.rowsRead % 50_000 == 0 { options.progress?(file, summary.rowsRead) }
                // A value the file does not hold cannot be read as empty (UncalculatedFormulas).
                if formulas.look(at: row, map: columns) { return }
                var f = RowFields(row: row, map: columns, file: file, sheet: sheetLabel, words: words)
                let outcome = try loadRow(job.kind, &f, applier: applier, key: key, defaultMunicipality: defaultMunicipality, db: db)
                switch outcome {
                case .inserted: summary.inserted += 1
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                case .rejected: break
                }
                add(f.issues, to: &report, &groups)
            }
            do {
                try job.reader.readRows(sheet: job.sheet.index) { row in
                    if row.isBlank { return }
                    if headerAt != nil { return try read(row) }
                    guard let layout = search.offer(row) else { return }
                    headerAt = layout.headerRow
                    for held in search.rows { try read(held) }
                }
                if headerAt == nil, !search.rows.isEmpty {
                    // A sheet shorter than the search.
                    headerAt = search.finish().headerRow
                    for held in search.rows { try read(held) }
                }
            } catch is Stop {
            } catch let e as SpreadsheetError {
                report.issues.append(Self.issue(e, sheet: sheetLabel, map: map, words: words))
                broken = true
            }
            add(formulas.issues(file: file, sheet: sheetLabel, words: words), to: &report, &groups)
            if let headerCheck { add(headerCheck.issues(file: file, sheet: sheetLabel, headerRow: headerRowNumber, words: words), to: &report, &groups) }
            // A CSV file whose first MiB is ASCII has its encoding decided while it is read.
            summary.dialect = job.reader.detectedDialect
            if map == nil && !broken {
                report.issues.append(ImportIssue(.error, file: file, sheet: sheetLabel, message: words.noHeaderRow))
            }
            report.sheets.append(summary)
        }

        add(try DeclaredStatusCheck.issues(db, context.declaredStatuses, refused: context.placesRefusedAsClosed, on: options.asOf, words: words), to: &report, &groups)
        // One problem on many rows is reported once, with its rows.
        report.issues = ImportIssue.grouped(report.issues)
        if !report.hasErrors {
            if let rows {
                // Reached only on the read-only pass with every row unchanged.
                rows.report = report
                rows.citizenSheets = citizenSheets
                rows.citizens = try String.fetchAll(db, sql: "SELECT id FROM temp.import_seen WHERE kind = 'citizens'")
            }
            try finish(db, now: now, context: context, citizenSheets: citizenSheets, report: &report)
        }
        report.changes = context.changes
        report.changesNotListed = context.changesNotListed
        report.conflicts = context.conflicts
    }

    /// The import's own audit entry, one per file: its name, its SHA-256 and how many rows it
    /// had, so the log shows which export was read even when nothing changed.
    /// Also the import's record (`ImportRecords`): its files and what it changed, for
    /// `placement imports`.
    private func recordFiles(_ db: Database, _ report: ImportReport, now: Date) throws {
        var files: [ImportRecord.File] = []
        for file in report.files {
            let rows = report.sheets.filter { $0.file == file.name }.reduce(0) { $0 + $1.rowsRead }
            let changed = report.sheets.filter { $0.file == file.name }.reduce(0) { $0 + $1.inserted + $1.updated }
            try AuditLog.append(db, command: options.command, entity: "import", entityId: file.sha256, action: "read",
                                detail: "\(file.name), sha256 \(file.sha256): \(rows) rows, \(changed) changed", source: file.name, now: now)
            files.append(ImportRecord.File(name: file.name, sha256: file.sha256, rows: rows, changed: changed))
        }
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        try ImportRecords.insert(db, at: Timestamp.utc(now), asOf: options.asOf, files: files, changes: try e.encode(report.changes),
                                 changesNotListed: report.changesNotListed, conflicts: try e.encode(report.conflicts))
    }

    /// What follows the rows of every sheet.
    private func finish(_ db: Database, now: Date, context: ImportContext, citizenSheets: Int, report: inout ImportReport) throws {
        try reconcileDeclaredOccupancy(db, now: now, context: context)
        if citizenSheets > 0 { try handleMissing(db, now: now, report: &report) }
    }

    private func loadRow(_ kind: SheetKind, _ f: inout RowFields, applier: Applier, key: PseudonymKey?, defaultMunicipality: Int?,
                         db: Database) throws -> Applier.Outcome {
        // A repeated id is reported even when the row has other errors too.
        let idColumn = kind == .places ? "place_id" : (kind == .residences ? "residence_id" : "citizen_id")
        if kind != .placements, let raw = f.text(idColumn),
           let id = Self.seenId(kind, raw, residence: kind == .places ? f.text("residence_id") : nil, key: key) {
            let kindName = kind == .placements ? "citizens" : kind.rawValue
            let seen = try db.cachedStatement(sql: "INSERT INTO temp.import_seen(kind, id, row, file) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            seen.bind(1, kindName); seen.bind(2, id); seen.bind(3, f.row.number); seen.bind(4, f.file)
            try seen.runBound()
            if db.changesCount == 0 {
                guard let first = try Row.fetchOne(db.cachedStatement(sql: "SELECT row, file FROM temp.import_seen WHERE kind = ? AND id = ?"),
                                                   arguments: [kindName, id]) else { return .rejected }  // the conflict is that row
                let seenAt = RowReader(first, table: "import_seen")
                let row: Int = try seenAt.value(0), file: String = try seenAt.value(1)
                let at = "\(words.row) \(row)"
                f.error(idColumn, words.appearsAgain(file == f.file ? at : "\(file) \(at)"), value: raw)
                return .rejected
            }
        }
        switch kind {
        case .residences:
            guard let r = RowRecords.residence(&f) else { return .rejected }
            return try applier.apply(r, fields: &f)
        case .places:
            guard let p = RowRecords.place(&f) else { return .rejected }
            return try applier.apply(p, fields: &f)
        case .citizens:
            guard let c = RowRecords.citizen(&f, key: key, defaultMunicipality: defaultMunicipality, asOf: options.asOf) else { return .rejected }
            return try applier.apply(c, fields: &f)
        case .placements:
            guard let h = RowRecords.history(&f, key: key) else { return .rejected }
            return try applier.apply(h, fields: &f)
        }
    }

    /// The id a row is known by in this import, to find repeats. A CPR number without the key
    /// has none: the row is refused when it is read, and the number is kept nowhere.
    private static func seenId(_ kind: SheetKind, _ raw: String, residence: String?, key: PseudonymKey?) -> String? {
        switch kind {
        case .citizens: CPR.looksLikeCPR(raw) ? key.flatMap { CPR.pseudonym(raw, key: $0) } : raw
        case .places: "\(residence ?? "")/\(raw)"
        default: raw
        }
    }

    private func headerIssues(_ m: ColumnMap, file: String, sheet: String?, row: Int, report: inout ImportReport) {
        for c in m.missingRequired {
            report.issues.append(ImportIssue(.error, file: file, sheet: sheet, row: row,
                                             message: words.missingColumn(c.name, c.danishName)))
        }
        for u in m.unknown {
            report.issues.append(ImportIssue(.warning, file: file, sheet: sheet, row: row, column: u, message: words.unknownColumn(m.suggestions[u])))
        }
        if m.kind == .citizens && m.has(SheetColumns.citizenName) {
            report.issues.append(ImportIssue(.warning, file: file, sheet: sheet, row: row, column: m.header[SheetColumns.citizenName],
                                             message: words.nameNotStored))
        }
    }

    /// A broken file as an import issue: the column by its header when the header is known;
    /// no value from a column of names (the planner keeps no names, not even in messages).
    static func issue(_ e: SpreadsheetError, sheet: String?, map: ColumnMap?, words: ImportWords = .en) -> ImportIssue {
        let field = e.column.flatMap { map?.field(at: $0) }
        let column = e.column.map { i in field.flatMap { map?.header[$0] } ?? ColumnName.letters(i) }
        return ImportIssue(.error, file: e.fileName, sheet: e.sheet ?? sheet, row: e.row, column: column,
                           value: field == SheetColumns.citizenName && map?.kind == .citizens ? nil : e.value, message: words.spreadsheet(e.message))
    }

    /// Adds issues, each problem once: one that differs from a listed one only in its row
    /// joins that one's rows, so a bad value on every row of a large file is one line, not a
    /// thousand listed and the rest "not listed". `groups` finds the listed ones.
    private func add(_ issues: [ImportIssue], to report: inout ImportReport, _ groups: inout [ImportIssue.GroupKey: Int]) {
        for issue in issues {
            if let row = issue.row, let i = groups[issue.groupKey] {
                report.issues[i].join(row: row)
            } else if report.issues.count < options.maxIssues {
                if issue.row != nil { groups[issue.groupKey] = report.issues.count }
                report.issues.append(issue)
            } else if issue.severity == .error {
                report.errorsNotListed += 1
            }
        }
    }

    // MARK: After all sheets

    /// A place declared occupied with no stay of ours is occupied by someone outside the
    /// planning area (a place sold to another municipality); record that as a stay without
    /// a citizen so occupancy on any day follows from stays alone. A place declared vacant
    /// ends such a stay. A place a planned move-in emptied (a bridging citizen's bridge ends on
    /// the move-in to the granted place) is still occupied in an export made before the case
    /// system knows the decision: it is explained, and the decision stands.
    private func reconcileDeclaredOccupancy(_ db: Database, now: Date, context: ImportContext) throws {
        let day = options.asOf
        let unexplained = try Row.fetchAll(db, sql: """
            SELECT pl.residence_id, pl.id, pl.available_from FROM place pl
            WHERE pl.status = 'occupied' AND NOT EXISTS (
                SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                  AND p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1))
              AND NOT EXISTS (
                SELECT 1 FROM acceptance a JOIN placement b ON b.id = a.previous_stay_id
                WHERE a.status = 'accepted' AND b.residence_id = pl.residence_id AND b.place_id = pl.id AND b.ends_on <= ?1)
            """, arguments: [day])
        for r in unexplained {
            let row = RowReader(r, table: "place")
            let residence: String = try row.value(0), place: String = try row.value(1), until: Day? = try row.optionalDay(2)
            let end = until.flatMap { $0 > day ? $0 : nil }
            try Placements.insert(db, Placement(citizenId: nil, residenceId: residence, placeId: place,
                                                period: DayInterval(from: day, to: end)))
            context.hasUnknownOccupants = true
            try AuditLog.append(db, command: options.command, entity: "placement", entityId: "\(residence)/\(place)",
                                action: "insert", detail: "occupied by a citizen outside the planning area", now: now)
        }
        let ended = try Row.fetchAll(db, sql: """
            SELECT p.id, p.residence_id, p.place_id, p.starts_on FROM placement p JOIN place pl ON pl.residence_id = p.residence_id AND pl.id = p.place_id
            WHERE p.citizen_id IS NULL AND pl.status <> 'occupied' AND p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1)
            """, arguments: [day])
        for r in ended {
            let row = RowReader(r, table: "placement")
            let id: Int64 = try row.value(0), from: Day = try row.day(3)
            let residence: String = try row.value(1), place: String = try row.value(2)
            if from == day {
                try db.execute(sql: "DELETE FROM placement WHERE id = ?", arguments: [id])
            } else {
                try Placements.setEnd(db, id: id, endsOn: day)
            }
            try AuditLog.append(db, command: options.command, entity: "placement", entityId: "\(residence)/\(place)",
                                action: "close", detail: "no longer occupied from outside the planning area", now: now)
        }
    }

    /// A waiting citizen absent from the import's citizens sheets is reported; closed only
    /// when asked (`--close-missing`), never silently.
    private func handleMissing(_ db: Database, now: Date, report: inout ImportReport) throws {
        report.missingWaiting = try String.fetchAll(db, sql: """
            SELECT citizen_id FROM waiting_period WHERE until IS NULL
              AND citizen_id NOT IN (SELECT id FROM temp.import_seen WHERE kind = 'citizens')
            ORDER BY citizen_id
            """)
        guard options.closeMissing, !report.missingWaiting.isEmpty else { return }
        try WaitingPeriods.closeMissing(db, report.missingWaiting, on: options.asOf, audit: AuditContext(command: options.command, now: now))
        report.closedMissing = true
    }
}
