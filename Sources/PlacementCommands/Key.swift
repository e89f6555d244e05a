import ArgumentParser
import Foundation
import PlacementModel
import PlacementStore

extension Placement {
    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key",
            abstract: "Move the pseudonym key between computers: export it to a file, import it from one.",
            discussion: """
                The key that turns CPR numbers into pseudonyms is not in the database: it is in a key file \
                (mode 0600) in ~/.config/placement/keys, named by the database's id, or where --key-file or \
                PLACEMENT_KEY_FILE says. Without it everything works except importing CPR numbers and \
                finding a citizen by CPR number. Anyone with both the key and the database can turn \
                pseudonyms back into CPR numbers: never keep the key beside the database or its backups.

                Examples:
                  placement key export /media/usb/horsens.key
                  placement key import /media/usb/horsens.key
                """,
            subcommands: [Export.self, Import.self])

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the database's pseudonym key to a file (mode 0600).")

            @OptionGroup var database: DatabaseOptions

            @Argument(help: ArgumentHelp("The file to write; it must not exist.", valueName: "file"))
            var file: String

            func run() throws {
                let db = try database.open()
                let language = try db.language()
                do {
                    try db.exportKey(to: URL(fileURLWithPath: file))
                } catch let e as KeyError {
                    throw UserError(KeyText.error(e, language), language: language)
                }
                print(KeyText.exported(file, language))
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "import", abstract: "Install a pseudonym key file exported from this database.")

            @OptionGroup var database: DatabaseOptions

            @Argument(help: ArgumentHelp("The key file written by `placement key export`.", valueName: "file"))
            var file: String

            func run() throws {
                let db = try database.open()
                let language = try db.language()
                let target: URL
                do {
                    target = try db.importKey(from: URL(fileURLWithPath: file))
                } catch let e as KeyError {
                    throw UserError(KeyText.error(e, language), language: language)
                }
                print(KeyText.imported(file, target.path, language))
            }
        }
    }
}

/// What the key commands say, in the database's language; never a key or a CPR number.
enum KeyText {
    static func created(_ path: String, _ l: Language) -> String {
        l == .da
            ? "Pseudonymnøglen er gemt i \(path) (kun læsbar for dig). Den er ikke i databasen: tag den med `placement key export FIL`, hvis databasen skal bruges på en anden computer, og gem den aldrig sammen med databasen eller dens sikkerhedskopier."
            : "The pseudonym key is in \(path) (readable by you only). It is not in the database: take it along with `placement key export FILE` if the database moves to another computer, and never keep it with the database or its backups."
    }

    static func exported(_ file: String, _ l: Language) -> String {
        l == .da
            ? "Nøglen er skrevet til \(file). ADVARSEL: med nøglen og databasen kan pseudonymer føres tilbage til CPR-numre. Flyt filen ad en sikker vej, opbevar den aldrig sammen med databasen eller dens sikkerhedskopier, og slet den, når den er importeret med `placement key import`."
            : "The key is written to \(file). WARNING: with the key and the database, pseudonyms can be traced back to CPR numbers. Move the file by a safe route, never keep it with the database or its backups, and delete it once it has been imported with `placement key import`."
    }

    static func imported(_ file: String, _ target: String, _ l: Language) -> String {
        l == .da
            ? "Nøglen er lagt i \(target). Slet nu \(file): en kopi af nøglen uden for nøglemappen kan bruges til at føre pseudonymer tilbage til CPR-numre."
            : "The key is in \(target). Now delete \(file): a copy of the key outside the key folder can be used to trace pseudonyms back to CPR numbers."
    }

    /// The key is needed (a CPR number was given) but not here.
    static func missing(_ path: String, _ l: Language) -> String {
        l == .da
            ? "Et CPR-nummer kan kun bruges med databasens pseudonymnøgle, og den findes ikke på denne computer (søgt i \(path)). Importér den med `placement key import FIL`, angiv den med --key-file, eller brug borgerens pseudonym."
            : "A CPR number can only be used with the database's pseudonym key, which is not on this computer (looked for \(path)). Import it with `placement key import FILE`, name it with --key-file, or use the citizen's pseudonym."
    }

    static func error(_ e: KeyError, _ l: Language) -> String {
        guard l == .da else { return e.description }
        switch e {
        case .unreadable(let p): return "Nøglefilen \(p) kan ikke læses."
        case .notAKeyFile(let p): return "\(p) er ikke en nøglefil fra placement."
        case .exists(let p): return "Der findes allerede en anden fil i \(p); den er ikke ændret."
        case .cannotWrite(let p): return "Nøglefilen \(p) kan ikke skrives."
        case .otherDatabase(let p): return "Nøglefilen \(p) hører til en anden database."
        case .missing(let p): return "Databasens pseudonymnøgle findes ikke på denne computer (søgt i \(p)). Importér den med `placement key import FIL`, eller angiv den med --key-file."
        }
    }
}
