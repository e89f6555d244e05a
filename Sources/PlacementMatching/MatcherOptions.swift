/// What a run of the engine produces besides the proposals and place values.
///
/// The weekly match shows every proposal's reasons and can export the stages' flow instances.
/// A simulated matching day of the capacity plan only carries out the proposals and reads the
/// place values; the sentences it would never show were a fifth of the plan's time. The
/// choices themselves do not depend on these options: the same input gives the same proposals.
public struct MatcherOptions: Sendable, Equatable {
    /// Write each proposal's reasons (why this residence, why not local, what ruled it out).
    public var reasons: Bool
    /// Keep each stage's min-cost-flow network (for `placement match --export-instance`).
    public var keepsInstances: Bool
    /// Work out what one more place in each own residence would save (a min-cost flow of its
    /// own); without, `MatchResult.placeValues` is empty.
    public var placeValues: Bool
    /// Find the priority stage's set by the greedy rule with augmenting paths instead of as a
    /// min-cost flow. The set is the same (see `Matcher+Priority.swift`), and so are the stage's
    /// figures but its pivots (the flow's network size and cost); the flow is kept for the
    /// tests that compare the two. At national scale the flow was a third of the solving.
    public var priorityByAugmentingPaths: Bool

    public init(reasons: Bool, keepsInstances: Bool, placeValues: Bool = true, priorityByAugmentingPaths: Bool = false) {
        self.reasons = reasons
        self.keepsInstances = keepsInstances
        self.placeValues = placeValues
        self.priorityByAugmentingPaths = priorityByAugmentingPaths
    }

    /// The weekly match: everything a case worker reads (`placement match --export-instance`
    /// turns on `keepsInstances`).
    public static let weekly = MatcherOptions(reasons: true, keepsInstances: false, priorityByAugmentingPaths: true)
    /// A simulated matching day: proposals and place values only.
    public static let simulation = MatcherOptions(reasons: false, keepsInstances: false, priorityByAugmentingPaths: true)
    /// A simulated matching day whose place values nobody reads: proposals only.
    public static let simulationWithoutValues = MatcherOptions(reasons: false, keepsInstances: false, placeValues: false,
                                                               priorityByAugmentingPaths: true)
}
