/// The words of a match run's proposals, shared by the engine that makes them, the store that
/// keeps them, the commands that accept and decline them and the reports that count them.
/// The raw values are the ones stored in `proposal.action`, `proposal.status` and
/// `decline.reason` (schema.sql checks the same lists).

/// What a run proposes for one citizen.
public enum ProposalAction: String, Codable, Sendable, CaseIterable {
    /// Move into a vacant own place.
    case placeOwn = "place_own"
    /// Buy a place in an external residence.
    case buyExternal = "buy_external"
    /// Move an externally placed citizen home into an own place.
    case bringHome = "bring_home"
    /// No residence fits; the reasons say why.
    case noFit = "no_fit"
}

/// Where a proposal stands after the run.
public enum ProposalStatus: String, Codable, Sendable, CaseIterable {
    case proposed, accepted, declined
}

/// Why a proposal was refused; each reason has its consequence for later runs.
public enum DeclineReason: String, Codable, Sendable, CaseIterable {
    /// The citizen declined this residence: excluded from it in later runs.
    case citizenDeclined = "citizen_declined"
    /// The residence declined the citizen: excluded, and counted against the residence.
    case providerDeclined = "provider_declined"
    /// The need changed: back to the case worker, off the waiting list until re-assessed.
    case needChanged = "need_changed"
    /// Anything else: no consequence, a note is required.
    case other

    /// What a decline for this reason does to the citizen.
    public enum Consequence: Sendable, Equatable {
        /// The declined residence is excluded for the citizen.
        case excludeResidence
        /// The open waiting period closes for re-assessment; the citizen leaves the list.
        case leaveForReassessment
        /// Nothing but the record (and its note).
        case none
    }

    public var consequence: Consequence {
        switch self {
        case .citizenDeclined, .providerDeclined: .excludeResidence
        case .needChanged: .leaveForReassessment
        case .other: .none
        }
    }

    /// Whether a decline for this reason must say why in a note.
    public var requiresNote: Bool { self == .other }
}
