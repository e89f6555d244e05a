import GRDB

/// Frozen upgrade steps. A step, once shipped, is never modified: databases in the field
/// were upgraded by exactly this code. A new schema change adds a new step here AND edits
/// `schema.sql`; `MigrationTests` proves that the two agree.
enum Migrations {
    /// `steps[v]` upgrades a database from version v to v + 1.
    static let steps: [Int: @Sendable (Database) throws -> Void] = [
        1: v1ToV2,
    ]

    /// Version 2: the matching policy lives in the database.
    static func v1ToV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE policy (
                key   TEXT PRIMARY KEY NOT NULL CHECK (key IN (
                          'allowed_wait_days', 'variable_cost_share_percent', 'price_per_km_kr',
                          'wish_bonus_kr', 'bring_home_threshold_kr', 'urgency_order',
                          'free_choice_margin_percent', 'state_refund', 'refund_thresholds_kr',
                          'refund_percents', 'wait_norm_days')),
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            INSERT INTO policy(key, value) VALUES
                ('allowed_wait_days', '30'),
                ('variable_cost_share_percent', '25'),
                ('price_per_km_kr', '50'),
                ('wish_bonus_kr', '20000'),
                ('bring_home_threshold_kr', '100000'),
                ('urgency_order', 'acute,high,normal'),
                ('free_choice_margin_percent', '10'),
                ('state_refund', 'on'),
                ('refund_thresholds_kr', '860000,1680000,2120000'),
                ('refund_percents', '25,50,75'),
                ('wait_norm_days', '91,183');
            """)
    }
}
