import Foundation
import GRDB
import GRDBSQLite
import PlacementModel

// Reading rows straight from SQLite's statement, for the passes over tens of thousands of rows
// that `placement status` and the waiting list make: GRDB's `Row` and `RowReader` per row cost
// more there than SQLite's own work. A reader here reads only values of the schema's own type
// (TEXT, INTEGER, a stored `yyyy-mm-dd`); on anything else it leaves the rows to `RowReader`,
// whose message names the row.

enum StatementColumns {
    /// Runs `sql` and calls `body` with SQLite's statement at each row, until `body` returns false.
    static func step(_ db: Database, sql: String, arguments: StatementArguments = [],
                     _ body: (OpaquePointer) throws -> Bool) throws {
        let statement = try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while try rows.next() != nil {
            guard try body(statement.sqliteStatement) else { return }
        }
    }

    /// Whether column `i` holds a value of SQLite type `type` (`SQLITE_TEXT`, `SQLITE_INTEGER`, ...).
    static func isType(_ s: OpaquePointer, _ i: Int32, _ type: Int32) -> Bool { sqlite3_column_type(s, i) == type }

    /// Column `i` as text, as GRDB reads it (`String(cString:)`); "" for NULL.
    static func text(_ s: OpaquePointer, _ i: Int32) -> String {
        sqlite3_column_text(s, i).map { String(cString: $0) } ?? ""
    }

    /// Column `i`'s bytes as text (no copy: valid until the statement steps on).
    static func bytes(_ s: OpaquePointer, _ i: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: sqlite3_column_text(s, i), count: Int(sqlite3_column_bytes(s, i)))
    }

    /// Whether a column's bytes are `bytes`.
    static func equal(_ column: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        guard column.count == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            // Of the same length, and no address only when empty.
            guard let c = column.baseAddress, let a = b.baseAddress else { return true }
            return memcmp(c, a, column.count) == 0
        }
    }

    /// Column `i` as a supported day stored as `yyyy-mm-dd` (what `RowReader.day` accepts), nil
    /// for anything else: NULL, another type, another form of date, an unsupported day.
    static func day(_ s: OpaquePointer, _ i: Int32) -> Day? {
        guard isType(s, i, SQLITE_TEXT), let day = Day.storedForm(bytes(s, i)), day.isSupported else { return nil }
        return day
    }
}
