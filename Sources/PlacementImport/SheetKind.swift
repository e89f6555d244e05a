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

/// A column of a sheet kind, with the names a planner's file may use for it.
public struct Column: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    public let isRequired: Bool

    init(_ name: String, _ aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.isRequired = required
    }

    var keys: [String] { ([name] + aliases).map { TermReading.key($0) } }

    /// The Danish header used in Danish templates (the first alias).
    public var danishName: String { aliases.first ?? name }

    static func named(_ name: String, in columns: [Column]) -> Column? { columns.first { $0.name == name } }

    static let all = residences + places + citizens + placements

    static let residences: [Column] = [
        Column("residence_id", ["tilbud_id", "tilbudsnummer", "tilbudsnr"], required: true),
        Column("name", ["navn", "tilbudsnavn"], required: true),
        Column("operator", ["driftsherre", "ejerform"], required: true),
        Column("municipality_code", ["kommunekode", "kommune", "kommunenr"], required: true),
        Column("postcode", ["postnr", "postnummer"]),
        Column("latitude", ["breddegrad"]),
        Column("longitude", ["længdegrad"]),
        Column("offer_type", ["paragraf", "ydelse", "tilbudstype"], required: true),
        Column("target_groups", ["målgrupper", "målgruppe"], required: true),
        Column("support_level_min", ["støtteniveau_fra", "takstniveau_fra"]),
        Column("support_level_max", ["støtteniveau_til", "takstniveau_til"]),
        Column("features", ["faciliteter"]),
        Column("age_min", ["alder_fra"]),
        Column("age_max", ["alder_til"]),
        Column("places", ["antal_pladser", "pladser"], required: true),
        Column("daily_rate", ["døgntakst", "takst"], required: true),
        Column("variable_daily_cost", ["variabel_døgnudgift"]),
        Column("opens_on", ["åbner", "åbningsdato"]),
        Column("closes_on", ["lukker", "lukkedato"]),
    ]

    static let places: [Column] = [
        Column("place_id", ["plads_id", "pladsnummer", "pladsnr"], required: true),
        Column("residence_id", ["tilbud_id", "tilbudsnummer"], required: true),
        Column("features", ["faciliteter"]),
        Column("status", ["status"]),
        Column("available_from", ["ledig_fra"]),
        Column("vacancy_confirmed_on", ["ledig_bekræftet", "bekræftet_ledig", "bekræftet"]),
    ]

    static let citizens: [Column] = [
        Column("citizen_id", ["borger_id", "sagsnummer", "sagsnr", "cpr", "cpr_nr", "cprnummer"], required: true),
        Column("name", ["navn"]),
        Column("birth_year", ["fødselsår"]),
        Column("home_municipality_code", ["handlekommune"]),
        Column("network_postcode", ["netværk_postnr", "postnr", "netværkspostnr"]),
        Column("target_groups", ["målgrupper", "målgruppe"], required: true),
        Column("offer_type", ["bevilget_ydelse", "paragraf", "ydelse"], required: true),
        Column("support_level", ["støtteniveau", "takstniveau"], required: true),
        Column("required_features", ["behov", "særlige_behov"]),
        Column("status", ["status"], required: true),
        Column("residence_id", ["tilbud_id", "tilbudsnummer"]),
        Column("place_id", ["plads_id"]),
        Column("placed_on", ["indflyttet", "indflytningsdato"]),
        Column("leaves_on", ["fraflytter", "fraflytningsdato"]),
        Column("daily_rate", ["døgntakst", "individuel_takst"]),
        Column("referred_on", ["visiteret", "visitationsdato"]),
        Column("needed_by", ["senest", "behov_senest"]),
        Column("urgency", ["hastegrad"]),
        Column("open_to_move", ["ønsker_flytning", "samtykke"]),
        Column("preferred_residences", ["ønskede_tilbud"]),
        Column("excluded_residences", ["fravalgte_tilbud"]),
        Column("max_distance_km", ["maks_afstand_km"]),
        Column("bridging", ["overgangsophold"]),
    ]

    /// Past stays (an extension of IMPORT.md): history that a current-state export cannot carry.
    static let placements: [Column] = [
        Column("citizen_id", ["borger_id", "sagsnummer", "sagsnr"], required: true),
        Column("residence_id", ["tilbud_id", "tilbudsnummer"], required: true),
        Column("place_id", ["plads_id"]),
        Column("placed_on", ["indflyttet"], required: true),
        Column("left_on", ["fraflyttet"], required: true),
        Column("daily_rate", ["døgntakst"]),
        Column("referred_on", ["visiteret", "visitationsdato"]),
    ]
}
