/// What a user may do. The roles are a ladder: each may do what the one below may.
public enum Role: String, CaseIterable, Sendable, Codable {
    case readOnly = "read_only"
    case planner
    case administrator

    /// What a role may do, named by what the pages offer (one place decides, not the handlers).
    public func may(_ action: Permission) -> Bool {
        switch action {
        case .look: return true
        case .plan: return self == .planner || self == .administrator
        case .administer: return self == .administrator
        }
    }

    func name(_ t: Words) -> String {
        switch self {
        case .readOnly: return t("Kun læse", "Read-only")
        case .planner: return t("Planlægger", "Planner")
        case .administrator: return t("Administrator", "Administrator")
        }
    }
}

/// The kinds of things a request may ask to do.
public enum Permission: Sendable {
    /// See every page.
    case look
    /// Run matches, accept and decline proposals, import files, run plans.
    case plan
    /// Manage users and change the policy.
    case administer
}
