import ArgumentParser
import Foundation
import PlacementModel
import PlacementReports
import PlacementStore

/// Where the database is: `--db`, else `PLACEMENT_DB`, else `./placement.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp(
        "The pseudonym key file (default: PLACEMENT_KEY_FILE, else ~/.config/placement/keys/<database id>.key).", valueName: "path"))
    var keyFile: String?

    @Option(help: ArgumentHelp("Who makes the changes, for the audit log (default: PLACEMENT_USER, else the login name).", valueName: "name"))
    var user: String?

    var path: String { Self.path(db: db) }

    /// The one rule for where the database is.
    static func path(db: String?) -> String {
        db ?? ProcessInfo.processInfo.environment["PLACEMENT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "placement.sqlite"
    }

    /// How long a writing command waits for another command's write to end:
    /// `PLACEMENT_WAIT_SECONDS`, else 10 seconds.
    var writeWait: Double {
        ProcessInfo.processInfo.environment["PLACEMENT_WAIT_SECONDS"].flatMap(Double.init).map { max(0, $0) } ?? 10
    }

    /// Opens the database; a command that only reads opens it `.read`, on a connection that
    /// cannot write, and so never waits for a writer.
    func open(_ access: PlacementDatabase.Access = .write) throws -> PlacementDatabase {
        let db: PlacementDatabase
        do {
            db = try PlacementDatabase.open(path: path, keys: keys, user: userName, access: access, writeWait: writeWait)
        } catch let error as StoreError {
            // No database is open to ask for its language: the command line's (`--lang`) decides.
            if Refusal.language == .da, let danish = error.danish { throw UserError(danish, language: .da) }
            throw error
        }
        OutputLanguage.opened = try? db.language()
        return db
    }

    /// `--key-file`, else `PLACEMENT_KEY_FILE`, else the user's configuration folder.
    var keys: KeyLocation { keyFile.map { .file(URL(fileURLWithPath: $0)) } ?? .standard() }

    /// `--user`, else `PLACEMENT_USER`, else the login name.
    var userName: String {
        user ?? ProcessInfo.processInfo.environment["PLACEMENT_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? AuditUser.login
    }
}

extension Language: ExpressibleByArgument {}

/// A calendar date on the command line: `2026-11-23` or `23-11-2026`.
struct DayArgument: ExpressibleByArgument {
    let day: Day

    init?(argument: String) {
        guard let day = Day(written: argument) else { return nil }
        self.day = day
    }

    /// Refuses a day outside `Day.supported` (0001-01-01 and 9999-12-31 parse as dates but
    /// no plan or report can be made for them), naming the option.
    func requireSupported(_ option: String) throws {
        guard !day.isSupported else { return }
        throw Refusal.error("\(option) \(day.danish) \(Day.unsupportedPhrase(.da)).", "\(option) \(day.iso) \(Day.unsupportedPhrase(.en)).")
    }
}

extension DayArgument {
    /// The one check of a period given as `--from` and `--to` (`simulate`, `report equity`):
    /// each a supported day when given, and `--to` not before `--from`.
    static func requirePeriod(from: DayArgument?, to: DayArgument?) throws {
        try from.requireSupported("--from")
        try to.requireSupported("--to")
        if let from, let to, to.day < from.day {
            throw Refusal.error("--to \(to.day.danish) ligger før --from \(from.day.danish).", "--to \(to.day.iso) is before --from \(from.day.iso).")
        }
    }

    /// The period `--from` and `--to` name: `--to` is today unless given, `--from` the day
    /// after the same day a year before `--to`, so that by default the period is the last year.
    static func period(from: DayArgument?, to: DayArgument?) -> (start: Day, end: Day) {
        let end = to?.day ?? Clock.today
        return (from?.day ?? end.adding(years: -1).adding(days: 1), end)
    }
}

extension Optional where Wrapped == DayArgument {
    /// `requireSupported` when the option was given.
    func requireSupported(_ option: String) throws { try self?.requireSupported(option) }
}

enum Clock {
    /// Today's date in Denmark, by the rule the web app uses too (`Day.inDenmark(at:)`).
    static var today: Day { Day.inDenmark(at: Date()) }
}

/// One clear sentence for a user-facing failure, and a non-zero exit.
struct UserError: Error, CustomStringConvertible {
    let description: String
    /// The language the message is in: a Danish one is printed after "Fejl:"; nil (a message
    /// in no language, or English) after ArgumentParser's "Error:". A refusal worded for the
    /// opened database's language is `worded(_:_:)`.
    var language: Language?
    init(_ description: String) { self.description = description }
    init(_ description: String, language: Language) {
        self.description = description
        self.language = language
    }
}

extension UserError {
    /// A refusal worded in both languages, said in `language`: the one way a command words
    /// its refusals. Without a language, the language of the database the command opened
    /// (English when none is), for code that is not told it (`DocumentOutput`).
    static func worded(_ danish: String, _ english: String, in language: Language? = nil) -> UserError {
        let language = language ?? OutputLanguage.opened ?? .en
        return UserError(language.pick(danish, english), language: language)
    }
}

/// `--json` of match, status, import and conflicts, by the one JSON writer: their keys are
/// spelled out as they are printed.
func printJSON(_ value: some Encodable) throws {
    print(JSONOutput.text(value, snakeCase: false))
}

/// The language of the database the command opened: the word before a refusal ("Fejl:" or
/// "Error:") follows it. One command runs per process, on one thread.
enum OutputLanguage {
    nonisolated(unsafe) static var opened: Language?
    /// The language of a refusal of the command line (`Refusal`), made before any database
    /// is opened: ArgumentParser wraps the error, so its language is kept here.
    nonisolated(unsafe) static var refused: Language?
}

/// A refusal of the command line in `validate()`, in the language the command would speak.
/// ArgumentParser validates before `run()` has a database open, so the language is read
/// from the command line as given: `--lang`, else the language stored in the database that
/// `--db` (or its default, `DatabaseOptions.path(db:)`) names, else English (no database to ask).
enum Refusal {
    static var language: Language {
        let arguments = Array(CommandLine.arguments.dropFirst())
        func value(_ option: String) -> String? {
            for (i, a) in arguments.enumerated() {
                if a == option, i + 1 < arguments.count { return arguments[i + 1] }
                if a.hasPrefix(option + "=") { return String(a.dropFirst(option.count + 1)) }
            }
            return nil
        }
        return value("--lang").flatMap(Language.init(rawValue:))
            ?? PlacementDatabase.storedLanguage(path: DatabaseOptions.path(db: value("--db"))) ?? .en
    }

    /// The error to throw: a `ValidationError` (a usage error, exit 64) in the command's language.
    static func error(_ danish: String, _ english: String) -> ValidationError {
        let language = Self.language
        OutputLanguage.refused = language
        return ValidationError(language.pick(danish, english))
    }
}
