import GRDB
import PlacementModel

// Mapping between the domain values and their rows. One place per table, so a column
// rename touches one function.

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        guard case .string(let text) = dbValue.storage else { return String.fromDatabaseValue(dbValue).flatMap { Day(iso: $0) } }
        return storedForm(text) ?? Day(iso: text)
    }

    /// `yyyy-mm-dd` of ten ASCII digits and dashes read straight from the bytes, nil for anything
    /// else (then `Day(iso:)` decides): the same day `Day(iso:)` gives, without its splitting,
    /// which was a quarter of `placement status` and a twentieth of `match` at national scale.
    static func storedForm(_ text: String) -> Day? {
        text.utf8.withContiguousStorageIfAvailable(storedForm) ?? nil
    }

    /// `storedForm` of text's UTF-8 bytes (as SQLite hands them out).
    static func storedForm(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                n = n * 10 + d
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

extension Money {
    init?(ore: Int64?) {
        guard let ore else { return nil }
        self.init(ore: ore)
    }
}

/// Reads the columns of one row into domain values, checking each against what the model
/// allows. The schema's CHECKs keep bad rows out, but a file edited with the sqlite3 shell (with
/// `PRAGMA ignore_check_constraints`) or with damaged pages can still hold them: reading such a
/// row throws `StoreError.badRow` naming table, row and column instead of trapping. Every read
/// of a row by position goes through here (GRDB's own subscripts trap on a value of the wrong
/// type; `SourceLintTests` forbids them in `Sources/`).
public struct RowReader {
    let row: Row
    let table: String
    /// The row's business key, for the message (the `keyColumn`, the first unless told).
    let key: String

    /// `table`: where the row comes from, as the message names it; `keyColumn`: the column that
    /// names the row (a text or a number).
    public init(_ row: Row, table: String, keyColumn: Int = 0) {
        self.row = row
        self.table = table
        let shown: DatabaseValue = keyColumn < row.count ? row[keyColumn] : .null
        switch shown.storage {
        case .string(let s): key = s
        case .int64(let n): key = "\(n)"
        default: key = "?"
        }
    }

    public var count: Int { row.count }

    func column(_ i: Int) -> String { i < row.count ? Array(row.columnNames)[i] : "#\(i)" }

    public func bad(_ i: Int, _ problem: String) -> StoreError {
        StoreError.badRow(table: table, key: key, column: column(i), problem: problem)
    }

    /// The value, or `badRow` when the column is NULL where it may not be or of the wrong type.
    /// An optional `T` takes NULL.
    public func value<T: DatabaseValueConvertible>(_ i: Int, _ type: T.Type = T.self) throws -> T {
        do { return try row.decode(T.self, atIndex: i) } catch { throw bad(i, "\(shown(i)) is not \(Self.kind(T.self))") }
    }

    public func optional<T: DatabaseValueConvertible>(_ i: Int, _ type: T.Type = T.self) throws -> T? {
        do { return try row.decode(T?.self, atIndex: i) } catch { throw bad(i, "\(shown(i)) is not \(Self.kind(T.self))") }
    }

    public func int(_ i: Int, _ range: ClosedRange<Int>) throws -> Int {
        let n = try value(i, Int.self)
        guard range.contains(n) else { throw bad(i, "\(n) is not from \(range.lowerBound) to \(range.upperBound)") }
        return n
    }

    public func optionalInt(_ i: Int, _ range: ClosedRange<Int>) throws -> Int? {
        guard let n = try optional(i, Int.self) else { return nil }
        guard range.contains(n) else { throw bad(i, "\(n) is not from \(range.lowerBound) to \(range.upperBound)") }
        return n
    }

    public func day(_ i: Int) throws -> Day {
        let d = try value(i, Day.self)
        guard d.isSupported else { throw bad(i, "\(d.iso) \(Day.unsupportedPhrase(.en))") }
        return d
    }

    public func optionalDay(_ i: Int) throws -> Day? {
        guard let d = try optional(i, Day.self) else { return nil }
        guard d.isSupported else { throw bad(i, "\(d.iso) \(Day.unsupportedPhrase(.en))") }
        return d
    }

    /// An amount in øre (a sum or a yearly cost, not bounded like a daily rate).
    public func money(_ i: Int) throws -> Money { Money(ore: try value(i, Int64.self)) }

    public func optionalMoney(_ i: Int) throws -> Money? { try optional(i, Int64.self).map { Money(ore: $0) } }

    /// A daily rate or cost in øre: 0 to `Money.maximumDailyRate`.
    public func dailyRate(_ i: Int) throws -> Money? {
        guard let ore = try optional(i, Int64.self) else { return nil }
        guard (0...Money.maximumDailyRate.ore).contains(ore) else {
            throw bad(i, "\(ore) øre is not a daily rate from 0 to \(Money.maximumDailyRate.ore) øre")
        }
        return Money(ore: ore)
    }

    public func term<T: RawRepresentable>(_ i: Int, _ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try value(i, String.self)
        guard let t = T(rawValue: raw) else { throw bad(i, "\"\(raw)\" is not a known value") }
        return t
    }

    /// What a column of this type should hold, in words.
    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Day.Type, is Day?.Type: "a date"
        case is Int.Type, is Int64.Type, is Int?.Type, is Int64?.Type: "a whole number"
        case is Double.Type, is Double?.Type: "a number"
        case is Bool.Type, is Bool?.Type: "0 or 1"
        default: "a text"
        }
    }

    /// The value as it is stored, for the message (a date or number, never a name: the
    /// columns checked here hold no personal data).
    func shown(_ i: Int) -> String {
        guard i < row.count else { return "a missing column" }
        let v: DatabaseValue = row[i]  // a DatabaseValue subscript cannot trap
        return v.description  // NULL, 42, 4.5 or "text" (quoted)
    }
}

extension Residence {
    static let selectSQL = """
        SELECT id, name, operator, municipality_code, postcode, latitude, longitude, offer_type, target_groups,
               support_level_min, support_level_max, features, age_min, age_max, places, daily_rate_ore,
               variable_daily_cost_ore, opens_on, closes_on
        FROM residence
        """

    init(row: Row) throws {
        let r = RowReader(row, table: "residence")
        let levelMin = try r.int(9, 1...5), levelMax = try r.int(10, 1...5)
        guard levelMin <= levelMax else { throw r.bad(10, "\(levelMax) is below support_level_min \(levelMin)") }
        let ageMin = try r.optionalInt(12, 0...130), ageMax = try r.optionalInt(13, 0...130)
        if let ageMin, let ageMax, ageMin > ageMax { throw r.bad(13, "\(ageMax) is below age_min \(ageMin)") }
        guard let rate = try r.dailyRate(15) else { throw r.bad(15, "NULL is not a daily rate") }
        let opens = try r.optionalDay(17), closes = try r.optionalDay(18)
        self.init(
            id: try r.value(0), name: try r.value(1), operatorKind: try r.term(2, OperatorKind.self), municipalityCode: try r.value(3),
            postcode: try r.optional(4), location: Coordinate(latitude: try r.value(5), longitude: try r.value(6)),
            offerType: try r.term(7, OfferType.self), targetGroups: TargetGroups(rawValue: try r.value(8)), supportLevels: levelMin...levelMax,
            features: Features(rawValue: try r.value(11)),
            ageRange: (ageMin != nil || ageMax != nil) ? (ageMin ?? 0)...(ageMax ?? 130) : nil,
            places: try r.int(14, 0...Residence.maximumPlaces), dailyRate: rate, variableDailyCost: try r.dailyRate(16),
            opensOn: opens, closesOn: closes)
    }

    var arguments: StatementArguments {
        [id, name, operatorKind.rawValue, municipalityCode, postcode, location.latitude, location.longitude,
         offerType.rawValue, targetGroups.rawValue, supportLevels.lowerBound, supportLevels.upperBound,
         features.rawValue, ageRange?.lowerBound, ageRange?.upperBound, places, dailyRate.ore,
         variableDailyCost?.ore, opensOn, closesOn]
    }
}

extension Residence {
    /// The most places one residence may have in the database: far above any real residence,
    /// low enough that places × days × rates stay exact.
    static let maximumPlaces = 100_000
}

extension Place {
    static let selectSQL = "SELECT residence_id, id, features, status, available_from FROM place"

    init(row: Row) throws {
        let r = RowReader(row, table: "place")
        let f: Int? = try r.optional(2)
        self.init(residenceId: try r.value(0), id: try r.value(1), features: f.map(Features.init(rawValue:)),
                  status: try r.term(3, PlaceStatus.self), availableFrom: try r.optionalDay(4))
    }

    var arguments: StatementArguments { [residenceId, id, features?.rawValue, status.rawValue, availableFrom] }
}

extension Citizen {
    static let selectSQL = """
        SELECT id, birth_year, home_municipality_code, network_postcode, target_groups, offer_type, support_level,
               required_features, status, referred_on, needed_by, urgency, open_to_move, agreed_daily_rate_ore,
               max_distance_km
        FROM citizen
        """

    init(row: Row, choices: [String: (preferred: [String], excluded: [String])]) throws {
        let r = RowReader(row, table: "citizen")
        let id: String = try r.value(0)
        let supported = Day.supported.lowerBound.year...Day.supported.upperBound.year
        self.init(
            id: id, birthYear: try r.optionalInt(1, supported), homeMunicipalityCode: try r.value(2), networkPostcode: try r.optional(3),
            targetGroups: TargetGroups(rawValue: try r.value(4)), offerType: try r.term(5, OfferType.self), supportLevel: try r.int(6, 1...5),
            requiredFeatures: Features(rawValue: try r.value(7)), status: try r.term(8, CitizenStatus.self), referredOn: try r.optionalDay(9),
            neededBy: try r.optionalDay(10), urgency: try r.term(11, Urgency.self), openToMove: try r.value(12),
            agreedDailyRate: try r.dailyRate(13), preferredResidences: choices[id]?.preferred ?? [],
            excludedResidences: choices[id]?.excluded ?? [], maxDistanceKm: try r.optional(14))
    }

    var arguments: StatementArguments {
        [id, birthYear, homeMunicipalityCode, networkPostcode, targetGroups.rawValue, offerType.rawValue, supportLevel,
         requiredFeatures.rawValue, status.rawValue, referredOn, neededBy, urgency.rawValue, openToMove,
         agreedDailyRate?.ore, maxDistanceKm]
    }
}

extension Placement {
    static let selectSQL = "SELECT citizen_id, residence_id, place_id, starts_on, ends_on, daily_rate_ore FROM placement"

    /// A stay; `offset` skips leading columns (the row id of `Placements.current`).
    init(row: Row, offset k: Int = 0) throws {
        let r = RowReader(row, table: "placement")
        let from = try r.day(k + 3), to = try r.optionalDay(k + 4)
        if let to, to < from { throw r.bad(k + 4, "\(to.iso) is before starts_on \(from.iso)") }
        self.init(citizenId: try r.optional(k + 0), residenceId: try r.value(k + 1), placeId: try r.optional(k + 2),
                  period: DayInterval(from: from, to: to), dailyRate: try r.dailyRate(k + 5))
    }
}

extension WaitingPeriod {
    static let selectSQL = "SELECT citizen_id, since, until, outcome FROM waiting_period"

    init(row: Row) throws {
        let r = RowReader(row, table: "waiting_period")
        let from = try r.day(1), to = try r.optionalDay(2)
        if let to, to < from { throw r.bad(2, "\(to.iso) is before since \(from.iso)") }
        let outcome: String? = try r.optional(3)
        self.init(citizenId: try r.value(0), period: DayInterval(from: from, to: to),
                  outcome: outcome.flatMap(Outcome.init(rawValue:)))
    }
}
