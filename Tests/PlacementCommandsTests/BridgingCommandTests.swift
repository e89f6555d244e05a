import Foundation
import GRDB
import PlacementTestSupport
import Testing

/// Bridging placements (overgangsophold) and confirmed vacancies through the binary, on a world
/// small enough to work out by hand (README, "Bridging placements" and "Confirmed vacancies").
///
/// Overgangen (T1) is an own § 107 residence of one place at 1.800 kr. a day with no variable
/// cost given, so filling its place costs the policy's 25 %: 450 kr. × 365 = 164.250 kr. a year,
/// with no state refund (the case's 657.000 kr. a year is under the first threshold). Egehuset
/// (P1) is an own § 108 residence of one vacant place. B1 is granted § 108 and lives in T1 while
/// waiting (the citizens sheet's stay is in another offer type than the granted one); B2 waits
/// for a § 107 place.
@Suite struct BridgingCommandTests {
    static let user = ["PLACEMENT_USER": "planlaegger1"]

    static func world(_ dir: TempDir, confirmedOn: String) throws -> String {
        let db = dir.path("b.sqlite")
        try CLI.run(["init", "--municipality", "615"], db: db)
        let residences = try dir.write("tilbud.csv", """
            residence_id,name,operator,municipality_code,postcode,offer_type,target_groups,support_level_min,support_level_max,places,daily_rate
            T1,Overgangen,own,615,8700,SEL107,autism,1,5,1,1800
            P1,Egehuset,own,615,8700,SEL108,autism,1,5,1,2400

            """)
        let places = try dir.write("pladser.csv", """
            place_id,residence_id,status,vacancy_confirmed_on
            1,P1,vacant,\(confirmedOn)

            """)
        let citizens = try dir.write("borgere.csv", """
            citizen_id,home_municipality_code,target_groups,offer_type,support_level,status,referred_on,residence_id,placed_on
            B1,615,autism,SEL108,3,placed,2026-05-20,T1,2026-06-01
            B2,615,autism,SEL107,3,waiting,2026-11-02,,

            """)
        let out = try CLI.run(["import", "--as-of", "2026-11-23", residences.path, places.path, citizens.path], db: db)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        return db
    }

    static func run(_ args: [String], _ db: String) throws -> CLI.Output { try CLI.run(args, db: db, env: user) }

    /// A run's proposals as (citizen, action, residence, place, move-in, saving in kr.).
    static func match(_ db: String, asOf: String) throws -> [[String]] {
        let out = try run(["match", "--as-of", asOf, "--json"], db)
        #expect(out.status == 0, "\(out.stderr)")
        let proposals = try #require(try CLI.json(out.stdout)["proposals"] as? [[String: Any]])
        return proposals.map { p in
            ["citizen_id", "action", "residence_id", "place_id", "move_in", "annual_saving_kr"].map { k in p[k].map { "\($0)" } ?? "-" }
        }
    }

    static func rows(_ db: String, _ sql: String) throws -> [String] {
        let queue = try DatabaseQueue(path: db, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: sql) }
    }

    @Test func aBridgingCitizenIsProposedThePermanentPlaceAndTheBridgeGoesToTheNext() throws {
        let dir = try TempDir()
        let db = try Self.world(dir, confirmedOn: "2026-11-16")
        // Imported as placed and waiting at once: the stay is a bridge, the waiting stays open.
        #expect(try Self.rows(db, "SELECT residence_id || ' ' || starts_on || ' ' || COALESCE(ends_on, '-') || ' bridge ' || bridge FROM placement")
                == ["T1 2026-06-01 - bridge 1"])
        #expect(try Self.rows(db, "SELECT citizen_id || ' ' || since || ' ' || COALESCE(until, 'open') FROM waiting_period ORDER BY citizen_id")
                == ["B1 2026-05-20 open", "B2 2026-11-02 open"])

        // Run 1: B1 is proposed Egehuset like any waiting citizen, saving what the bridge costs;
        // B2 finds no § 107 place, since B1 is in the only one.
        #expect(try Self.match(db, asOf: "2026-11-23") == [
            ["B1", "place_own", "P1", "1", "2026-11-23", "164250"],
            ["B2", "no_fit", "-", "-", "-", "-"],
        ])
        let text = try Self.run(["match", "--as-of", "2026-11-23"], db)
        #expect(text.stdout.hasSuffix("""

            Bemærk:
              B1: Overgangsophold på Overgangen (plads 1) siden 01-06-2026; indflytningen afslutter det og sparer 164.250 kr. om året, og pladsen bliver ledig for den næste borger.

            """), "\(text.stdout)")

        // The weekly report of week 48 counts the bridge: one citizen, 7 bridging days.
        let report = try CLI.json(try Self.run(["report", "weekly", "--as-of", "2026-11-23", "--format", "json"], db).stdout)
        let bridging = try #require(report["bridging"] as? [String: Any])
        #expect(bridging["citizens_on_sunday"] as? Int == 1)
        #expect(bridging["bridging_days_in_week"] as? Int == 7)
        let listed = try #require(bridging["citizens"] as? [[String: Any]])
        #expect(listed.map { "\($0["citizen_id"]!) \($0["bridge_offer_type"]!)→\($0["granted_offer_type"]!) since \($0["bridging_since"]!), \($0["wait_days"]!) days" }
                == ["B1 SEL107→SEL108 since 2026-06-01, 193 days"])

        // Accepting ends the bridge on the move-in; the next run gives its place to B2.
        let accept = try Self.run(["accept", "1", "B1", "--on", "2026-11-23"], db)
        #expect(accept.status == 0, "\(accept.stderr)")
        #expect(try Self.rows(db, "SELECT citizen_id || ' ' || residence_id || ' ' || starts_on || ' ' || COALESCE(ends_on, '-') FROM placement ORDER BY id")
                == ["B1 T1 2026-06-01 2026-11-23", "B1 P1 2026-11-23 -"])
        #expect(try Self.match(db, asOf: "2026-11-23") == [["B2", "place_own", "T1", "1", "2026-11-23", "-"]])

        // Withdrawing the acceptance gives the bridge its open end again: B1 is bridging and
        // waiting, and is proposed Egehuset once more.
        #expect(try Self.run(["withdraw", "B1", "--reason", "Borgeren vil vente"], db).status == 0)
        #expect(try Self.rows(db, "SELECT citizen_id || ' ' || residence_id || ' ' || COALESCE(ends_on, '-') || ' ' || bridge FROM placement ORDER BY id")
                == ["B1 T1 - 1"])
        #expect(try Self.rows(db, "SELECT status FROM citizen WHERE id = 'B1'") == ["placed"])
        #expect(try Self.match(db, asOf: "2026-11-23") == [
            ["B1", "place_own", "P1", "1", "2026-11-23", "164250"],
            ["B2", "no_fit", "-", "-", "-", "-"],
        ])
    }

    @Test func aStaleVacancyIsWarnedOnListedAndConfirmed() throws {
        let dir = try TempDir()
        // Confirmed 1 October: 53 days before the run, 59 before Sunday 29 November; the
        // policy's vacancy_confirm_days is 30.
        let db = try Self.world(dir, confirmedOn: "01-10-2026")
        let text = try Self.run(["match", "--as-of", "2026-11-23"], db)
        #expect(text.stdout.hasSuffix("""

            Bemærk:
              B1: Overgangsophold på Overgangen (plads 1) siden 01-06-2026; indflytningen afslutter det og sparer 164.250 kr. om året, og pladsen bliver ledig for den næste borger.
              B1: Advarsel: den ledige plads 1 på Egehuset blev sidst bekræftet 01-10-2026, for 53 dage siden (vacancy_confirm_days 30); bekræft den før indflytningen: placement confirm-vacancy P1 1

            """), "\(text.stdout)")
        let explain = try Self.run(["explain", "B1", "--lang", "en"], db)
        #expect(explain.stdout.hasSuffix("""
            Notes:
              Bridging in Overgangen (place 1) since 2026-06-01; the move-in ends the bridge, saving DKK 164,250 a year, and its place becomes vacant for the next citizen.
              Warning: the vacancy of place 1 in Egehuset was last confirmed on 2026-10-01, 53 days ago (vacancy_confirm_days 30); confirm it before the move-in: placement confirm-vacancy P1 1

            """), "\(explain.stdout)")

        let report = try CLI.json(try Self.run(["report", "weekly", "--as-of", "2026-11-23", "--format", "json"], db).stdout)
        let stale = try #require(report["stale_vacancies"] as? [String: Any])
        #expect(stale["vacancy_confirm_days"] as? Int == 30)
        let places = try #require(stale["places"] as? [[String: Any]])
        #expect(places.map { "\($0["residence"]!) \($0["place_id"]!) \($0["confirmed_on"]!) \($0["days_since"]!)" } == ["Egehuset 1 2026-10-01 59"])
        let summary = try Self.run(["report", "weekly", "--as-of", "2026-11-23"], db)
        #expect(summary.stdout.contains("\nUbekræftede ledige pladser: 1\n"), "\(summary.stdout)")

        // Confirmed by telephone on 20 November: in the audit log with the user; no warning now.
        let confirm = try Self.run(["confirm-vacancy", "P1", "1", "--on", "2026-11-20"], db)
        #expect(confirm.status == 0, "\(confirm.stderr)")
        #expect(confirm.stdout == "Ledig plads bekræftet: plads 1 på Egehuset den 20-11-2026 (før: 01-10-2026).\n")
        #expect(try Self.rows(db, "SELECT user || ' ' || command || ' ' || entity || ' ' || entity_id || ' ' || action || ': ' || detail FROM audit_log ORDER BY id DESC LIMIT 1")
                == ["planlaegger1 confirm-vacancy place P1/1 confirm: vacancy confirmed 2026-11-20 (was 2026-10-01)"])
        let after = try Self.run(["match", "--as-of", "2026-11-23"], db)
        #expect(!after.stdout.contains("Advarsel"), "\(after.stdout)")
        let unknown = try Self.run(["confirm-vacancy", "P1", "9"], db)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("Tilbud P1 har ingen plads 9"), "\(unknown.stderr)")
    }
}
