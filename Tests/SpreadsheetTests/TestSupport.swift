import Foundation
import Testing
import ZIPFoundation
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

/// A minimal .xlsx made of one worksheet's `<sheetData>` content (and optional shared
/// strings), for cases no spreadsheet program writes.
func makeXLSX(sheetData: String, sharedStrings: [String] = [], in folder: URL, name: String = "made.xlsx") throws -> URL {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts: [(String, String)] = [
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"Ark1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">" + sharedStrings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"),
        ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData>\(sheetData)</sheetData></worksheet>"),
    ]
    let url = folder.appendingPathComponent(name)
    let archive = try Archive(url: url, accessMode: .create)
    for (path, text) in parts {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, n in
            data.subdata(in: Int(p)..<Int(p) + n)
        }
    }
    return url
}
