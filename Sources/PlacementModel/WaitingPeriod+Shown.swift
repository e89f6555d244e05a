/// How a waiting period ended, in the reader's language (the citizen page's history). The
/// words follow the citizen statuses' ("placeret") and the decline reasons' ("behovet er ændret").
extension WaitingPeriod.Outcome: DomainTerm {
    public var danishName: String {
        switch self {
        case .placed: "placeret"
        case .reassessment: "til revurdering (behovet er ændret)"
        case .closedMissing: "lukket (mangler i udtrækket)"
        case .withdrawn: "trukket tilbage"
        }
    }

    public var englishName: String {
        switch self {
        case .placed: "placed"
        case .reassessment: "back for re-assessment (the need changed)"
        case .closedMissing: "closed (absent from the export)"
        case .withdrawn: "withdrawn"
        }
    }
}
