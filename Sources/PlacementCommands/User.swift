import ArgumentParser
import Foundation
import PlacementStore
import PlacementWeb

extension Role: ExpressibleByArgument {}

extension Placement {
    /// `placement user`: the web app's users, from the terminal.
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "Manage the web app's users: add, list, disable, reset-password.",
            discussion: """
                Roles: read_only (sees every page), planner (also matches, accepts, declines, imports, plans), \
                administrator (also users and the policy). A password is read from PLACEMENT_PASSWORD, or \
                made and printed once. Every change is in the audit log.

                Examples:
                  placement user add kirsten --role planner
                  placement user list
                  placement user disable kirsten
                  placement user reset-password kirsten
                """,
            subcommands: [Add.self, List.self, Disable.self, ResetPassword.self])

        static func password() -> (String, generated: Bool) {
            if let p = ProcessInfo.processInfo.environment["PLACEMENT_PASSWORD"], !p.isEmpty { return (p, false) }
            return (Passwords.generate(), true)
        }

        /// The refusal in the database's language (the command opened it before it could fail).
        static func refuse(_ error: AccountError) -> UserError {
            let language = OutputLanguage.opened ?? .en
            return UserError(error.text(language), language: language)
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user with a role.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The user name (letters, digits, '.', '-', '_').") var name: String
            @Option(help: "read_only, planner or administrator.") var role: Role = .planner

            func run() throws {
                let db = try database.open()
                let (password, generated) = User.password()
                do {
                    _ = try db.write(command: "user add") { try UserStore.add($0, name: name, role: role, password: password, command: "user add") }
                } catch let e as AccountError { throw User.refuse(e) }
                let da = try db.language() == .da
                switch (generated, da) {
                case (true, true): print("Tilføjede \(name) (\(role.rawValue)) med adgangskoden \(password) (vises kun nu).")
                case (false, true): print("Tilføjede \(name) (\(role.rawValue)).")
                case (true, false): print("Added \(name) (\(role.rawValue)) with the password \(password) (shown only now).")
                case (false, false): print("Added \(name) (\(role.rawValue)).")
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users and their roles.")
            @OptionGroup var database: DatabaseOptions

            func run() throws {
                let db = try database.open(.read)
                let users = try db.read { try UserStore.list($0) }
                let da = try db.language() == .da
                if users.isEmpty {
                    print(da ? "Ingen brugere endnu: `placement serve --init-admin` eller `placement user add NAVN --role administrator`."
                          : "No users yet: placement serve --init-admin, or placement user add NAME --role administrator.")
                    return
                }
                let width = max(4, users.map(\.name.count).max() ?? 0)
                for u in users {
                    print("\(u.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(u.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))  \(u.disabled ? (da ? "deaktiveret" : "disabled") : (da ? "aktiv" : "active"))  \(da ? "siden" : "since") \(u.createdAt)")
                }
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user and end their sessions.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The user name.") var name: String

            func run() throws {
                let db = try database.open()
                do {
                    try db.write(command: "user disable") { try UserStore.disable($0, name: name, command: "user disable") }
                } catch let e as AccountError { throw User.refuse(e) }
                print(try db.language() == .da ? "Deaktiverede \(name); brugerens sessioner er afsluttet." : "Disabled \(name); their sessions have ended.")
            }
        }

        struct ResetPassword: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Give a user a new password (and enable them again).")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The user name.") var name: String

            func run() throws {
                let (password, generated) = User.password()
                let db = try database.open()
                do {
                    try db.write(command: "user reset-password") {
                        try UserStore.resetPassword($0, name: name, password: password, command: "user reset-password")
                    }
                } catch let e as AccountError { throw User.refuse(e) }
                switch (generated, try db.language() == .da) {
                case (true, true): print("Ny adgangskode til \(name): \(password) (vises kun nu).")
                case (false, true): print("Ny adgangskode sat for \(name).")
                case (true, false): print("New password for \(name): \(password) (shown only now).")
                case (false, false): print("New password set for \(name).")
                }
            }
        }
    }
}
