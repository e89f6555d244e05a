import Foundation
import GRDB
import PlacementImport
import PlacementModel
import PlacementStore
import PlacementTestSupport
import Spreadsheet
import Testing

/// CPR numbers, in every spelling planners' files carry them, become pseudonyms before they
/// reach the database: not one is in the file, its WAL or a backup, and neither is the key.
@Suite struct CPRImportTests {
    static let header = "citizen_id,target_groups,offer_type,support_level,status,referred_on"

    /// Each spelling with the ten digits it stands for (one citizen each).
    static let spellings: [(text: String, digits: String)] = [
        ("0101901234", "0101901234"),
        ("020290-1235", "0202901235"),
        ("030390–1236", "0303901236"),   // en dash
        ("040490.1237", "0404901237"),
        ("050590/1238", "0505901238"),
        ("'0606901239", "0606901239"),   // Excel's text mark
        ("070790 1240", "0707901240"),
        ("808901241", "0808901241"),     // the leading zero Excel dropped, as a CSV saved from Excel has it
    ]
    /// In an XLSX number cell: Excel keeps 0909901242 as the number 909901242.
    static let numberCell = (text: "909901242", digits: "0909901242")

    static func options() -> ImportOptions {
        var o = ImportOptions(asOf: Build.day("2026-11-23"))
        o.command = "test"
        return o
    }

    static func csv(_ dir: TempDir, _ ids: [String]) throws -> URL {
        try dir.write("borgere.csv", ([header] + ids.enumerated().map { "\"\($1)\",autism,SEL108,3,waiting,2026-10-0\($0 % 9 + 1)" })
            .joined(separator: "\n") + "\n")
    }

    static func xlsx(_ dir: TempDir) throws -> URL {
        var w = XLSXWriter()
        try w.addSheet(name: "borgere", columns: header.split(separator: ",").map { XLSXWriter.Column(String($0)) }, rows: [[
            .number(numberCell.text), .text("autism"), .text("SEL108"), .number("3"), .text("waiting"), .text("2026-10-01"),
        ]])
        let url = dir.url.appendingPathComponent("borgere-excel.xlsx")
        try w.write(to: url)
        return url
    }

    /// Every way the bytes of `text` could sit in a file.
    static func hits(_ needles: [Data], in haystack: Data) -> [Data] { needles.filter { haystack.range(of: $0) != nil } }

    @Test func noSpellingOfACPRNumberNorTheKeyIsInTheFileItsWALOrABackup() throws {
        let dir = try TempDir()
        let path = dir.path("placement.sqlite")
        let db = try PlacementDatabase.create(path: path, planningArea: [615], language: .da, keys: dir.keys)
        let report = try Importer(database: db, options: Self.options())
            .run(files: [try Self.csv(dir, Self.spellings.map(\.text)), try Self.xlsx(dir)])
        #expect(report.committed, "\(report.issues)")

        // Every one became the pseudonym of its ten digits.
        let key = try #require(try db.pseudonymKey())
        let all = Self.spellings + [Self.numberCell]
        let ids = try db.read { try String.fetchAll($0, sql: "SELECT id FROM citizen ORDER BY id") }
        #expect(ids == all.map { key.pseudonym(ofDigits: $0.digits) }.sorted())

        let backupPath = dir.path("backup.sqlite")
        try db.writer.backup(to: try DatabaseQueue(path: backupPath))
        let wal = FileManager.default.contents(atPath: path + "-wal") ?? Data()
        #expect(!wal.isEmpty)  // searched while the import's pages are still in it
        var texts: [String] = []
        for cpr in all {
            let dashed = String(cpr.digits.prefix(6)) + "-" + String(cpr.digits.suffix(4))
            texts += [cpr.text, cpr.digits, dashed]
        }
        let hex = key.bytes.map { String(format: "%02x", $0) }.joined()
        let needles: [Data] = texts.map { Data($0.utf8) } + [key.bytes, Data(key.bytes.base64EncodedString().utf8), Data(hex.utf8)]
        #expect(Self.hits(needles, in: wal) == [])
        #expect(Self.hits(needles, in: FileManager.default.contents(atPath: backupPath) ?? Data()) == [])
        try db.writer.close()
        #expect(Self.hits(needles, in: FileManager.default.contents(atPath: path) ?? Data()) == [])
        // With the file alone, no pseudonym can be reversed: the key is not there, only its check value.
        let settings = try DatabaseQueue(path: backupPath).read { try String.fetchAll($0, sql: "SELECT key FROM setting ORDER BY key") }
        #expect(settings == ["created_at", "database_id", "key_check", "language"])
    }

    @Test func twoSpellingsOfOneNumberAreOneCitizen() throws {
        let dir = try TempDir(), db = try Build.database()
        let report = try Importer(database: db, options: Self.options()).run(files: [try Self.csv(dir, ["0101901234", "101901234"])])
        #expect(report.issues.map(\.description) == [#"borgere.csv row 3, column "citizen_id": "******-****" appears again; first at row 2"#])
    }

    @Test func withoutTheKeyCPRNumbersAreRefusedAndCaseNumbersImport() throws {
        let dir = try TempDir()
        let db = try PlacementDatabase.inMemory(planningArea: [615], key: nil)
        let refused = try Importer(database: db, options: Self.options()).run(files: [try Self.csv(dir, ["B0001344", "010190-1234"])])
        #expect(!refused.committed)
        #expect(refused.issues.map(\.description) == [
            #"borgere.csv row 3, column "citizen_id": "******-****" is a CPR number, and this database's pseudonym key is not on this computer; import the key with `placement key import FILE` (or name it with --key-file) and import again"#,
        ])
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM citizen") } == 0)
        let fine = try Importer(database: db, options: Self.options()).run(files: [try Self.csv(dir, ["B0001344", "B0001345"])])
        #expect(fine.committed && fine.sheets[0].inserted == 2)
    }
}
