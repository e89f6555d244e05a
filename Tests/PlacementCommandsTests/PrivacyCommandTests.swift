import Foundation
import GRDB
import PlacementTestSupport
import Testing

/// CPR numbers on the command line: resolved to pseudonyms with the key, never echoed; the key
/// file made by `init`, moved by `key export` and `key import`; the user in the audit log.
@Suite(.serialized) struct PrivacyCommandTests {
    static let asOf = "2026-11-23"
    /// Three waiting citizens by CPR number (two spellings) and one by case number.
    static let citizens = """
        citizen_id,target_groups,offer_type,support_level,status,referred_on
        010190-1234,autism,SEL108,3,waiting,2026-09-01
        0202851234,intellectual_disability,SEL108,2,waiting,2026-09-02
        B0001344,autism,SEL108,3,waiting,2026-09-03

        """

    /// A database with the demo's residences and the citizens above, matched once (run 1).
    static func matched(_ dir: TempDir, user: [String] = []) throws -> String {
        let db = dir.path("p.sqlite")
        let created = try CLI.run(["init", "--municipality", "615"], db: db)
        #expect(created.status == 0, "\(created.stderr)")
        let files = ["residences.csv", "places.csv"].map { CLI.seeds.appendingPathComponent($0).path } + [try dir.write("borgere.csv", citizens).path]
        let imported = try CLI.run(["import", "--as-of", asOf] + user + files, db: db)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(try CLI.run(["match", "--as-of", asOf], db: db).status == 0)
        return db
    }

    static func keyFile(_ db: String) throws -> URL {
        let id = try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'database_id'") }
        return CLI.configHome.appendingPathComponent("placement/keys/\(try #require(id)).key")
    }

    /// Every way the number 010190-1234 could be echoed.
    static func echoes(_ text: String) -> Bool {
        ["0101901234", "010190-1234", "101901234", "010190"].contains { text.contains($0) }
    }

    @Test func initWritesAPrivateKeyFileAndAPrivateDatabase() throws {
        let dir = try TempDir()
        let db = dir.path("p.sqlite")
        let out = try CLI.run(["init", "--municipality", "615"], db: db)
        let key = try Self.keyFile(db)
        #expect(out.stdout.contains("Pseudonymnøglen er gemt i \(key.path) (kun læsbar for dig)."))
        #expect(try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aCPRArgumentFindsThePseudonymAndIsNeverEchoed() throws {
        let dir = try TempDir()
        let db = try Self.matched(dir)
        let pseudonyms = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT id FROM citizen WHERE id LIKE 'P-%' ORDER BY id") }
        #expect(pseudonyms.count == 2)

        let explained = try CLI.run(["explain", "0101901234", "--lang", "en"], db: db)
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(!Self.echoes(explained.stdout + explained.stderr))
        // The same citizen by another spelling, and a number no run has.
        #expect(try CLI.run(["explain", "010190–1234", "--lang", "en"], db: db).stdout == explained.stdout)
        let unknown = try CLI.run(["explain", "2101771186"], db: db)
        #expect(unknown.status != 0 && !unknown.stderr.contains("2101771186") && !unknown.stderr.contains("210177"))
        #expect(unknown.stderr.hasPrefix("Fejl: Kørsel 1 har intet forslag for P-"))

        let declined = try CLI.run(["decline", "1", "010190-1234", "--reason", "other", "--note", "Borger 080482-0251 ønsker mere tid", "--on", Self.asOf], db: db)
        #expect(declined.status == 0, "\(declined.stderr)")
        #expect(!Self.echoes(declined.stdout) && !declined.stdout.contains("080482"))
        #expect(declined.stdout.contains("CPR-nummeret i noten er gemt maskeret: Borger ******-**** ønsker mere tid"))
        let stored = try DatabaseQueue(path: db).read { d in
            (try String.fetchAll(d, sql: "SELECT note FROM decline"), try String.fetchAll(d, sql: "SELECT detail FROM audit_log WHERE command = 'decline'"))
        }
        #expect(stored.0 == ["Borger ******-**** ønsker mere tid"])
        #expect(stored.1.count == 1 && stored.1[0].hasSuffix(": Borger ******-**** ønsker mere tid"))
        let report = try CLI.run(["report", "weekly", "--as-of", Self.asOf, "--format", "json"], db: db)
        #expect(report.status == 0 && report.stdout.contains("Borger ******-**** ønsker mere tid") && !report.stdout.contains("080482"))

        // A value ArgumentParser refuses is quoted back masked, in the Danish database's words.
        let badReason = try CLI.run(["decline", "1", "B0001344", "--reason", "0101901234"], db: db)
        #expect(badReason.status != 0 && badReason.stderr.hasPrefix("Fejl: \"******-****\" er ikke en gyldig værdi for `--reason <reason>`"))
        #expect(!badReason.stderr.contains("0101901234") && !badReason.stderr.contains("1901234"))
        // A CPR number where the run id goes is refused without being shown.
        let misplaced = try CLI.run(["accept", "0202851234"], db: db)
        #expect(misplaced.status != 0 && !misplaced.stderr.contains("202851234"))
        let accepted = try CLI.run(["accept", "1", "0202851234"], db: db)
        #expect(!accepted.stdout.contains("202851234") && !accepted.stderr.contains("202851234"))
    }

    @Test func withoutTheKeyCPRNumbersAreRefusedUntilItIsImported() throws {
        let dir = try TempDir()
        let db = try Self.matched(dir)
        let key = try Self.keyFile(db)
        let usb = dir.path("usb.key")
        let exported = try CLI.run(["key", "export", usb], db: db)
        #expect(exported.status == 0 && exported.stdout.contains("ADVARSEL: med nøglen og databasen kan pseudonymer føres tilbage til CPR-numre."))
        #expect(try FileManager.default.attributesOfItem(atPath: usb)[.posixPermissions] as? Int == 0o600)
        try FileManager.default.removeItem(at: key)

        // Without it: what needs no new pseudonym works; CPR numbers are refused, masked.
        #expect(try CLI.run(["status", "--as-of", Self.asOf], db: db).status == 0)
        let noKey = try CLI.run(["key", "export", dir.path("again.key")], db: db)
        #expect(noKey.status != 0 && noKey.stderr == "Fejl: Databasens pseudonymnøgle findes ikke på denne computer (søgt i \(key.path)). Importér den med `placement key import FIL`, eller angiv den med --key-file.\n")
        #expect(try CLI.run(["explain", "B0001344"], db: db).status == 0)
        let explain = try CLI.run(["explain", "0101901234"], db: db)
        #expect(explain.status != 0 && !Self.echoes(explain.stderr))
        #expect(explain.stderr == "Fejl: Et CPR-nummer kan kun bruges med databasens pseudonymnøgle, og den findes ikke på denne computer (søgt i \(key.path)). Importér den med `placement key import FIL`, angiv den med --key-file, eller brug borgerens pseudonym.\n")
        let again = try CLI.run(["import", "--as-of", Self.asOf, try dir.write("borgere.csv", Self.citizens).path], db: db)
        #expect(again.status != 0 && !Self.echoes(again.stdout))
        // Both rows' numbers are masked alike: one problem, reported once with its rows.
        #expect(again.stdout.contains(#"borgere.csv række 2, 3, kolonne "citizen_id": "******-****" er et CPR-nummer, og databasens pseudonymnøgle findes ikke på denne computer"#),
                "\(again.stdout)")

        let imported = try CLI.run(["key", "import", usb], db: db)
        #expect(imported.status == 0 && imported.stdout.contains("Nøglen er lagt i \(key.path). Slet nu \(usb)"))
        #expect(try CLI.run(["explain", "0101901234"], db: db).status == 0)
        // The key of another database is refused.
        let other = try TempDir()
        let otherDb = try Self.matched(other)
        let refused = try CLI.run(["key", "import", usb], db: otherDb)
        #expect(refused.status != 0 && refused.stderr == "Fejl: Nøglefilen \(usb) hører til en anden database.\n")
    }

    @Test func anExplicitKeyFileAndTheUserAreUsed() throws {
        let dir = try TempDir()
        let db = dir.path("p.sqlite"), keyPath = dir.path("keys/horsens.key")
        #expect(try CLI.run(["init", "--municipality", "615", "--key-file", keyPath, "--user", "hanne"], db: db).status == 0)
        let standard = try Self.keyFile(db).path
        #expect(FileManager.default.fileExists(atPath: keyPath) && !FileManager.default.fileExists(atPath: standard))
        let file = try dir.write("borgere.csv", Self.citizens)
        let withEnv = try CLI.run(["import", "--as-of", Self.asOf, file.path], db: db, env: ["PLACEMENT_KEY_FILE": keyPath, "PLACEMENT_USER": "jens"])
        #expect(withEnv.status == 0, "\(withEnv.stdout)")
        let users = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT user FROM audit_log GROUP BY user ORDER BY MIN(id)") }
        #expect(users == ["hanne", "jens"])
    }
}
