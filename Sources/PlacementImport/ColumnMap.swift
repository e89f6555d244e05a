import Spreadsheet

/// Which column of a sheet holds which field, from its header row.
struct ColumnMap {
    let kind: SheetKind
    private(set) var index: [String: Int] = [:]
    private(set) var header: [String: String] = [:]
    private(set) var unknown: [String] = []
    /// For an unknown header that resembles a known one, that one (`HeaderMatch.suggestion`).
    private(set) var suggestions: [String: String] = [:]
    /// The field each header cell names, repeats included (column index → field name).
    private(set) var fieldAt: [Int: String] = [:]

    init(kind: SheetKind, headerRow: SheetRow) {
        self.kind = kind
        for i in 0..<headerRow.count {
            let text = CellParsing.trimmed(headerRow.text(i))
            guard !text.isEmpty else { continue }
            // A formula error is no header at all (see HeaderCheck), not an unknown column.
            if case .error = headerRow.cell(i) { continue }
            if HeaderCheck.isErrorValue(text) { continue }
            if let column = HeaderMatch.column(text, in: kind.columns) {
                fieldAt[i] = column.name
                if index[column.name] != nil { continue }  // a repeat: see HeaderCheck
                index[column.name] = i
                header[column.name] = text
            } else {
                unknown.append(text)
            }
        }
        for u in unknown {
            suggestions[u] = HeaderMatch.suggestion(for: u, in: kind.columns, taken: Set(index.keys))
        }
    }

    /// How many header cells name a field: how much a row looks like this kind's header.
    var fieldCount: Int { fieldAt.count }

    var missingRequired: [Column] { kind.columns.filter { $0.isRequired && index[$0.name] == nil } }

    func has(_ name: String) -> Bool { index[name] != nil }

    /// The field the header cell of column `i` names, if any.
    func field(at i: Int) -> String? { fieldAt[i] }
}

/// One data row with typed access to its fields; problems are collected, not thrown, so a
/// file's every problem is reported at once.
struct RowFields {
    let row: SheetRow
    let map: ColumnMap
    let file: String
    let sheet: String?
    /// The run's sentences (its language).
    let words: ImportWords
    private(set) var issues: [ImportIssue] = []

    init(row: SheetRow, map: ColumnMap, file: String, sheet: String?, words: ImportWords = .en) {
        self.row = row
        self.map = map
        self.file = file
        self.sheet = sheet
        self.words = words
    }

    /// A field as this file names it (its header), for a message about another field.
    func columnName(_ name: String) -> String {
        map.header[name] ?? (words.language == .da ? Column.named(name, in: map.kind.columns)?.danishName ?? name : name)
    }

    var hasErrors: Bool { issues.contains { $0.severity == .error } }

    func cell(_ name: String) -> Cell {
        guard let i = map.index[name] else { return .empty }
        let c = row.cell(i)
        if case .text(let s) = c, CellParsing.trimmed(s).isEmpty { return .empty }
        return c
    }

    func isEmpty(_ name: String) -> Bool { cell(name).isEmpty }

    mutating func error(_ name: String?, _ message: String, value: String? = nil) {
        issues.append(ImportIssue(.error, file: file, sheet: sheet, row: row.number,
                                  column: name.flatMap { map.header[$0] ?? $0 }, value: value, message: message))
    }

    mutating func warning(_ name: String?, _ message: String, value: String? = nil) {
        issues.append(ImportIssue(.warning, file: file, sheet: sheet, row: row.number,
                                  column: name.flatMap { map.header[$0] ?? $0 }, value: value, message: message))
    }

    /// The field parsed, or nil with an error (also when it is empty).
    mutating func required<T>(_ name: String, _ parse: (Cell) -> CellParsing.Parsed<T>) -> T? {
        let c = cell(name)
        if c.isEmpty {
            error(name, words.requiredEmpty)
            return nil
        }
        return parsed(name, c, parse)
    }

    /// The field parsed, nil when empty, or nil with an error when it does not parse.
    mutating func optional<T>(_ name: String, _ parse: (Cell) -> CellParsing.Parsed<T>) -> T? {
        let c = cell(name)
        if c.isEmpty { return nil }
        return parsed(name, c, parse)
    }

    mutating func text(_ name: String) -> String? {
        let c = cell(name)
        return c.isEmpty ? nil : CellParsing.trimmed(c.text)
    }

    private mutating func parsed<T>(_ name: String, _ c: Cell, _ parse: (Cell) -> CellParsing.Parsed<T>) -> T? {
        switch parse(c) {
        case .success(let v): return v
        case .failure(let e):
            error(name, words.expected(e.phrase), value: CellParsing.trimmed(c.text))
            return nil
        }
    }
}
