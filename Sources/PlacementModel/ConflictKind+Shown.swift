/// How an export contradicts a decision, in the reader's language: the one wording the
/// terminal (`placement conflicts`, the import's summary) and the web app's overview both use.
extension ConflictKind: DomainTerm {
    public var danishName: String {
        switch self {
        case .placedElsewhere: "placeret et andet sted"
        case .citizenLeft: "ikke længere i målgruppen"
        case .grantChanged: "bevillingen er ændret"
        case .overdue: "venter stadig efter den planlagte indflytning"
        }
    }

    public var englishName: String {
        switch self {
        case .placedElsewhere: "placed elsewhere"
        case .citizenLeft: "no longer served"
        case .grantChanged: "the grant changed"
        case .overdue: "still waiting after the planned move-in"
        }
    }
}
