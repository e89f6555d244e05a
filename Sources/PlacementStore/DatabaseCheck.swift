import GRDB
import PlacementModel

/// Something `placement check` found wrong with a database: damage to the file, or a state
/// the model forbids that got in around the schema's guards (a shell with triggers dropped,
/// foreign keys off, CHECK constraints ignored).
public enum CheckFinding: Sendable, Equatable {
    /// A line of SQLite's `PRAGMA integrity_check` other than `ok`.
    case integrity(String)
    /// A row whose foreign key points at nothing (`PRAGMA foreign_key_check`); `row` is nil
    /// for tables without rowids.
    case brokenReference(table: String, row: Int64?, column: String, parent: String)
    /// Two stays in one place at the same time.
    case placeTwiceOccupied(residence: String, place: String, stays: [Int64], from: String)
    /// Two stays of one citizen at the same time.
    case citizenTwicePlaced(citizen: String, stays: [Int64], from: String)
    /// A period [from, to) with to before from.
    case reversedRange(table: String, id: String, from: String, to: String)
    /// A value of the wrong type in a column of numbers or dates (SQLite stores any value in
    /// any column): `value` as stored, `expected` a whole number or a date.
    case wrongType(table: String, row: String, column: String, value: String, expected: ValueKind)
    /// The audit log's hash chain is broken: an entry edited, deleted or inserted (`AuditChain`).
    case auditChain(AuditChain.Finding)

    /// One sentence in the user's language.
    public func text(_ language: Language) -> String {
        let da = language == .da
        func date(_ s: String) -> String { Day(iso: s).map { DisplayFormat(language).date($0) } ?? s }
        switch self {
        case .integrity(let line):
            return da ? "SQLites integritetstjek: \(line)" : "SQLite's integrity check: \(line)"
        case .brokenReference(let table, let row, let column, let parent):
            let which = row.map { " \($0)" } ?? ""
            return da ? "\(table)\(which): \(column) henviser til en række i \(parent), som ikke findes"
                      : "\(table)\(which): \(column) refers to a row of \(parent) that does not exist"
        case .placeTwiceOccupied(let residence, let place, let stays, let from):
            let ids = stays.map(String.init).joined(separator: da ? " og " : " and ")
            return da ? "Plads \(place) i \(residence) har to beboere på samme tid fra \(date(from)): ophold \(ids)"
                      : "Place \(place) of \(residence) has two occupants at once from \(date(from)): stays \(ids)"
        case .citizenTwicePlaced(let citizen, let stays, let from):
            let ids = stays.map(String.init).joined(separator: da ? " og " : " and ")
            return da ? "Borger \(citizen) har to ophold på samme tid fra \(date(from)): ophold \(ids)"
                      : "Citizen \(citizen) has two stays at once from \(date(from)): stays \(ids)"
        case .reversedRange(let table, let id, let from, let to):
            let names = ["placement": ("Ophold", "Stay"), "waiting_period": ("Venteperiode", "Waiting period"),
                         "residence": ("Botilbud", "Residence")]
            let name = names[table].map { da ? $0.0 : $0.1 } ?? table
            return da ? "\(name) \(id) slutter \(date(to)), før det begynder \(date(from))"
                      : "\(name) \(id) ends \(date(to)), before it starts \(date(from))"
        case .wrongType(let table, let row, let column, let value, let expected):
            let kind = switch expected {
            case .wholeNumber: da ? "et heltal" : "a whole number"
            case .date: da ? "en dato (åååå-mm-dd)" : "a date (yyyy-mm-dd)"
            }
            return da ? "\(table) \(row): \(column) indeholder \(value), som ikke er \(kind)"
                      : "\(table) \(row): \(column) holds \(value), which is not \(kind)"
        case .auditChain(let finding):
            return da ? "Revisionsloggen: \(finding.message(language))" : "The audit log: \(finding.message(language))"
        }
    }
}

/// What a column should hold, for `CheckFinding.wrongType`.
public enum ValueKind: Sendable, Equatable {
    case wholeNumber, date
}

/// The checks of `placement check`, each a query over one read transaction, so a check runs
/// beside any writer and sees one committed state.
public enum DatabaseCheck {
    public static func run(_ database: PlacementDatabase) throws -> [CheckFinding] {
        // SQLite's integrity check verifies CHECK constraints only on a connection that could
        // write; on a read-only one it skips them. So a database opened `.read` is checked
        // through a writable connection of its own, in a read transaction (query_only): it
        // takes no lock and changes nothing, not even an old schema.
        if database.access == .read, let path = database.path,
           let writable = try? DatabaseQueue(path: path, configuration: PlacementDatabase.configuration()) {
            defer { try? writable.close() }
            return try writable.read { try run($0) }
        }
        return try database.read { try run($0) }
    }

    public static func run(_ db: Database) throws -> [CheckFinding] {
        var findings: [CheckFinding] = []
        findings += try integrity(db)
        findings += try foreignKeys(db)
        findings += try overlappingStays(db)
        findings += try reversedRanges(db)
        findings += try wrongTypes(db)
        findings += try auditChainFindings(db)
        return findings
    }

    static func integrity(_ db: Database) throws -> [CheckFinding] {
        let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check(100)")
        return lines == ["ok"] ? [] : lines.map(CheckFinding.integrity)
    }

    static func foreignKeys(_ db: Database) throws -> [CheckFinding] {
        var columns: [String: [Int: String]] = [:]
        func column(_ table: String, _ fk: Int) throws -> String {
            if columns[table] == nil {
                var byId: [Int: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, \"from\" FROM pragma_foreign_key_list(?) ORDER BY id, seq", arguments: [table]) {
                    let r = RowReader(row, table: "pragma_foreign_key_list")
                    let id: Int = try r.value(0), from: String = try r.value(1)
                    byId[id] = byId[id].map { "\($0), \(from)" } ?? from
                }
                columns[table] = byId
            }
            return columns[table]?[fk] ?? "?"
        }
        return try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
            let r = RowReader(row, table: "foreign_key_check")
            let table: String = try r.value(0), parent: String = try r.value(2), fk: Int = try r.value(3)
            return .brokenReference(table: table, row: try r.optional(1), column: try column(table, fk), parent: parent)
        }
    }

    /// One occupant per place and one stay per citizen at any time: what the schema's
    /// triggers enforce on every insert and update, checked over the whole table.
    static func overlappingStays(_ db: Database) throws -> [CheckFinding] {
        let overlap = "a.starts_on < COALESCE(b.ends_on, '9999-12-31') AND b.starts_on < COALESCE(a.ends_on, '9999-12-31')"
        let places = try Row.fetchAll(db, sql: """
            SELECT a.residence_id, a.place_id, a.id, b.id, max(a.starts_on, b.starts_on) FROM placement a
            JOIN placement b ON b.residence_id = a.residence_id AND b.place_id = a.place_id AND b.id > a.id
            WHERE a.place_id IS NOT NULL AND \(overlap) ORDER BY a.residence_id, a.place_id, a.id, b.id
            """).map { row in
            let r = RowReader(row, table: "placement")
            return CheckFinding.placeTwiceOccupied(residence: try r.value(0), place: try r.value(1),
                                                   stays: [try r.value(2), try r.value(3)], from: try r.value(4))
        }
        let citizens = try Row.fetchAll(db, sql: """
            SELECT a.citizen_id, a.id, b.id, max(a.starts_on, b.starts_on) FROM placement a
            JOIN placement b ON b.citizen_id = a.citizen_id AND b.id > a.id
            WHERE a.citizen_id IS NOT NULL AND \(overlap) ORDER BY a.citizen_id, a.id, b.id
            """).map { row in
            let r = RowReader(row, table: "placement")
            return CheckFinding.citizenTwicePlaced(citizen: try r.value(0), stays: [try r.value(1), try r.value(2)], from: try r.value(3))
        }
        return places + citizens
    }

    static func reversedRanges(_ db: Database) throws -> [CheckFinding] {
        let ranges = [("placement", "id", "starts_on", "ends_on"), ("waiting_period", "id", "since", "until"),
                      ("residence", "id", "opens_on", "closes_on")]
        var findings: [CheckFinding] = []
        for (table, id, from, to) in ranges {
            findings += try Row.fetchAll(db, sql: """
                SELECT CAST(\(id) AS TEXT), \(from), \(to) FROM \(table) WHERE \(to) IS NOT NULL AND \(from) IS NOT NULL AND \(to) < \(from) ORDER BY \(id)
                """).map { row in
                let r = RowReader(row, table: table)
                return CheckFinding.reversedRange(table: table, id: try r.value(0), from: try r.value(1), to: try r.value(2))
            }
        }
        return findings
    }

    /// Values of the wrong type: a text in a column declared INTEGER, or anything but a real
    /// `yyyy-mm-dd` day in a date column (the columns named `*_on`, `since`, `until`,
    /// `available_from`, `as_of`, `needed_by`, `move_in`). The readers refuse such a row with
    /// `StoreError.badRow`; here each is listed, named by the row's key.
    static func wrongTypes(_ db: Database) throws -> [CheckFinding] {
        let dateColumns: Set<String> = ["since", "until", "available_from", "as_of", "needed_by", "move_in"]
        var findings: [CheckFinding] = []
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        for table in tables {
            let columns = try Row.fetchAll(db, sql: "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                .map { row in
                    let r = RowReader(row, table: "pragma_table_info")
                    return (name: try r.value(0) as String, type: (try r.value(1) as String).uppercased(), pk: try r.value(2) as Int)
                }
            let key = columns.filter { $0.pk > 0 }.sorted { $0.pk < $1.pk }.map { "CAST(\"\($0.name)\" AS TEXT)" }
            let keySQL = key.isEmpty ? "CAST(rowid AS TEXT)" : key.joined(separator: " || '/' || ")
            for column in columns {
                let c = "\"\(column.name)\""
                let condition: String, expected: ValueKind
                if column.type.contains("INT") {
                    (condition, expected) = ("typeof(\(c)) NOT IN ('integer', 'null')", .wholeNumber)
                } else if column.name.hasSuffix("_on") || dateColumns.contains(column.name) {
                    // `+0 days` makes SQLite normalise the day (2026-02-30 becomes 2026-03-02).
                    (condition, expected) = ("\(c) IS NOT NULL AND (typeof(\(c)) <> 'text' OR date(\(c), '+0 days') IS NOT \(c))", .date)
                } else {
                    continue
                }
                findings += try Row.fetchAll(db, sql: """
                    SELECT \(keySQL), \(c) FROM "\(table)" WHERE \(condition) ORDER BY 1
                    """).map { row in
                    let r = RowReader(row, table: table)
                    let value: DatabaseValue = try r.value(1)
                    return .wrongType(table: table, row: try r.optional(0) ?? "?", column: column.name,
                                      value: value.description, expected: expected)
                }
            }
        }
        return findings
    }

    /// Each break in the audit log's hash chain.
    static func auditChainFindings(_ db: Database) throws -> [CheckFinding] {
        try AuditChain.verify(db).map(CheckFinding.auditChain)
    }
}
