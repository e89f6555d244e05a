import Foundation
import PlacementModel
import Spreadsheet

/// The report as an Excel workbook: one sheet per table (the sheet is named after it), with
/// the bold frozen header, column widths and real number and date cells of `XLSXWriter`.
/// Amounts are kroner with øre as decimals, shown as whole kroner (`#,##0`); shares are
/// fractions shown as `0.0%`; dates are dates (dd-mm-yyyy in Danish). The headline has one
/// column per figure (each with its own unit and format) and one row per week, plus the
/// change. A last sheet holds the title block and the definitions. Public workbooks leave
/// out the citizen sheets.
public enum XLSXReport {
    public static func workbook(_ doc: ReportDocument) throws -> XLSXWriter {
        let dateFormat = doc.language == .da ? "dd-mm-yyyy" : "yyyy-mm-dd"
        var writer = XLSXWriter(defaultDateFormat: dateFormat)
        let cells = ValueCells(language: doc.language, percentAsFraction: true)
        func format(_ kind: ReportColumn.Kind) -> String? {
            switch kind {
            case .count, .days: "#,##0"
            case .median: "#,##0.0"
            case .money: "#,##0"
            case .percent: "0.0%"
            case .date: dateFormat
            case .text, .mixed: nil
            }
        }
        for (_, t) in doc.tables where !(doc.isPublic && t.isCitizenLevel) {
            if t.isFigureList {
                // Transposed: a column per figure, a row per week and one for the change.
                let kinds = t.rows.map { row in row.dropFirst().lazy.compactMap(kind(of:)).first ?? .text }
                let columns = [XLSXWriter.Column(Labels.of(doc.language).columnWeek)]
                    + zip(t.rows, kinds).map { row, k in
                        XLSXWriter.Column(ValueText(doc.language).text(row[0]), numberFormat: format(k))
                    }
                let rows: [[Cell]] = t.columns.indices.dropFirst().map { j in
                    [.text(t.columns[j].header)] + t.rows.map { j < $0.count ? cells.cell($0[j]) : .empty }
                }
                try writer.addSheet(name: t.title, columns: columns, rows: rows)
            } else {
                let columns = t.columns.map { XLSXWriter.Column($0.header, numberFormat: format($0.kind)) }
                var rows = t.rows.map { $0.map(cells.cell) }
                if let total = t.total { rows.append(total.map(cells.cell)) }
                try writer.addSheet(name: t.title, columns: columns, rows: rows)
            }
        }
        let about: [[Cell]] = ([doc.heading] + doc.subtitle + [""] + doc.definitions).map { $0.isEmpty ? [] : [.text($0)] }
        try writer.addSheet(name: doc.definitionsTitle, columns: [XLSXWriter.Column(doc.title, width: 150)], rows: about)
        return writer
    }

    public static func write(_ doc: ReportDocument, to url: URL) throws {
        try workbook(doc).write(to: url)
    }

    public static func data(_ doc: ReportDocument) throws -> Data {
        try workbook(doc).data()
    }

    /// The column kind a value asks for (the headline's figures).
    static func kind(of v: ReportValue) -> ReportColumn.Kind? {
        switch v {
        case .count, .number: .count
        case .days: .days
        case .median: .median
        case .money: .money
        case .ratio: .percent
        case .date: .date
        case .change(let inner): kind(of: inner)
        default: nil
        }
    }
}
