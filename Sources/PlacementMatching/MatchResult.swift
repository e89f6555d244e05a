import FlowSolver
import PlacementModel

/// What the engine proposes for one citizen, and why.
public struct Proposal: Codable, Sendable, Equatable {
    public var citizenId: String
    public var action: ProposalAction
    public var residenceId: String?
    public var placeId: String?
    public var moveIn: Day?
    public var annualCostGross: Money?
    public var annualCostNet: Money?
    /// For a move home: the yearly saving against the current external stay; for a bridging
    /// citizen: what the bridge the proposal ends costs a year.
    public var annualSaving: Money?
    public var distanceKm: Int?
    /// 1 = first in priority among the waiting citizens (bring-home candidates come after).
    public var priority: Int
    /// Why, as codes: worded when shown (`reasonLines`), in the reader's language.
    public var reasons: [MatchReason]
}

public struct MatchTotals: Codable, Sendable, Equatable {
    public var waiting = 0
    public var placedOwn = 0
    public var boughtExternal = 0
    public var bringHome = 0
    public var noFit = 0
    public var externalAnnualCostGross = Money.zero
    public var externalAnnualCostNet = Money.zero
    public var ownAnnualCostNet = Money.zero
    public var bringHomeAnnualSaving = Money.zero
}

/// The solver's figures for one stage, stored with the run.
public struct StageFigures: Codable, Sendable, Equatable {
    public var stage: String
    public var nodes: Int
    public var arcs: Int
    public var citizenGroups: Int
    public var pivots: Int
    public var seconds: Double
    public var cost: Int64
}

public struct PlaceValue: Codable, Sendable, Equatable {
    public var residenceId: String
    /// What one more place there would have saved this run, per year.
    public var annualValue: Money
}

public struct MatchResult: Sendable {
    public var asOf: Day
    public var proposals: [Proposal]
    public var totals: MatchTotals
    public var placeValues: [PlaceValue]
    public var stages: [StageFigures]
    /// The min-cost-flow instances the run solved, by stage, for `--export-instance`.
    public var instances: [(stage: String, network: FlowNetwork)]
}
