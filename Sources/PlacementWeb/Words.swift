import PlacementModel

/// The page's language: every text on a page is written in both and picked here, so a page
/// is in one language throughout.
struct Words: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    func callAsFunction(_ danish: String, _ english: String) -> String { language == .da ? danish : english }

    var format: DisplayFormat { DisplayFormat(language) }
}
