import Foundation
import GRDB
import PlacementModel
import PlacementStore
import Spreadsheet

/// Loads planners' files into the database in one transaction: every sheet of every file,
/// in dependency order, all or nothing. Problems are collected and reported together; a
/// single error leaves the database exactly as it was.
public struct Importer {
    let database: PlacementDatabase
    let options: ImportOptions

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

    public func run(files: [URL], now: Date = Date()) throws -> ImportReport {
        var report = ImportReport()
        report.dryRun = options.dryRun
        let jobs = try recognise(files, report: &report)
        if report.hasErrors { return report }

        do {
            try database.write { db in
                var r = report
                try load(jobs, db: db, now: now, report: &r)
                if r.hasErrors || options.dryRun { throw RollBack(report: r) }
                r.committed = true
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
                report.issues.append(ImportIssue(.error, file: name, message: "no such file"))
                continue
            }
            let reader: any WorkbookReader
            do {
                reader = try Workbook.open(url)
            } catch let e as SpreadsheetError {
                report.issues.append(ImportIssue(.error, file: name, sheet: e.sheet, row: e.row, message: e.message))
                continue
            }
            for sheet in reader.sheets where !sheet.isHidden {
                let isCSV = reader.sheets.count == 1 && !(name.lowercased().hasSuffix(".xlsx"))
                let sheetLabel = isCSV ? nil : sheet.name
                if let kind = try kindOf(reader, sheet, fileName: name) {
                    jobs.append(SheetJob(reader: reader, sheet: sheet, kind: kind, fileIndex: index))
                } else if reader.sheets.count == 1 {
                    report.issues.append(ImportIssue(
                        .error, file: name, sheet: sheetLabel,
                        message: "cannot tell what this sheet holds; name it residences/tilbud, places/pladser, citizens/borgere or placements, or give --kind"))
                } else if try !isBlank(reader, sheet) {
                    // A workbook often carries a notes or lookup sheet beside the data.
                    report.issues.append(ImportIssue(
                        .warning, file: name, sheet: sheetLabel,
                        message: "not recognised as residences, places, citizens or placements; ignored"))
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
        var header: Set<String> = []
        try? firstRow(reader, sheet) { row in header = Set((0..<row.count).map { HeaderKey(row.text($0)).value }) }
        return SheetKind.fromHeader(header)
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
                if (0..<row.count).allSatisfy({ CellParsing.trimmed(row.text($0)).isEmpty }) { return }
                body(row)
                throw Stop()
            }
        } catch is Stop {}
    }

    // MARK: Loading

    private func load(_ jobs: [SheetJob], db: Database, now: Date, report: inout ImportReport) throws {
        let key = try database.pseudonymKey(db)
        let area = try Int.fetchAll(db, sql: "SELECT municipality_code FROM planning_area")
        let defaultMunicipality = area.count == 1 ? area[0] : nil
        var citizenSheets = 0
        let context = try ImportContext(db, now: now)
        // SQLite's default 2 MiB page cache spills dirty index pages to the WAL again and again
        // on a large file; 16 MiB keeps them in memory, a fixed cost whatever the file's size.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -16384")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        // Ids seen in this import, to report repeats; kept in SQLite so memory does not grow with the file.
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_seen (kind TEXT NOT NULL, id TEXT NOT NULL, row INTEGER NOT NULL, file TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID")
        try db.execute(sql: "DELETE FROM temp.import_seen")
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.import_seen") }

        for job in jobs {
            let file = job.reader.fileName
            let isCSV = !(file.lowercased().hasSuffix(".xlsx"))
            let sheetLabel = isCSV ? nil : job.sheet.name
            var summary = ImportReport.SheetSummary(file: file, sheet: sheetLabel, kind: job.kind, dialect: job.reader.detectedDialect)
            let applier = Applier(db: db, options: options, now: now, source: sheetLabel.map { "\(file) [\($0)]" } ?? file, context: context)
            var map: ColumnMap?
            if job.kind == .citizens { citizenSheets += 1 }

            do {
                try job.reader.readRows(sheet: job.sheet.index) { row in
                    if (0..<row.count).allSatisfy({ CellParsing.trimmed(row.text($0)).isEmpty }) { return }
                    guard let columns = map else {
                        let m = ColumnMap(kind: job.kind, headerRow: row)
                        map = m
                        headerIssues(m, file: file, sheet: sheetLabel, row: row.number, report: &report)
                        if !m.missingRequired.isEmpty { throw Stop() }
                        return
                    }
                    summary.rowsRead += 1
                    if summary.rowsRead % 50_000 == 0 { options.progress?(file, summary.rowsRead) }
                    var f = RowFields(row: row, map: columns, file: file, sheet: sheetLabel)
                    let outcome = try loadRow(job.kind, &f, applier: applier, key: key, defaultMunicipality: defaultMunicipality, db: db)
                    switch outcome {
                    case .inserted: summary.inserted += 1
                    case .updated: summary.updated += 1
                    case .unchanged: summary.unchanged += 1
                    case .rejected: break
                    }
                    add(f.issues, to: &report)
                }
            } catch is Stop {
            } catch let e as SpreadsheetError {
                report.issues.append(ImportIssue(.error, file: file, sheet: e.sheet ?? sheetLabel, row: e.row, message: e.message))
            }
            if map == nil {
                report.issues.append(ImportIssue(.error, file: file, sheet: sheetLabel, message: "has no header row"))
            }
            report.sheets.append(summary)
        }

        if !report.hasErrors {
            try reconcileDeclaredOccupancy(db, now: now, context: context)
            if citizenSheets > 0 { try handleMissing(db, now: now, report: &report) }
        }
    }

    private func loadRow(_ kind: SheetKind, _ f: inout RowFields, applier: Applier, key: Data, defaultMunicipality: Int?,
                         db: Database) throws -> Applier.Outcome {
        // A repeated id is reported even when the row has other errors too.
        let idColumn = kind == .places ? "place_id" : (kind == .residences ? "residence_id" : "citizen_id")
        if kind != .placements, let raw = f.text(idColumn) {
            var id = raw
            if kind == .citizens, CPR.looksLikeCPR(raw) { id = CPR.pseudonym(raw, key: key) ?? raw }
            if kind == .places { id = "\(f.text("residence_id") ?? "")/\(raw)" }
            let kindName = kind == .placements ? "citizens" : kind.rawValue
            let seen = try db.cachedStatement(sql: "INSERT INTO temp.import_seen(kind, id, row, file) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            seen.bind(1, kindName); seen.bind(2, id); seen.bind(3, f.row.number); seen.bind(4, f.file)
            try seen.runBound()
            if db.changesCount == 0 {
                guard let first = try Row.fetchOne(db.cachedStatement(sql: "SELECT row, file FROM temp.import_seen WHERE kind = ? AND id = ?"),
                                                   arguments: [kindName, id]) else { return .rejected }  // the conflict is that row
                let where_ = (first[1] as String) == f.file ? "row \(first[0] as Int)" : "\(first[1] as String) row \(first[0] as Int)"
                f.error(idColumn, "appears again; first at \(where_)", value: raw)
                return .rejected
            }
        }
        switch kind {
        case .residences:
            guard let r = RowRecords.residence(&f) else { return .rejected }
            return try applier.apply(r)
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

    private func headerIssues(_ m: ColumnMap, file: String, sheet: String?, row: Int, report: inout ImportReport) {
        for c in m.missingRequired {
            report.issues.append(ImportIssue(.error, file: file, sheet: sheet, row: row,
                                             message: "has no column \"\(c.name)\" (\(c.danishName)), which is required"))
        }
        for u in m.unknown {
            report.issues.append(ImportIssue(.warning, file: file, sheet: sheet, row: row, column: u, message: "is not a known column; ignored"))
        }
        for d in m.duplicated {
            report.issues.append(ImportIssue(.warning, file: file, sheet: sheet, row: row, column: d, message: "repeats a column; the first is used"))
        }
        if m.kind == .citizens && m.has("name") {
            report.issues.append(ImportIssue(.warning, file: file, sheet: sheet, row: row, column: m.header["name"],
                                             message: "is not stored: the planner keeps no names, only case numbers"))
        }
    }

    private func add(_ issues: [ImportIssue], to report: inout ImportReport) {
        for issue in issues {
            if report.issues.count < options.maxIssues { report.issues.append(issue) }
            else if issue.severity == .error { report.errorsNotListed += 1 }
        }
    }

    // MARK: After all sheets

    /// A place declared occupied with no stay of ours is occupied by someone outside the
    /// planning area (a place sold to another municipality); record that as a stay without
    /// a citizen so occupancy on any day follows from stays alone. A place declared vacant
    /// ends such a stay.
    private func reconcileDeclaredOccupancy(_ db: Database, now: Date, context: ImportContext) throws {
        let day = options.asOf
        let unexplained = try Row.fetchAll(db, sql: """
            SELECT pl.residence_id, pl.id, pl.available_from FROM place pl
            WHERE pl.status = 'occupied' AND NOT EXISTS (
                SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                  AND p.starts_on <= ?1 AND (p.ends_on IS NULL OR p.ends_on > ?1))
            """, arguments: [day])
        for r in unexplained {
            let residence: String = r[0], place: String = r[1], until: Day? = r[2]
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
            let id: Int64 = r[0], from: Day = r[3]
            if from == day {
                try db.execute(sql: "DELETE FROM placement WHERE id = ?", arguments: [id])
            } else {
                try Placements.setEnd(db, id: id, endsOn: day)
            }
            try AuditLog.append(db, command: options.command, entity: "placement", entityId: "\(r[1] as String)/\(r[2] as String)",
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
        for id in report.missingWaiting {
            if let (wid, since) = try WaitingPeriods.open(db, citizenId: id) {
                try WaitingPeriods.close(db, id: wid, on: max(since, options.asOf), outcome: .closedMissing)
            }
            try Citizens.setStatus(db, id: id, .left)
            try AuditLog.append(db, command: options.command, entity: "waiting", entityId: id, action: "close",
                                detail: "not in the full export of the waiting list", now: now)
        }
        report.closedMissing = true
    }
}
