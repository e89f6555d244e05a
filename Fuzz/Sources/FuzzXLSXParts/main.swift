import Foundation
import FuzzSupport
import Spreadsheet
import ZIPFoundation

/// The input is the XML of a workbook's parts, separated by NUL bytes: worksheet, shared
/// strings, styles, workbook (missing ones get a minimal valid part). They are zipped here
/// into an .xlsx, so the fuzzer mutates XML rather than compressed bytes.
func fuzzXLSXParts(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { Data($0) }
    func part(_ i: Int, _ fallback: String) -> Data { i < parts.count ? parts[i] : Data(fallback.utf8) }
    let files: [(String, Data)] = [
        ("[Content_Types].xml", Data(Parts.contentTypes.utf8)),
        ("_rels/.rels", Data(Parts.rootRels.utf8)),
        ("xl/_rels/workbook.xml.rels", Data(Parts.workbookRels.utf8)),
        ("xl/worksheets/sheet1.xml", part(0, Parts.sheet)),
        ("xl/sharedStrings.xml", part(1, Parts.sharedStrings)),
        ("xl/styles.xml", part(2, Parts.styles)),
        ("xl/workbook.xml", part(3, Parts.workbook)),
    ]
    guard let archive = try? Archive(accessMode: .create) else { return 0 }
    for (path, data) in files {
        try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    guard let zipped = archive.data else { return 0 }
    let url = ScratchFile.write(zipped, name: "parts.xlsx")
    do {
        let book = try Workbook.open(url)
        for sheet in book.sheets { try? book.readRows(sheet: sheet.index) { row in _ = row.cells } }
    } catch {}
    return 0
}

/// Minimal valid parts, for those the input does not give.
enum Parts {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        </Types>
        """
    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """
    static let workbookRels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let sheet = """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46000</v></c></row></sheetData></worksheet>
        """
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>id</t></si></sst>
        """
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>
        """
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzXLSXParts(UnsafeRawPointer(data), count)
}
