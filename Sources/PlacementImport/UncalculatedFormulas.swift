import Foundation
import Spreadsheet

/// Formula cells whose value the file does not hold (`Cell.uncalculatedFormula`): written by a
/// script, never opened and saved by a spreadsheet program. Reading them as empty would drop
/// data without a word, so each is an error, one per column naming its cells (`F5`, `F5–F9`),
/// and the planner is told to open and save the file.
struct UncalculatedFormulas {
    /// Row numbers by column, in reading order.
    private var rows: [Int: [Int]] = [:]
    /// The header text of each column seen, for the message.
    private var headers: [Int: String] = [:]

    /// Notes the row's uncalculated cells in columns that give a field (or in every column, for
    /// the header row); true when there were any, so the row is refused.
    mutating func look(at row: SheetRow, map: ColumnMap?) -> Bool {
        var found = false
        row.forEachNonEmpty { i in
            guard case .uncalculatedFormula = row.cell(i) else { return }
            if let map {
                guard let field = map.field(at: i) else { return }
                headers[i] = map.header[field]
            }
            rows[i, default: []].append(row.number)
            found = true
        }
        return found
    }

    var isEmpty: Bool { rows.isEmpty }

    func issues(file: String, sheet: String?, words: ImportWords) -> [ImportIssue] {
        rows.keys.sorted().map { column in
            let numbers = rows[column] ?? []
            let letter = ColumnName.letters(column)
            let cells = ImportIssue.ranges(numbers).split(separator: ",").map { part -> String in
                part.split(separator: "–").map { letter + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "–")
            }.joined(separator: ", ")
            return ImportIssue(.error, file: file, sheet: sheet, row: numbers.first, column: headers[column],
                               message: words.uncalculatedFormulas(cells, numbers.count))
        }
    }
}
