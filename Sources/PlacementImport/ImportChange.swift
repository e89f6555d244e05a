import PlacementModel

/// One change an import made (or, on a dry run, would make) to a citizen or a residence, as
/// data: the command words it in the planner's language.
public struct ImportChange: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A citizen new to the waiting list, from `day`.
        case newWaiting = "new_waiting"
        /// A citizen placed in `residenceId` from `day`.
        case placed
        /// A citizen moved from `fromResidenceId` to `residenceId` on `day`.
        case moved
        /// A stay in `residenceId` ended on `day`: waiting again.
        case waitingAgain = "waiting_again"
        /// No longer served; a stay in `residenceId`, if any, ended on `day`.
        case left
        /// Fields of the citizen's grant or wishes changed.
        case updated
        /// A planned move-in into `residenceId` confirmed from `day`.
        case movedIn = "moved_in"
        /// A planned move-in into `residenceId` from `day` withdrawn because the export contradicts it.
        case withdrawn
        /// Back on the waiting list after a re-assessment the export shows.
        case reassessed
        case residenceNew = "residence_new"
        case residenceUpdated = "residence_updated"
    }

    public var kind: Kind
    public var citizenId: String?
    public var residenceId: String?
    public var fromResidenceId: String?
    public var day: Day?
    public var fields: [FieldChange] = []

    public init(_ kind: Kind, citizen: String? = nil, residence: String? = nil, from: String? = nil, day: Day? = nil,
                fields: [FieldChange] = []) {
        self.kind = kind
        citizenId = citizen
        residenceId = residence
        fromResidenceId = from
        self.day = day
        self.fields = fields
    }
}

/// A field whose value changed: its name in the model, the old and new value as text (nil: none).
public struct FieldChange: Sendable, Codable, Equatable {
    public var field: String
    public var old: String?
    public var new: String?
}

/// A contradiction of a decision this import found, and who won by the rule.
public struct ImportConflictNote: Sendable, Codable, Equatable {
    public var citizenId: String
    public var kind: ConflictKind
    /// The planned move-in contradicted.
    public var residenceId: String
    public var moveIn: Day
    /// Where and from when the export shows the citizen (placed elsewhere).
    public var exportResidenceId: String?
    public var exportDay: Day?
    /// In words, as the audit log has it (English; the command words it in the planner's language).
    public var detail: String
    /// The changed fields of a changed grant.
    public var fields: [FieldChange] = []
}

/// The rules by which an export and the planner's decisions are reconciled (README, "When an
/// export and a decision disagree").
public enum Reconciliation {
    /// A citizen the export still shows waiting this many days after the planned move-in is a
    /// conflict ("well after"): two weekly exports have passed without confirming it.
    public static let overdueAfterDays = 14
}
