/// Physical features of a place or residence that a citizen may require.
public enum Feature: String, DomainTerm, Codable {
    case wheelchair
    case shielded
    case couples
    case pets

    public var bit: Int { 1 << (Feature.allCases.firstIndex(of: self) ?? 0) }  // every case is in allCases

    public var danishName: String {
        switch self {
        case .wheelchair: "kørestolsegnet"
        case .shielded: "skærmet"
        case .couples: "par"
        case .pets: "husdyr"
        }
    }

    public var englishName: String { rawValue }
}

/// A set of features, stored as a bit set.
public struct Features: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ features: some Sequence<Feature>) {
        self.rawValue = features.reduce(0) { $0 | $1.bit }
    }

    public var members: [Feature] { Feature.allCases.filter { rawValue & $0.bit != 0 } }
    public func contains(_ f: Feature) -> Bool { rawValue & f.bit != 0 }
    /// The required features that `self` lacks.
    public func missing(from available: Features) -> Features { Features(rawValue: rawValue & ~available.rawValue) }
}
