import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// Version 5 makes the planner's decisions records of their own: a decline's exclusion that an
/// older version wrote into the citizen's excluded residences moves out of them (where the next
/// import would have wiped it) and stands as the decline, which the match reads.
@Suite struct MigrationV5Tests {
    @Test func aDeclineWrittenIntoTheExclusionsByVersion4StandsOnItsOwn() throws {
        let dir = try TempDir()
        let path = dir.path("v3.sqlite")
        try MigrationTests.version3File(path, key: Data((0..<32).map { UInt8($0) }))
        // What version 4's decline did: the exclusion in the citizen's choices, with its reason,
        // beside one from the export (no reason).
        let old = try DatabaseQueue(path: path)
        try old.write { d in
            try d.execute(sql: """
                INSERT INTO citizen (id, home_municipality_code, target_groups, offer_type, support_level, status, referred_on)
                    VALUES ('B2', 615, 2, 'SEL108', 3, 'waiting', '2025-06-01');
                INSERT INTO proposal(run_id, citizen_id, action, residence_id, priority, reasons, status)
                    VALUES (1, 'B2', 'place_own', 'R1', 2, '[]', 'declined');
                INSERT INTO decline(run_id, citizen_id, residence_id, reason, declined_on) VALUES (1, 'B2', 'R1', 'provider_declined', '2026-01-02');
                INSERT INTO citizen_residence_choice(citizen_id, residence_id, choice, rank, reason) VALUES
                    ('B2', 'R1', 'excluded', 1, 'provider_declined'), ('B1', 'R1', 'excluded', 1, NULL);
                """)
        }
        try old.close()

        let upgraded = try PlacementDatabase.open(path: path, keys: .folder(dir.url.appendingPathComponent("keys")))
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        let (choices, declined, statuses) = try upgraded.read { d in
            (try String.fetchAll(d, sql: "SELECT citizen_id || ':' || residence_id FROM citizen_residence_choice ORDER BY 1"),
             try Decisions.declinedResidences(d),
             try String.fetchAll(d, sql: "SELECT citizen_id || ':' || status FROM proposal ORDER BY 1"))
        }
        #expect(choices == ["B1:R1"])
        #expect(declined == ["B2": ["R1"]])
        #expect(statuses == ["B1:proposed", "B2:declined"])
    }
}
