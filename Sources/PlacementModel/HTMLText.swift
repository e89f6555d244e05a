/// Text for HTML (and the SVG inside it): the weekly report and the capacity plan write pages
/// with the same escaping.
public enum HTMLText {
    /// Escapes `& < > "`, so text is safe in content and in double-quoted attribute values.
    public static func escape(_ s: String) -> String {
        // Most cells need nothing: check the bytes before walking the characters.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
