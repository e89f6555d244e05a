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

    var path: String {
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
        let db = try PlacementDatabase.open(path: path, keys: keys, user: userName, access: access, writeWait: writeWait)
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
        guard day.isSupported else { throw ValidationError("\(option) \(day.iso) \(Day.unsupportedPhrase(.en)).") }
    }
}

extension Optional where Wrapped == DayArgument {
    /// `requireSupported` when the option was given.
    func requireSupported(_ option: String) throws { try self?.requireSupported(option) }
}

enum Clock {
    /// Today's date where the program runs (UTC is close enough for a calendar day in Denmark
    /// except around midnight; planners pass --as-of when it matters).
    static var today: Day {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .gmt
        let c = cal.dateComponents([.year, .month, .day], from: Date())
        // The calendar always gives the three parts; 1970-01-01 stands in should it not.
        return Day(clampedYear: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }
}

/// One clear sentence for a user-facing failure, and a non-zero exit.
struct UserError: Error, CustomStringConvertible {
    let description: String
    /// The language the message is in (nil: the opened database's, `OutputLanguage`): a
    /// Danish one is printed after "Fejl:", not "Error:".
    var language: Language?
    init(_ description: String) { self.description = description }
    init(_ description: String, language: Language) {
        self.description = description
        self.language = language
    }
}

/// `--json` of match, status, import and conflicts: their keys are spelled out, and some of
/// their dictionaries are keyed by ids, which a key strategy would rewrite.
func printJSON(_ value: some Encodable) throws {
    let data = try JSONOutput.encoder(snakeCase: false).encode(value)
    print(String(decoding: data, as: UTF8.self))
}

/// The language of the database the command opened: the word before a refusal ("Fejl:" or
/// "Error:") follows it. One command runs per process, on one thread.
enum OutputLanguage {
    nonisolated(unsafe) static var opened: Language?
}
