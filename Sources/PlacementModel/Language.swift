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

extension Language {
    /// The wording in this language of a sentence written in both: `language.pick("dage", "days")`.
    public func pick(_ danish: String, _ english: String) -> String { self == .da ? danish : english }
}

/// A phrase written in both languages, for an error made before anyone knows who reads it
/// (a value refused deep in a parser); the message picks its language when it is shown.
public struct Wording: Equatable, Sendable {
    public var danish: String
    public var english: String
    public init(_ danish: String, _ english: String) {
        self.danish = danish
        self.english = english
    }
    public func text(_ language: Language) -> String { language.pick(danish, english) }
}
