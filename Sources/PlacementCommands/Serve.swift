import ArgumentParser
import Dispatch
import Foundation
import PlacementStore
import PlacementWeb

extension Placement {
    /// `placement serve`: the planners' web app over the same database. This only starts it;
    /// the app is the PlacementWeb library.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the web app: the week's work in a browser, with logins, in Danish and English.",
            discussion: """
                Binds to 127.0.0.1 (this computer only) unless --host says otherwise. The first time, \
                create an administrator with --init-admin (the password is PLACEMENT_ADMIN_PASSWORD, or one \
                is made and printed once); more users with `placement user add`.

                Opened to a network with --host, put a TLS proxy in front (nginx, Caddy) and add \
                --secure-cookies; the command prints an example.

                Examples:
                  placement serve --db demo.sqlite --init-admin
                  placement serve --db demo.sqlite --port 8081
                  placement serve --host 0.0.0.0 --secure-cookies
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on.")
        var port = 8080

        @Flag(name: .customLong("init-admin"), help: "Create the first administrator if the database has no users yet.")
        var initAdmin = false

        @Option(name: .customLong("admin-name"), help: "The first administrator's user name (with --init-admin).")
        var adminName = "admin"

        @Flag(name: .customLong("secure-cookies"), help: "Mark cookies Secure: the browser reaches the app through TLS (a proxy in front).")
        var secureCookies = false

        @Option(name: .customLong("session-hours"), help: "Hours a login lasts.")
        var sessionHours = 8

        func validate() throws {
            guard (1...65_535).contains(port) else { throw Refusal.error("--port skal være fra 1 til 65535.", "--port must be 1 to 65535.") }
            guard (1...24 * 30).contains(sessionHours) else { throw Refusal.error("--session-hours skal være fra 1 til 720.", "--session-hours must be 1 to 720.") }
        }

        func run() throws {
            let web = try WebDatabase(path: database.path, keys: database.keys, writeWait: database.writeWait)
            if initAdmin { try Self.createFirstAdmin(database: database, name: adminName) }
            let arguments = WebArguments(database: web, host: host, port: port, secureCookies: secureCookies,
                                         sessionLifetime: TimeInterval(sessionHours * 3600))
            print("placement serve: http://\(host == "0.0.0.0" ? "localhost" : host):\(port)/ on \(database.path) (Ctrl-C stops it)")
            if !Self.isLoopback(host) { print(Self.tlsAdvice(port: port, secure: secureCookies)) }
            let done = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do { try await WebApp.serve(arguments) } catch { failure.error = error }
                done.signal()
            }
            done.wait()
            if let error = failure.error { throw error }
        }

        static func isLoopback(_ host: String) -> Bool { host == "127.0.0.1" || host == "localhost" || host == "::1" }

        static func tlsAdvice(port: Int, secure: Bool) -> String {
            """
            This app is now reachable from the network over plain HTTP. Put TLS in front of it, for example nginx:
                server {
                    listen 443 ssl;
                    server_name placement.example.dk;
                    ssl_certificate     /etc/ssl/placement.crt;
                    ssl_certificate_key /etc/ssl/placement.key;
                    location / { proxy_pass http://127.0.0.1:\(port); proxy_set_header Host $host; }
                }
            and serve on 127.0.0.1 behind it with --secure-cookies\(secure ? " (set)" : " (not set now: cookies would also go over plain HTTP)").
            """
        }

        /// The first administrator, only while there is no user at all.
        static func createFirstAdmin(database: DatabaseOptions, name: String) throws {
            let db = try database.open()
            let given = ProcessInfo.processInfo.environment["PLACEMENT_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            let password = given ?? Passwords.generate()
            let created = try db.write(command: "serve --init-admin") { d -> Bool in
                guard try UserStore.count(d) == 0 else { return false }
                try UserStore.add(d, name: name, role: .administrator, password: password, command: "serve --init-admin")
                return true
            }
            try db.writer.close()
            if !created {
                print("There are users already; --init-admin created none (use placement user add or reset-password).")
            } else if given == nil {
                print("Created the administrator \(name) with the password \(password) (shown only now; change it with placement user reset-password).")
            } else {
                print("Created the administrator \(name) with the password from PLACEMENT_ADMIN_PASSWORD.")
            }
        }
    }
}

/// The server's error, handed from its task to the waiting command.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
