import PlacementModel

/// Who a referral is: the granted offer type, the citizen's whole set of target groups and the
/// support level. Demand is estimated and simulated per segment.
///
/// The whole target-group set is kept (not only the first group), so a simulated citizen fits
/// exactly the residences a real one with the same groups would fit; tables by target group
/// count a citizen under each of its groups (see `GroupKey`).
public struct DemandSegment: Hashable, Sendable, Codable, Comparable {
    public var offerType: OfferType
    public var targetGroups: TargetGroups
    public var supportLevel: Int

    public init(offerType: OfferType, targetGroups: TargetGroups, supportLevel: Int) {
        self.offerType = offerType
        self.targetGroups = targetGroups
        self.supportLevel = supportLevel
    }

    public init(_ c: Citizen) {
        self.init(offerType: c.offerType, targetGroups: c.targetGroups, supportLevel: c.supportLevel)
    }

    /// A stable text key (stream keys, JSON): `SEL108|autism+intellectual_disability|4`.
    public var key: String {
        "\(offerType.rawValue)|\(targetGroups.members.map(\.rawValue).joined(separator: "+"))|\(supportLevel)"
    }

    public static func < (a: DemandSegment, b: DemandSegment) -> Bool {
        let ia = OfferType.allCases.firstIndex(of: a.offerType) ?? 0, ib = OfferType.allCases.firstIndex(of: b.offerType) ?? 0
        if ia != ib { return ia < ib }
        if a.targetGroups.rawValue != b.targetGroups.rawValue { return a.targetGroups.rawValue < b.targetGroups.rawValue }
        return a.supportLevel < b.supportLevel
    }

    /// `§ 108, autisme + udviklingshæmning, niveau 4`.
    public func label(_ language: Language) -> String {
        let groups = targetGroups.members.map { $0.name(language) }.joined(separator: " + ")
        return "\(offerType.shortName), \(groups), \(language == .da ? "niveau" : "level") \(supportLevel)"
    }
}

/// A row of the tables by offer type and target group. A citizen or residence with several
/// target groups counts under each of them, so the rows of one offer type may add up to more
/// than its total.
public struct GroupKey: Hashable, Sendable, Codable, Comparable {
    public var offerType: OfferType
    public var targetGroup: TargetGroup

    public init(offerType: OfferType, targetGroup: TargetGroup) {
        self.offerType = offerType
        self.targetGroup = targetGroup
    }

    public var key: String { "\(offerType.rawValue)|\(targetGroup.rawValue)" }

    public static func < (a: GroupKey, b: GroupKey) -> Bool {
        let ia = OfferType.allCases.firstIndex(of: a.offerType) ?? 0, ib = OfferType.allCases.firstIndex(of: b.offerType) ?? 0
        if ia != ib { return ia < ib }
        return (TargetGroup.allCases.firstIndex(of: a.targetGroup) ?? 0) < (TargetGroup.allCases.firstIndex(of: b.targetGroup) ?? 0)
    }

    public func label(_ language: Language) -> String { "\(offerType.shortName) \(targetGroup.name(language))" }

    public static func keys(_ offerType: OfferType, _ groups: TargetGroups) -> [GroupKey] {
        groups.members.map { GroupKey(offerType: offerType, targetGroup: $0) }
    }
}
