import Spreadsheet

/// Data standing in a column the header does not name: under a blank header cell, under an
/// unreadable one (`#REF!`), or under a second header for a field another column already
/// gives. The importer cannot tell what such a column means, so it must not guess: the data
/// would be dropped silently (a field cleared for every row, or replaced by a default). A
/// column like that with nothing under it is harmless and passes.
struct HeaderCheck {
    enum Reason: Equatable {
        case blank
        case unreadable(String)
        /// Repeats the header of the column at `first`, which gives the field `field`.
        case repeated(field: String, first: Int)
    }

    /// The header cells (trimmed), by column.
    private let headers: [String]
    /// Why each column the header row covers names no field (absent: it does, or it is an
    /// unknown header, reported and ignored as IMPORT.md says). Columns right of the header
    /// row are blank.
    private let reasons: [Int: Reason]
    /// `reasons[i] != nil`, as an array: looked at for every cell of every row.
    private let suspect: [Bool]
    /// The first data cell found in each suspect column: (row, text).
    private var firstData: [Int: (row: Int, text: String)] = [:]

    init(map: ColumnMap, headerRow: SheetRow) {
        let headers = (0..<headerRow.count).map { CellParsing.trimmed(headerRow.text($0)) }
        self.headers = headers
        var reasons: [Int: Reason] = [:]
        for i in headers.indices {
            reasons[i] = HeaderCheck.reason(i, headers: headers, cell: headerRow.cell(i), map: map)
        }
        self.reasons = reasons
        suspect = headers.indices.map { reasons[$0] != nil }
    }

    /// Why column `i` of the header names no field, or nil when it does (or is an unknown header).
    static func reason(_ i: Int, headers: [String], cell: Cell, map: ColumnMap) -> Reason? {
        let text = i < headers.count ? headers[i] : ""
        if text.isEmpty { return .blank }
        if case .error(let e) = cell { return .unreadable(e) }
        if isErrorValue(text) { return .unreadable(text) }
        if let field = map.field(at: i), map.index[field] != i, let first = map.index[field] {
            return .repeated(field: field, first: first)
        }
        return nil
    }

    /// Excel's error values, as a CSV export writes a header cell whose formula broke.
    static func isErrorValue(_ text: String) -> Bool {
        ["#REF!", "#NAME?", "#VALUE!", "#DIV/0!", "#N/A", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!"]
            .contains(text.uppercased())
    }

    /// Notes the first data cell of each suspect column in a data row.
    mutating func look(at row: SheetRow) {
        row.forEachNonEmpty { i in
            guard i >= suspect.count || suspect[i], firstData[i] == nil else { return }
            let text = CellParsing.trimmed(row.text(i))
            if !text.isEmpty { firstData[i] = (row.number, text) }
        }
    }

    /// One error per suspect column with data, at its first data cell, in column order; a
    /// warning for a repeated header with nothing under it.
    func issues(file: String, sheet: String?, headerRow: Int, words w: ImportWords = .en) -> [ImportIssue] {
        let emptyRepeats = reasons.keys.sorted().compactMap { i -> ImportIssue? in
            guard firstData[i] == nil, case .repeated(let field, let first) = reasons[i] else { return nil }
            return ImportIssue(.warning, file: file, sheet: sheet, row: headerRow, column: headers[i],
                               message: w.headerRepeatedEmpty(ColumnName.letters(first), field))
        }
        return emptyRepeats + firstData.sorted { $0.key < $1.key }.map { i, first in
            let (row, text) = first
            let letter = ColumnName.letters(i)
            switch reasons[i] ?? .blank {
            case .blank:
                return ImportIssue(.error, file: file, sheet: sheet, row: row, column: letter, value: text,
                                   message: w.headerBlank(headerRow))
            case .unreadable(let e):
                return ImportIssue(.error, file: file, sheet: sheet, row: row, column: letter, value: text,
                                   message: w.headerUnreadable(headerRow, e))
            case .repeated(let field, let first):
                return ImportIssue(.error, file: file, sheet: sheet, row: row, column: headers[i], value: text,
                                   message: w.headerRepeated(letter, ColumnName.letters(first), field))
            }
        }
    }
}
