/// The one terminal table: columns padded to their widest cell (counted in characters, so
/// "æøå" are one each), numeric columns right-aligned, no trailing spaces. The report's
/// documents, the plan's summary and the match run print their tables through it.
public enum PlainTable {
    public struct Style: Sendable {
        /// Before every line ("  " in the plan's summary).
        public var indent = ""
        /// Between columns.
        public var gap = "  "
        /// A line of this character under the header, as wide as each column (the match run's "─").
        public var rule: Character? = nil
        /// The least width of each column, by index (the plan's year column is 4 wide).
        public var minimumWidths: [Int] = []

        public init(indent: String = "", gap: String = "  ", rule: Character? = nil, minimumWidths: [Int] = []) {
            self.indent = indent
            self.gap = gap
            self.rule = rule
            self.minimumWidths = minimumWidths
        }
    }

    public static func render(header: [String], numeric: [Bool], rows: [[String]], style: Style = Style()) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { i in
            max(i < style.minimumWidths.count ? style.minimumWidths[i] : 0, all.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0)
        }
        func line(_ row: [String]) -> String {
            style.indent + header.indices.map { i in
                let s = i < row.count ? row[i] : ""
                let pad = String(repeating: " ", count: widths[i] - s.count)
                return i < numeric.count && numeric[i] ? pad + s : s + pad
            }.joined(separator: style.gap).trimmingTrailingSpaces()
        }
        var lines = [line(header)]
        if let rule = style.rule { lines.append(style.indent + widths.map { String(repeating: rule, count: $0) }.joined(separator: style.gap)) }
        return lines + rows.map(line)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
