import Foundation
import ZIPFoundation

/// A workbook zipped in memory from the XML of its parts, so that a fuzzer mutates XML rather
/// than compressed bytes. A part not given is a minimal valid one.
public enum WorkbookParts {
    /// The .xlsx file's bytes; nil when ZIPFoundation cannot make an archive (never for these).
    public static func xlsx(sheet: Data?, sharedStrings: Data? = nil, styles: Data? = nil, workbook: Data? = nil) -> Data? {
        let files: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(rootRels.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRels.utf8)),
            ("xl/worksheets/sheet1.xml", sheet ?? Data(self.sheet.utf8)),
            ("xl/sharedStrings.xml", sharedStrings ?? Data(self.sharedStrings.utf8)),
            ("xl/styles.xml", styles ?? Data(self.styles.utf8)),
            ("xl/workbook.xml", workbook ?? Data(self.workbook.utf8)),
        ]
        guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
        for (path, data) in files {
            try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data
    }

    /// The input's parts, separated by NUL bytes, in the order `names` gives; nil for those
    /// the input does not reach.
    public static func split(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Data?] {
        let parts = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false).map { Data($0) }
        return (0..<count).map { $0 < parts.count ? parts[$0] : nil }
    }

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
    /// Style 1 is a date (numFmtId 14), so number cells under it read as days.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>
        """
}
