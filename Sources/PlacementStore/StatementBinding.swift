import Foundation
import GRDB
import GRDBSQLite
import PlacementModel

// Binding values one at a time through SQLite's C interface, for the writes an import repeats
// for every row. `StatementArguments` boxes each value as an existential and copies it twice;
// on a million-row import that cost more than SQLite's own work. Statements bound here are
// only ever bound here, so GRDB's record of their arguments is never consulted.

/// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Statement {
    public func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(sqliteStatement, index); return }
        text.withUTF8 { bytes in
            // An empty buffer may have no address, which SQLite would read as NULL.
            guard let base = bytes.baseAddress else {
                sqlite3_bind_text(sqliteStatement, index, "", 0, transient)
                return
            }
            sqlite3_bind_text(sqliteStatement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }

    public func bind(_ index: Int32, _ value: Int?) {
        guard let value else { sqlite3_bind_null(sqliteStatement, index); return }
        sqlite3_bind_int64(sqliteStatement, index, Int64(value))
    }

    public func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(sqliteStatement, index); return }
        sqlite3_bind_int64(sqliteStatement, index, value)
    }

    public func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(sqliteStatement, index, value ? 1 : 0)
    }

    /// A day as the stored `yyyy-mm-dd` text, written without an intermediate `String`.
    public func bind(_ index: Int32, _ day: Day?) {
        guard let day else { sqlite3_bind_null(sqliteStatement, index); return }
        let c = day.components
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 10) { buffer in
            func digits(_ value: Int, _ count: Int, at offset: Int) {
                var v = value
                for i in stride(from: offset + count - 1, through: offset, by: -1) {
                    buffer[i] = CChar(48 + v % 10)
                    v /= 10
                }
            }
            digits(c.year, 4, at: 0)
            buffer[4] = 45
            digits(c.month, 2, at: 5)
            buffer[7] = 45
            digits(c.day, 2, at: 8)
            sqlite3_bind_text(sqliteStatement, index, buffer.baseAddress, 10, transient)
        }
    }

    public func bind(_ index: Int32, _ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            // An empty blob is still a blob, not NULL.
            sqlite3_bind_blob(sqliteStatement, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), transient)
        }
    }

    /// The first row's integer and blob columns 0 and 1, or nil without a row (a bound read of
    /// the audit chain's head, `AuditLog.append`).
    public func fetchBoundIntegerAndBlob() throws -> (Int64, Data)? {
        let code = sqlite3_step(sqliteStatement)
        defer { sqlite3_reset(sqliteStatement) }
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw boundError(code) }
        let id = sqlite3_column_int64(sqliteStatement, 0)
        let count = Int(sqlite3_column_bytes(sqliteStatement, 1))
        guard count > 0, let base = sqlite3_column_blob(sqliteStatement, 1) else { return (id, Data()) }
        return (id, Data(bytes: base, count: count))
    }

    /// Runs a statement bound with the functions above, then readies it for the next row.
    public func runBound() throws {
        let code = sqlite3_step(sqliteStatement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw boundError(code) }
        sqlite3_reset(sqliteStatement)
    }

    /// The first column of every result row, as integers.
    public func fetchBoundInt64s() throws -> [Int64] {
        var out: [Int64] = []
        while true {
            let code = sqlite3_step(sqliteStatement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw boundError(code) }
            out.append(sqlite3_column_int64(sqliteStatement, 0))
        }
        sqlite3_reset(sqliteStatement)
        return out
    }

    private func boundError(_ code: Int32) -> DatabaseError {
        let connection = sqlite3_db_handle(sqliteStatement)
        let message = sqlite3_errmsg(connection).map { String(cString: $0) }
        sqlite3_reset(sqliteStatement)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}
