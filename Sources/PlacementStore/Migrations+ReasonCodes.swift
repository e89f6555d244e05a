import Foundation
import GRDB

extension Migrations {
    /// A proposal's reasons are stored as codes with their parameters (the matcher's
    /// `MatchReason`, as JSON), worded when shown in the reader's language. Reasons an older
    /// version stored as sentences cannot be read back into codes, so each becomes a `worded`
    /// code holding its sentence: an old run shows its reasons as they were written, in the
    /// language of the run. The version number marks the new shape, so that an older program
    /// refuses the file instead of reading its reasons as none.
    static func reasonCodes(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT run_id, citizen_id, reasons FROM proposal")
        for row in rows {
            let r = RowReader(row, table: "proposal")
            let text: String = try r.value(2)
            guard let sentences = try? JSONDecoder().decode([String].self, from: Data(text.utf8)), !sentences.isEmpty else { continue }
            let codes = sentences.map { ["worded": ["text": $0]] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try db.execute(sql: "UPDATE proposal SET reasons = ? WHERE run_id = ? AND citizen_id = ?",
                           arguments: [String(decoding: try encoder.encode(codes), as: UTF8.self),
                                       try r.value(0) as Int64, try r.value(1) as String])
        }
    }
}
