/// A residence's side of the hard rules and of the costs, without its id and name.
///
/// Nothing in it is reference counted, so it is copied for free: the engine's largest loops
/// check every waiting citizen against every candidate residence (tens of thousands of pairs on
/// each simulated matching day of the capacity plan), and copying a whole `Residence` with its
/// strings for each pair was a tenth of the plan's time. Whether the citizen excluded or wished
/// for the residence (by id) is asked by the caller, and only when the citizen has such a list.
public struct ResidenceTerms: Sendable {
    public let offerType: OfferType
    public let targetGroups: TargetGroups
    public let supportLevels: ClosedRange<Int>
    public let features: Features
    public let ageRange: ClosedRange<Int>?
    public let opensOn: Day?
    public let closesOn: Day?
    public let dailyRate: Money
    public let variableDailyCost: Money?

    public init(_ r: Residence) {
        offerType = r.offerType
        targetGroups = r.targetGroups
        supportLevels = r.supportLevels
        features = r.features
        ageRange = r.ageRange
        opensOn = r.opensOn
        closesOn = r.closesOn
        dailyRate = r.dailyRate
        variableDailyCost = r.variableDailyCost
    }
}
