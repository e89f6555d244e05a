/// The legal basis of an offer (DOMAIN.md): the granted offer type decides where a citizen
/// may be placed, and the planner never places anyone in a different one.
public enum OfferType: String, DomainTerm, Codable {
    case sel85 = "SEL85"
    case abl105 = "ABL105"
    case sel107 = "SEL107"
    case sel108 = "SEL108"
    case sel110 = "SEL110"
    case sel103 = "SEL103"
    case sel104 = "SEL104"

    /// The section number as written in the law, used to read `§ 108`, `108`, `ABL § 105`.
    public var section: Int {
        switch self {
        case .sel85: 85
        case .abl105: 105
        case .sel107: 107
        case .sel108: 108
        case .sel110: 110
        case .sel103: 103
        case .sel104: 104
        }
    }

    /// Free choice of residence (SEL § 108 stk. 2, ABL § 105) applies; not to § 107.
    public var hasFreeChoice: Bool { self == .sel108 || self == .abl105 }

    /// Residential offers (24-hour places), as opposed to support at home and day services.
    public var isResidential: Bool { self == .abl105 || self == .sel107 || self == .sel108 || self == .sel110 }

    public var danishName: String {
        switch self {
        case .sel85: "SEL § 85 socialpædagogisk støtte"
        case .abl105: "ABL § 105 almen bolig med støtte"
        case .sel107: "SEL § 107 midlertidigt botilbud"
        case .sel108: "SEL § 108 længerevarende botilbud"
        case .sel110: "SEL § 110 forsorgshjem"
        case .sel103: "SEL § 103 beskyttet beskæftigelse"
        case .sel104: "SEL § 104 aktivitets- og samværstilbud"
        }
    }

    public var englishName: String {
        switch self {
        case .sel85: "SEL § 85 support at home"
        case .abl105: "ABL § 105 supported housing"
        case .sel107: "SEL § 107 temporary residence"
        case .sel108: "SEL § 108 long-term residence"
        case .sel110: "SEL § 110 shelter"
        case .sel103: "SEL § 103 sheltered employment"
        case .sel104: "SEL § 104 day service"
        }
    }

    /// The short code shown in tables (`§ 108`, `ABL § 105`).
    public var shortName: String { self == .abl105 ? "ABL § 105" : "§ \(section)" }
}
