import PlacementModel
import Spreadsheet

/// The report as CSV, one file per table (`2026-W48-waiting.csv`), or one named table.
/// Danish: what Danish Excel opens with a double click (`;`, decimal comma, dd-mm-yyyy,
/// UTF-8 with BOM). English: RFC 4180 (`,`, decimal point, ISO dates). Numbers are plain
/// numbers without thousands separators (amounts in kroner with øre as decimals, shares as
/// percentages with one decimal); the header carries the unit. A totals row comes last.
public enum CSVReport {
    public static func options(_ language: Language) -> CSVWriter.Options {
        language == .da ? .danishExcel : .standard
    }

    /// The tables a `--section` value names: a table key (`external-offer`) or a section key
    /// (`external`, all its tables); nil for all. Public reports leave out citizen tables.
    public static func tables(_ doc: ReportDocument, selecting key: String? = nil) -> [ReportTable] {
        let all = doc.tables.filter { key == nil || $0.table.key == key || $0.section.key == key }.map(\.table)
        return doc.isPublic ? all.filter { !$0.isCitizenLevel } : all
    }

    /// Every table key and section key, for messages.
    public static func keys(_ doc: ReportDocument) -> [String] {
        var seen: [String] = []
        for (s, t) in doc.tables {
            for k in [s.key, t.key] where !seen.contains(k) { seen.append(k) }
        }
        return seen
    }

    public static func bytes(_ table: ReportTable, language: Language) -> [UInt8] {
        let cells = ValueCells(language: language, percentAsFraction: false)
        var rows: [[Cell]] = [table.columns.map { .text($0.header) }]
        rows += table.rows.map { $0.map(cells.cell) }
        if let total = table.total { rows.append(total.map(cells.cell)) }
        return CSVWriter.bytes(rows, options: options(language))
    }

    /// `prefix-key.csv` and its bytes, for each selected table.
    public static func files(_ doc: ReportDocument, prefix: String, selecting key: String? = nil) -> [(name: String, bytes: [UInt8])] {
        tables(doc, selecting: key).map { ("\(prefix)-\($0.key).csv", bytes($0, language: doc.language)) }
    }
}
