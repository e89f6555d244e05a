import PlacementModel
import Testing

/// `placement policy` and the web app's policy page say what each key means from one table:
/// a key added to the policy without its meaning would show an empty cell.
@Suite struct PolicyMeaningTests {
    @Test(arguments: MatchPolicy.keys) func everyKeyHasAMeaningInBothLanguages(key: String) {
        let da = MatchPolicy.meaning(key, .da), en = MatchPolicy.meaning(key, .en)
        #expect(!da.isEmpty && !en.isEmpty && da != en, "\(key)")
    }

    @Test func theVacancyConfirmationKeyIsExplained() {
        #expect(MatchPolicy.meaning("vacancy_confirm_days", .da) == "dage en ledig plads' seneste bekræftelse må være gammel, før et forslag advarer")
    }
}
