/// How a call to ``MinCostFlow/solve(_:)`` ended. The solver reports every outcome as a value;
/// it neither throws nor traps on bad numbers.
public enum SolveStatus: Sendable, Equatable, CustomStringConvertible {
    /// A minimum-cost flow was found; the solution carries flows and proving potentials.
    case optimal
    /// The supplies are balanced, but no flow within the arc bounds meets them (this includes an
    /// arc whose lower bound exceeds its capacity).
    case infeasible
    /// The supplies do not sum to zero.
    case unbalanced
    /// Some cost is so large that the total cost, or the solver's internal potentials, could
    /// overflow `Int64`. See ``MinCostFlow`` for the exact limit.
    case costOutOfRange
    /// Some capacity, lower bound or supply is so large that flows or totals could overflow
    /// `Int64`. See ``MinCostFlow`` for the exact limit.
    case capacityOutOfRange

    public var description: String {
        switch self {
        case .optimal: "optimal"
        case .infeasible: "infeasible"
        case .unbalanced: "unbalanced"
        case .costOutOfRange: "cost out of range"
        case .capacityOutOfRange: "capacity out of range"
        }
    }
}
