/// Where an accepted proposal stands: a planned move-in until an export (or `placement
/// move-in`) confirms it, or until it is withdrawn.
public enum AcceptanceStatus: String, CaseIterable, Codable, Sendable {
    /// Accepted: the citizen is to move in on the planned day.
    case accepted
    /// Confirmed: the citizen lives there (an export says so, or a planner did).
    case movedIn = "moved_in"
    /// Withdrawn before moving in, with a reason.
    case withdrawn
}

/// How an export contradicts one of the planner's decisions. The rule of who wins is one
/// per kind (README, "When an export and a decision disagree").
public enum ConflictKind: String, CaseIterable, Codable, Sendable {
    /// The export shows the citizen placed in another residence than the accepted one:
    /// the export wins (it records what happened); the acceptance is withdrawn.
    case placedElsewhere = "placed_elsewhere"
    /// The export shows the citizen as no longer served: the export wins.
    case citizenLeft = "citizen_left"
    /// The export changed the grant (offer type, target groups, support level, features) of a
    /// citizen with a planned move-in: the decision stands until the planner decides.
    case grantChanged = "grant_changed"
    /// The export still shows the citizen waiting well after the planned move-in: the
    /// decision stands until the planner decides.
    case overdue

    /// Whether the export's version was applied (else the decision was kept).
    public var exportWins: Bool { self == .placedElsewhere || self == .citizenLeft }
}

/// What the planner did about a listed conflict.
public enum ConflictResolution: String, CaseIterable, Codable, Sendable {
    /// The outcome of the rule stands (the planner has seen it).
    case accepted
    /// The planner withdrew the acceptance the export contradicted.
    case withdrawn
}
