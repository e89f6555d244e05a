import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX parsing (XMLParser) of the small workbook parts: relationships, workbook.xml,
/// styles.xml and sharedStrings.xml. Element names are local names (namespace prefixes
/// dropped), so transitional and strict OOXML and prefixed writers (`<x:c>`) read alike.
enum XLSXParts {
    /// Parses `data` with `delegate`; a broken XML part gives a located error.
    static func parse(_ data: Data, with delegate: any XMLParserDelegate, part: String, fileName: String) throws {
        // Through a stream: swift-corelibs-foundation's XMLParser(data:) fails on
        // documents of 10 MB and more, XMLParser(stream:) does not.
        // swift-corelibs-foundation's XMLParser traps on an element or attribute name that is
        // not valid UTF-8 (found by Fuzz/ xlsx-parts); parts are UTF-8 (or UTF-16 with a BOM).
        if !(data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])) {
            let valid = data.withUnsafeBytes { TextEncoding.isValidUTF8($0.bindMemory(to: UInt8.self)) }
            guard valid else {
                throw SpreadsheetError(.malformed, file: fileName, "the workbook is damaged: its part \(part) is not valid UTF-8 text")
            }
            guard onlyTheXMLDeclaration(data) else {
                throw SpreadsheetError(.malformed, file: fileName,
                                       "the workbook is damaged: its part \(part) holds a processing instruction (<?…?>) other than the XML declaration")
            }
        }
        try checkEnd(data.suffix(512), part: part, fileName: fileName)
        let parser = XMLParser(stream: InputStream(data: data))
        try run(parser, delegate: delegate, part: part, fileName: fileName)
    }

    /// Whether the only processing instruction (`<?`) is the XML declaration at the start:
    /// spreadsheet programs write no other, and XMLParser crashes (a NULL read in its
    /// processing-instruction callback) on one without data, such as `<?x?>` (found by Fuzz/).
    static func onlyTheXMLDeclaration(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            let start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            var i = start
            while i + 1 < b.count {
                if b[i] == 0x3C && b[i + 1] == 0x3F {  // "<?"
                    let declaration = i == start && b.count > i + 5 && b[i + 2] == 0x78 && b[i + 3] == 0x6D && b[i + 4] == 0x6C
                        && (b[i + 5] == 0x20 || b[i + 5] == 0x09 || b[i + 5] == 0x0D || b[i + 5] == 0x0A)
                    if !declaration { return false }
                }
                i += 1
            }
            return true
        }
    }

    /// A part cut off inside a tag, or after an opening tag, is refused before anything of it
    /// is read (XMLParser would otherwise report the cut tag, or nothing at all). A cut after
    /// a closing tag is caught by `run`, which sees the root element left open.
    static func checkEnd(_ tail: Data, part: String, fileName: String) throws {
        let bytes = [UInt8](tail)
        var end = bytes.count
        while end > 0, [0x20, 0x09, 0x0A, 0x0D, 0x00].contains(bytes[end - 1]) { end -= 1 }
        let open = bytes[..<end].lastIndex(of: UInt8(ascii: "<"))
        let complete = end > 0 && bytes[end - 1] == UInt8(ascii: ">") && open.map { o in
            (o + 1 < end && bytes[o + 1] == UInt8(ascii: "/")) || (end >= 2 && bytes[end - 2] == UInt8(ascii: "/"))
        } == true
        guard complete else { throw cutOff(part, fileName) }
    }

    static func cutOff(_ part: String, _ fileName: String) -> SpreadsheetError {
        SpreadsheetError(.malformed, file: fileName,
                         "the workbook is damaged: its part \(part) stops before its end (cut off, perhaps while copying "
                         + "or saving); nothing of it is used. Save or export the workbook again.")
    }

    static func run(_ parser: XMLParser, delegate: any XMLParserDelegate, part: String, fileName: String) throws {
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        // XMLParser reading a stream reports success on a document that just stops (a part
        // cut off while copying), so whether the root element was closed is checked here.
        let completeness = CompletenessDelegate(delegate)
        parser.delegate = completeness
        let parsed = parser.parse()
        if let stop = (delegate as? any StoppableDelegate)?.stopError { throw stop }
        if !parsed {
            let line = parser.lineNumber
            throw SpreadsheetError(.malformed, file: fileName,
                                   "the workbook is damaged: its part \(part) is not valid XML (near line \(line))")
        }
        guard completeness.rootClosed else { throw cutOff(part, fileName) }
    }

    /// The value of an attribute by local name (`id` finds `r:id`).
    static func attribute(_ attributes: [String: String], _ local: String) -> String? {
        if let v = attributes[local] { return v }
        let suffix = ":" + local
        return attributes.first { $0.key.hasSuffix(suffix) }?.value
    }

    static func isTrue(_ s: String?) -> Bool { s == "1" || s == "true" }
}

/// Passes every event on to the part's own delegate and notes whether the document's root
/// element was closed, which a complete part always does.
final class CompletenessDelegate: NSObject, XMLParserDelegate {
    private let inner: any XMLParserDelegate
    private var depth = 0
    private(set) var rootClosed = false

    init(_ inner: any XMLParserDelegate) { self.inner = inner }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        inner.parser(parser, didStartElement: elementName, namespaceURI: namespaceURI, qualifiedName: qualifiedName,
                      attributes: attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if depth == 0 { rootClosed = true }
        inner.parser(parser, didEndElement: elementName, namespaceURI: namespaceURI, qualifiedName: qualifiedName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        inner.parser(parser, foundCharacters: string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        inner.parser(parser, foundIgnorableWhitespace: whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        inner.parser(parser, foundCDATA: CDATABlock)
    }
}

/// A delegate that can stop the parse with an error of its own.
protocol StoppableDelegate: AnyObject {
    var stopError: (any Error)? { get }
}

/// `*.rels`: relationship id -> target and type.
final class RelationshipsDelegate: NSObject, XMLParserDelegate {
    struct Relationship { let target: String; let type: String; let external: Bool }
    var relationships: [String: Relationship] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard elementName == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships[id] = Relationship(target: target, type: attributes["Type"] ?? "",
                                         external: attributes["TargetMode"] == "External")
    }

    /// The first relationship whose type ends with `/suffix`.
    func first(ofType suffix: String) -> Relationship? {
        relationships.sorted { $0.key < $1.key }.first { $0.value.type.hasSuffix("/" + suffix) }?.value
    }
}

/// `xl/workbook.xml`: the sheets in tab order and the date system.
final class WorkbookDelegate: NSObject, XMLParserDelegate {
    struct Sheet { let name: String; let relationshipId: String; let hidden: Bool }
    var sheets: [Sheet] = []
    var date1904 = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "workbookPr":
            date1904 = XLSXParts.isTrue(attributes["date1904"])
        case "sheet":
            guard let name = attributes["name"], let rid = XLSXParts.attribute(attributes, "id") else { return }
            let state = attributes["state"] ?? "visible"
            sheets.append(Sheet(name: name, relationshipId: rid, hidden: state != "visible"))
        default:
            break
        }
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs`, the `s` of a cell) whether it shows a date.
final class StylesDelegate: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var xfFormatIds: [Int] = []
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            xfFormatIds.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "cellXfs" { inCellXfs = false }
    }

    /// Indexed by the cell's `s`.
    var dateStyles: [Bool] {
        xfFormatIds.map { id in
            if let code = customFormats[id] { return NumberFormat.isDate(code: code) }
            return NumberFormat.isBuiltInDate(id)
        }
    }
}

/// `xl/sharedStrings.xml`: one string per `<si>`, rich-text runs concatenated,
/// phonetic runs (`<rPh>`) left out, `_xHHHH_` escapes decoded.
final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var preserve = false
    private var item = ""
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "si": inItem = true; item = ""
        case "rPh": phoneticDepth += 1
        case "t" where inItem && phoneticDepth == 0:
            inText = true
            text = ""
            preserve = XLSXParts.attribute(attributes, "space") == "preserve"
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "si":
            strings.append(XMLText.decodeEscapes(item))
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t" where inText:
            item += preserve ? text : XMLText.trimXMLWhitespace(text)
            inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        if inText { text += whitespaceString }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if inText { text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
