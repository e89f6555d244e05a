import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database: the file, its references, and the rules of the model.",
            discussion: """
                Runs SQLite's integrity and foreign-key checks and the model's rules: one occupant per place and \
                one stay per citizen at a time, and no period that ends before it starts. Reads only, so it runs \
                while others work. Each problem found is listed; the exit status is 1 if there is any.

                Examples:
                  placement check
                  placement check --db backup-uge48.sqlite --lang en
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Language of output: da or en (default: the database's).")
        var lang: Language?

        func run() throws {
            let db = try database.open(.read)
            let language = try lang ?? db.language()
            let findings = try DatabaseCheck.run(db)
            print(CheckText.render(findings, path: database.path, language: language))
            if !findings.isEmpty { throw ExitCode(1) }
        }
    }
}

enum CheckText {
    static func render(_ findings: [CheckFinding], path: String, language: Language) -> String {
        let da = language == .da
        guard !findings.isEmpty else { return da ? "Ingen fejl fundet i \(path)." : "No problems found in \(path)." }
        let head = da ? "\(findings.count) fejl fundet i \(path):"
                      : "\(findings.count) problem\(findings.count == 1 ? "" : "s") found in \(path):"
        return ([head] + findings.map { "  \($0.text(language))" }).joined(separator: "\n")
    }
}
