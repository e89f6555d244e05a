import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import PlacementWeb
import Testing

/// The demo world (seeds/, as of 2026-11-23) in a database file with three users, made once
/// per test run and copied for each test, so that tests may change their own copy.
enum DemoTemplate {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("seeds")
    static let seedDay = Day(iso: "2026-11-23")!
    static let password = "correct horse battery"
    /// Users of every role: `reader`, `planner`, `admin`.
    static let users: [(String, Role)] = [("reader", .readOnly), ("planner", .planner), ("admin", .administrator)]

    /// The folder holding `demo.sqlite` and its `keys/`.
    static let folder: Result<URL, any Error> = Result(catching: {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("placement-web-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let keys = KeyLocation.folder(url.appendingPathComponent("keys"))
        let db = try PlacementDatabase.create(path: url.appendingPathComponent("demo.sqlite").path, planningArea: [615], language: .da, keys: keys, user: "setup")
        let files = ["residences.csv", "places.csv", "citizens.csv", "placements.csv"].map { seeds.appendingPathComponent($0) }
        let report = try Importer(database: db, options: ImportOptions(asOf: seedDay)).run(files: files)
        guard !report.hasErrors else { throw StoreError.invalid("the seeds did not import: \(report.issues.first.map(String.init(describing:)) ?? "")") }
        try db.write(command: "test setup") { d in
            for (name, role) in users { try UserStore.add(d, name: name, role: role, password: password, command: "test setup", cost: 4) }
        }
        try db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try db.writer.close()
        return url
    })
}

/// One test's own copy of the demo database, the app over it, and a clock the test moves.
final class WebWorld: @unchecked Sendable {
    let dir: TempDir
    let database: WebDatabase
    let clock: TestClock
    let arguments: WebArguments
    var path: String { dir.path("demo.sqlite") }
    var keys: KeyLocation { dir.keys }

    init(secureCookies: Bool = false, sessionLifetime: TimeInterval = 8 * 3600, limiter: LoginLimiter = LoginLimiter()) throws {
        dir = try TempDir()
        let template = try DemoTemplate.folder.get()
        for item in try FileManager.default.contentsOfDirectory(atPath: template.path) {
            try FileManager.default.copyItem(at: template.appendingPathComponent(item), to: dir.url.appendingPathComponent(item))
        }
        database = try WebDatabase(path: dir.path("demo.sqlite"), keys: dir.keys)
        // Wednesday of week 48, two days after the seeds' day.
        clock = TestClock(Date(timeIntervalSince1970: 1_795_600_800))
        let c = clock
        arguments = WebArguments(database: database, secureCookies: secureCookies, sessionLifetime: sessionLifetime, bcryptCost: 4,
                                 limiter: limiter, clock: { c.now })
    }

    func app() throws -> some ApplicationProtocol { Application(router: try WebApp.buildRouter(arguments)) }

    /// Reads the database directly, as a check beside the pages.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let db = try PlacementDatabase.open(path: path, keys: keys, access: .read)
        defer { try? db.writer.close() }
        return try db.read(body)
    }
}

final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    init(_ date: Date) { self.date = date }
    var now: Date { lock.withLock { date } }
    func advance(_ seconds: TimeInterval) { lock.withLock { date = date.addingTimeInterval(seconds) } }
}

/// A browser's view of the app in a test: it keeps cookies and reads each page's CSRF token.
struct Browser {
    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let text: String
        var location: String? { headers[.location] }
        /// The form token in the page, as a browser would send it back.
        var csrf: String? { Browser.firstMatch(#"name="csrf" value="([0-9a-f]+)""#, in: text) }
    }

    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), m.numberOfRanges > 1,
              let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }

    mutating func send(_ uri: String, method: HTTPRequest.Method, body: Data? = nil, contentType: String? = nil) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard kv.count == 2 else { continue }
            if kv[1].isEmpty || header.contains("Max-Age=0") { cookies[kv[0]] = nil } else { cookies[kv[0]] = kv[1] }
        }
        return Page(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    mutating func get(_ uri: String) async throws -> Page { try await send(uri, method: .get) }

    /// Posts a form with the given fields (the CSRF token first, when given).
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: String?) async throws -> Page {
        let all = (csrf.map { [("csrf", $0)] } ?? []) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form with files, as the upload form does.
    mutating func upload(_ uri: String, fields: [(String, String)], files: [(field: String, name: String, bytes: Data)], csrf: String?) async throws -> Page {
        let boundary = "----placement-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in (csrf.map { [("csrf", $0)] } ?? []) + fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for f in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(f.field)\"; filename=\"\(f.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
            body += f.bytes + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return try await send(uri, method: .post, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }

    /// Logs in as `name`; returns the landing page's CSRF token.
    @discardableResult
    mutating func login(_ name: String, password: String = DemoTemplate.password) async throws -> Page {
        let form = try await get("/login")
        return try await post("/login", [("name", name), ("password", password), ("next", "/")], csrf: form.csrf)
    }

    /// The CSRF token of the session (read off a page).
    mutating func token() async throws -> String {
        let page = try await get("/")
        guard let t = page.csrf else { throw StoreError.invalid("no CSRF token on the overview") }
        return t
    }
}
