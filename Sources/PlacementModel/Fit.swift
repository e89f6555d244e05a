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

/// The hard rules, in one place: the matcher, the capacity plan's simulation, strategic
/// vacancy and the import's profile check all ask here. Checked cheapest first; the first rule
/// that fails is the one a citizen's explanation names.
public enum Fit {
    /// What the first rules ask of a citizen: citizens share a few such profiles, so a caller
    /// may list the residences that admit a profile once (see `admits`).
    public struct Profile: Hashable, Sendable {
        public let offerType: OfferType
        public let targetGroups: TargetGroups
        public let supportLevel: Int

        public init(offerType: OfferType, targetGroups: TargetGroups, supportLevel: Int) {
            self.offerType = offerType
            self.targetGroups = targetGroups
            self.supportLevel = supportLevel
        }

        public init(_ c: Citizen) { self.init(offerType: c.offerType, targetGroups: c.targetGroups, supportLevel: c.supportLevel) }
    }

    /// Whether a residence's offer type, target groups and support levels admit `profile`.
    public static func admits(_ r: ResidenceTerms, _ profile: Profile) -> Bool { profileFailure(r, profile) == nil }

    /// Whether `r` admits `profile` and has every one of `requiredFeatures` (in `placeFeatures`,
    /// nil: the residence's): the rules that hold for a whole stay, for a generator that has
    /// no citizen yet.
    public static func admits(_ r: ResidenceTerms, _ profile: Profile, requiredFeatures: Features, placeFeatures: Features? = nil) -> Bool {
        admits(r, profile) && requiredFeatures.missing(from: placeFeatures ?? r.features).isEmpty
    }

    /// Whether the age rule of `r` admits someone born in `birthYear` in every year of `years`
    /// (ages only grow, so the first and the last year decide).
    public static func admitsAge(_ r: ResidenceTerms, birthYear: Int, years: ClosedRange<Int>) -> Bool {
        guard let range = r.ageRange else { return true }
        return range.contains(years.lowerBound - birthYear) && range.contains(years.upperBound - birthYear)
    }

    /// The first of the offer type, target group and support level rules that fails.
    static func profileFailure(_ r: ResidenceTerms, _ p: Profile) -> FitFailure? {
        if r.offerType != p.offerType { return .offerType(residence: r.offerType, granted: p.offerType) }
        if !r.targetGroups.overlaps(p.targetGroups) { return .targetGroup(residence: r.targetGroups, citizen: p.targetGroups) }
        if !r.supportLevels.contains(p.supportLevel) { return .supportLevel(range: r.supportLevels, needs: p.supportLevel) }
        return nil
    }

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
    /// Without a `moveIn` the rules of the day (age at move-in, open on the day) count as met:
    /// whether a residence could ever take the citizen.
    public static func failure(
        _ c: Citizen, _ r: ResidenceTerms, excluded: Bool, placeFeatures: Features? = nil, moveIn: Day?, moveInYear: Int, km: Int?
    ) -> FitFailure? {
        if let f = profileFailure(r, Profile(c)) { return f }
        let missing = c.requiredFeatures.missing(from: placeFeatures ?? r.features)
        if !missing.isEmpty { return .features(missing: missing) }
        if moveIn != nil, let range = r.ageRange, let age = c.age(inYear: moveInYear), !range.contains(age) {
            return .age(range: range, age: age)
        }
        if excluded { return .excluded }
        if let max = c.maxDistanceKm, let km, km > max { return .tooFar(km: km, max: max) }
        if let moveIn, !Residence.isOpen(on: moveIn, opensOn: r.opensOn, closesOn: r.closesOn) { return .closed(on: moveIn) }
        return nil
    }

    /// Every rule of the citizen's profile (offer type, target group, support level, age in
    /// `year`) that a stay in `r` breaks: a case system may place a citizen where the rules
    /// would not, and the import says so.
    public static func profileFailures(_ c: Citizen, _ r: Residence, year: Int) -> [FitFailure] {
        let t = ResidenceTerms(r)
        var out: [FitFailure] = []
        if t.offerType != c.offerType { out.append(.offerType(residence: t.offerType, granted: c.offerType)) }
        if !t.targetGroups.overlaps(c.targetGroups) { out.append(.targetGroup(residence: t.targetGroups, citizen: c.targetGroups)) }
        if !t.supportLevels.contains(c.supportLevel) { out.append(.supportLevel(range: t.supportLevels, needs: c.supportLevel)) }
        if let range = t.ageRange, let age = c.age(inYear: year), !range.contains(age) { out.append(.age(range: range, age: age)) }
        return out
    }
}
