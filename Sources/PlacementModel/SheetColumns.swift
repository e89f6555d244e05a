/// A column of one of the sheets a planner brings (IMPORT.md): its English name, the names a
/// planner's file may use for it instead (Danish first, as Danish templates write it), and
/// whether a sheet without it is refused.
public struct SheetColumn: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    public let isRequired: Bool

    init(_ name: String, _ aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.isRequired = required
    }

    /// The header keys that name this column (`TermReading.key` of the name and each alias).
    public var keys: [String] { ([name] + aliases).map { TermReading.key($0) } }

    /// The Danish header used in Danish templates (the first alias).
    public var danishName: String { aliases.first ?? name }
}

/// The columns of each sheet, in the order templates and generated files list them: the one
/// home of their names, which the importer reads by and the generator writes
/// (`placement generate`, seeds/).
public enum SheetColumns {
    public static let residences: [SheetColumn] = [
        SheetColumn("residence_id", ["tilbud_id", "tilbudsnummer", "tilbudsnr"], required: true),
        SheetColumn("name", ["navn", "tilbudsnavn"], required: true),
        SheetColumn("operator", ["driftsherre", "ejerform"], required: true),
        SheetColumn("municipality_code", ["kommunekode", "kommune", "kommunenr"], required: true),
        SheetColumn("postcode", ["postnr", "postnummer"]),
        SheetColumn("latitude", ["breddegrad"]),
        SheetColumn("longitude", ["længdegrad"]),
        SheetColumn("offer_type", ["paragraf", "ydelse", "tilbudstype"], required: true),
        SheetColumn("target_groups", ["målgrupper", "målgruppe"], required: true),
        SheetColumn("support_level_min", ["støtteniveau_fra", "takstniveau_fra"]),
        SheetColumn("support_level_max", ["støtteniveau_til", "takstniveau_til"]),
        SheetColumn("features", ["faciliteter"]),
        SheetColumn("age_min", ["alder_fra"]),
        SheetColumn("age_max", ["alder_til"]),
        SheetColumn("places", ["antal_pladser", "pladser"], required: true),
        SheetColumn("daily_rate", ["døgntakst", "takst"], required: true),
        SheetColumn("variable_daily_cost", ["variabel_døgnudgift"]),
        SheetColumn("opens_on", ["åbner", "åbningsdato"]),
        SheetColumn("closes_on", ["lukker", "lukkedato"]),
    ]

    public static let places: [SheetColumn] = [
        SheetColumn("place_id", ["plads_id", "pladsnummer", "pladsnr"], required: true),
        SheetColumn("residence_id", ["tilbud_id", "tilbudsnummer"], required: true),
        SheetColumn("features", ["faciliteter"]),
        SheetColumn("status", ["status"]),
        SheetColumn("available_from", ["ledig_fra"]),
        SheetColumn("vacancy_confirmed_on", ["ledig_bekræftet", "bekræftet_ledig", "bekræftet"]),
    ]

    /// The citizen's name, which a case system's export may carry: read only to warn that it
    /// is not stored (the planner keeps no names), so no generated file has it.
    public static let citizenName = "name"

    public static let citizens: [SheetColumn] = [
        SheetColumn("citizen_id", ["borger_id", "sagsnummer", "sagsnr", "cpr", "cpr_nr", "cprnummer"], required: true),
        SheetColumn(citizenName, ["navn"]),
        SheetColumn("birth_year", ["fødselsår"]),
        SheetColumn("home_municipality_code", ["handlekommune"]),
        SheetColumn("network_postcode", ["netværk_postnr", "postnr", "netværkspostnr"]),
        SheetColumn("target_groups", ["målgrupper", "målgruppe"], required: true),
        SheetColumn("offer_type", ["bevilget_ydelse", "paragraf", "ydelse"], required: true),
        SheetColumn("support_level", ["støtteniveau", "takstniveau"], required: true),
        SheetColumn("required_features", ["behov", "særlige_behov"]),
        SheetColumn("status", ["status"], required: true),
        SheetColumn("residence_id", ["tilbud_id", "tilbudsnummer"]),
        SheetColumn("place_id", ["plads_id"]),
        SheetColumn("placed_on", ["indflyttet", "indflytningsdato"]),
        SheetColumn("leaves_on", ["fraflytter", "fraflytningsdato"]),
        SheetColumn("daily_rate", ["døgntakst", "individuel_takst"]),
        SheetColumn("referred_on", ["visiteret", "visitationsdato"]),
        SheetColumn("needed_by", ["senest", "behov_senest"]),
        SheetColumn("urgency", ["hastegrad"]),
        SheetColumn("open_to_move", ["ønsker_flytning", "samtykke"]),
        SheetColumn("preferred_residences", ["ønskede_tilbud"]),
        SheetColumn("excluded_residences", ["fravalgte_tilbud"]),
        SheetColumn("max_distance_km", ["maks_afstand_km"]),
        SheetColumn("bridging", ["overgangsophold"]),
    ]

    /// Past stays (an extension of IMPORT.md): history that a current-state export cannot carry.
    public static let placements: [SheetColumn] = [
        SheetColumn("citizen_id", ["borger_id", "sagsnummer", "sagsnr"], required: true),
        SheetColumn("residence_id", ["tilbud_id", "tilbudsnummer"], required: true),
        SheetColumn("place_id", ["plads_id"]),
        SheetColumn("placed_on", ["indflyttet"], required: true),
        SheetColumn("left_on", ["fraflyttet"], required: true),
        SheetColumn("daily_rate", ["døgntakst"]),
        SheetColumn("referred_on", ["visiteret", "visitationsdato"]),
    ]
}
