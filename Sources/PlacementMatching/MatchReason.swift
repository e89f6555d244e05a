import PlacementModel

/// One reason of a proposal, as a code with its parameters: stored with the run (JSON in
/// `proposal.reasons`) and worded only when shown, in the reader's language (`MatchReason.text`
/// in PlacementReports, whose words live in `ReasonText`). So a run made in Danish reads in English without solving it
/// again, and a stored run never says something its figures do not.
public enum MatchReason: Codable, Sendable, Equatable {
    /// "Priority 3 of 62 (high, waiting since 2.1.2026)".
    case priority(rank: Int, of: Int, urgency: Urgency, waitingSince: Day?)
    /// The own place given: its residence's offer type and support levels, the distance, move-in.
    case fitsOwn(residence: String, offerType: OfferType, supportLevels: ClosedRange<Int>, km: Int?, moveIn: Day)
    /// No own place fits; the cheapest fitting external residence.
    case buyExternal(residence: String, km: Int?)
    /// The citizen's wish decided the place (free choice within the margin).
    case freeChoice(wished: String, instead: String, percentAbove: Int64, marginPercent: Int64)
    /// The heading of the residences that stood in the way of a local place.
    case whyNotLocal
    /// No own residence of the offer type has a vacancy within the allowed wait.
    case noOwnVacancy(offerType: OfferType)
    /// Nothing fits, own or external.
    case noFit
    /// Fitting places exist, but citizens of higher priority got them.
    case noFitTaken
    /// "Name (12 km): verdict": one residence and what decided it (`km` nil: not shown).
    case residence(name: String, km: Int?, verdict: ResidenceVerdict)
    /// A move home from an external stay, with the yearly saving and the threshold it passed.
    case bringHome(residence: String, from: String?, saving: Money, currentNet: Money, ownNet: Money, threshold: Money)
    /// A reason worded before reasons were stored as codes (schema version 7): shown as it
    /// was stored, in the language of the run that made it.
    case worded(text: String)
}

/// What decided one residence for one citizen, in a proposal's reasons and in `explain`.
public enum ResidenceVerdict: Codable, Sendable, Equatable {
    case noVacantPlaces
    /// A hard rule (or the lack of a vacancy in time) ruled it out.
    case rule(failure: FitFailure)
    case chosen
    /// It fits, but its places went to these citizens of higher priority, in priority order.
    case wentToHigher(competitors: [Competitor])
    /// It fits, but its places went to these citizens so that the most stay local.
    case wentToOthers(citizenIds: [String])
    case costsMore

    /// The residence fits the citizen: only its places or its cost stood in the way.
    public var fits: Bool {
        switch self {
        case .chosen, .wentToHigher, .wentToOthers, .costsMore: true
        case .noVacantPlaces, .rule: false
        }
    }
}

/// A citizen who got the place: their id, priority in the run and urgency.
public struct Competitor: Codable, Sendable, Equatable {
    public var citizenId: String
    public var priority: Int
    public var urgency: Urgency

    public init(citizenId: String, priority: Int, urgency: Urgency) {
        self.citizenId = citizenId
        self.priority = priority
        self.urgency = urgency
    }
}

extension MatchReason {
    /// The reason's line is a heading of the lines that follow ("Hvorfor ikke lokalt:").
    public var isHeading: Bool {
        switch self {
        case .whyNotLocal: true
        case .worded(let text): text.hasSuffix(":")
        default: false
        }
    }
}
