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
    /// Where the pseudonym key is kept (nil for a database in memory, which keeps its own).
    public let keyLocation: KeyLocation?
    let memoryKey: PseudonymKey?

    init(writer: any DatabaseWriter, path: String?, access: Access = .write, writeWait: Double = 10,
         keyLocation: KeyLocation?, memoryKey: PseudonymKey? = nil) {
        self.writer = writer
        self.path = path
        self.access = access
        self.writeWait = writeWait
        self.keyLocation = keyLocation
        self.memoryKey = memoryKey
    }

    /// `user` names whoever makes the changes in the audit log.
    static func configuration(readOnly: Bool = false, user: String = AuditUser.login) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        // In WAL mode a reader waits only while SQLite recovers the file after a crash, a
        // moment; writes set their own wait (see `write`). WAL mode is set once when the file
        // is created and persists in it; asking GRDB to set it at every open would make it
        // create and drop a table each time, a write on every open.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in db.add(function: AuditUser.function(user)) }
        return config
    }

    /// Creates a new database for the municipalities that plan together, with a new pseudonym
    /// key written to its key file at `keys` (never into the database). The file and its WAL
    /// are readable by their owner only.
    public static func create(path: String, planningArea: [Int], language: Language, keys: KeyLocation,
                              user: String = AuditUser.login, now: Date = Date()) throws -> PlacementDatabase {
        if FileManager.default.fileExists(atPath: path) { throw StoreError.alreadyExists(path: path) }
        let id = DatabaseFile.newId(), key = PseudonymKey.random()
        let keyURL = keys.url(databaseId: id)
        try KeyFile(databaseId: id, key: key).write(to: keyURL)
        do {
            try DatabaseFile.createPrivate(path)
        } catch {
            try? FileManager.default.removeItem(at: keyURL)
            throw error
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(user: user))
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(at: keyURL)
            throw error
        }
        let db = PlacementDatabase(writer: queue, path: path, keyLocation: keys)
        do {
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.initialise(planningArea: planningArea, language: language, id: id, key: key, now: now)
        } catch {
            try? queue.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            try? FileManager.default.removeItem(at: keyURL)
            throw error
        }
        return db
    }

    /// Opens an existing database. An older schema is upgraded in place, in a write
    /// transaction taken only when an upgrade is needed (from version 3, its key moves out to
    /// the key file at `keys`); opening is otherwise a read.
    public static func open(path: String, keys: KeyLocation, user: String = AuditUser.login,
                            access: Access = .write, writeWait: Double = 10) throws -> PlacementDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        // Copies left beside the database by a dry run or restore that was killed.
        WorkingCopies.removeStale(beside: path)
        var queue: DatabaseQueue
        let version: Int
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: access == .read, user: user))
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
            let upgrader = access == .write ? queue : try DatabaseQueue(path: path, configuration: configuration(user: user))
            // `upgrade` reads the version again inside the transaction: another command may
            // have upgraded the file meanwhile.
            let context = MigrationContext(keys: keys, path: path)
            let passed = try PlacementDatabase(writer: upgrader, path: path, writeWait: writeWait, keyLocation: keys)
                .write(command: "upgrade") { db in try Schema.upgrade(db, context) }
            if passed.contains(4) { try Migrations.eraseFreedPages(upgrader) }
            if upgrader !== queue {
                try upgrader.close()
                // A fresh read-only connection, so that nothing read of the old schema lingers.
                try queue.close()
                queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true, user: user))
            }
        }
        return PlacementDatabase(writer: queue, path: path, access: access, writeWait: writeWait, keyLocation: keys)
    }

    /// A database in memory, for tests and dry runs; it keeps `key` (none: a database whose
    /// key is not on this computer).
    public static func inMemory(planningArea: [Int], language: Language = .da, now: Date = Date(),
                                key: PseudonymKey? = PseudonymKey.random(), user: String = AuditUser.login) throws -> PlacementDatabase {
        let queue = try DatabaseQueue(configuration: configuration(user: user))
        let db = PlacementDatabase(writer: queue, path: nil, keyLocation: nil, memoryKey: key)
        try db.initialise(planningArea: planningArea, language: language, id: DatabaseFile.newId(), key: key ?? .random(), now: now)
        return db
    }

    private func initialise(planningArea: [Int], language: Language, id: String, key: PseudonymKey, now: Date) throws {
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
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('language', ?), ('created_at', ?), ('database_id', ?), ('key_check', ?)",
                           arguments: [language.rawValue, Timestamp.utc(now), id, key.check(databaseId: id)])
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
