import Foundation
import PlacementModel
import PlacementStore

/// Small worlds for tests: an in-memory database of a planning area and builders that
/// default everything a test does not care about.
public enum Build {
    public static func day(_ iso: String) -> Day { Day(iso: iso)! }

    public static func database(area: [Int] = [615], language: Language = .da) throws -> PlacementDatabase {
        try PlacementDatabase.inMemory(planningArea: area, language: language, now: Date(timeIntervalSince1970: 1_795_000_000))
    }

    public static func residence(
        _ id: String, own: Bool = true, offer: OfferType = .sel108, groups: [TargetGroup] = [.autism],
        support: ClosedRange<Int> = 1...5, features: Features = [], places: Int = 2, rateKr: Int64 = 2000,
        variableKr: Int64? = nil, postcode: Int = 8700, municipality: Int = 615, opens: String? = nil, closes: String? = nil
    ) -> Residence {
        Residence(
            id: id, name: "Bosted \(id)", operatorKind: own ? .own : .private, municipalityCode: municipality, postcode: postcode,
            location: ReferenceData.postcodeByCode[postcode]!.point, offerType: offer, targetGroups: TargetGroups(groups),
            supportLevels: support, features: features, places: places, dailyRate: Money(kroner: rateKr),
            variableDailyCost: variableKr.map { Money(kroner: $0) }, opensOn: opens.map(day), closesOn: closes.map(day))
    }

    public static func citizen(
        _ id: String, status: CitizenStatus = .waiting, offer: OfferType = .sel108, groups: [TargetGroup] = [.autism],
        support: Int = 3, referred: String? = "2026-01-05", urgency: Urgency = .normal, network: Int? = 8700
    ) -> Citizen {
        Citizen(id: id, homeMunicipalityCode: 615, networkPostcode: network, targetGroups: TargetGroups(groups),
                offerType: offer, supportLevel: support, status: status, referredOn: referred.map(day), urgency: urgency)
    }
}
