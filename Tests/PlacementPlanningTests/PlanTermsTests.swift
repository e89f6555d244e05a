import PlacementModel
@testable import PlacementPlanning
import Testing

/// The demand sheet and scenario files read words and numbers as the import does.
@Suite struct PlanTermsTests {
    @Test func theImportsWordsAreAccepted() {
        #expect(Terms.targetGroups("psykosociale, alkoholmisbrug") == TargetGroups([.mentalIllness, .substanceAbuse]))
        #expect(Terms.feature("handicapvenlig") == .wheelchair)
    }

    @Test func theImportsDecimalRule() {
        #expect(Terms.decimal("1.234,50")! == (12_345, 1))
        #expect(Terms.decimal("2,5 %")! == (25, 1))
        #expect(Terms.decimal("2150.0", plain: true)! == (2150, 0))
        // Once read as 123; the import refuses it, and so does every file kind now.
        #expect(Terms.decimal("1,2,3") == nil)
    }
}
