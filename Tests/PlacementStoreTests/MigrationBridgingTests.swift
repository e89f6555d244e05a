import Foundation
import GRDB
import PlacementModel
@testable import PlacementStore
import PlacementTestSupport
import Testing

/// The bridging step (`Migrations.toBridging`): a database of the version before keeps its data and its
/// policy, gains the confirmation column of places, the bridge flag of stays and the policy key
/// `vacancy_confirm_days`, and ends with exactly the schema of a new database.
@Suite struct MigrationBridgingTests {
    /// The version before bridging: the version-1 fixture taken through the frozen steps up to it, with a
    /// changed policy key.
    static func versionBeforeFile(_ path: String, keys: KeyLocation) throws {
        try MigrationTests.fixtureFile(at: Migrations.bridgingVersion - 1, path: path, keys: keys, adding: "UPDATE policy SET value = '45' WHERE key = 'allowed_wait_days'")
    }

    @Test func theVersionBeforeGainsBridgesConfirmationsAndThePolicyKey() throws {
        let dir = try TempDir()
        let path = dir.path("before-bridging.sqlite")
        try Self.versionBeforeFile(path, keys: dir.keys)

        let upgraded = try PlacementDatabase.open(path: path, keys: dir.keys)
        #expect(try upgraded.schemaVersion() == Schema.currentVersion)
        #expect(try upgraded.read(MigrationTests.schema) == (try MigrationTests.freshSchema()))

        let (policy, bridges, confirmed) = try upgraded.read { d in
            (try String.fetchAll(d, sql: "SELECT key || '=' || value FROM policy WHERE key IN ('allowed_wait_days', 'vacancy_confirm_days') ORDER BY key"),
             try Int.fetchAll(d, sql: "SELECT bridge FROM placement"),
             try Int.fetchOne(d, sql: "SELECT COUNT(*) FROM place WHERE confirmed_on IS NOT NULL"))
        }
        #expect(policy == ["allowed_wait_days=45", "vacancy_confirm_days=30"])
        #expect(bridges == [0])
        #expect(confirmed == 0)
        // The new key is a policy key like any other.
        let changed = try upgraded.write(command: "policy set") { try MatchPolicy.store($0, key: "vacancy_confirm_days", value: "14") }
        #expect(changed.vacancyConfirmDays == 14)
        #expect(try upgraded.read { try MatchPolicy.load($0) }.vacancyConfirmDays == 14)
    }

    @Test(arguments: [("0", false), ("3650", true), ("3651", false), ("thirty", false)])
    func theConfirmationDaysAreChecked(value: String, accepted: Bool) throws {
        var p = MatchPolicy()
        let set: Void? = try? p.set("vacancy_confirm_days", value)
        #expect((set != nil) == accepted)
    }
}
