import PlacementModel

/// A kind of residence the catalogue is drawn from: offer type, who it is for, how much
/// support, which features, how big. Each generated residence is one draw from an archetype.
struct Archetype: Sendable {
    var offer: OfferType
    var groups: [TargetGroup]
    var support: ClosedRange<Int>
    /// Features every residence of this kind has.
    var features: [Feature] = []
    /// Features some have, with the chance.
    var optionalFeatures: [(Feature, Double)] = []
    /// Chance that a residence of this kind is for young adults (18-30) only.
    var youngAdults: Double = 0
    /// Chance that it is for older citizens (50 and up) only.
    var seniors: Double = 0
    var places: ClosedRange<Int>
    /// Residences of this kind in a municipality of size 1 (own), or relative weight (external).
    var weight: Double
    /// Specialised, costly residences (regional and private operators run most of them).
    var specialised = false

    /// The own residences of a Horsens-size municipality (size 1): 39 residences with about
    /// 600 places, mostly supported housing (ABL § 105) and long-term residences (§ 108), some
    /// temporary (§ 107), a shelter (§ 110) and day services (§ 103/104, places = slots).
    static let own: [Archetype] = [
        Archetype(offer: .abl105, groups: [.intellectualDisability], support: 1...3,
                  optionalFeatures: [(.wheelchair, 0.4), (.couples, 0.2), (.pets, 0.2)], places: 10...20, weight: 7),
        Archetype(offer: .abl105, groups: [.intellectualDisability], support: 2...4,
                  optionalFeatures: [(.wheelchair, 0.6)], seniors: 1, places: 8...14, weight: 1),
        Archetype(offer: .abl105, groups: [.intellectualDisability, .physicalDisability], support: 3...5,
                  features: [.wheelchair], places: 12...22, weight: 3),
        Archetype(offer: .abl105, groups: [.autism], support: 1...3,
                  optionalFeatures: [(.pets, 0.2)], youngAdults: 0.5, places: 8...16, weight: 3),
        Archetype(offer: .abl105, groups: [.mentalIllness], support: 1...3,
                  optionalFeatures: [(.pets, 0.3), (.couples, 0.1)], places: 10...20, weight: 5),
        Archetype(offer: .abl105, groups: [.mentalIllness, .dualDiagnosis, .substanceAbuse], support: 2...4,
                  places: 10...16, weight: 2),
        Archetype(offer: .abl105, groups: [.acquiredBrainInjury, .physicalDisability], support: 2...4,
                  features: [.wheelchair], places: 8...14, weight: 1),
        Archetype(offer: .sel108, groups: [.intellectualDisability], support: 3...5,
                  features: [.wheelchair], places: 12...24, weight: 3),
        Archetype(offer: .sel108, groups: [.autism, .intellectualDisability], support: 3...5,
                  optionalFeatures: [(.shielded, 0.5)], places: 8...16, weight: 2),
        Archetype(offer: .sel108, groups: [.mentalIllness], support: 3...5,
                  optionalFeatures: [(.shielded, 0.3)], places: 10...18, weight: 2),
        Archetype(offer: .sel108, groups: [.acquiredBrainInjury], support: 3...5,
                  features: [.wheelchair], places: 8...16, weight: 1),
        Archetype(offer: .sel108, groups: [.dualDiagnosis, .mentalIllness], support: 4...5,
                  features: [.shielded], places: 6...10, weight: 1, specialised: true),
        Archetype(offer: .sel107, groups: [.mentalIllness, .substanceAbuse, .dualDiagnosis], support: 2...4,
                  places: 8...14, weight: 2),
        Archetype(offer: .sel107, groups: [.intellectualDisability, .autism], support: 1...4,
                  youngAdults: 1, places: 6...12, weight: 1),
        Archetype(offer: .sel110, groups: [.homelessness, .substanceAbuse, .mentalIllness], support: 1...3,
                  optionalFeatures: [(.couples, 0.4), (.pets, 0.4)], places: 18...28, weight: 1),
        Archetype(offer: .sel103, groups: [.intellectualDisability, .mentalIllness, .autism], support: 1...3,
                  places: 25...40, weight: 1),
        Archetype(offer: .sel104, groups: [.intellectualDisability, .physicalDisability, .acquiredBrainInjury],
                  support: 1...5, features: [.wheelchair], places: 20...40, weight: 2),
        Archetype(offer: .sel104, groups: [.mentalIllness], support: 1...3, places: 20...30, weight: 1),
    ]

    /// The kinds a new own residence under construction is drawn from.
    static var ownNewBuild: [Archetype] { own.filter { ($0.offer == .abl105 || $0.offer == .sel108) && $0.seniors == 0 } }

    /// The external catalogue: other municipalities', regions' and private operators'
    /// residences; weights are shares of the catalogue.
    static let external: [Archetype] = [
        Archetype(offer: .abl105, groups: [.intellectualDisability], support: 1...3,
                  optionalFeatures: [(.wheelchair, 0.4), (.couples, 0.15)], places: 8...24, weight: 10),
        Archetype(offer: .abl105, groups: [.mentalIllness], support: 1...3,
                  optionalFeatures: [(.pets, 0.25)], places: 8...20, weight: 8),
        Archetype(offer: .abl105, groups: [.autism], support: 1...4, youngAdults: 0.4, places: 6...16, weight: 5),
        Archetype(offer: .sel108, groups: [.intellectualDisability, .physicalDisability], support: 3...5,
                  features: [.wheelchair], places: 10...30, weight: 8),
        Archetype(offer: .sel108, groups: [.autism, .intellectualDisability], support: 3...5,
                  optionalFeatures: [(.shielded, 0.25)], places: 8...24, weight: 7),
        Archetype(offer: .sel108, groups: [.mentalIllness], support: 3...5,
                  optionalFeatures: [(.shielded, 0.2), (.pets, 0.1)], places: 10...30, weight: 7),
        Archetype(offer: .sel108, groups: [.acquiredBrainInjury], support: 3...5,
                  features: [.wheelchair], places: 8...20, weight: 4),
        Archetype(offer: .sel108, groups: [.autism], support: 4...5,
                  features: [.shielded], places: 4...12, weight: 2, specialised: true),
        Archetype(offer: .sel108, groups: [.mentalIllness, .dualDiagnosis, .substanceAbuse], support: 4...5,
                  features: [.shielded], places: 6...16, weight: 2, specialised: true),
        Archetype(offer: .sel107, groups: [.mentalIllness, .dualDiagnosis, .substanceAbuse], support: 2...5,
                  places: 8...24, weight: 8),
        Archetype(offer: .sel107, groups: [.intellectualDisability, .autism], support: 1...4,
                  youngAdults: 0.6, places: 6...14, weight: 4),
        Archetype(offer: .sel107, groups: [.acquiredBrainInjury], support: 2...5,
                  features: [.wheelchair], places: 8...18, weight: 3),
        Archetype(offer: .sel110, groups: [.homelessness, .substanceAbuse, .mentalIllness], support: 1...3,
                  optionalFeatures: [(.couples, 0.3), (.pets, 0.3)], places: 20...60, weight: 4),
        Archetype(offer: .sel103, groups: [.intellectualDisability, .mentalIllness, .autism], support: 1...3,
                  places: 20...50, weight: 3),
        Archetype(offer: .sel104, groups: [.intellectualDisability, .autism, .acquiredBrainInjury], support: 1...5,
                  optionalFeatures: [(.wheelchair, 0.6)], places: 15...40, weight: 4),
    ]
}

/// How long stays last and how long a place stands empty between them, by offer type.
/// Long-term housing turns over 10-15 % a year; temporary places and shelters much faster.
enum StayPattern {
    /// Mean length of a stay in days.
    static func meanStay(_ offer: OfferType) -> Double {
        switch offer {
        case .abl105: 2_600
        case .sel108: 2_900
        case .sel107: 330
        case .sel110: 150
        case .sel103, .sel104: 1_800
        case .sel85: 1_000
        }
    }

    /// Shortest stay in days.
    static func minStay(_ offer: OfferType) -> Int {
        switch offer {
        case .sel110: 3
        case .sel107: 30
        default: 60
        }
    }

    /// The range of days a place stands empty between two occupants.
    static func gap(_ offer: OfferType) -> ClosedRange<Int> {
        switch offer {
        case .abl105, .sel108: 7...100
        case .sel107: 2...40
        case .sel110: 0...10
        case .sel103, .sel104, .sel85: 5...60
        }
    }

    /// Chance that a current stay has a planned move-out in the coming 1-8 weeks.
    static func plannedMoveOut(_ offer: OfferType) -> Double {
        switch offer {
        case .abl105, .sel108: 0.015
        case .sel107: 0.25
        case .sel110: 0.35
        case .sel103, .sel104, .sel85: 0.02
        }
    }

    /// Longest stay: 30 years (a citizen's age must fit the residence at both ends).
    static let maxStayDays = 30 * 365
}
