import Foundation
import GRDB
import PlacementModel

// Reads and writes of each table, as functions on an open transaction. The engines compose
// them inside one `PlacementDatabase.write` so that a whole command is all or nothing.

public enum Residences {
    public static func all(_ db: Database) throws -> [Residence] {
        try Row.fetchAll(db, sql: Residence.selectSQL + " ORDER BY id").map { try Residence(row: $0) }
    }

    /// Every residence, one at a time, without holding all their rows at once.
    public static func forEach(_ db: Database, _ body: (Residence) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: Residence.selectSQL)
        while let row = try rows.next() { try body(try Residence(row: row)) }
    }

    /// Every residence's name by its id: what pages print beside an id a planner would not
    /// recognise alone. A value of the wrong type is `StoreError.badRow`, not a stop.
    public static func names(_ db: Database) throws -> [String: String] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM residence").map { row in
            let r = RowReader(row, table: "residence")
            return (try r.value(0, String.self), try r.value(1, String.self))
        }, uniquingKeysWith: { a, _ in a })
    }

    public static func find(_ db: Database, id: String) throws -> Residence? {
        try Row.fetchOne(db.cachedStatement(sql: Residence.selectSQL + " WHERE id = ?"), arguments: [id]).map { try Residence(row: $0) }
    }

    public static func insert(_ db: Database, _ r: Residence) throws {
        try db.cachedStatement(sql: "INSERT INTO residence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: r.arguments)
    }

    public static func update(_ db: Database, _ r: Residence) throws {
        var args = r.arguments
        _ = args.append(contentsOf: [r.id])
        try db.cachedStatement(sql: """
            UPDATE residence SET id = ?, name = ?, operator = ?, municipality_code = ?, postcode = ?, latitude = ?,
              longitude = ?, offer_type = ?, target_groups = ?, support_level_min = ?, support_level_max = ?, features = ?,
              age_min = ?, age_max = ?, places = ?, daily_rate_ore = ?, variable_daily_cost_ore = ?, opens_on = ?, closes_on = ?
            WHERE id = ?
            """).execute(arguments: args)
    }
}

public enum Places {
    public static func all(_ db: Database) throws -> [Place] {
        try Row.fetchAll(db, sql: Place.selectSQL + " ORDER BY residence_id, id").map { try Place(row: $0) }
    }

    public static func of(_ db: Database, residenceId: String) throws -> [Place] {
        try Row.fetchAll(db, sql: Place.selectSQL + " WHERE residence_id = ? ORDER BY id", arguments: [residenceId])
            .map { try Place(row: $0) }
    }

    public static func find(_ db: Database, residenceId: String, id: String) throws -> Place? {
        try Row.fetchOne(db.cachedStatement(sql: Place.selectSQL + " WHERE residence_id = ? AND id = ?"), arguments: [residenceId, id])
            .map { try Place(row: $0) }
    }

    public static func insert(_ db: Database, _ p: Place) throws {
        try db.cachedStatement(sql: "INSERT INTO place(residence_id, id, features, status, available_from) VALUES (?, ?, ?, ?, ?)").execute(arguments: p.arguments)
    }

    public static func update(_ db: Database, _ p: Place) throws {
        try db.cachedStatement(sql: """
            UPDATE place SET features = ?, status = ?, available_from = ? WHERE residence_id = ? AND id = ?
            """).execute(arguments: [p.features?.rawValue, p.status.rawValue, p.availableFrom, p.residenceId, p.id])
    }

    /// Anonymous places `1`...`n` for a residence imported without a places sheet.
    public static func anonymousIds(count: Int) -> [String] { (0..<count).map { String($0 + 1) } }
}

public enum Citizens {
    public static func all(_ db: Database) throws -> [Citizen] {
        let choices = try Self.choices(db)
        return try Row.fetchAll(db, sql: Citizen.selectSQL + " ORDER BY id").map { try Citizen(row: $0, choices: choices) }
    }

    /// The citizens with the given ids (those that exist), by id; a match reads a few thousand of a
    /// national world's hundred thousand citizens.
    public static func withIds(_ db: Database, _ ids: some Sequence<String>) throws -> [Citizen] {
        let list = try String(decoding: JSONEncoder().encode(Array(Set(ids)).sorted()), as: UTF8.self)
        let choices = try Self.choices(db, amongJSON: list)
        return try Row.fetchAll(db, sql: Citizen.selectSQL + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                                arguments: [list]).map { try Citizen(row: $0, choices: choices) }
    }

    public static func find(_ db: Database, id: String) throws -> Citizen? {
        let choices = try Self.choices(db, citizenId: id)
        return try Row.fetchOne(db.cachedStatement(sql: Citizen.selectSQL + " WHERE id = ?"), arguments: [id])
            .map { try Citizen(row: $0, choices: choices) }
    }

    /// The residence choices of one citizen, of the citizens in a JSON array of ids, or of all.
    static func choices(_ db: Database, citizenId: String? = nil, amongJSON ids: String? = nil) throws -> [String: (preferred: [String], excluded: [String])] {
        var out: [String: (preferred: [String], excluded: [String])] = [:]
        let filter = citizenId != nil ? " WHERE citizen_id = ?" : ids != nil ? " WHERE citizen_id IN (SELECT value FROM json_each(?))" : ""
        let sql = "SELECT citizen_id, residence_id, choice FROM citizen_residence_choice" + filter + " ORDER BY citizen_id, choice, rank"
        let arguments: StatementArguments = citizenId.map { [$0] } ?? ids.map { [$0] } ?? []
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments) {
            let r = RowReader(row, table: "citizen_residence_choice")
            let id: String = try r.value(0), res: String = try r.value(1), choice: String = try r.value(2)
            if choice == "preferred" { out[id, default: ([], [])].preferred.append(res) } else {
                out[id, default: ([], [])].excluded.append(res)
            }
        }
        return out
    }

    public static func insert(_ db: Database, _ c: Citizen) throws {
        let s = try db.cachedStatement(sql: "INSERT INTO citizen VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        s.bind(1, c.id); s.bind(2, c.birthYear); s.bind(3, c.homeMunicipalityCode); s.bind(4, c.networkPostcode)
        s.bind(5, Int(c.targetGroups.rawValue)); s.bind(6, c.offerType.rawValue); s.bind(7, c.supportLevel)
        s.bind(8, Int(c.requiredFeatures.rawValue)); s.bind(9, c.status.rawValue); s.bind(10, c.referredOn)
        s.bind(11, c.neededBy); s.bind(12, c.urgency.rawValue); s.bind(13, c.openToMove)
        s.bind(14, c.agreedDailyRate?.ore); s.bind(15, c.maxDistanceKm)
        try s.runBound()
        try writeChoices(db, c)
    }

    public static func update(_ db: Database, _ c: Citizen) throws {
        var args = c.arguments
        _ = args.append(contentsOf: [c.id])
        try db.cachedStatement(sql: """
            UPDATE citizen SET id = ?, birth_year = ?, home_municipality_code = ?, network_postcode = ?, target_groups = ?,
              offer_type = ?, support_level = ?, required_features = ?, status = ?, referred_on = ?, needed_by = ?,
              urgency = ?, open_to_move = ?, agreed_daily_rate_ore = ?, max_distance_km = ?
            WHERE id = ?
            """).execute(arguments: args)
        try db.cachedStatement(sql: "DELETE FROM citizen_residence_choice WHERE citizen_id = ?").execute(arguments: [c.id])
        try writeChoices(db, c)
    }

    /// Adds one residence to the citizen's exclusions (after a decline), keeping the order.
    public static func exclude(_ db: Database, citizenId: String, residenceId: String, reason: String) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO citizen_residence_choice(citizen_id, residence_id, choice, rank, reason)
            VALUES (?, ?, 'excluded', (SELECT COALESCE(MAX(rank), 0) + 1 FROM citizen_residence_choice
                                       WHERE citizen_id = ? AND choice = 'excluded'), ?)
            """, arguments: [citizenId, residenceId, citizenId, reason])
    }

    public static func setStatus(_ db: Database, id: String, _ status: CitizenStatus) throws {
        try db.execute(sql: "UPDATE citizen SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
    }

    private static func writeChoices(_ db: Database, _ c: Citizen) throws {
        guard !c.preferredResidences.isEmpty || !c.excludedResidences.isEmpty else { return }
        let stmt = try db.cachedStatement(sql: "INSERT INTO citizen_residence_choice(citizen_id, residence_id, choice, rank) VALUES (?, ?, ?, ?)")
        for (i, r) in c.preferredResidences.enumerated() { try stmt.execute(arguments: [c.id, r, "preferred", i + 1]) }
        for (i, r) in c.excludedResidences.enumerated() { try stmt.execute(arguments: [c.id, r, "excluded", i + 1]) }
    }
}

public enum Placements {
    public static func all(_ db: Database) throws -> [Placement] {
        try Row.fetchAll(db, sql: Placement.selectSQL + " ORDER BY starts_on, id").map { try Placement(row: $0) }
    }

    /// Who lived where on `day`.
    public static func on(_ db: Database, _ day: Day) throws -> [Placement] {
        try Row.fetchAll(db, sql: Placement.selectSQL + " WHERE starts_on <= ? AND (ends_on IS NULL OR ends_on > ?) ORDER BY residence_id, place_id, citizen_id",
                         arguments: [day, day]).map { try Placement(row: $0) }
    }

    public static func of(_ db: Database, citizenId: String) throws -> [Placement] {
        try Row.fetchAll(db, sql: Placement.selectSQL + " WHERE citizen_id = ? ORDER BY starts_on", arguments: [citizenId])
            .map { try Placement(row: $0) }
    }

    /// The citizen's stay that has not ended (possibly with a planned move-out), if any.
    public static func current(_ db: Database, citizenId: String) throws -> (id: Int64, placement: Placement)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, citizen_id, residence_id, place_id, starts_on, ends_on, daily_rate_ore FROM placement WHERE citizen_id = ? ORDER BY starts_on DESC LIMIT 1"),
                         arguments: [citizenId]).map { r in
            (try RowReader(r, table: "placement").value(0), try Placement(row: r, offset: 1))
        }
    }

    @discardableResult
    public static func insert(_ db: Database, _ p: Placement) throws -> Int64 {
        let s = try db.cachedStatement(sql: "INSERT INTO placement(citizen_id, residence_id, place_id, starts_on, ends_on, daily_rate_ore) VALUES (?, ?, ?, ?, ?, ?)")
        s.bind(1, p.citizenId); s.bind(2, p.residenceId); s.bind(3, p.placeId)
        s.bind(4, p.period.from); s.bind(5, p.period.to); s.bind(6, p.dailyRate?.ore)
        try s.runBound()
        return db.lastInsertedRowID
    }

    public static func setEnd(_ db: Database, id: Int64, endsOn: Day?) throws {
        try db.cachedStatement(sql: "UPDATE placement SET ends_on = ? WHERE id = ?").execute(arguments: [endsOn, id])
    }

    public static func update(_ db: Database, id: Int64, _ p: Placement) throws {
        try db.cachedStatement(sql: "UPDATE placement SET citizen_id = ?, residence_id = ?, place_id = ?, starts_on = ?, ends_on = ?, daily_rate_ore = ? WHERE id = ?")
            .execute(arguments: [p.citizenId, p.residenceId, p.placeId, p.period.from, p.period.to, p.dailyRate?.ore, id])
    }

    /// Places of `residenceId` with no stay overlapping `[from, to)`, in id order.
    public static func freePlaces(_ db: Database, residenceId: String, from: Day, to: Day?) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT id FROM place pl WHERE residence_id = ? AND status <> 'closed' AND NOT EXISTS (
                SELECT 1 FROM placement p WHERE p.residence_id = pl.residence_id AND p.place_id = pl.id
                  AND p.starts_on < COALESCE(?, '9999-12-31') AND ? < COALESCE(p.ends_on, '9999-12-31'))
            ORDER BY length(id), id
            """, arguments: [residenceId, to, from])
    }
}

public enum WaitingPeriods {
    public static func all(_ db: Database) throws -> [WaitingPeriod] {
        try Row.fetchAll(db, sql: WaitingPeriod.selectSQL + " ORDER BY since, id").map { try WaitingPeriod(row: $0) }
    }

    /// Who was waiting on `day`.
    public static func on(_ db: Database, _ day: Day) throws -> [WaitingPeriod] {
        try Row.fetchAll(db, sql: WaitingPeriod.selectSQL + " WHERE \(waitingOnSQL(nil)) ORDER BY since, citizen_id",
                         arguments: [day]).map { try WaitingPeriod(row: $0) }
    }

    public static func open(_ db: Database, citizenId: String) throws -> (id: Int64, since: Day)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, since FROM waiting_period WHERE citizen_id = ? AND until IS NULL"), arguments: [citizenId])
            .map { r in let rr = RowReader(r, table: "waiting_period"); return (try rr.value(0), try rr.day(1)) }
    }

    public static func insert(_ db: Database, _ w: WaitingPeriod) throws {
        let s = try db.cachedStatement(sql: "INSERT INTO waiting_period(citizen_id, since, until, outcome) VALUES (?, ?, ?, ?)")
        s.bind(1, w.citizenId); s.bind(2, w.period.from); s.bind(3, w.period.to); s.bind(4, w.outcome?.rawValue)
        try s.runBound()
    }

    public static func close(_ db: Database, id: Int64, on day: Day, outcome: WaitingPeriod.Outcome) throws {
        try db.cachedStatement(sql: "UPDATE waiting_period SET until = ?, outcome = ? WHERE id = ?")
            .execute(arguments: [day, outcome.rawValue, id])
    }

    public static func setSince(_ db: Database, id: Int64, _ day: Day) throws {
        try db.cachedStatement(sql: "UPDATE waiting_period SET since = ? WHERE id = ?").execute(arguments: [day, id])
    }
}
