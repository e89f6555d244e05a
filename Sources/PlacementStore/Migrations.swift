import GRDB

/// Frozen upgrade steps. A step, once shipped, is never modified: databases in the field
/// were upgraded by exactly this code. A new schema change adds a new step here AND edits
/// `schema.sql`; `MigrationTests` proves that the two agree.
enum Migrations {
    /// `steps[v]` upgrades a database from version v to v + 1.
    static let steps: [Int: @Sendable (Database, MigrationContext) throws -> Void] = [
        1: { db, _ in try v1ToV2(db) },
        2: { db, _ in try v2ToV3(db) },
        3: v3ToV4,
        4: { db, _ in try v4ToV5(db) },
        5: { db, _ in try v5ToV6(db) },
        6: { db, _ in try reasonCodes(db) },
        importsAndReportsFrom: { db, _ in try importsAndReports(db) },
        bridgingVersion - 1: { db, _ in try toBridging(db) },
        waitingByEndVersion - 1: { db, _ in try toWaitingByEnd(db) },
        agreedRatesVersion - 1: { db, _ in try toAgreedRates(db) },
        heldPlacesVersion - 1: { db, _ in try toHeldPlaces(db) },
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

    /// Version 3: match runs, their proposals, place values and declines.
    static func v2ToV3(_ db: Database) throws {
        try db.execute(sql: """
            -- Matching (since version 3) ----------------------------------------------------------------

            -- A run of the matching engine: its day, the policy and inputs it used (so that it can be
            -- replayed exactly), its totals and the solver's figures, as JSON.
            CREATE TABLE match_run (
                id         INTEGER PRIMARY KEY,
                as_of      TEXT NOT NULL CHECK (as_of IS date(as_of)),
                created_at TEXT NOT NULL,
                replay_of  INTEGER REFERENCES match_run(id),
                policy     TEXT NOT NULL CHECK (json_valid(policy)),
                input      TEXT NOT NULL CHECK (json_valid(input)),
                totals     TEXT NOT NULL CHECK (json_valid(totals)),
                solver     TEXT NOT NULL CHECK (json_valid(solver))
            );

            -- What a run proposes for each citizen it considered, with the reasons in words.
            CREATE TABLE proposal (
                run_id                INTEGER NOT NULL REFERENCES match_run(id) ON DELETE CASCADE,
                citizen_id            TEXT NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
                action                TEXT NOT NULL CHECK (action IN ('place_own', 'buy_external', 'bring_home', 'no_fit')),
                residence_id          TEXT REFERENCES residence(id),
                place_id              TEXT,
                move_in               TEXT CHECK (move_in IS date(move_in)),
                annual_cost_gross_ore INTEGER CHECK (annual_cost_gross_ore >= 0),
                annual_cost_net_ore   INTEGER CHECK (annual_cost_net_ore >= 0),
                annual_saving_ore     INTEGER,
                distance_km           INTEGER CHECK (distance_km >= 0),
                priority              INTEGER NOT NULL CHECK (priority >= 1),
                reasons               TEXT NOT NULL CHECK (json_valid(reasons)),
                status                TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
                PRIMARY KEY (run_id, citizen_id),
                CHECK ((action = 'no_fit') = (residence_id IS NULL))
            ) WITHOUT ROWID;

            -- What one more place in an own residence would have saved a year, per run.
            CREATE TABLE place_value (
                run_id       INTEGER NOT NULL REFERENCES match_run(id) ON DELETE CASCADE,
                residence_id TEXT NOT NULL REFERENCES residence(id),
                value_ore    INTEGER NOT NULL CHECK (value_ore >= 0),
                PRIMARY KEY (run_id, residence_id)
            ) WITHOUT ROWID;

            -- Refusals of proposals, with a reason from a fixed list (each has its consequence).
            CREATE TABLE decline (
                id           INTEGER PRIMARY KEY,
                run_id       INTEGER NOT NULL REFERENCES match_run(id),
                citizen_id   TEXT NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
                residence_id TEXT REFERENCES residence(id),
                reason       TEXT NOT NULL CHECK (reason IN ('citizen_declined', 'provider_declined', 'need_changed', 'other')),
                note         TEXT,
                declined_on  TEXT NOT NULL CHECK (declined_on IS date(declined_on)),
                CHECK (reason <> 'other' OR length(note) > 0)
            );

            CREATE INDEX decline_by_day ON decline(declined_on);
            """)
    }
}
