import Foundation
import GRDB
import PlacementModel

extension PlacementDatabase {
    /// The language of the database at `path`, read on a read-only connection without the
    /// checks of `open`: a command refusing its arguments (`validate()`, before any database
    /// is opened for work) words the refusal in it. nil: no database there, or not one of ours.
    public static func storedLanguage(path: String) -> Language? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        let raw = try? queue.read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'language'") }
        return raw.flatMap { $0 }.flatMap(Language.init(rawValue:))
    }
}
