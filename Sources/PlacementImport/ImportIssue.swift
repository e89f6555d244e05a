import PlacementModel

/// One problem found in a file, located as precisely as the file allows. Rendered in one
/// place (`text(_:)`), so every message reads the same way:
/// `Venteliste.csv row 14, column "Støtteniveau": "6" is not a support level (1-5)`, and in
/// Danish `Venteliste.csv række 14, kolonne "Støtteniveau": "6" er ikke et støtteniveau (1-5)`.
/// The message itself is worded when the issue is made, in the run's language (`ImportWords`).
public struct ImportIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// An error refuses the import; a warning lets it through but asks for a look; a notice
    /// says what the importer did on its own (rows it skipped).
    public enum Severity: String, Sendable, Codable { case error, warning, notice }

    public var severity: Severity
    public var file: String
    public var sheet: String?
    /// The row, or the first of `rows`.
    public var row: Int?
    /// Every row with this very problem (same column, value and message), when more than one:
    /// reported once, as `rows 4–34`.
    public var rows: [Int]?
    /// The column's header as written in the file.
    public var column: String?
    /// The offending value, already masked if it could be a CPR number.
    public var value: String?
    public var message: String

    public init(_ severity: Severity, file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil,
                value: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value.map(CPR.mask)
        self.message = message
    }

    public var description: String { text(.en) }

    /// The issue with its place worded in `language` (the message is already).
    public func text(_ language: Language) -> String {
        let w = ImportWords.of(language)
        var place = file
        if let sheet { place += ", \(w.sheet) \"\(sheet)\"" }
        if let rows, rows.count > 1 { place += " \(w.rows) \(Self.ranges(rows))" } else if let row { place += " \(w.row) \(row)" }
        if let column { place += (row == nil ? " " : ", ") + "\(w.column) \"\(column)\"" }
        if let value { return "\(place): \"\(value)\" \(message)" }
        return "\(place): \(message)"
    }

    /// Increasing numbers as runs: `4–34`, `4–6, 9, 12–30`.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count && numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(j == i ? "\(numbers[i])" : (j == i + 1 ? "\(numbers[i]), \(numbers[j])" : "\(numbers[i])–\(numbers[j])"))
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }

    /// The issues with each problem once: issues that differ only in their row become one,
    /// listing the rows, where the first of them stood. Idempotent.
    /// What makes two issues the same problem: everything but the row.
    struct GroupKey: Hashable {
        let severity: Severity, file: String, sheet: String?, column: String?, value: String?, message: String
    }

    var groupKey: GroupKey {
        GroupKey(severity: severity, file: file, sheet: sheet, column: column, value: value, message: message)
    }

    /// Adds a row to the rows with this problem (rows arrive in increasing order per sheet).
    mutating func join(row another: Int) {
        var all = rows ?? row.map { [$0] } ?? []
        if all.last.map({ $0 < another }) ?? true { all.append(another) } else if !all.contains(another) { all = (all + [another]).sorted() }
        rows = all.count > 1 ? all : nil
        row = all.first
    }

    static func grouped(_ issues: [ImportIssue]) -> [ImportIssue] {
        var out: [ImportIssue] = []
        var at: [GroupKey: Int] = [:]
        for issue in issues {
            guard let row = issue.row else { out.append(issue); continue }
            let key = issue.groupKey
            let rows = issue.rows ?? [row]
            if let i = at[key] {
                let merged = Set((out[i].rows ?? [out[i].row ?? row]) + rows).sorted()
                out[i].rows = merged
                out[i].row = merged.first
            } else {
                at[key] = out.count
                var first = issue
                first.rows = rows.count > 1 ? rows : nil
                out.append(first)
            }
        }
        return out
    }
}
