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
        // A record has letters in a second cell (its target groups, at least): the rest of
        // the row cannot change the answer then, so it is not looked at.
        struct Decided: Error {}
        try? row.forEachNonEmpty { i in
            if firstText == nil {
                let t = CellParsing.trimmed(row.text(i))
                if !t.isEmpty { firstText = (i, t) }
                return
            }
            // Trimming keeps every letter, so the untrimmed text has one exactly when the trimmed has.
            if case .text = row.cell(i), hasLetter(row.text(i)) {
                lettersElsewhere = true
                throw Decided()
            }
        }
        guard let (column, text) = firstText else { return nil }
        if isTotalsWord(text) { return .totals }
        guard column == firstColumn, !lettersElsewhere, hasLetter(text) else { return nil }
        // A record missing a required field other than the first column is no record at all.
        let missing = map.kind.columns.contains { c in
            guard c.isRequired, let i = map.index[c.name], i != firstColumn else { return false }
            return CellParsing.trimmed(row.text(i)).isEmpty
        }
        return missing ? .textOnlyInFirstColumn : nil
    }

    /// Whether `text` has a letter (`Character.isLetter`), read from its bytes when they are
    /// ASCII: every row is looked at, and most cells are ids, numbers and ASCII words.
    static func hasLetter(_ text: String) -> Bool {
        var nonASCII = false
        for b in text.utf8 {
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { return true }
            if b >= 0x80 { nonASCII = true }
        }
        return nonASCII && text.contains(where: \.isLetter)
    }

    /// The letters a totals word begins with: most first cells (an id, a name) are none of them.
    private static let initials = Set(words.compactMap(\.first))

    static func isTotalsWord(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }), let initial = first.lowercased().first,
              initials.contains(initial) else { return false }
        let t = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let bare = t.hasSuffix(":") ? String(t.dropLast()) : t
        return words.contains { bare == $0 || t.hasPrefix($0 + " ") || t.hasPrefix($0 + ":") }
    }
}
