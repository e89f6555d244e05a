/// A1-style references as worksheets write them (`r="B7"` on a cell, `r="7"` on a row),
/// read strictly: capital column letters A to XFD, then a row number 1 to 1,048,576 without
/// a sign or leading zero. Anything else (`A-1`, `A0`, `a1`, `B07`) is not a reference, so a
/// damaged one is reported instead of moving a value to another cell.
enum CellReference {
    /// Excel's last row.
    static let maxRow = 1_048_576

    /// The row number of a row's `r`, or nil.
    static func rowNumber(_ text: String) -> Int? { rowNumber(bytes: text.utf8) }

    private static func rowNumber<C: Collection<UInt8>>(bytes u: C) -> Int? {
        guard let first = u.first, first >= 0x31, first <= 0x39, u.count <= 7 else { return nil }
        var n = 0
        for b in u {
            guard b >= 0x30, b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n <= maxRow ? n : nil
    }

    /// (0-based column, row number) of a cell's `r`, or nil.
    static func parse(_ text: String) -> (column: Int, row: Int)? {
        let u = text.utf8
        let letters = u.prefix { $0 >= 0x41 && $0 <= 0x5A }
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var column = 0
        for b in letters { column = column * 26 + Int(b - 0x40) }
        column -= 1
        guard column < CSVReader.maxColumns, let row = rowNumber(bytes: u.dropFirst(letters.count)) else { return nil }
        return (column, row)
    }
}
