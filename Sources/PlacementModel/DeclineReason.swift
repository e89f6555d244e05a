/// Why a proposal was refused; each reason has its consequence for later runs.
public enum DeclineReason: String, CaseIterable, Codable, Sendable {
    /// The citizen declined this residence: excluded from it in later runs.
    case citizenDeclined = "citizen_declined"
    /// The residence declined the citizen: excluded, and counted against the residence.
    case providerDeclined = "provider_declined"
    /// The need changed: back to the case worker, off the waiting list until re-assessed.
    case needChanged = "need_changed"
    /// Anything else: no consequence, a note is required.
    case other

    /// Whether the decline keeps the citizen from the residence in later runs.
    public var excludesResidence: Bool { self == .citizenDeclined || self == .providerDeclined }
}
