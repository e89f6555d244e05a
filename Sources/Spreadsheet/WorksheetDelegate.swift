import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX handler for one worksheet (`xl/worksheets/sheetN.xml`): turns
/// `<row r="3"><c r="B3" t="s" s="1"><v>0</v></c>...</row>` into `SheetRow`s, one row in
/// memory at a time.
final class WorksheetDelegate: NSObject, XMLParserDelegate, StoppableDelegate {
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool
    private let fileName: String
    private let sheetName: String
    private let body: (SheetRow) throws -> Void

    private(set) var stopError: (any Error)?
    private var inSheetData = false
    private var rowNumber = 0
    private var lastEmitted = 0
    /// The row's non-empty cells, by increasing column (references are checked to increase).
    private var columns: [Int] = []
    private var present: [Cell] = []
    /// The dense cells of the row handed out, reused from row to row.
    private var cells: [Cell] = []
    private var column = -1
    /// Between a `<c>` and its `</c>` in the current row: damaged XML can end a cell that never
    /// began (after a new `<row>`, where `column` is -1), which once indexed the row at -1.
    private var inCell = false
    private var cellType: String?
    private var styleIndex = 0
    private var inValue = false
    private var value = ""
    private var inInline = false
    private var inInlineText = false
    private var phoneticDepth = 0
    private var preserve = false
    private var inlineText = ""
    private var inlinePiece = ""
    private var hasInline = false
    /// The cell has a `<f>` (a formula) and a `<v>` (its value as last calculated).
    private var hasFormula = false
    private var hasValue = false
    private var inFormula = false
    private var formula = ""

    init(sharedStrings: [String], dateStyles: [Bool], date1904: Bool, fileName: String, sheetName: String,
         body: @escaping (SheetRow) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.fileName = fileName
        self.sheetName = sheetName
        self.body = body
    }

    private func stop(_ parser: XMLParser, _ error: any Error) {
        if stopError == nil { stopError = error }
        parser.abortParsing()
    }

    /// A broken row or cell reference: located by sheet and the last good row only, as the
    /// reference itself cannot be trusted.
    private func badReference(_ message: String) -> SpreadsheetError {
        SpreadsheetError(.malformed, file: fileName, sheet: sheetName, row: rowNumber > 0 ? rowNumber : nil, message)
    }

    private func malformed(_ message: String) -> SpreadsheetError {
        SpreadsheetError(.malformed, file: fileName, sheet: sheetName, row: rowNumber,
                         column: column >= 0 ? column : nil, message)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard stopError == nil else { return }
        switch elementName {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            column = -1
            inCell = false
            columns.removeAll(keepingCapacity: true)
            present.removeAll(keepingCapacity: true)
            if let ref = attributes["r"] {
                guard let number = CellReference.rowNumber(ref) else {
                    return stop(parser, badReference("the row number r=\"\(ref)\" is not a row of a worksheet (1 to \(CellReference.maxRow))"))
                }
                guard number > rowNumber else {
                    return stop(parser, badReference("the row number r=\"\(ref)\" comes after row \(rowNumber); the rows are out of order"))
                }
                rowNumber = number
            } else {
                guard rowNumber < CellReference.maxRow else {
                    return stop(parser, badReference("the sheet has more than \(CellReference.maxRow) rows"))
                }
                rowNumber += 1
            }
        case "c" where inSheetData:
            if let ref = attributes["r"] {
                guard let (c, r) = CellReference.parse(ref) else {
                    return stop(parser, badReference("the cell reference r=\"\(ref)\" is not a cell reference (capital column letters A to XFD, then the row number, like B7)"))
                }
                guard r == rowNumber else {
                    return stop(parser, badReference("the cell reference r=\"\(ref)\" names row \(r), but the cell stands in row \(rowNumber)"))
                }
                guard c > column else {
                    return stop(parser, badReference("the cell reference r=\"\(ref)\" repeats or goes back from column \(ColumnName.letters(column)); the cells are out of order"))
                }
                column = c
            } else {
                column += 1
            }
            inCell = true
            cellType = attributes["t"]
            styleIndex = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            inlineText = ""
            hasInline = false
            hasFormula = false
            hasValue = false
            formula = ""
        case "f" where inSheetData:
            hasFormula = true
            inFormula = true
        case "v" where inSheetData:
            inValue = true
            hasValue = true
        case "is" where inSheetData:
            inInline = true
            hasInline = true
        case "rPh" where inInline:
            phoneticDepth += 1
        case "t" where inInline && phoneticDepth == 0:
            inInlineText = true
            inlinePiece = ""
            preserve = XLSXParts.attribute(attributes, "space") == "preserve"
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard stopError == nil else { return }
        switch elementName {
        case "sheetData":
            inSheetData = false
        case "v":
            inValue = false
        case "f":
            inFormula = false
        case "t" where inInlineText:
            inlineText += preserve ? inlinePiece : XMLText.trimXMLWhitespace(inlinePiece)
            inInlineText = false
        case "rPh" where inInline:
            phoneticDepth -= 1
        case "is":
            inInline = false
        case "c" where inSheetData:
            guard inCell else { return stop(parser, malformed("a cell ends that did not begin; the sheet's XML is damaged")) }
            inCell = false
            do {
                let cell = try makeCell()
                if !cell.isEmpty {
                    guard column < CSVReader.maxColumns else { throw malformed("the cell is beyond column XFD") }
                    columns.append(column)
                    present.append(cell)
                }
            } catch {
                stop(parser, error)
            }
        case "row" where inSheetData:
            do { try emitRow() } catch { stop(parser, error) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inlinePiece += string } else if inFormula { formula += string }
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        if inValue { value += whitespaceString } else if inInlineText { inlinePiece += whitespaceString }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        let s = String(decoding: CDATABlock, as: UTF8.self)
        if inValue { value += s } else if inInlineText { inlinePiece += s } else if inFormula { formula += s }
    }

    private func emitRow() throws {
        guard let last = columns.last else { return }
        let count = last + 1
        if rowNumber > lastEmitted + 1 {
            for k in (lastEmitted + 1)..<rowNumber { try body(.empty(k)) }
        }
        if count <= 4 * present.count + 64 {
            cells.removeAll(keepingCapacity: true)
            cells.append(contentsOf: repeatElement(Cell.empty, count: count))
            for (i, c) in zip(columns, present) { cells[i] = c }
            try body(SheetRow(number: rowNumber, storage: .cells(cells), count: count))
        } else {
            // A few cells far to the right (`XFD7`): kept as they are, so the work follows the
            // cells in the file, not the width they claim.
            try body(SheetRow(number: rowNumber, storage: .sparse(columns, present), count: count))
        }
        lastEmitted = max(lastEmitted, rowNumber)
    }

    private func makeCell() throws -> Cell {
        // A formula whose value was never stored (an empty `<v/>` is a stored empty result).
        if hasFormula && !hasValue && !(cellType == "inlineStr" && hasInline) {
            return .uncalculatedFormula(formula)
        }
        switch cellType {
        case "s":
            let raw = XMLText.trimXMLWhitespace(value)
            if raw.isEmpty { return .empty }
            guard let index = Int(raw), index >= 0, index < sharedStrings.count else {
                throw malformed("the cell refers to shared string \(raw), but the workbook has \(sharedStrings.count)")
            }
            let s = sharedStrings[index]
            return s.isEmpty ? .empty : .text(s)
        case "inlineStr":
            let s = hasInline ? XMLText.decodeEscapes(inlineText) : value
            return s.isEmpty ? .empty : .text(s)
        case "str":
            return value.isEmpty ? .empty : .text(XMLText.decodeEscapes(value))
        case "b":
            switch XMLText.trimXMLWhitespace(value) {
            case "1", "true", "TRUE": return .bool(true)
            case "0", "false", "FALSE": return .bool(false)
            case "": return .empty
            default: throw malformed("the cell is a boolean but holds \"\(value)\"")
            }
        case "e":
            return value.isEmpty ? .empty : .error(value)
        case "d":
            let s = XMLText.trimXMLWhitespace(value)
            if s.isEmpty { return .empty }
            guard let date = XLSXReader.isoDate(s) else { throw malformed("the cell is a date but holds \"\(s)\"") }
            return .date(date)
        default:
            let raw = XMLText.trimXMLWhitespace(value)
            if raw.isEmpty { return .empty }
            guard let number = DecimalText.normalize(raw, significantDigits: DecimalText.excelSignificantDigits) else {
                throw malformed("the cell is a number but holds \"\(raw)\"")
            }
            if styleIndex >= 0, styleIndex < dateStyles.count, dateStyles[styleIndex] {
                return XLSXReader.dateCell(serialText: raw, date1904: date1904)
            }
            return .number(number)
        }
    }
}
