import Foundation

/// A submitted form: its fields (a name may repeat) and its uploaded files. Read from
/// `application/x-www-form-urlencoded` or `multipart/form-data`; anything else has no fields.
struct FormData: Sendable {
    struct File: Sendable {
        let field: String
        let filename: String
        let bytes: Data
    }

    var fields: [(name: String, value: String)] = []
    var files: [File] = []

    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    init() {}

    init(body: Data, contentType: String?) {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            fields = Self.urlEncoded(String(decoding: body, as: UTF8.self))
        } else if type.hasPrefix("multipart/form-data"), let boundary = Self.boundary(contentType ?? "") {
            (fields, files) = Self.multipart(body, boundary: boundary)
        }
    }

    /// `a=1&b=x+y`: `+` is a space, `%XX` a byte.
    static func urlEncoded(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func boundary(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix("boundary=") {
                let b = p.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return b.isEmpty ? nil : b
            }
        }
        return nil
    }

    /// RFC 7578: parts between `--boundary` lines, each with headers, a blank line, the content.
    static func multipart(_ body: Data, boundary: String) -> ([(name: String, value: String)], [File]) {
        var fields: [(name: String, value: String)] = [], files: [File] = []
        let delimiter = Data("--\(boundary)".utf8), crlf2 = Data("\r\n\r\n".utf8)
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else { return ([], []) }
        cursor = first.upperBound
        while let next = body.range(of: delimiter, in: cursor..<body.endIndex) {
            var part = body[cursor..<next.lowerBound]
            cursor = next.upperBound
            // Each part starts after the delimiter's CRLF and ends before the next one's CRLF.
            if part.starts(with: Data("\r\n".utf8)) { part = part.dropFirst(2) }
            if part.count >= 2, part.suffix(2) == Data("\r\n".utf8) { part = part.dropLast(2) }
            guard let split = part.range(of: crlf2) else { continue }
            let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            let content = Data(part[split.upperBound..<part.endIndex])
            var name: String?, filename: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                for item in line.split(separator: ";").dropFirst() {
                    let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard kv.count == 2 else { continue }
                    let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    if kv[0] == "name" { name = value } else if kv[0] == "filename" { filename = value }
                }
            }
            guard let name else { continue }
            if let filename {
                if !filename.isEmpty { files.append(File(field: name, filename: filename, bytes: content)) }
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
            if body[cursor...].starts(with: Data("--".utf8)) { break }
        }
        return (fields, files)
    }
}
