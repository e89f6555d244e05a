import Foundation
import GRDB
import PlacementModel

/// The database of a planning area: the one place that writes. Every write method is one
/// transaction that leaves the database valid; the schema's constraints guard the rest.
public final class PlacementDatabase: Sendable {
    public let writer: any DatabaseWriter
    public let path: String?
    /// Where the pseudonym key is kept (nil for a database in memory, which keeps its own).
    public let keyLocation: KeyLocation?
    let memoryKey: PseudonymKey?

    init(writer: any DatabaseWriter, path: String?, keyLocation: KeyLocation?, memoryKey: PseudonymKey? = nil) {
        self.writer = writer
        self.path = path
        self.keyLocation = keyLocation
        self.memoryKey = memoryKey
    }

    /// `user` names whoever makes the changes in the audit log.
    static func configuration(user: String = AuditUser.login) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // A report may read while an import writes: wait rather than fail when busy. WAL mode
        // is set once when the file is created and persists in it; asking GRDB to set it at
        // every open would make it create and drop a table each time, changing the file.
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

    /// Opens an existing database, upgrading an older schema in place (from version 3, its key
    /// moves out to the key file at `keys`).
    public static func open(path: String, keys: KeyLocation, user: String = AuditUser.login) throws -> PlacementDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(user: user))
            let isOurs = try queue.read { db in try db.tableExists("citizen") && db.tableExists("residence") }
            guard isOurs else { throw StoreError.notAPlacementDatabase(path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notAPlacementDatabase(path: path)
        }
        let context = MigrationContext(keys: keys, path: path)
        let passed = try queue.write { db in try Schema.upgrade(db, context) }
        if passed.contains(4) { try Migrations.eraseFreedPages(queue) }
        return PlacementDatabase(writer: queue, path: path, keyLocation: keys)
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

    /// Runs `body` in one write transaction: all of it is stored, or none.
    public func write<T>(_ body: (Database) throws -> T) throws -> T { try writer.write(body) }

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
