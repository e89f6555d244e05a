import PlacementMatching
import PlacementModel
import PlacementTestSupport

/// A small world for policy tests, built as a MatchInput directly.
struct MatchWorld {
    var asOf = Build.day("2026-11-23")
    var residences: [Residence] = []
    var vacant: [MatchInput.VacantPlace] = []
    var capacity: [String: Int] = [:]
    var waiting: [Citizen] = []
    var stays: [MatchInput.ExternalStay] = []
    var policy = MatchPolicy()

    mutating func own(_ r: Residence, vacant count: Int = 1, from: String? = nil, features: Features? = nil) {
        residences.append(r)
        let day: Day = from.map { Build.day($0) } ?? asOf
        let f: Features = features ?? r.features
        for n in 0..<count {
            vacant.append(MatchInput.VacantPlace(residenceId: r.id, placeId: String(n + 1), features: f, availableFrom: day))
        }
    }

    mutating func external(_ r: Residence, capacity: Int = 5) {
        residences.append(r)
        self.capacity[r.id] = capacity
    }

    var input: MatchInput {
        MatchInput(asOf: asOf, residences: residences, vacantPlaces: vacant, externalCapacity: capacity, waiting: waiting, externalStays: stays)
    }

    func run(_ language: Language = .en) throws -> [String: Proposal] {
        let result = try Matcher(input: input, policy: policy, language: language).run()
        return Dictionary(uniqueKeysWithValues: result.proposals.map { ($0.citizenId, $0) })
    }
}

/// Shorthands: an own residence in Horsens (8700), an external one in Aarhus (8000).
func ownHome(_ id: String, offer: OfferType = .sel108, groups: [TargetGroup] = [.autism], support: ClosedRange<Int> = 1...5,
             features: Features = [], rateKr: Int64 = 2000, variableKr: Int64? = 500, postcode: Int = 8700) -> Residence {
    Build.residence(id, own: true, offer: offer, groups: groups, support: support, features: features, places: 4,
                    rateKr: rateKr, variableKr: variableKr, postcode: postcode)
}

func externalHome(_ id: String, offer: OfferType = .sel108, groups: [TargetGroup] = [.autism], rateKr: Int64 = 2500,
                  postcode: Int = 8000) -> Residence {
    Build.residence(id, own: false, offer: offer, groups: groups, places: 10, rateKr: rateKr, postcode: postcode, municipality: 751)
}
