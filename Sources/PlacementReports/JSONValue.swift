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
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    /// Appends the value to `out`, nested values indented two spaces a level.
    public func write(to out: inout String, indent: Int) {
        func pad(_ n: Int) { for _ in 0..<n { out += "  " } }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .number(let s): out += s
        case .string(let s): JSON.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                pad(indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            pad(indent)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                pad(indent + 1)
                JSON.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            pad(indent)
            out += "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
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
