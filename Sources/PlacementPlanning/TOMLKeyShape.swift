/// A check of where TOML expects a key, run before the text reaches TOMLKit: its C++ parser
/// (toml++) asserts, and so aborts the whole program, when a table header or a key starts with
/// a character no key can start with (`[^closure]]`, found by Fuzz/). Here that is a located
/// error instead, as is a second `=` on a key's line (`closes_on = 2028-07-0= 4`, also found by
/// Fuzz/). Only the starts of keys and those `=` are checked; everything else is left to TOMLKit,
/// which reports its own errors as values.
public enum TOMLKeyShape {
    /// What is wrong at a place the check stops at.
    public enum Fault: Equatable, Sendable {
        /// A key or table name should start here and none can.
        case keyCannotStart
        /// A second `=` outside any string, array or inline table on a key's line
        /// (`closes_on = 2028-07-0= 4`, on which toml++ asserts: found by Fuzz/).
        case secondEquals
    }

    /// The first place, as (line, column) counted from 1, that toml++ might assert on, and why.
    public static func firstFault(in text: String) -> (line: Int, column: Int, fault: Fault)? {
        // Split on the scalar: a Character "\r\n" is not "\n", so a CRLF file was one long line.
        // A CRLF line's \r is its end, not text (a lone \r elsewhere is still looked at).
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.last == "\r" ? $0.dropLast() : $0[...] }
        var depth = 0              // open [ or { of a value that goes on over lines
        var multiline: String?     // the delimiter of an open multi-line string
        for (n, raw) in lines.enumerated() {
            let line = Array(raw)
            var i = 0
            // Spaces and tabs only: toml++ asserts on a lone carriage return where a key starts
            // (`[\r`, found by Fuzz/).
            func skipSpaces() { while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 } }
            func bad(_ fault: Fault = .keyCannotStart) -> (line: Int, column: Int, fault: Fault) { (n + 1, i + 1, fault) }
            // A key's line at the top level: its one `=` outside values is the key's own.
            let keyLine = multiline == nil && depth == 0
            var equalsSigns = 0
            // A key: bare (A-Z a-z 0-9 _ -) or quoted, then `.` and another key, any number of times.
            func key() -> Bool {
                while true {
                    skipSpaces()
                    guard i < line.count else { return false }
                    let c = line[i]
                    if c == "\"" || c == "'" {
                        i += 1
                        while i < line.count, line[i] != c { if c == "\"" && line[i] == "\\" { i += 1 }; i += 1 }
                        guard i < line.count else { return false }
                        i += 1
                    } else if isBare(c) {
                        while i < line.count, isBare(line[i]) { i += 1 }
                    } else {
                        return false
                    }
                    skipSpaces()
                    guard i < line.count, line[i] == "." else { return true }
                    i += 1
                }
            }
            if multiline == nil && depth == 0 {
                skipSpaces()
                guard i < line.count, line[i] != "#" else { continue }
                if line[i] == "[" {
                    i += line.count > i + 1 && line[i + 1] == "[" ? 2 : 1
                    if !key() { return bad() }
                    continue
                }
                if !key() { return bad() }
            }
            // The rest of the line: strings, comments and brackets that carry a value on.
            while i < line.count {
                let c = line[i]
                if let delimiter = multiline {
                    if line.count >= i + 3, String(String.UnicodeScalarView(line[i..<i + 3])) == delimiter {
                        multiline = nil
                        i += 3
                    } else {
                        i += delimiter == "\"\"\"" && c == "\\" ? 2 : 1
                    }
                    continue
                }
                switch c {
                case "#": i = line.count
                case "\"", "'":
                    if line.count >= i + 3, line[i + 1] == c, line[i + 2] == c {
                        multiline = String(repeating: String(c), count: 3)
                        i += 3
                    } else {
                        i += 1
                        while i < line.count, line[i] != c { if c == "\"" && line[i] == "\\" { i += 1 }; i += 1 }
                        i += 1
                    }
                case "[", "{": depth += 1; i += 1
                case "]", "}": depth = max(0, depth - 1); i += 1
                case "=" where keyLine && depth == 0:
                    equalsSigns += 1
                    if equalsSigns > 1 { return bad(.secondEquals) }
                    i += 1
                default: i += 1
                }
            }
        }
        return nil
    }

    private static func isBare(_ c: Unicode.Scalar) -> Bool {
        (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
    }
}
