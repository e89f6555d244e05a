import Testing
@testable import Spreadsheet

@Suite("Serial dates, decimal text, number formats")
struct DatesAndNumbersTests {
    @Test("1900 date system, with Excel's leap-year bug", arguments: [
        (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (45000, "2023-03-15"),
        (25569, "1970-01-01"), (36526, "2000-01-01"), (2_958_465, "9999-12-31"),
    ])
    func serial1900(serial: Int, expected: String) {
        guard case .date(let d) = CalendarDate.fromExcelSerial(serial) else {
            Issue.record("no date for \(serial)")
            return
        }
        #expect(d.description == expected)
        #expect(d.excelSerial() == serial)
    }

    @Test("serial 60 is the day that never was; 0 and negatives are no dates")
    func serialEdges() {
        #expect(CalendarDate.fromExcelSerial(60) == .nonexistentLeapDay)
        #expect(CalendarDate.fromExcelSerial(0) == .outOfRange)
        #expect(CalendarDate.fromExcelSerial(-5) == .outOfRange)
        #expect(CalendarDate.fromExcelSerial(2_958_466) == .outOfRange)
        #expect(date(1899, 12, 31).excelSerial() == nil)
    }

    @Test("1904 date system", arguments: [(0, "1904-01-01"), (1, "1904-01-02"), (43904, "2024-03-15"), (1462, "1908-01-02")])
    func serial1904(serial: Int, expected: String) {
        guard case .date(let d) = CalendarDate.fromExcelSerial(serial, date1904: true) else {
            Issue.record("no date")
            return
        }
        #expect(d.description == expected)
        #expect(d.excelSerial(date1904: true) == serial)
    }

    @Test("date cells drop the time of day and report impossible serials")
    func dateCells() {
        #expect(XLSXReader.dateCell(serialText: "45000.999", date1904: false) == .date(date(2023, 3, 15)))
        if case .error = XLSXReader.dateCell(serialText: "60", date1904: false) {} else { Issue.record("60") }
        if case .error = XLSXReader.dateCell(serialText: "-1", date1904: false) {} else { Issue.record("-1") }
    }

    @Test("calendar dates validate", arguments: [(2024, 2, 29, true), (2023, 2, 29, false), (1900, 2, 29, false),
                                                 (2000, 2, 29, true), (2024, 4, 31, false), (2024, 13, 1, false)])
    func validation(y: Int, m: Int, d: Int, valid: Bool) {
        #expect((CalendarDate(year: y, month: m, day: d) != nil) == valid)
    }

    @Test("numbers become exact plain decimal text (15 significant digits, as Excel shows)", arguments: [
        ("1234.5", "1234.5"), ("2.5E-3", "0.0025"), ("1E+20", "100000000000000000000"), ("-0", "0"),
        ("0.1", "0.1"), ("1234.0999999999999", "1234.1"), ("0.30000000000000004", "0.3"),
        ("-1.0000000000000001E-2", "-0.01"), ("45000", "45000"), ("007.50", "7.5"), ("9.9999999999999999", "10"),
        ("123456789012345678", "123456789012346000"), (".5", "0.5"), ("1e3", "1000"),
    ])
    func decimals(raw: String, expected: String) {
        #expect(DecimalText.normalize(raw) == expected)
    }

    @Test("not numbers", arguments: ["", "abc", "1.2.3", "1e", "--1", "1,5", "E5"])
    func notNumbers(raw: String) {
        #expect(DecimalText.normalize(raw) == nil)
    }

    @Test("number formats that show dates", arguments: [
        ("dd-mm-yyyy", true), ("yyyy-mm-dd", true), ("[$-406]d\\.\\ mmmm\\ yyyy;@", true), ("m/d/yy h:mm", true),
        ("mmm", true), ("h:mm", false), ("mm:ss", false), ("[h]:mm:ss", false), ("#,##0.00\\ \"kr.\"", false),
        ("General", false), ("0.00E+00", false), ("\"dag\" 0", false), ("[Red]#,##0", false), ("@", false),
    ])
    func dateFormats(code: String, isDate: Bool) {
        #expect(NumberFormat.isDate(code: code) == isDate)
    }

    @Test("built-in date format ids") func builtIn() {
        #expect((14...17).allSatisfy(NumberFormat.isBuiltInDate) && NumberFormat.isBuiltInDate(22))
        #expect(![0, 1, 2, 3, 4, 9, 18, 19, 20, 21, 45, 46, 47, 49].contains(where: NumberFormat.isBuiltInDate))
    }

    @Test("column letters", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columns(index: Int, letters: String) {
        #expect(ColumnName.letters(index) == letters)
        #expect(ColumnName.index(letters) == index)
        #expect(ColumnName.index(letters.lowercased()) == index)
    }
}
