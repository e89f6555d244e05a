import GRDB

extension Migrations {
    /// The version this step upgrades to; the one place the number is written, so that it can
    /// be renumbered when other schema changes land first.
    static let bridgingVersion = 9

    /// Version 9: bridging stays (overgangsophold), confirmed vacancies, and the policy key
    /// `vacancy_confirm_days`. The columns are added where `ALTER TABLE` puts them (after the
    /// last column), which is where `schema.sql` has them; the policy table is made anew so its
    /// CHECK admits the new key (a rename would quote the table's name in its SQL).
    static func toBridging(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE place ADD COLUMN confirmed_on TEXT CHECK (confirmed_on IS date(confirmed_on));
            ALTER TABLE placement ADD COLUMN bridge INTEGER NOT NULL DEFAULT 0 CHECK (bridge IN (0, 1));

            CREATE TEMP TABLE policy_before_bridging AS SELECT key, value FROM policy;
            DROP TABLE policy;
            CREATE TABLE policy (
                key   TEXT PRIMARY KEY NOT NULL CHECK (key IN (
                          'allowed_wait_days', 'variable_cost_share_percent', 'price_per_km_kr',
                          'wish_bonus_kr', 'bring_home_threshold_kr', 'urgency_order',
                          'free_choice_margin_percent', 'state_refund', 'refund_thresholds_kr',
                          'refund_percents', 'wait_norm_days', 'vacancy_confirm_days')),
                value TEXT NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO policy(key, value) SELECT key, value FROM policy_before_bridging;
            INSERT OR IGNORE INTO policy(key, value) VALUES ('vacancy_confirm_days', '30');
            DROP TABLE policy_before_bridging;
            """)
    }
}
