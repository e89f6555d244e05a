import PlacementModel

/// The hard rules: a citizen fits a place only when none of them fails. Each failure can say
/// in words why ("Lindegården: support level 1-3, citizen needs 5"), for the citizen's family.
public enum FitFailure: Equatable, Sendable, Codable {
    case offerType(residence: OfferType, granted: OfferType)
    case targetGroup(residence: TargetGroups, citizen: TargetGroups)
    case supportLevel(range: ClosedRange<Int>, needs: Int)
    case features(missing: Features)
    case age(range: ClosedRange<Int>, age: Int)
    case excluded
    case tooFar(km: Int, max: Int)
    case closed(on: Day)
    case noVacancy(until: Day)
    case full

    /// The rule's text in the given language.
    public func text(_ language: Language) -> String {
        let da = language == .da
        switch self {
        case .offerType(let r, let g):
            return da ? "tilbudstype \(r.shortName), borgeren er bevilget \(g.shortName)"
                      : "offer type \(r.shortName), citizen granted \(g.shortName)"
        case .targetGroup(let r, let c):
            let rn = r.members.map { $0.name(language) }.joined(separator: ", ")
            let cn = c.members.map { $0.name(language) }.joined(separator: ", ")
            return da ? "målgruppe \(rn), borgerens er \(cn)" : "target group \(rn), citizen's is \(cn)"
        case .supportLevel(let range, let needs):
            return da ? "støtteniveau \(range.lowerBound)-\(range.upperBound), borgeren har brug for \(needs)"
                      : "support level \(range.lowerBound)-\(range.upperBound), citizen needs \(needs)"
        case .features(let missing):
            let m = missing.members.map { $0.name(language) }.joined(separator: ", ")
            return da ? "mangler \(m)" : "lacks \(m)"
        case .age(let range, let age):
            return da ? "alder \(range.lowerBound)-\(range.upperBound), borgeren er \(age)"
                      : "age \(range.lowerBound)-\(range.upperBound), citizen is \(age)"
        case .excluded:
            return da ? "fravalgt af borgeren eller har afvist borgeren" : "excluded (declined by or for the citizen)"
        case .tooFar(let km, let max):
            return da ? "\(km) km fra netværket, højst \(max) km" : "\(km) km from the network, at most \(max) km"
        case .closed(let day):
            return da ? "ikke åbent \(day.danish)" : "not open on \(day.iso)"
        case .noVacancy(let until):
            return da ? "ingen ledig plads inden \(until.danish)" : "no vacancy by \(until.iso)"
        case .full:
            return da ? "ingen ledige pladser" : "no places left"
        }
    }
}

/// Checks of the hard rules, cheapest first.
public enum Fit {
    /// The first rule that rules `residence` out for `citizen` when moving in on `moveIn`, with
    /// `placeFeatures` the place's features (nil: the residence's) and `km` the distance from
    /// the network (nil: unknown, so no distance limit applies); nil when the citizen fits.
    public static func failure(
        _ c: Citizen, _ r: Residence, placeFeatures: Features? = nil, moveIn: Day, km: Int?
    ) -> FitFailure? {
        failure(c, ResidenceTerms(r), excluded: c.excludedResidences.contains(r.id), placeFeatures: placeFeatures,
                moveIn: moveIn, moveInYear: moveIn.year, km: km)
    }

    /// `failure` on a residence's terms, with `excluded` whether the citizen has excluded it and
    /// `moveInYear` the year of `moveIn` (worked out once by the caller, not once per residence).
    static func failure(
        _ c: Citizen, _ r: ResidenceTerms, excluded: Bool, placeFeatures: Features? = nil, moveIn: Day, moveInYear: Int, km: Int?
    ) -> FitFailure? {
        if r.offerType != c.offerType { return .offerType(residence: r.offerType, granted: c.offerType) }
        if !r.targetGroups.overlaps(c.targetGroups) { return .targetGroup(residence: r.targetGroups, citizen: c.targetGroups) }
        if !r.supportLevels.contains(c.supportLevel) { return .supportLevel(range: r.supportLevels, needs: c.supportLevel) }
        let missing = c.requiredFeatures.missing(from: placeFeatures ?? r.features)
        if !missing.isEmpty { return .features(missing: missing) }
        if let range = r.ageRange, let age = c.age(inYear: moveInYear), !range.contains(age) { return .age(range: range, age: age) }
        if excluded { return .excluded }
        if let max = c.maxDistanceKm, let km, km > max { return .tooFar(km: km, max: max) }
        if !Residence.isOpen(on: moveIn, opensOn: r.opensOn, closesOn: r.closesOn) { return .closed(on: moveIn) }
        return nil
    }
}
