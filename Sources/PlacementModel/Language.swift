/// The language of output: Danish for planners' reports, English for everything else.
public enum Language: String, Sendable, CaseIterable, Codable {
    case da, en
}

/// A term of the domain with its Danish and English names, used for labels in output
/// and (with aliases) for reading spreadsheets.
public protocol DomainTerm: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    var danishName: String { get }
    var englishName: String { get }
}

extension DomainTerm {
    public func name(_ language: Language) -> String { language == .da ? danishName : englishName }
}
