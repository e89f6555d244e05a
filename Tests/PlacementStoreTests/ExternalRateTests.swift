import Testing
@testable import PlacementStore

/// `placement status` sums external stays' rates by `Placements.externalRate`, the Swift form of
/// `externalRateSQL` that the weekly report sums in SQL: the same order must hold in both.
@Suite struct ExternalRateTests {
    @Test func theStaysOwnRateComesFirst() {
        #expect(Placements.externalRate(stay: 1_000, agreed: 2_000, residence: 3_000) == 1_000)
        #expect(Placements.externalRate(stay: 1_000, agreed: nil, residence: 3_000) == 1_000)
    }

    @Test func thenTheCitizensAgreedRateThenTheResidences() {
        #expect(Placements.externalRate(stay: nil, agreed: 2_000, residence: 3_000) == 2_000)
        #expect(Placements.externalRate(stay: nil, agreed: nil, residence: 3_000) == 3_000)
    }

    /// An unreadable rate (`.some(nil)`) is present: it is chosen, so the caller reports it,
    /// rather than falling through to the next rate as a missing one would.
    @Test func anUnreadableRateIsChosenNotSkipped() {
        let unreadable: Int64?? = .some(nil)
        #expect(Placements.externalRate(stay: unreadable, agreed: .some(2_000), residence: 3_000) == nil)
        #expect(Placements.externalRate(stay: Int64??.none, agreed: unreadable, residence: 3_000) == nil)
        #expect(Placements.externalRate(stay: Int64??.none, agreed: Int64??.none, residence: 3_000) == 3_000)
    }
}
