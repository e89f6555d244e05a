import Foundation

/// ArgumentParser's own refusals of a command line (an unknown option, a missing argument
/// or value, a value it cannot read, an argument too many) in Danish, for a planner whose
/// database or `--lang` is Danish. `--help` stays ArgumentParser's English.
///
/// ArgumentParser keeps the kind of a parse error to itself (`ParserError` is internal);
/// what it publishes is the English text (`message(for:)`, `fullMessage(for:)`). So each
/// kind is known here by the sentence ArgumentParser words it with, and its parts (the
/// option, the value) are taken from that sentence. A sentence not listed stays English,
/// whole: a new kind in a later ArgumentParser is shown, not lost (`ParseRefusalTests`
/// and the golden files of `GoldenParseErrorTests` fail when a wording moves).
enum ParseRefusal {
    /// The Danish text of a refusal: the reason after "Fejl:", the usage line and where
    /// to read more; nil when `message` is not a sentence listed below.
    ///
    /// - Parameters:
    ///   - message: ArgumentParser's message for the error (`message(for:)`).
    ///   - full: its full text (`fullMessage(for:)`), which ends with the usage lines.
    static func danish(message: String, full: String) -> String? {
        guard let reason = reason(message) else { return nil }
        var lines = ["Fejl: " + reason]
        let usage = Usage(full)
        if !usage.synopsis.isEmpty {
            lines.append("Brug: " + usage.synopsis.map { "`\($0)`" }.joined(separator: "\n      "))
        }
        if let command = usage.command {
            lines.append("  Se `\(command) --help` (på engelsk) for alle tilvalg.")
        }
        return lines.joined(separator: "\n")
    }

    /// The reason in Danish; command-line names (`--as-of <date>`) in backticks, as the
    /// planner types them, and the planner's own text in quotation marks.
    static func reason(_ message: String) -> String? {
        for (pattern, word) in sentences {
            guard let parts = match(pattern, message) else { continue }
            return word(parts)
        }
        return nil
    }

    /// ArgumentParser's sentences (swift-argument-parser 1.x, `ErrorMessageGenerator`),
    /// each with its Danish. A `'…'` part is one quoted name or value.
    static let sentences: [(String, @Sendable ([String]) -> String?)] = [
        (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, { "Ukendt tilvalg `\($0[0])`; mente du `\($0[1])`?" }),
        (#"^Unknown option '(.+)'$"#, { "Ukendt tilvalg `\($0[0])`." }),
        (#"^Missing value for '(.+)'$"#, { "`\($0[0])` mangler sin værdi." }),
        (#"^Missing expected argument '(.+)'$"#, { "Mangler \($0[0].hasPrefix("-") ? "tilvalget" : "argumentet") `\($0[0])`." }),
        (#"^Missing one of: '(.+)'$"#, { "Mangler en af " + names($0[0]) + "." }),
        (#"^The value '(.*)' is invalid for '(.+?)'(.*)$"#, { invalidValue($0[0], for: $0[1], rest: $0[2]) }),
        (#"^Unexpected argument '(.*)'$"#, { "Uventet argument \"\($0[0])\"." }),
        (#"^([0-9]+) unexpected arguments: '(.*)'$"#, { "\($0[0]) uventede argumenter: " + values($0[1]) + "." }),
        (#"^The option '(.+)' does not take any value, but '(.*)' was specified\.$"#, { "`\($0[0])` tager ingen værdi, men fik \"\($0[1])\"." }),
        (#"^Missing required subcommand\.$"#, { _ in "Angiv en underkommando." }),
        (#"^Invalid option: (.+)$"#, { "Ugyldigt tilvalg \"\($0[0])\"." }),
    ]

    /// "The value 'x' is invalid for '--lang <lang>'", then nothing, or the values it takes
    /// (". Please provide one of 'da' and 'en'.", or a list of "  - value" lines). A
    /// reason of the value's own (": …") is English: nil, the whole refusal stays English.
    static func invalidValue(_ value: String, for name: String, rest: String) -> String? {
        let head = "\"\(value)\" er ikke en gyldig værdi for `\(name)`"
        // ArgumentParser lists no values for a day (`DayArgument`): say how one is written.
        if rest.isEmpty { return head + (name.hasSuffix("<date>") ? "; skriv en dato som 23-11-2026 eller 2026-11-23." : ".") }
        if let list = match(#"^\. Please provide one of (.+)\.$"#, rest) {
            let quoted = list[0].replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " or ", with: ", ")
            return head + "; angiv en af " + names(quoted) + "."
        }
        if rest.hasPrefix(". Please provide one of the following:\n") {
            let items = rest.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
            return head + "; angiv en af:\n" + items.map { "  - `\($0)`" }.joined(separator: "\n")
        }
        return nil
    }

    /// `'a', 'b'` (or `'a'`) as `` `a`, `b` ``.
    static func names(_ quoted: String) -> String {
        split(quoted).map { "`\($0)`" }.joined(separator: ", ")
    }

    /// `'a', 'b'` as `"a", "b"`: text the planner typed.
    static func values(_ quoted: String) -> String {
        split(quoted).map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private static func split(_ quoted: String) -> [String] {
        quoted.components(separatedBy: "', '").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
    }

    /// The captured parts of `pattern` in `text`, which it must match whole (a message
    /// may run over several lines: `.` matches a line break too).
    static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } ?? "" }
    }

    /// The usage lines at the end of ArgumentParser's full text:
    /// "Usage: placement solve <file> [--timing]" and "  See 'placement solve --help' for more information."
    struct Usage {
        var synopsis: [String] = []
        var command: String?

        init(_ full: String) {
            var inUsage = false
            for line in full.components(separatedBy: "\n") {
                if line.hasPrefix("Usage: ") {
                    inUsage = true
                    synopsis.append(String(line.dropFirst("Usage: ".count)))
                } else if let see = ParseRefusal.match(#"^  See '(.+) --help' for more information\.$"#, line) {
                    command = see[0]
                    inUsage = false
                } else if inUsage, line.hasPrefix("       ") {
                    synopsis.append(line.trimmingCharacters(in: .whitespaces))
                } else {
                    inUsage = false
                }
            }
        }
    }
}
