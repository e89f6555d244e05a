import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// The version after 6 keeps each import's record and each week's first report. An import
/// made before it is listed from its audit log entries: one per file, the files of one import
/// sharing its time, with the rows and changed rows the entry names; its changes were not kept.
@Suite struct MigrationImportsTests {
    @Test func importsMadeByVersion6AreListedFromTheirAuditEntries() throws {
        let dir = try TempDir()
        let path = dir.path("v6.sqlite")
        let keys = KeyLocation.folder(dir.url.appendingPathComponent("keys"))
        let (a, b, c) = (String(repeating: "a", count: 64), String(repeating: "b", count: 64), String(repeating: "c", count: 64))
        do {
            let db = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: keys)
            try db.write { d in
                // What version 6's import wrote: two files at one time, then one file later.
                for (at, sha, name, rows, changed) in [("2026-11-23T08:00:00Z", a, "borgere.csv", 48, 48),
                                                      ("2026-11-23T08:00:00Z", b, "tilbud.csv", 12, 12),
                                                      ("2026-11-30T08:00:00Z", c, "borgere.csv", 49, 2)] {
                    try AuditLog.append(d, at: at, command: "import", entity: "import", entityId: sha, action: "read",
                                        detail: "\(name), sha256 \(sha): \(rows) rows, \(changed) changed", source: name)
                }
                try d.execute(sql: SchemaRollback.toVersion6)
            }
            try db.writer.close()
        }
        let upgraded = try PlacementDatabase.open(path: path, keys: keys)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        let imports = try upgraded.read { try ImportRecords.all($0) }
        #expect(imports.map(\.id) == [1, 2])
        #expect(imports.map(\.at) == ["2026-11-23T08:00:00Z", "2026-11-30T08:00:00Z"])
        #expect(imports[0].files == [ImportRecord.File(name: "borgere.csv", sha256: a, rows: 48, changed: 48),
                                     ImportRecord.File(name: "tilbud.csv", sha256: b, rows: 12, changed: 12)])
        #expect(imports[1].files == [ImportRecord.File(name: "borgere.csv", sha256: c, rows: 49, changed: 2)])
        #expect(imports.allSatisfy { $0.changes == nil && $0.asOf == nil && $0.conflicts == nil })
        #expect(imports.map(\.user) == [AuditUser.login, AuditUser.login])
        #expect(try upgraded.read { try ReportFirst.find($0, week: "2026-W48") } == nil)
    }
}
