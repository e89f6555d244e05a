import PlacementModel

/// The kinds of sheet a planner brings (IMPORT.md), in the order they must be loaded so
/// that references resolve: residences before places, places before the citizens placed
/// in them, citizens before their past stays.
public enum SheetKind: String, CaseIterable, Sendable, Comparable, Codable {
    case residences, places, citizens, placements

    public static func < (a: SheetKind, b: SheetKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// Sheet or file names that say the kind, normalised (see `TermReading.key`).
    var names: [String] {
        switch self {
        case .residences: ["residences", "tilbud", "botilbud", "tilbudsliste"]
        case .places: ["places", "pladser"]
        case .citizens: ["citizens", "borgere", "venteliste", "waitinglist", "borger"]
        case .placements: ["placements", "historik", "placeringer", "forløb", "history"]
        }
    }

    public var columns: [Column] {
        switch self {
        case .residences: Column.residences
        case .places: Column.places
        case .citizens: Column.citizens
        case .placements: Column.placements
        }
    }

    /// The kind a sheet or file name says, if any (`Venteliste_uge48.csv` → citizens).
    static func fromName(_ name: String) -> SheetKind? {
        let key = TermReading.key(name)
        for kind in allCases where kind.names.contains(where: { key == $0 || key.hasPrefix($0) }) {
            return kind
        }
        return nil
    }

    /// The kind a header row says: the one whose required columns are all present, the most
    /// specific first (a citizens sheet also has a residence_id column).
    static func fromHeader(_ keys: Set<String>) -> SheetKind? {
        func has(_ name: String) -> Bool {
            Column.named(name, in: Column.all).map { c in c.keys.contains { keys.contains($0) } } ?? false
        }
        if has("citizen_id") && has("left_on") { return .placements }
        if has("citizen_id") { return .citizens }
        if has("place_id") { return .places }
        if has("residence_id") && has("daily_rate") { return .residences }
        return nil
    }
}

/// A column of a sheet kind, with the names a planner's file may use for it: the column
/// lists have one home, `SheetColumns` (PlacementModel), which the generator writes by too.
public typealias Column = SheetColumn

extension SheetColumn {
    static func named(_ name: String, in columns: [Column]) -> Column? { columns.first { $0.name == name } }

    static let all = residences + places + citizens + placements

    static var residences: [Column] { SheetColumns.residences }
    static var places: [Column] { SheetColumns.places }
    static var citizens: [Column] { SheetColumns.citizens }
    static var placements: [Column] { SheetColumns.placements }
}
