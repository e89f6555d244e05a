import Foundation
import GRDB
import PlacementModel

/// The database of a planning area: the one place that writes. Every write method is one
/// transaction that leaves the database valid; the schema's constraints guard the rest.
///
/// The file is in WAL mode, so a command that only reads sees the last committed state at
/// once, whoever is writing; writers take turns, and a writer that finds another at work
/// waits `writeWait` seconds and then says who it is (`DatabaseBusy`).
public final class PlacementDatabase: Sendable {
    /// Reading only (a read-only connection: it cannot take the write lock), or writing too.
    public enum Access: Sendable { case read, write }

    public let writer: any DatabaseWriter
    public let path: String?
    public let access: Access
    /// How long a write waits for another command's write to end before giving up.
    public let writeWait: Double

    init(writer: any DatabaseWriter, path: String?, access: Access = .write, writeWait: Double = 10) {
        self.writer = writer
        self.path = path
        self.access = access
        self.writeWait = writeWait
    }

    static func configuration(readOnly: Bool = false) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        // In WAL mode a reader waits only while SQLite recovers the file after a crash, a
        // moment; writes set their own wait (see `write`). WAL mode is set once when the file
        // is created and persists in it; asking GRDB to set it at every open would make it
        // create and drop a table each time, a write on every open.
        config.busyMode = .timeout(10)
        return config
    }

    /// Creates a new database for the municipalities that plan together.
    public static func create(path: String, planningArea: [Int], language: Language, now: Date = Date()) throws -> PlacementDatabase {
        if FileManager.default.fileExists(atPath: path) { throw StoreError.alreadyExists(path: path) }
        let queue = try DatabaseQueue(path: path, configuration: configuration())
        let db = PlacementDatabase(writer: queue, path: path)
        do {
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.initialise(planningArea: planningArea, language: language, now: now)
        } catch {
            try? queue.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        return db
    }

    /// Opens an existing database. An older schema is upgraded in place, in a write
    /// transaction taken only when an upgrade is needed; opening is otherwise a read.
    public static func open(path: String, access: Access = .write, writeWait: Double = 10) throws -> PlacementDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        var queue: DatabaseQueue
        let version: Int
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: access == .read))
            version = try queue.read { db in
                guard try db.tableExists("citizen") && db.tableExists("residence") else {
                    throw StoreError.notAPlacementDatabase(path: path)
                }
                return try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notAPlacementDatabase(path: path)
        }
        if version > Schema.currentVersion {
            throw StoreError.newerSchema(found: version, supported: Schema.currentVersion)
        }
        if version < Schema.currentVersion {
            // A read-only command upgrades through a connection of its own, then reads.
            let upgrader = access == .write ? queue : try DatabaseQueue(path: path, configuration: configuration())
            // `upgrade` reads the version again inside the transaction: another command may
            // have upgraded the file meanwhile.
            try PlacementDatabase(writer: upgrader, path: path, writeWait: writeWait).write(command: "upgrade") { db in
                _ = try Schema.upgrade(db)
            }
            if upgrader !== queue {
                try upgrader.close()
                // A fresh read-only connection, so that nothing read of the old schema lingers.
                try queue.close()
                queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
            }
        }
        return PlacementDatabase(writer: queue, path: path, access: access, writeWait: writeWait)
    }

    /// A database in memory, for tests and dry runs.
    public static func inMemory(planningArea: [Int], language: Language = .da, now: Date = Date()) throws -> PlacementDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        let db = PlacementDatabase(writer: queue, path: nil)
        try db.initialise(planningArea: planningArea, language: language, now: now)
        return db
    }

    private func initialise(planningArea: [Int], language: Language, now: Date) throws {
        guard !planningArea.isEmpty else { throw StoreError.invalid("A planning area needs at least one municipality.") }
        try writer.write { db in
            try Schema.create(db)
            try Self.insertReferenceData(db)
            for code in planningArea {
                guard ReferenceData.municipalityByCode[code] != nil else {
                    throw StoreError.unknownMunicipality(String(code))
                }
                try db.execute(sql: "INSERT INTO planning_area(municipality_code) VALUES (?)", arguments: [code])
            }
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('language', ?), ('created_at', ?)",
                           arguments: [language.rawValue, Timestamp.utc(now)])
            try db.execute(sql: "INSERT INTO pseudonym_key(id, key) VALUES (1, ?)", arguments: [Self.randomKey()])
            try AuditLog.append(db, command: "init", entity: "database", entityId: "-", action: "create",
                                detail: "planning area \(planningArea.map(String.init).joined(separator: ","))", now: now)
        }
    }

    static func insertReferenceData(_ db: Database) throws {
        for o in OfferType.allCases {
            try db.execute(sql: "INSERT INTO offer_type VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [o.rawValue, o.section, o.hasFreeChoice, o.isResidential, o.danishName, o.englishName])
        }
        for g in TargetGroup.allCases {
            try db.execute(sql: "INSERT INTO target_group VALUES (?, ?, ?, ?)",
                           arguments: [g.rawValue, g.bit, g.danishName, g.englishName])
        }
        for f in Feature.allCases {
            try db.execute(sql: "INSERT INTO feature VALUES (?, ?, ?, ?)",
                           arguments: [f.rawValue, f.bit, f.danishName, f.englishName])
        }
        let m = try db.makeStatement(sql: "INSERT INTO municipality VALUES (?, ?, ?, ?, ?, ?)")
        for x in ReferenceData.municipalities {
            try m.execute(arguments: [x.code, x.name, x.regionCode, x.regionName, x.centroid.latitude, x.centroid.longitude])
        }
        let p = try db.makeStatement(sql: "INSERT INTO postcode VALUES (?, ?, ?, ?, ?, ?)")
        for x in ReferenceData.postcodes {
            try p.execute(arguments: [x.code, x.name, x.point.latitude, x.point.longitude, x.isApproximate, x.municipalityCode])
        }
    }

    private static func randomKey() -> Data {
        var g = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &g) })
    }

    // MARK: Transactions

    /// Runs `body` in one write transaction: all of it is stored, or none. Waits up to `wait`
    /// seconds (default `writeWait`) for another writer to finish, then throws `DatabaseBusy`
    /// naming it. While `body` runs, the note beside the file names `command` as the writer.
    public func write<T>(command: String = "placement", wait: Double? = nil, _ body: (Database) throws -> T) throws -> T {
        let seconds = max(0, wait ?? writeWait)
        return try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = \(Int(seconds * 1000))")
            do {
                try db.beginTransaction(.immediate)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                let language = DatabaseBusy.language(of: db)
                throw DatabaseBusy(command: command, holder: path.flatMap { WriterNote.current(database: $0) },
                                   waitedSeconds: Int(seconds.rounded()), language: language)
            }
            let note = path.flatMap { WriterNote.claim(database: $0, command: command) }
            defer { note?.release() }
            do {
                let result = try body(db)
                try db.commit()
                return result
            } catch {
                if db.isInsideTransaction { try? db.rollback() }
                throw error
            }
        }
    }

    /// Runs `body` in one read transaction: it sees the database as it was when it began,
    /// whatever is written meanwhile, and never waits for a writer.
    public func read<T>(_ body: (Database) throws -> T) throws -> T { try writer.read(body) }

    // MARK: Settings

    public func language() throws -> Language {
        try read { db in
            let raw = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'language'")
            return raw.flatMap(Language.init(rawValue:)) ?? .da
        }
    }

    /// The municipalities planning together, by code.
    public func planningArea() throws -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT municipality_code FROM planning_area ORDER BY 1") }
    }

    /// The secret for keyed pseudonyms of CPR numbers; it never leaves the database.
    public func pseudonymKey(_ db: Database) throws -> Data {
        guard let key = try Data.fetchOne(db, sql: "SELECT key FROM pseudonym_key WHERE id = 1") else {
            throw StoreError.invalid("The database has no pseudonym key.")
        }
        return key
    }

    public func schemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }
}

/// UTC timestamps for the audit log, without a locale.
public enum Timestamp {
    public static func utc(_ date: Date) -> String {
        let s = Int64(date.timeIntervalSince1970.rounded(.down))
        let (days, secs) = (s.floorDiv(86_400), Int(s - s.floorDiv(86_400) * 86_400))
        let day = Day(daysSinceEpoch: Int32(days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso)T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
    }
}

extension Int64 {
    /// Division rounding toward minus infinity (dates before 1970 stay on the right day).
    func floorDiv(_ d: Int64) -> Int64 {
        let (q, r) = quotientAndRemainder(dividingBy: d)
        return r < 0 ? q - 1 : q
    }
}
