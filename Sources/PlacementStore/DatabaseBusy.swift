import GRDB
import PlacementModel

/// A command could not get the write lock because another command is writing.
public struct DatabaseBusy: Error, CustomStringConvertible, Equatable {
    /// The command that wanted to write.
    public let command: String
    /// The one writing, when it left a note (see `WriterNote`).
    public let holder: WriterNote?
    /// How long the command waited, in whole seconds.
    public let waitedSeconds: Int
    public let language: Language

    /// "another command (placement import, process 4711, writing since 09:41:02 UTC)".
    public var holderText: String {
        guard let h = holder else {
            return language == .da ? "et andet program" : "another program"
        }
        let time = h.since.split(separator: "T").last.map { $0.replacingOccurrences(of: "Z", with: " UTC") } ?? h.since
        return language == .da
            ? "placement \(h.command) (proces \(h.processId), skriver siden \(time))"
            : "placement \(h.command) (process \(h.processId), writing since \(time))"
    }

    public var description: String {
        language == .da
            ? "Databasen er optaget: \(holderText) skriver i den. placement \(command) ventede \(waitedSeconds) s og har ikke ændret noget; prøv igen, når den anden er færdig."
            : "The database is busy: \(holderText) is writing to it. placement \(command) waited \(waitedSeconds) s and changed nothing; try again when the other has finished."
    }
}

extension DatabaseBusy {
    /// The database's language, read on the connection that found the lock taken.
    static func language(of db: Database) -> Language {
        ((try? String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'language'")) ?? nil)
            .flatMap(Language.init(rawValue:)) ?? .da
    }
}
