import Spreadsheet

/// Rows below the header that hold no record: a totals row ("I alt", "Total", "Sum") or a
/// section label between groups of rows, whose only text stands in the first column. They
/// are skipped with a notice instead of failing as a record with its required fields empty.
enum TotalsRow {
    enum Reason: Equatable {
        /// The row's first cell is a totals word.
        case totals
        /// Text in the first column only, and a required field of the row empty.
        case textOnlyInFirstColumn
    }

    /// Totals words, lower-case; a cell is one of them, or starts with one and a space or `:`
    /// (`I alt (48 borgere)`, `Total: 48`).
    static let words = ["i alt", "ialt", "alt i alt", "total", "totalt", "total i alt", "totaler", "sum", "sum i alt",
                        "subtotal", "sub-total", "samlet", "samlet antal", "grand total", "in total", "totals"]

    /// Why `row` is no record, or nil when it is one.
    static func reason(_ row: SheetRow, map: ColumnMap, firstColumn: Int) -> Reason? {
        var firstText: (column: Int, text: String)?
        var lettersElsewhere = false
        row.forEachNonEmpty { i in
            let t = CellParsing.trimmed(row.text(i))
            guard !t.isEmpty else { return }
            if firstText == nil { firstText = (i, t); return }
            if case .text = row.cell(i), t.contains(where: \.isLetter) { lettersElsewhere = true }
        }
        guard let (column, text) = firstText else { return nil }
        if isTotalsWord(text) { return .totals }
        guard column == firstColumn, !lettersElsewhere, text.contains(where: \.isLetter) else { return nil }
        // A record missing a required field other than the first column is no record at all.
        let missing = map.kind.columns.contains { c in
            guard c.isRequired, let i = map.index[c.name], i != firstColumn else { return false }
            return CellParsing.trimmed(row.text(i)).isEmpty
        }
        return missing ? .textOnlyInFirstColumn : nil
    }

    static func isTotalsWord(_ text: String) -> Bool {
        let t = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let bare = t.hasSuffix(":") ? String(t.dropLast()) : t
        return words.contains { bare == $0 || t.hasPrefix($0 + " ") || t.hasPrefix($0 + ":") }
    }
}
