import PlacementModel
import Spreadsheet

/// Where a sheet's header row is, as planners lay sheets out: below a title
/// ("Venteliste pr. 23-11-2026"), blank rows, and a merged group-header row ("Borger",
/// "Bevilling" over the columns they group), none of which names the sheet's columns.
///
/// The header is the first of the sheet's first `searchedRows` non-blank rows that has every
/// required column of the kind; failing that, the one naming the most columns (at least two);
/// failing that, the first non-blank row, so that its missing columns are reported there.
/// Without a kind (none given, none in the sheet's name) a row is a header when its columns
/// tell the kind (`SheetKind.fromHeader`).
struct SheetLayout {
    /// The header row's number; nil for a sheet with no non-blank row.
    var headerRow: Int?
    /// The kind the header says (or the one given).
    var kind: SheetKind?

    static let searchedRows = 30

    /// Reads at most `searchedRows` non-blank rows. Throws the reader's `SpreadsheetError`.
    static func find(_ reader: any WorkbookReader, _ sheet: SheetInfo, kind given: SheetKind?) throws -> SheetLayout {
        var search = HeaderSearch(kind: given)
        var found: SheetLayout?
        do {
            try reader.readRows(sheet: sheet.index) { row in
                if row.isBlank { return }
                if let layout = search.offer(row) { found = layout; throw Stop() }
            }
        } catch is Stop {}
        return found ?? search.finish()
    }

    private struct Stop: Error {}

    /// A skipped row as the notice shows it: its visible cells, joined.
    static func shown(_ row: SheetRow) -> String {
        var texts: [String] = []
        row.forEachNonEmpty { i in
            let t = CellParsing.trimmed(row.text(i))
            if !t.isEmpty { texts.append(t) }
        }
        let joined = texts.joined(separator: " | ")
        return joined.count > 80 ? String(joined.prefix(79)) + "…" : joined
    }
}

/// The search for the header row, a row at a time, so that the importer reads a sheet once:
/// it holds the non-blank rows it has been offered until it decides.
struct HeaderSearch {
    let kind: SheetKind?
    /// The non-blank rows offered so far, in order (at most `SheetLayout.searchedRows`).
    private(set) var rows: [SheetRow] = []
    private var best: (layout: SheetLayout, fields: Int)?

    init(kind: SheetKind?) { self.kind = kind }

    /// Takes the next non-blank row; the layout once it is decided (a complete header, or
    /// `searchedRows` rows seen), else nil.
    mutating func offer(_ row: SheetRow) -> SheetLayout? {
        rows.append(row)
        let kind = self.kind ?? SheetKind.fromHeader(row)
        let here = SheetLayout(headerRow: row.number, kind: kind)
        if let kind {
            let map = ColumnMap(kind: kind, headerRow: row)
            if map.missingRequired.isEmpty { return here }
            if map.fieldCount >= 2 && map.fieldCount > (best?.fields ?? 0) { best = (here, map.fieldCount) }
        }
        return rows.count >= SheetLayout.searchedRows ? finish() : nil
    }

    /// The layout from the rows offered, at the end of a sheet shorter than the search.
    func finish() -> SheetLayout {
        if let best { return best.layout }
        if let first = rows.first { return SheetLayout(headerRow: first.number, kind: kind ?? SheetKind.fromHeader(first)) }
        return SheetLayout(headerRow: nil, kind: kind)
    }
}

extension SheetKind {
    /// The kind a header row says, by the columns its cells name (`HeaderMatch`, so
    /// `Sagsnr.` and `Maks. afstand (km)` count).
    static func fromHeader(_ row: SheetRow) -> SheetKind? {
        var keys: Set<String> = []
        row.forEachNonEmpty { i in
            let text = CellParsing.trimmed(row.text(i))
            keys.insert(TermReading.key(text))
            for kind in SheetKind.allCases {
                if let c = HeaderMatch.column(text, in: kind.columns) { keys.insert(TermReading.key(c.name)) }
            }
        }
        return fromHeader(keys)
    }
}
