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
        }
        let parser = XMLParser(stream: InputStream(data: data))
        try run(parser, delegate: delegate, part: part, fileName: fileName)
    }

    static func run(_ parser: XMLParser, delegate: any XMLParserDelegate, part: String, fileName: String) throws {
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() {
            if let stop = (delegate as? any StoppableDelegate)?.stopError { throw stop }
            let line = parser.lineNumber
            throw SpreadsheetError(.malformed, file: fileName,
                                   "the workbook is damaged: its part \(part) is not valid XML (near line \(line))")
        }
        if let stop = (delegate as? any StoppableDelegate)?.stopError { throw stop }
    }

    /// The value of an attribute by local name (`id` finds `r:id`).
    static func attribute(_ attributes: [String: String], _ local: String) -> String? {
        if let v = attributes[local] { return v }
        let suffix = ":" + local
        return attributes.first { $0.key.hasSuffix(suffix) }?.value
    }

    static func isTrue(_ s: String?) -> Bool { s == "1" || s == "true" }
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
