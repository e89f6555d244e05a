import PlacementModel

/// A column that a sheet does not have says nothing about the field: the stored value stays.
/// Only a column that is there and empty clears a field. Without this, next week's export
/// with one column fewer (or a header that no longer matches) would wipe that field for
/// every row already in the database.
extension Residence {
    /// This residence as read from a row, with the fields of columns absent from the sheet
    /// taken from `stored`.
    func keeping(_ stored: Residence, absent map: ColumnMap) -> Residence {
        var r = self
        let has = map.has
        if !has("postcode") { r.postcode = stored.postcode }
        if !(has("latitude") && has("longitude")) && r.postcode == stored.postcode {
            // Coordinates given once stay until a file gives others or the postcode moves.
            r.location = stored.location
        }
        let low = has("support_level_min") ? r.supportLevels.lowerBound : stored.supportLevels.lowerBound
        let high = has("support_level_max") ? r.supportLevels.upperBound : stored.supportLevels.upperBound
        if low <= high { r.supportLevels = low...high }
        if !has("features") { r.features = stored.features }
        if !has("age_min") || !has("age_max") {
            let given = ageBounds(self.ageRange)
            let kept = ageBounds(stored.ageRange)
            let a = has("age_min") ? given.min : kept.min, b = has("age_max") ? given.max : kept.max
            if a == nil && b == nil { r.ageRange = nil } else if (a ?? 0) <= (b ?? 130) { r.ageRange = (a ?? 0)...(b ?? 130) }
        }
        if !has("variable_daily_cost") { r.variableDailyCost = stored.variableDailyCost }
        if !has("opens_on") { r.opensOn = stored.opensOn }
        if !has("closes_on") { r.closesOn = stored.closesOn }
        return r
    }

    /// The bounds a range was made from (RowRecords writes 0 and 130 for an open end).
    private func ageBounds(_ range: ClosedRange<Int>?) -> (min: Int?, max: Int?) {
        guard let range else { return (nil, nil) }
        return (range.lowerBound == 0 ? nil : range.lowerBound, range.upperBound == 130 ? nil : range.upperBound)
    }
}

extension Citizen {
    /// This citizen as read from a row, with the fields of absent columns taken from `stored`.
    func keeping(_ stored: Citizen, absent map: ColumnMap) -> Citizen {
        var c = self
        let has = map.has
        if !has("birth_year") { c.birthYear = stored.birthYear }
        if !has("home_municipality_code") { c.homeMunicipalityCode = stored.homeMunicipalityCode }
        if !has("network_postcode") { c.networkPostcode = stored.networkPostcode }
        if !has("required_features") { c.requiredFeatures = stored.requiredFeatures }
        if !has("referred_on") { c.referredOn = stored.referredOn }
        if !has("needed_by") { c.neededBy = stored.neededBy }
        if !has("urgency") { c.urgency = stored.urgency }
        if !has("open_to_move") { c.openToMove = stored.openToMove }
        if !has("daily_rate") { c.agreedDailyRate = stored.agreedDailyRate }
        if !has("preferred_residences") { c.preferredResidences = stored.preferredResidences }
        if !has("excluded_residences") { c.excludedResidences = stored.excludedResidences }
        if !has("max_distance_km") { c.maxDistanceKm = stored.maxDistanceKm }
        return c
    }
}

extension Place {
    /// This place as read from a row, with the fields of absent columns taken from `stored`.
    func keeping(_ stored: Place, absent map: ColumnMap) -> Place {
        var p = self
        if !map.has("features") { p.features = stored.features }
        if !map.has("status") { p.status = stored.status }
        if !map.has("available_from") { p.availableFrom = stored.availableFrom }
        return p
    }
}
