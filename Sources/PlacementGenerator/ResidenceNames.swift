import PlacementModel

/// Plausible Danish names for residences: a word for the kind of offer and a house name
/// drawn from nature and old farm names ("Bostedet Lindegården"). No real addresses and no
/// persons' names; a name already used in the world gets the town added, then a number.
struct ResidenceNames {
    private var used = Set<String>()

    static let houses = [
        "Lindegården", "Engvang", "Solhøj", "Birkely", "Egebakken", "Skovbrynet", "Bøgely", "Ahornhuset",
        "Kastanjegården", "Granly", "Rosenhaven", "Fyrrebakken", "Hybenhaven", "Kildevang", "Åbrinken",
        "Fjordglimt", "Møllebakken", "Højvang", "Elmehøj", "Pilehaven", "Tjørnely", "Lærkereden", "Vibeholm",
        "Solsikken", "Bakkehuset", "Engtoften", "Havebo", "Kløvermarken", "Mosegården", "Nørretoften",
        "Rønnebærhuset", "Skovly", "Solgården", "Spurvehøj", "Strandly", "Søbakken", "Toftegården", "Valmuen",
        "Violen", "Ågården", "Egely", "Fuglsang", "Grønnehave", "Hasselhøj", "Hyldebo", "Lyngbo", "Nattergalen",
        "Bøgebakken", "Kornmarken", "Enghaven", "Stenhuset", "Mølleåen", "Lyngtoften", "Vestervang", "Østerled",
        "Bakkely", "Kirsebærhaven", "Æblehaven", "Vildrosen", "Humlebo", "Højtoft", "Skovgården", "Bækkely",
        "Svanereden", "Tranebo", "Storkereden", "Ravnsbo", "Lindely", "Kildebakken", "Elmely", "Hvedemarken",
    ]

    static func kindWords(_ offer: OfferType, _ op: OperatorKind, specialised: Bool) -> [String] {
        if specialised { return op == .regional ? ["Bo- og behandlingscentret", "Specialbostedet"] : ["Opholdsstedet", "Specialbostedet"] }
        switch offer {
        case .abl105: return ["Bofællesskabet", "Boligerne", "Botilbuddet", "Bostedet"]
        case .sel108: return op == .private ? ["Opholdsstedet", "Bostedet"] : ["Botilbuddet", "Bostedet", "Bocentret"]
        case .sel107: return ["Midlertidigt botilbud", "Overgangsboligerne", "Bostedet"]
        case .sel110: return ["Forsorgshjemmet", "Herberget"]
        case .sel103: return ["Værkstedet", "Produktionshuset"]
        case .sel104: return ["Aktivitetscentret", "Dagtilbuddet", "Værestedet"]
        case .sel85: return ["Bostøtten"]
        }
    }

    static let romans = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

    mutating func name(_ offer: OfferType, _ op: OperatorKind, specialised: Bool, town: String, rng: inout XoshiroRandom) -> String {
        let base = rng.pick(Self.kindWords(offer, op, specialised: specialised)) + " " + rng.pick(Self.houses)
        if used.insert(base).inserted { return base }
        let withTown = "\(base), \(town)"
        if used.insert(withTown).inserted { return withTown }
        var n = 0
        while true {
            let numbered = "\(withTown) \(n < Self.romans.count ? Self.romans[n] : String(n + 2))"
            if used.insert(numbered).inserted { return numbered }
            n += 1
        }
    }
}
