import Foundation
import Testing
@testable import Spreadsheet

/// A fixture from Tests/SpreadsheetTests/Fixtures.
func fixture(_ name: String) throws -> URL {
    let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
    return url
}

/// A fresh temporary folder, removed by the caller with `cleanUp`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spreadsheet-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func cleanUp(_ url: URL) { try? FileManager.default.removeItem(at: url) }

/// Writes bytes to a file in a temporary folder and returns its URL.
func temporaryFile(_ name: String, _ bytes: [UInt8], in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

/// Every row handed out: (row number, texts).
func readAll(_ reader: any WorkbookReader, sheet: Int = 0) throws -> [(Int, [String])] {
    var rows: [(Int, [String])] = []
    try reader.readRows(sheet: sheet) { rows.append(($0.number, $0.texts)) }
    return rows
}

/// Every row's cells.
func readCells(_ reader: any WorkbookReader, sheet: Int = 0) throws -> [(Int, [Cell])] {
    var rows: [(Int, [Cell])] = []
    try reader.readRows(sheet: sheet) { rows.append(($0.number, $0.cells)) }
    return rows
}

/// The `SpreadsheetError` thrown by `body`, or nil.
func spreadsheetError(_ body: () throws -> Void) -> SpreadsheetError? {
    do {
        try body()
        return nil
    } catch let error as SpreadsheetError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }
