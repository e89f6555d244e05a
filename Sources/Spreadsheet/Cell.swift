/// One cell of a sheet, as a spreadsheet program holds it.
///
/// CSV files only ever give `.text` and `.empty`: typing a CSV field (numbers with
/// decimal commas, Danish dates) is the importer's job. XLSX files give real types.
public enum Cell: Sendable, Hashable {
    /// Nothing in the cell (or only an empty string).
    case empty
    /// Text, exactly as typed (no trimming).
    case text(String)
    /// A number as exact decimal text with `.` as the decimal separator and no
    /// exponent, e.g. `"1234.5"`, `"-0.0025"`, `"45000"`. XLSX numbers are rounded to the
    /// 15 significant digits that Excel shows, so `1234.0999999999999` reads `"1234.1"`.
    case number(String)
    /// A calendar date (a date-formatted XLSX number; any time of day is dropped).
    case date(CalendarDate)
    /// TRUE or FALSE.
    case bool(Bool)
    /// An error value such as `#N/A` or `#DIV/0!`, or a date that cannot exist.
    case error(String)
    /// A formula with no stored value: the file was written by a program that does not
    /// calculate (a script), not saved by Excel or LibreOffice, so what the formula gives is
    /// not in the file. Holds the formula without its `=` (empty for a shared formula's
    /// follower cells, which carry none of their own).
    case uncalculatedFormula(String)

    /// The cell as the user sees it: number text, a date as `yyyy-mm-dd`,
    /// `TRUE`/`FALSE`, the error text, an uncalculated formula as `=` and the formula;
    /// `""` for an empty cell.
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .number(let s): return s
        case .date(let d): return d.description
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .uncalculatedFormula(let f): return "=" + f
        }
    }

    /// True for `.empty` only.
    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}
