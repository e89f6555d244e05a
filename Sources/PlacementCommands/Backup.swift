import ArgumentParser
import PlacementModel
import PlacementStore

extension Placement {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the database to a new file, while others go on reading and writing.",
            discussion: """
                The copy is the database as it was at one moment (SQLite's online backup), checked as \
                `placement check` does once written. The file must not exist yet.

                Examples:
                  placement backup backup-uge48.sqlite
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The new file.", valueName: "file"))
        var file: String

        func run() throws {
            let db = try database.open(.read)
            let language = try db.language()
            try db.backup(to: file)
            let findings = try DatabaseCheck.run(PlacementDatabase.open(path: file, keys: database.keys, access: .read))
            if !findings.isEmpty {
                print(CheckText.render(findings, path: file, language: language))
                throw ExitCode(1)
            }
            print(language == .da ? "Sikkerhedskopi skrevet til \(file)." : "Backup written to \(file).")
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Replace the database with a backup, if the backup passes `placement check`.",
            discussion: """
                The backup must be of the same planning area. It is checked and given its audit entry in a \
                staging copy, then copied into the database in one transaction: commands reading meanwhile see \
                the old state or the new, never a mixture. A command writing meanwhile makes the restore wait, \
                then give up.

                Examples:
                  placement restore backup-uge48.sqlite
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The backup to restore.", valueName: "file"))
        var file: String

        func run() throws {
            let db = try database.open()
            let language = try db.language()
            let da = language == .da
            switch try db.restore(from: file) {
            case .restored:
                print(da ? "\(database.path) er genskabt fra \(file)." : "\(database.path) is restored from \(file).")
            case .refused(let findings):
                print(CheckText.render(findings, path: file, language: language))
                throw UserError.worded("\(file) er ikke genskabt: sikkerhedskopien har fejl; databasen er uændret.",
                                       "\(file) was not restored: the backup has problems; the database is unchanged.", in: language)
            case .otherPlanningArea(let theirs, let ours):
                let list = { (codes: [Int]) in codes.map(String.init).joined(separator: ", ") }
                throw UserError.worded("\(file) er ikke genskabt: den er en sikkerhedskopi for kommune \(list(theirs)), databasen er for \(list(ours)); databasen er uændret.",
                                       "\(file) was not restored: it is a backup for municipality \(list(theirs)), the database is for \(list(ours)); the database is unchanged.",
                                       in: language)
            }
        }
    }
}
