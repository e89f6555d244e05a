/// One row of a sheet, handed to the `readRows` callback.
///
/// Columns are 0-based. Reading past `count` gives `.empty` / `""`. CSV fields are
/// decoded to `String` only when asked for, so skipping columns costs nothing. A row
/// may be kept after the callback returns: it never changes afterwards.
public struct SheetRow: @unchecked Sendable {
    // @unchecked: the CSV storage is a class, but the reader never mutates a storage
    // that anything besides itself still references (see `CSVRecord`).
    enum Storage {
        case none
        case csv(CSVRecord)
        case cells([Cell])
        /// Non-empty cells by increasing column, for a row whose few cells lie far apart.
        case sparse([Int], [Cell])
    }

    /// The row number the spreadsheet program shows (header = 1). For CSV it is the
    /// record number, so a quoted field spanning lines does not shift later rows.
    public let number: Int
    /// Columns up to and including the last non-empty one (trailing empty columns are
    /// not counted). 0 for an empty row.
    public let count: Int
    let storage: Storage

    init(number: Int, storage: Storage, count: Int) {
        self.number = number
        self.storage = storage
        self.count = count
    }

    /// A row with nothing in it.
    static func empty(_ number: Int) -> SheetRow {
        SheetRow(number: number, storage: .none, count: 0)
    }

    /// True when every cell of the row is empty.
    public var isEmpty: Bool { count == 0 }

    /// Whether a cell is empty, without decoding it.
    public func isEmpty(_ column: Int) -> Bool {
        guard column >= 0, column < count else { return true }
        switch storage {
        case .none: return true
        case .csv(let r): return r.isEmpty(column)
        case .cells(let c): return c[column].isEmpty
        case .sparse(let columns, _): return Self.position(of: column, in: columns) == nil
        }
    }

    /// The index of `column` in sorted `columns`, or nil.
    private static func position(of column: Int, in columns: [Int]) -> Int? {
        var lo = 0, hi = columns.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if columns[mid] < column { lo = mid + 1 } else { hi = mid }
        }
        return lo < columns.count && columns[lo] == column ? lo : nil
    }

    /// Calls `body` with each column that is not empty, in order: work in proportion to the
    /// cells present, whatever `count` claims.
    public func forEachNonEmpty(_ body: (Int) throws -> Void) rethrows {
        switch storage {
        case .none: return
        case .sparse(let columns, _): for c in columns { try body(c) }
        default: for c in 0..<count where !isEmpty(c) { try body(c) }
        }
    }

    /// True when no cell holds more than white space.
    public var isBlank: Bool {
        func visible(_ c: Int) -> Bool { text(c).contains { !$0.isWhitespace } }
        switch storage {
        case .none: return true
        case .sparse(let columns, _): return !columns.contains(where: visible)
        default: return !(0..<count).contains { !isEmpty($0) && visible($0) }
        }
    }

    /// The typed cell (`.text` or `.empty` for CSV).
    public func cell(_ column: Int) -> Cell {
        guard column >= 0, column < count else { return .empty }
        switch storage {
        case .none: return .empty
        case .csv(let r): return r.isEmpty(column) ? .empty : .text(r.string(column))
        case .cells(let c): return c[column]
        case .sparse(let columns, let cells): return Self.position(of: column, in: columns).map { cells[$0] } ?? .empty
        }
    }

    /// The cell as the user sees it: the text, number text, a date as `yyyy-mm-dd`,
    /// `TRUE`/`FALSE`, an error value; `""` for an empty cell.
    public func text(_ column: Int) -> String {
        guard column >= 0, column < count else { return "" }
        switch storage {
        case .none: return ""
        case .csv(let r): return r.string(column)
        case .cells(let c): return c[column].text
        case .sparse: return cell(column).text
        }
    }

    /// All cells, `count` of them.
    public var cells: [Cell] { (0..<count).map { cell($0) } }

    /// All cells as text, `count` of them.
    public var texts: [String] { (0..<count).map { text($0) } }
}
