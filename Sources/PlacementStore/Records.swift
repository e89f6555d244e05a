import GRDB
import PlacementModel

// Mapping between the domain values and their rows. One place per table, so a column
// rename touches one function.

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { Day(iso: $0) }
    }
}

extension Money {
    init?(ore: Int64?) {
        guard let ore else { return nil }
        self.init(ore: ore)
    }
}

extension Residence {
    static let selectSQL = """
        SELECT id, name, operator, municipality_code, postcode, latitude, longitude, offer_type, target_groups,
               support_level_min, support_level_max, features, age_min, age_max, places, daily_rate_ore,
               variable_daily_cost_ore, opens_on, closes_on
        FROM residence
        """

    init(row r: Row) {
        let ageMin: Int? = r[12], ageMax: Int? = r[13]
        self.init(
            id: r[0], name: r[1], operatorKind: OperatorKind(rawValue: r[2])!, municipalityCode: r[3], postcode: r[4],
            location: Coordinate(latitude: r[5], longitude: r[6]), offerType: OfferType(rawValue: r[7])!,
            targetGroups: TargetGroups(rawValue: r[8]), supportLevels: (r[9] as Int)...(r[10] as Int),
            features: Features(rawValue: r[11]),
            ageRange: (ageMin != nil || ageMax != nil) ? (ageMin ?? 0)...(ageMax ?? 130) : nil,
            places: r[14], dailyRate: Money(ore: r[15] as Int64), variableDailyCost: Money(ore: r[16] as Int64?),
            opensOn: r[17], closesOn: r[18])
    }

    var arguments: StatementArguments {
        [id, name, operatorKind.rawValue, municipalityCode, postcode, location.latitude, location.longitude,
         offerType.rawValue, targetGroups.rawValue, supportLevels.lowerBound, supportLevels.upperBound,
         features.rawValue, ageRange?.lowerBound, ageRange?.upperBound, places, dailyRate.ore,
         variableDailyCost?.ore, opensOn, closesOn]
    }
}

extension Place {
    static let selectSQL = "SELECT residence_id, id, features, status, available_from FROM place"

    init(row r: Row) {
        let f: Int? = r[2]
        self.init(residenceId: r[0], id: r[1], features: f.map(Features.init(rawValue:)),
                  status: PlaceStatus(rawValue: r[3])!, availableFrom: r[4])
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

    init(row r: Row, choices: [String: (preferred: [String], excluded: [String])]) {
        let id: String = r[0]
        self.init(
            id: id, birthYear: r[1], homeMunicipalityCode: r[2], networkPostcode: r[3],
            targetGroups: TargetGroups(rawValue: r[4]), offerType: OfferType(rawValue: r[5])!, supportLevel: r[6],
            requiredFeatures: Features(rawValue: r[7]), status: CitizenStatus(rawValue: r[8])!, referredOn: r[9],
            neededBy: r[10], urgency: Urgency(rawValue: r[11])!, openToMove: r[12],
            agreedDailyRate: Money(ore: r[13] as Int64?), preferredResidences: choices[id]?.preferred ?? [],
            excludedResidences: choices[id]?.excluded ?? [], maxDistanceKm: r[14])
    }

    var arguments: StatementArguments {
        [id, birthYear, homeMunicipalityCode, networkPostcode, targetGroups.rawValue, offerType.rawValue, supportLevel,
         requiredFeatures.rawValue, status.rawValue, referredOn, neededBy, urgency.rawValue, openToMove,
         agreedDailyRate?.ore, maxDistanceKm]
    }
}

extension Placement {
    static let selectSQL = "SELECT citizen_id, residence_id, place_id, starts_on, ends_on, daily_rate_ore FROM placement"

    init(row r: Row) {
        self.init(citizenId: r[0], residenceId: r[1], placeId: r[2],
                  period: DayInterval(from: r[3], to: r[4]), dailyRate: Money(ore: r[5] as Int64?))
    }
}

extension WaitingPeriod {
    static let selectSQL = "SELECT citizen_id, since, until, outcome FROM waiting_period"

    init(row r: Row) {
        let outcome: String? = r[3]
        self.init(citizenId: r[0], period: DayInterval(from: r[1], to: r[2]),
                  outcome: outcome.flatMap(Outcome.init(rawValue:)))
    }
}
