import PlacementModel
import Testing

/// The domain's one wording of a conflict kind and of a waiting period's outcome, which the
/// terminal and the web app both print (they kept copies that had drifted apart).
@Suite struct DecisionWordsTests {
    @Test(arguments: [
        (ConflictKind.placedElsewhere, "placeret et andet sted", "placed elsewhere"),
        (.citizenLeft, "ikke længere i målgruppen", "no longer served"),
        (.grantChanged, "bevillingen er ændret", "the grant changed"),
        (.overdue, "venter stadig efter den planlagte indflytning", "still waiting after the planned move-in"),
    ])
    func aConflictKindInEachLanguage(kind: ConflictKind, danish: String, english: String) {
        #expect(kind.name(.da) == danish)
        #expect(kind.name(.en) == english)
    }

    @Test(arguments: [
        (WaitingPeriod.Outcome.placed, "placeret", "placed"),
        (.reassessment, "til revurdering (behovet er ændret)", "back for re-assessment (the need changed)"),
        (.closedMissing, "lukket (mangler i udtrækket)", "closed (absent from the export)"),
        (.withdrawn, "afsluttet (ikke længere i målgruppen)", "ended (no longer served)"),
    ])
    func aWaitingPeriodsOutcomeInEachLanguage(outcome: WaitingPeriod.Outcome, danish: String, english: String) {
        #expect(outcome.name(.da) == danish)
        #expect(outcome.name(.en) == english)
    }
}
