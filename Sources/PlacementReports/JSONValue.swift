/// The one writer of JSON for a person or a file (the weekly report, the plan, the equity audit,
/// the replay and the commands' `--json`): objects keep their key order (the order the builder
/// gives, or a type's declaration order through `JSONValueEncoder`; a dictionary's keys sorted),
/// two-space indents, slashes as they are, so the same input gives the same bytes.
///
/// The conventions: dates are ISO strings (`2026-11-23`); counts and ids are integers; amounts
/// are integers with their unit in the key (`_ore` exact øre, `_kr` whole kroner); a fraction is
/// exact decimal text (`65.5`, `.number`), never a binary float's digits.
public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A number given as exact decimal text (`65.5`).
    case number(String)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public func text(indent: Int = 0) -> String {
        var bytes: [UInt8] = []
        write(to: &bytes, indent: indent)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value to `out`, nested values indented two spaces a level.
    public func write(to out: inout String, indent: Int) {
        out += text(indent: indent)
    }

    /// `write(to:indent:)` into UTF-8 bytes: a national match's `--json` is 3.7 MB, and appending
    /// to a `String` piece by piece cost several hundred instructions a piece.
    func write(to out: inout [UInt8], indent: Int) {
        func pad(_ n: Int) { for _ in 0..<n { out.append(0x20); out.append(0x20) } }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .number(let s): out.append(contentsOf: s.utf8)
        case .string(let s): JSON.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                pad(indent + 1)
                item.write(to: &out, indent: indent + 1)
                if i + 1 < items.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            pad(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in members.enumerated() {
                pad(indent + 1)
                JSON.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(0x20)
                value.write(to: &out, indent: indent + 1)
                if i + 1 < members.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    /// `quote` into UTF-8 bytes. The characters escaped are all ASCII, and no byte of a longer
    /// UTF-8 sequence is below 0x80, so escaping byte by byte escapes what escaping by scalar did.
    static func quote(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            out.append(UInt8(ascii: "\""))
            var mark = 0
            for i in 0..<utf8.count {
                let c = utf8[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                if i > mark { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
                mark = i + 1
                switch c {
                case 0x22: out.append(contentsOf: "\\\"".utf8)
                case 0x5C: out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(c >> 4)])
                    out.append(hex[Int(c & 0xF)])
                }
            }
            if utf8.count > mark { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...])) }
            out.append(UInt8(ascii: "\""))
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escapes: check the bytes first.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
