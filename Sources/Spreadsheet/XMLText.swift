/// Text as Office Open XML stores it.
enum XMLText {
    /// Escapes text for XML content and attribute values (`& < > " '`) and drops the
    /// characters XML 1.0 cannot hold (control characters other than tab, LF, CR;
    /// U+FFFE, U+FFFF). A literal `_xHHHH_` gets its `_` escaped as `_x005F_`, so that
    /// spreadsheet programs do not read it as an escaped character.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            case "_" where looksLikeEscape(scalars, i): out += "_x005F_"
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { break }
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out
    }

    /// Whether `_xHHHH_` starts at `i`.
    private static func looksLikeEscape(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return (i + 2...i + 5).allSatisfy { s[$0].properties.isASCIIHexDigit }
    }

    /// Decodes OOXML's `_xHHHH_` escapes (Excel writes a carriage return as `_x000D_`).
    static func decodeEscapes(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "_")) else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", looksLikeEscape(scalars, i),
               let v = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)...(i + 5)])), radix: 16),
               let scalar = Unicode.Scalar(v) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Removes XML whitespace (space, tab, CR, LF) at both ends, as Excel does with
    /// `<t>` text that lacks `xml:space="preserve"`.
    static func trimXMLWhitespace(_ s: String) -> String {
        let u = s.utf8
        func ws(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = u.firstIndex(where: { !ws($0) }) else { return "" }
        guard let last = u.lastIndex(where: { !ws($0) }) else { return "" }  // there is a first, so a last
        if first == u.startIndex && last == u.index(before: u.endIndex) { return s }
        return String(s[first...last])
    }
}
