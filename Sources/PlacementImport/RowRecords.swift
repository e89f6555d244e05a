import Foundation
import PlacementModel
import PlacementStore
import Spreadsheet

/// A citizens-sheet row: the citizen and, when placed, where.
struct CitizenRecord {
    var citizen: Citizen
    var residenceId: String?
    var placeId: String?
    var placedOn: Day?
    var leavesOn: Day?
    var dailyRate: Money?
    /// The `bridging` column: whether the stay is a bridge (overgangsophold); nil when the
    /// column is absent or empty, and a placed citizen's granted offer type decides.
    var bridging: Bool? = nil
}

/// A past stay from a placements (history) sheet: the row the generator writes.
typealias HistoryRecord = PastStayRow

/// Turning rows into domain values, with every rule of IMPORT.md that one row can check.
enum RowRecords {
    static func residence(_ f: inout RowFields) -> Residence? {
        let w = f.words, fmt = w.format
        let id = f.text("residence_id")
        if id == nil { f.error("residence_id", w.requiredEmpty) }
        let name = f.text("name")
        if name == nil { f.error("name", w.requiredEmpty) }
        let op = f.required("operator", CellParsing.operatorKind)
        let municipality = f.required("municipality_code", CellParsing.municipality)
        let postcode = f.optional("postcode", CellParsing.postcode)
        let lat = f.optional("latitude") { CellParsing.coordinate($0, 54...58, w.aLatitude) }
        let lon = f.optional("longitude") { CellParsing.coordinate($0, 8...16, w.aLongitude) }
        let offer = f.required("offer_type", CellParsing.offerType)
        let groups = f.required("target_groups", CellParsing.targetGroups)
        let sMin = f.optional("support_level_min") { CellParsing.integer($0, 1...5, w.aSupportLevel) } ?? 1
        let sMax = f.optional("support_level_max") { CellParsing.integer($0, 1...5, w.aSupportLevel) } ?? 5
        let features = f.optional("features", CellParsing.features) ?? []
        let ageMin = f.optional("age_min") { CellParsing.integer($0, 0...130, w.anAge) }
        let ageMax = f.optional("age_max") { CellParsing.integer($0, 0...130, w.anAge) }
        let places = f.required("places") { CellParsing.integer($0, 0...100_000, w.aNumberOfPlaces) }
        let rate = f.required("daily_rate", CellParsing.money)
        let variable = f.optional("variable_daily_cost", CellParsing.money)
        let opens = f.optional("opens_on", CellParsing.date)
        let closes = f.optional("closes_on", CellParsing.date)

        if sMin > sMax {
            f.error("support_level_max", w.below(f.columnName("support_level_min"), String(sMin)), value: String(sMax))
        }
        if let a = ageMin, let b = ageMax, a > b { f.error("age_max", w.below(f.columnName("age_min"), String(a)), value: String(b)) }
        if let o = opens, let c = closes, c <= o { f.error("closes_on", w.notAfter(f.columnName("opens_on"), fmt.date(o)), value: fmt.date(c)) }
        if let r = rate, let v = variable, v > r {
            f.warning("variable_daily_cost", w.aboveDailyRate(fmt.kroner(r)), value: fmt.kronerNumber(v))
        }
        var location: Coordinate?
        if let lat, let lon { location = Coordinate(latitude: lat, longitude: lon) }
        else if let pc = postcode { location = ReferenceData.postcodeByCode[pc]?.point }
        if location == nil && postcode == nil && !f.hasErrors {
            f.error("postcode", w.needsPostcodeOrCoordinates)
        }
        if let pc = postcode, let m = municipality, let p = ReferenceData.postcodeByCode[pc], p.municipalityCode != m, op == .own {
            f.warning("postcode", w.liesInMunicipality(p.municipalityCode, m), value: String(pc))
        }
        guard !f.hasErrors, let id, let name, let op, let municipality, let offer, let groups, let places, let rate, let location else { return nil }
        return Residence(
            id: id, name: name, operatorKind: op, municipalityCode: municipality, postcode: postcode, location: location,
            offerType: offer, targetGroups: groups, supportLevels: sMin...sMax, features: features,
            ageRange: (ageMin != nil || ageMax != nil) ? (ageMin ?? 0)...(ageMax ?? 130) : nil,
            places: places, dailyRate: rate, variableDailyCost: variable, opensOn: opens, closesOn: closes)
    }

    static func place(_ f: inout RowFields) -> Place? {
        let w = f.words
        let id = f.text("place_id")
        if id == nil { f.error("place_id", w.requiredEmpty) }
        let residence = f.text("residence_id")
        if residence == nil { f.error("residence_id", w.requiredEmpty) }
        let features = f.optional("features", CellParsing.features)
        let status = f.optional("status", CellParsing.placeStatus) ?? .vacant
        let from = f.optional("available_from", CellParsing.date)
        guard !f.hasErrors, let id, let residence else { return nil }
        return Place(residenceId: residence, id: id, features: features, status: status, availableFrom: from)
    }

    /// `defaultMunicipality` is the planning area's when it has one municipality.
    static func citizen(_ f: inout RowFields, key: PseudonymKey?, defaultMunicipality: Int?, asOf: Day) -> CitizenRecord? {
        let w = f.words, fmt = w.format
        let id = f.citizenId(key: key)
        let birth = f.optional("birth_year") { CellParsing.integer($0, 1900...asOf.year, w.aBirthYear) }
        var home = f.optional("home_municipality_code", CellParsing.municipality)
        if home == nil && f.isEmpty("home_municipality_code") {
            home = defaultMunicipality
            if home == nil {
                f.error("home_municipality_code", w.homeMunicipalityNeeded)
            }
        }
        let network = f.optional("network_postcode", CellParsing.postcode)
        let groups = f.required("target_groups", CellParsing.targetGroups)
        let offer = f.required("offer_type", CellParsing.offerType)
        let level = f.required("support_level") { CellParsing.integer($0, 1...5, w.aSupportLevel) }
        let needs = f.optional("required_features", CellParsing.features) ?? []
        let status = f.required("status", CellParsing.citizenStatus)
        let residence = f.text("residence_id")
        let place = f.text("place_id")
        let placedOn = f.optional("placed_on", CellParsing.date)
        let leavesOn = f.optional("leaves_on", CellParsing.date)
        let rate = f.optional("daily_rate", CellParsing.money)
        let referred = f.optional("referred_on", CellParsing.date)
        let neededBy = f.optional("needed_by", CellParsing.date)
        let urgency = f.optional("urgency", CellParsing.urgency) ?? .normal
        let openToMove = f.optional("open_to_move", CellParsing.bool) ?? false
        let preferred = CellParsing.list(f.cell("preferred_residences"))
        let excluded = CellParsing.list(f.cell("excluded_residences"))
        let maxKm = f.optional("max_distance_km") { CellParsing.integer($0, 1...1000, w.aDistance) }
        let bridging = f.optional("bridging", CellParsing.bool)
        if bridging == true, let status, status != .placed {
            f.error("bridging", w.language == .da
                ? "er ja, men en borger i overgangsophold bor i et tilbud, mens ventetiden løber: status skal være placeret"
                : "is yes, but a bridging citizen lives in a residence while waiting: the status must be placed", value: f.cell("bridging").text)
        }

        switch status {
        case .waiting:
            if referred == nil && f.isEmpty("referred_on") { f.error("referred_on", w.waitingNeedsReferral) }
            if let r = referred, r > asOf { f.error("referred_on", w.afterImportDate(fmt.date(asOf)), value: fmt.date(r)) }
        case .placed:
            if residence == nil { f.error("residence_id", w.placedNeedsResidence) }
            if placedOn == nil && f.isEmpty("placed_on") { f.error("placed_on", w.placedNeedsMoveIn) }
            if let p = placedOn, let l = leavesOn, l <= p { f.error("leaves_on", w.notAfter(f.columnName("placed_on"), fmt.date(p)), value: fmt.date(l)) }
            if let r = referred, let p = placedOn, r > p { f.error("referred_on", w.after(f.columnName("placed_on"), fmt.date(p)), value: fmt.date(r)) }
        case .left:
            break
        case nil:
            break
        }
        if let n = neededBy, let r = referred, n < r { f.warning("needed_by", w.neededByBeforeReferral, value: fmt.date(n)) }
        guard !f.hasErrors, let id, let home, let groups, let offer, let level, let status else { return nil }
        let citizen = Citizen(
            id: id, birthYear: birth, homeMunicipalityCode: home, networkPostcode: network, targetGroups: groups,
            offerType: offer, supportLevel: level, requiredFeatures: needs, status: status, referredOn: referred,
            neededBy: neededBy, urgency: urgency, openToMove: openToMove, agreedDailyRate: rate,
            preferredResidences: preferred.uniqued(), excludedResidences: excluded.uniqued(), maxDistanceKm: maxKm)
        return CitizenRecord(citizen: citizen, residenceId: status == .placed ? residence : nil,
                             placeId: status == .placed ? place : nil, placedOn: placedOn, leavesOn: leavesOn, dailyRate: rate,
                             bridging: bridging)
    }

    static func history(_ f: inout RowFields, key: PseudonymKey?) -> HistoryRecord? {
        let w = f.words, fmt = w.format
        let id = f.citizenId(key: key)
        let residence = f.text("residence_id")
        if residence == nil { f.error("residence_id", w.requiredEmpty) }
        let place = f.text("place_id")
        let placedOn = f.required("placed_on", CellParsing.date)
        let leftOn = f.required("left_on", CellParsing.date)
        let rate = f.optional("daily_rate", CellParsing.money)
        let referred = f.optional("referred_on", CellParsing.date)
        if let p = placedOn, let l = leftOn, l <= p { f.error("left_on", w.notAfter(f.columnName("placed_on"), fmt.date(p)), value: fmt.date(l)) }
        if let p = placedOn, let r = referred, r > p { f.error("referred_on", w.after(f.columnName("placed_on"), fmt.date(p)), value: fmt.date(r)) }
        guard !f.hasErrors, let id, let residence, let placedOn, let leftOn else { return nil }
        return HistoryRecord(citizenId: id, residenceId: residence, placeId: place, placedOn: placedOn, leftOn: leftOn,
                             dailyRate: rate, referredOn: referred)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
