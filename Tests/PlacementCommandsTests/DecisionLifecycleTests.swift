import Foundation
import GRDB
import PlacementTestSupport
import Testing

/// Two weeks of a planner's loop on a small world, through the binary: the planner's decisions
/// are the tool's own records, and the weekly export of the case system (which learns of
/// them later) never undoes one (README, "When an export and a decision disagree").
@Suite struct DecisionLifecycleTests {
    static let header = "citizen_id,home_municipality_code,target_groups,offer_type,support_level,status,referred_on,residence_id,placed_on"

    /// Three own residences of one place each, one external; three waiting citizens.
    static func world(_ dir: TempDir) throws -> (db: String, week48: URL) {
        let db = dir.path("w.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let residences = try dir.write("tilbud.csv", """
            residence_id,name,operator,municipality_code,postcode,offer_type,target_groups,support_level_min,support_level_max,places,daily_rate
            R1,Engvang,own,615,8700,SEL108,autism,2,4,1,2500
            R2,Skovly,own,615,8700,SEL108,autism,2,4,1,2500
            R3,Bakkehuset,own,615,8700,SEL108,autism,2,4,1,2900
            X1,Fjordhuset,private,751,8000,SEL108,autism,1,5,5,4000

            """)
        let week48 = try dir.write("borgere-uge48.csv", """
            \(header)
            B1,615,autism,SEL108,3,waiting,2026-10-01,,
            B2,615,autism,SEL108,3,waiting,2026-10-05,,
            B3,615,autism,SEL108,3,waiting,2026-10-09,,

            """)
        let out = try CLI.run(["import", "--as-of", "2026-11-23", residences.path, week48.path], db: db)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        return (db, week48)
    }

    static let user = ["PLACEMENT_USER": "planlaegger1"]

    static func run(_ args: [String], _ db: String) throws -> CLI.Output { try CLI.run(args, db: db, env: user) }

    /// The audit log after entry `after`: (user, command, entity, entity id, action, detail, source).
    static func audit(_ db: String, after: Int64) throws -> [[String?]] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: db, configuration: config)
        defer { try? queue.close() }
        return try queue.read { d in
            try Row.fetchAll(d, sql: "SELECT user, command, entity, entity_id, action, detail, source FROM audit_log WHERE id > ? ORDER BY id",
                             arguments: [after]).map { r in (0..<7).map { r[$0] as String? } }
        }
    }

    static func lastAuditId(_ db: String) throws -> Int64 {
        let queue = try DatabaseQueue(path: db, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM audit_log") ?? 0 }
    }

    static func sha256(_ url: URL) throws -> String {
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [url.path]
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }

    /// An import's output without its last line, which times the import.
    static func untimed(_ out: CLI.Output) -> String {
        var lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        #expect(lines.last?.hasPrefix("Importerede ") == true, "\(out.stdout)")
        return lines.dropLast().joined(separator: "\n")
    }

    static func proposal(_ db: String, asOf: String, citizen: String) throws -> (run: Int, residence: String?) {
        let out = try run(["match", "--as-of", asOf, "--json"], db)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try CLI.json(out.stdout)
        let proposals = try #require(json["proposals"] as? [[String: Any]])
        let p = proposals.first { $0["citizen_id"] as? String == citizen }
        return (json["run_id"] as? Int ?? 0, p?["residence_id"] as? String)
    }

    @Test func twoWeeksOfDecisionsSurviveTheExportsAndConflictsFollowTheRule() throws {
        let dir = try TempDir()
        let (db, week48) = try Self.world(dir)

        // Week 48: match, accept two proposals, refuse one again, decline one.
        #expect(try Self.run(["match", "--as-of", "2026-11-23"], db).status == 0)
        let accept = try Self.run(["accept", "1", "B1", "B3", "--on", "2026-11-23"], db)
        #expect(accept.status == 0, "\(accept.stderr)")
        #expect(accept.stdout == """
            B1 flytter ind i Engvang fra 23-11-2026
            B3 flytter ind i Bakkehuset fra 23-11-2026
            Accepteret 2 af 2 forslag i kørsel 1.

            """)
        let again = try Self.run(["accept", "1", "B1"], db)
        #expect(again.status == 1)
        #expect(again.stdout == "B1 ikke accepteret: forslaget er allerede accepteret\nAccepteret 0 af 1 forslag i kørsel 1.\n")
        let decline = try Self.run(["decline", "1", "B2", "--reason", "provider_declined", "--on", "2026-11-23"], db)
        #expect(decline.stdout == "Afslag registreret: B2 i kørsel 1, tilbuddet har sagt nej.\n")

        // The same export again, a day later (the case system knows no decision yet): nothing
        // changes, and the audit log gains only the import's own entry, naming file and SHA-256.
        let before = try Self.lastAuditId(db)
        let same = try Self.run(["import", "--as-of", "2026-11-24", week48.path], db)
        #expect(same.status == 0)
        #expect(Self.untimed(same) == "borgere-uge48.csv (borgere; CSV, komma, UTF-8, LF): 3 rækker læst, 0 nye, 0 ændrede, 3 uændrede")
        let sha = try Self.sha256(week48)
        #expect(try Self.audit(db, after: before) == [
            ["planlaegger1", "import", "import", sha, "read", "borgere-uge48.csv, sha256 \(sha): 3 rows, 0 changed", "borgere-uge48.csv"],
        ])
        let status = try Self.run(["status", "--as-of", "2026-11-24"], db)
        #expect(status.stdout.hasSuffix("""
            Accepteret, ikke flyttet ind: 2
              B1 flytter ind i Engvang fra 23-11-2026
              B3 flytter ind i Bakkehuset fra 23-11-2026

            """), "\(status.stdout)")

        // Week 49: the export confirms B1's move-in (two days late) and shows B3 placed in
        // the external residence instead. B1's planned move-in becomes the stay, with no
        // conflict; B3's is a conflict the export wins, so its acceptance is withdrawn.
        let week49 = try dir.write("borgere-uge49.csv", """
            \(Self.header)
            B1,615,autism,SEL108,3,placed,2026-10-01,R1,2026-11-25
            B2,615,autism,SEL108,3,waiting,2026-10-05,,
            B3,615,autism,SEL108,3,placed,2026-10-09,X1,2026-11-27

            """)
        let changes = """
            borgere-uge49.csv (borgere; CSV, komma, UTF-8, LF): 3 rækker læst, 0 nye, 2 ændrede, 1 uændret
            Ændringer:
              B1 flyttet ind i Engvang fra 25-11-2026 (planlagt indflytning bekræftet)
              B3: planlagt indflytning i Bakkehuset fra 23-11-2026 trukket tilbage
              B3 placeret i Fjordhuset fra 27-11-2026
            Konflikter med planlæggerens beslutninger (se `placement conflicts`):
              B3: placeret et andet sted (eksporten gælder): eksporten viser B3 placeret i Fjordhuset fra 27-11-2026; den planlagte indflytning i Bakkehuset fra 23-11-2026 er trukket tilbage
            """
        let beforeDry = try Self.lastAuditId(db)
        let dry = try Self.run(["import", "--as-of", "2026-11-30", "--dry-run", week49.path], db)
        #expect(dry.status == 0)
        // A dry run says what would be written, in the same words.
        let dryChanges = changes.replacingOccurrences(of: "0 nye, 2 ændrede, 1 uændret", with: "0 ville blive tilføjet, 2 ændrede, 1 uændret")
        #expect(dry.stdout == dryChanges + "\nPrøvekørsel: filerne er gyldige; intet blev skrevet.\n")
        #expect(try Self.lastAuditId(db) == beforeDry)

        let json = try CLI.json(try Self.run(["import", "--as-of", "2026-11-30", "--dry-run", "--json", week49.path], db).stdout)
        let jsonChanges = try #require(json["changes"] as? [[String: Any]])
        #expect(jsonChanges.map { "\($0["kind"] ?? "") \($0["citizenId"] ?? "") \($0["residenceId"] ?? "")" }
                == ["moved_in B1 R1", "withdrawn B3 R3", "placed B3 X1"])
        let jsonConflicts = try #require(json["conflicts"] as? [[String: Any]])
        #expect(jsonConflicts.map { "\($0["kind"] ?? "") \($0["citizenId"] ?? "") \($0["exportResidenceId"] ?? "")" } == ["placed_elsewhere B3 X1"])

        let real = try Self.run(["import", "--as-of", "2026-11-30", week49.path], db)
        #expect(real.status == 0)
        #expect(Self.untimed(real) == changes)
        let listed = "1  B3  placeret et andet sted (eksporten gælder): eksporten viser B3 placeret i Fjordhuset fra 27-11-2026; "
            + "den planlagte indflytning i Bakkehuset fra 23-11-2026 er trukket tilbage  [borgere-uge49.csv, 30-11-2026; "
        #expect(try Self.run(["conflicts"], db).stdout == listed + "åben]\n")
        #expect(try Self.run(["conflicts", "resolve", "1"], db).stdout == listed + "afgjort]\n")
        #expect(try Self.run(["conflicts"], db).stdout == "Ingen konflikter.\n")
        let status49 = try Self.run(["status", "--as-of", "2026-11-30"], db).stdout
        #expect(status49.contains("Borgere                1 venter, 2 placeret (1 i egne, 1 i eksterne tilbud)\n"), "\(status49)")
        #expect(!status49.contains("Accepteret, ikke flyttet ind"))

        // The decline still stands: B2 is not proposed Skovly, which refused it. An acceptance
        // of the new proposal is withdrawn again; the decline is revoked.
        let run2 = try Self.proposal(db, asOf: "2026-11-30", citizen: "B2")
        #expect(run2.run == 2 && run2.residence == "R3")
        #expect(try Self.run(["accept", "2", "B2", "--on", "2026-11-30"], db).stdout
                == "B2 flytter ind i Bakkehuset fra 30-11-2026\nAccepteret 1 af 1 forslag i kørsel 2.\n")
        let withdraw = try Self.run(["withdraw", "B2", "--reason", "Borgeren er indlagt", "--on", "2026-11-30"], db)
        #expect(withdraw.stdout == "Trukket tilbage: B2 flytter ikke ind i Bakkehuset fra 30-11-2026; venter igen.\n")
        let revoke = try Self.run(["revoke", "1", "B2", "--on", "2026-11-30"], db)
        #expect(revoke.stdout == "Afslaget er tilbagekaldt: B2 i kørsel 1.\n")
        let afterRevoke = try Self.run(["status", "--as-of", "2026-11-30"], db).stdout
        #expect(afterRevoke.contains("Borgere                1 venter, 2 placeret"), "\(afterRevoke)")
        let run3 = try Self.proposal(db, asOf: "2026-11-30", citizen: "B2")
        #expect(run3.run == 3 && run3.residence == "R2")

        // Every change of the two weeks names its user.
        let all = try Self.audit(db, after: before)
        #expect(all.allSatisfy { $0[0] == "planlaegger1" })
        #expect(all.filter { $0[1] == "withdraw" }.map { $0[5] ?? "" } == ["run 2, R3 from 2026-11-30: Borgeren er indlagt"])
    }

    /// A changed need keeps the citizen off the waiting list while the export still shows the
    /// old grant, and puts the citizen back when the export shows the re-assessed one; a changed
    /// grant under a planned move-in is a conflict the decision wins.
    @Test func aChangedNeedWaitsForTheReassessmentAndAChangedGrantIsListed() throws {
        let dir = try TempDir()
        let (db, week48) = try Self.world(dir)
        #expect(try Self.run(["match", "--as-of", "2026-11-23"], db).status == 0)
        #expect(try Self.run(["accept", "1", "B1", "--on", "2026-11-23"], db).status == 0)
        #expect(try Self.run(["decline", "1", "B2", "--reason", "need_changed", "--on", "2026-11-23"], db).stdout
                == "Afslag registreret: B2 i kørsel 1, behovet er ændret.\n")
        #expect(Self.untimed(try Self.run(["import", "--as-of", "2026-11-24", week48.path], db))
                == "borgere-uge48.csv (borgere; CSV, komma, UTF-8, LF): 3 rækker læst, 0 nye, 0 ændrede, 3 uændrede")
        #expect(try Self.run(["status", "--as-of", "2026-11-24"], db).stdout.contains("Borgere                1 venter, 1 placeret"))

        let week49 = try dir.write("borgere-uge49.csv", """
            \(Self.header)
            B1,615,autism,SEL108,4,waiting,2026-10-01,,
            B2,615,autism,SEL108,2,waiting,2026-10-05,,
            B3,615,autism,SEL108,3,waiting,2026-10-09,,

            """)
        #expect(Self.untimed(try Self.run(["import", "--as-of", "2026-11-30", week49.path], db)) == """
            borgere-uge49.csv (borgere; CSV, komma, UTF-8, LF): 3 rækker læst, 0 nye, 2 ændrede, 1 uændret
            Ændringer:
              B1: støtteniveau 3 → 4
              B2 revurderet: venter igen
              B2: støtteniveau 3 → 2
            Konflikter med planlæggerens beslutninger (se `placement conflicts`):
              B1: bevillingen er ændret (beslutningen gælder): eksporten har en ændret bevilling; den planlagte indflytning i Engvang fra 23-11-2026 står ved magt
            """)
        let status = try Self.run(["status", "--as-of", "2026-11-30"], db).stdout
        #expect(status.contains("Borgere                2 venter, 1 placeret") && status.contains("Accepteret, ikke flyttet ind: 1\n"), "\(status)")
    }

    /// A move home whose external stay already has a planned end is accepted (the stay ends
    /// then anyway), and an export that still shows the citizen waiting long after the planned
    /// move-in is a conflict the decision wins until the planner withdraws it.
    @Test func anOverdueMoveInIsAConflictThePlannerResolvesByWithdrawing() throws {
        let dir = try TempDir()
        let (db, week48) = try Self.world(dir)
        #expect(try Self.run(["match", "--as-of", "2026-11-23"], db).status == 0)
        #expect(try Self.run(["accept", "1", "B1", "--on", "2026-11-23"], db).status == 0)
        let late = try Self.run(["import", "--as-of", "2026-12-14", week48.path], db)
        #expect(Self.untimed(late) == """
            borgere-uge48.csv (borgere; CSV, komma, UTF-8, LF): 3 rækker læst, 0 nye, 0 ændrede, 3 uændrede
            Konflikter med planlæggerens beslutninger (se `placement conflicts`):
              B1: venter stadig efter den planlagte indflytning (beslutningen gælder): eksporten viser stadig B1 som ventende 14-12-2026, 21 dage efter den planlagte indflytning i Engvang fra 23-11-2026
            """)
        // Listed once, however often the export repeats it.
        let again = try Self.run(["import", "--as-of", "2026-12-15", week48.path], db)
        #expect(!again.stdout.contains("Konflikter"))
        let resolved = try Self.run(["conflicts", "resolve", "1", "--withdraw", "Borgeren ønsker ikke at flytte"], db)
        #expect(resolved.status == 0 && resolved.stdout.hasSuffix("afgjort: trukket tilbage]\n"), "\(resolved.stdout)\(resolved.stderr)")
        let status = try Self.run(["status", "--as-of", "2026-12-15"], db).stdout
        #expect(status.contains("Borgere                3 venter, 0 placeret"), "\(status)")
    }
}

/// `accept RUN` on the demo accepts every proposal that can be accepted: a move home whose
/// external stay has a planned end before the move is no obstacle.
@Suite struct DemoAcceptTests {
    @Test func acceptingRunOneOnTheDemoAcceptsEveryProposalThatFits() throws {
        let dir = try TempDir()
        let db = try DemoWorldTests.importedDemo(dir)
        let run = try CLI.json(try CLI.run(["match", "--as-of", DemoWorldTests.asOf, "--json"], db: db).stdout)
        let proposals = try #require(run["proposals"] as? [[String: Any]])
        let acceptable = proposals.filter { $0["action"] as? String != "no_fit" }
        #expect(acceptable.contains { $0["citizen_id"] as? String == "B0001344" && $0["action"] as? String == "bring_home" })
        let accepted = try CLI.run(["accept", "1", "--on", DemoWorldTests.asOf], db: db)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.hasSuffix("Accepteret \(acceptable.count) af \(acceptable.count) forslag i kørsel 1.\n"))
        #expect(accepted.stdout.contains("B0001344 flytter ind i "))
        let status = try CLI.run(["status", "--as-of", DemoWorldTests.asOf], db: db).stdout
        #expect(status.contains("Accepteret, ikke flyttet ind: \(acceptable.count)\n"), "\(status)")
    }
}

extension DemoAcceptTests {
    /// After `accept 1`, the same four demo files again (they know no decision: the accepted
    /// are waiting, their places vacant, the citizens moving home still in their external
    /// stays): nothing is undone and nothing is a conflict.
    @Test func theUnchangedDemoExportAfterAcceptingUndoesNothing() throws {
        let dir = try TempDir()
        let db = try DemoWorldTests.importedDemo(dir)
        #expect(try CLI.run(["match", "--as-of", DemoWorldTests.asOf], db: db).status == 0)
        #expect(try CLI.run(["accept", "1", "--on", DemoWorldTests.asOf], db: db).status == 0)
        let before = try CLI.run(["status", "--as-of", "2026-11-24"], db: db).stdout
        let files = ["citizens.csv", "placements.csv", "places.csv", "residences.csv"].map { CLI.seeds.appendingPathComponent($0).path }
        let again = try CLI.run(["import", "--as-of", "2026-11-24"] + files, db: db)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(!again.stdout.contains("Ændringer:") && !again.stdout.contains("Konflikter"), "\(again.stdout)")
        #expect(try CLI.run(["status", "--as-of", "2026-11-24"], db: db).stdout == before)
        #expect(try CLI.run(["conflicts"], db: db).stdout == "Ingen konflikter.\n")
    }
}
