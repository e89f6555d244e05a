import GRDB

/// The schema of a placement database: created from `schema.sql` (compiled into the
/// program), or upgraded step by step from an older version by frozen migrations.
public enum Schema {
    /// The text of `schema.sql`, the one source of truth for a new database.
    public static var sql: String { String(decoding: PackageResources.schema_sql, as: UTF8.self) }

    /// The version a new database gets; read from `schema.sql`'s `PRAGMA user_version`. Every
    /// command that opens a database asks it, so the file is searched as bytes: split into
    /// `Character`s it cost 10 M instructions, a twentieth of `placement status`.
    public static let currentVersion: Int = {
        let prefix = Array("PRAGMA user_version".utf8)
        for line in PackageResources.schema_sql.split(separator: UInt8(ascii: "\n")) where line.starts(with: prefix) {
            let digits = line.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            if let v = Int(String(decoding: digits, as: UTF8.self)) { return v }
        }
        fatalError("schema.sql has no PRAGMA user_version line")
    }()

    /// Creates the schema in an empty database.
    static func create(_ db: Database) throws {
        try db.execute(sql: sql)
    }

    /// Brings a database to the current version, or refuses one made by a newer program.
    /// Returns the versions it passed through (empty when already current).
    @discardableResult
    static func upgrade(_ db: Database, _ context: MigrationContext = MigrationContext()) throws -> [Int] {
        var version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > currentVersion {
            throw StoreError.newerSchema(found: version, supported: currentVersion)
        }
        var passed: [Int] = []
        while version < currentVersion {
            guard let step = Migrations.steps[version] else {
                throw StoreError.invalid("No migration from schema version \(version).")
            }
            try step(db, context)
            version += 1
            try db.execute(sql: "PRAGMA user_version = \(version)")
            passed.append(version)
        }
        return passed
    }
}
