import Foundation
import GRDB
import PlacementModel
import PlacementStore

/// A past import as `placement imports` shows it: its record (files, SHA-256, user, time)
/// with what it changed read back as the import's own values.
public struct PastImport: Sendable, Equatable {
    public var record: ImportRecord
    /// nil: made before schema version 7, when the changes were not kept.
    public var changes: [ImportChange]?
    public var conflicts: [ImportConflictNote]?

    public var number: Int64 { record.id }

    /// One line: each file's rows, then the changes counted by kind and the conflicts.
    public func summary(_ language: Language) -> String {
        let w = ImportWords.of(language)
        let files = record.files.map { w.fileRows($0.name, $0.rows, $0.changed) }.joined(separator: "; ")
        guard let changes else { return "\(files). \(w.changesNotRecorded)" }
        var counts: [String] = ImportChange.Kind.allCases.compactMap { kind in
            let n = changes.filter { $0.kind == kind }.count
            return n == 0 ? nil : w.changeCount(kind, n)
        }
        if record.changesNotListed > 0 { counts.append(w.changesNotCounted(record.changesNotListed)) }
        if let conflicts, !conflicts.isEmpty { counts.append(w.conflictCount(conflicts.count)) }
        return "\(files). " + (counts.isEmpty ? w.noChanges : counts.joined(separator: ", "))
    }
}

public enum ImportHistory {
    static func past(_ r: ImportRecord) throws -> PastImport {
        let d = JSONDecoder()
        do {
            return PastImport(record: r, changes: try r.changes.map { try d.decode([ImportChange].self, from: $0) },
                              conflicts: try r.conflicts.map { try d.decode([ImportConflictNote].self, from: $0) })
        } catch {
            throw StoreError.invalid("import_record \(r.id): its changes cannot be read (\(error)).")
        }
    }

    /// Every import, oldest first.
    public static func all(_ db: Database) throws -> [PastImport] { try ImportRecords.all(db).map(past) }

    public static func find(_ db: Database, number: Int64) throws -> PastImport? {
        try ImportRecords.find(db, id: number).map(past)
    }
}
