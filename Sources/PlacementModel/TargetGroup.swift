/// Who a residence is for, and which groups a citizen belongs to (DOMAIN.md).
public enum TargetGroup: String, DomainTerm, Codable {
    case intellectualDisability = "intellectual_disability"
    case autism
    case mentalIllness = "mental_illness"
    case acquiredBrainInjury = "acquired_brain_injury"
    case physicalDisability = "physical_disability"
    case substanceAbuse = "substance_abuse"
    case homelessness
    case dualDiagnosis = "dual_diagnosis"

    /// The bit this group has in a stored set (`target_groups` columns are bit sets).
    public var bit: Int { 1 << (TargetGroup.allCases.firstIndex(of: self) ?? 0) }  // every case is in allCases

    public var danishName: String {
        switch self {
        case .intellectualDisability: "udviklingshæmning"
        case .autism: "autisme"
        case .mentalIllness: "sindslidelse"
        case .acquiredBrainInjury: "erhvervet hjerneskade"
        case .physicalDisability: "fysisk handicap"
        case .substanceAbuse: "misbrug"
        case .homelessness: "hjemløshed"
        case .dualDiagnosis: "dobbeltdiagnose"
        }
    }

    public var englishName: String { String(rawValue.map { $0 == "_" ? " " : $0 }) }
}

/// A set of target groups, stored as a bit set.
public struct TargetGroups: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ groups: some Sequence<TargetGroup>) {
        self.rawValue = groups.reduce(0) { $0 | $1.bit }
    }

    public var members: [TargetGroup] { TargetGroup.allCases.filter { rawValue & $0.bit != 0 } }
    public func contains(_ g: TargetGroup) -> Bool { rawValue & g.bit != 0 }
    public func overlaps(_ other: TargetGroups) -> Bool { rawValue & other.rawValue != 0 }
}
