import GRDB

extension Migrations {
    /// Version 5: the planner's decisions are records of their own. An acceptance is a planned
    /// move-in with its lifecycle (accepted, moved in, withdrawn), a decline can end (revoked,
    /// or re-assessed), a proposal can be withdrawn, and an import's contradictions of a
    /// decision are listed as conflicts. The exclusions older versions wrote into the
    /// citizen's excluded residences for a decline move out of them: they stand beside the
    /// export's exclusions, which the next import would otherwise overwrite.
    static func v4ToV5(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE proposal RENAME TO proposal_v4;

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
                status                TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined', 'withdrawn')),
                PRIMARY KEY (run_id, citizen_id),
                CHECK ((action = 'no_fit') = (residence_id IS NULL))
            ) WITHOUT ROWID;

            INSERT INTO proposal SELECT * FROM proposal_v4;
            DROP TABLE proposal_v4;

            DROP INDEX decline_by_day;
            ALTER TABLE decline RENAME TO decline_v4;

            -- Refusals of proposals, with a reason from a fixed list (each has its consequence).
            CREATE TABLE decline (
                id           INTEGER PRIMARY KEY,
                run_id       INTEGER NOT NULL REFERENCES match_run(id),
                citizen_id   TEXT NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
                residence_id TEXT REFERENCES residence(id),
                reason       TEXT NOT NULL CHECK (reason IN ('citizen_declined', 'provider_declined', 'need_changed', 'other')),
                note         TEXT,
                declined_on  TEXT NOT NULL CHECK (declined_on IS date(declined_on)),
                -- The waiting period a need_changed decline closed (since version 5), reopened on revoking.
                waiting_period_id INTEGER REFERENCES waiting_period(id) ON DELETE SET NULL,
                -- A decline stands until a planner revokes it or, for need_changed, an export shows the
                -- re-assessed grant (since version 5); its exclusion is never written into the citizen's
                -- excluded_residences, which belong to the case system's export.
                ended_on     TEXT CHECK (ended_on IS date(ended_on)),
                ended_how    TEXT CHECK (ended_how IN ('revoked', 'reassessed')),
                CHECK (reason <> 'other' OR length(note) > 0),
                CHECK ((ended_on IS NULL) = (ended_how IS NULL))
            );

            CREATE INDEX decline_by_day ON decline(declined_on);

            INSERT INTO decline(id, run_id, citizen_id, residence_id, reason, note, declined_on)
                SELECT id, run_id, citizen_id, residence_id, reason, note, declined_on FROM decline_v4;
            DROP TABLE decline_v4;

            -- The waiting a need_changed decline closed: the citizen's period closed for
            -- re-assessment on or after the decline's day.
            UPDATE decline SET waiting_period_id = (
                SELECT w.id FROM waiting_period w WHERE w.citizen_id = decline.citizen_id
                  AND w.outcome = 'reassessment' AND w.until >= decline.declined_on ORDER BY w.until LIMIT 1)
            WHERE reason = 'need_changed';

            DELETE FROM citizen_residence_choice
            WHERE choice = 'excluded' AND reason IN ('citizen_declined', 'provider_declined');

            -- Decisions (since version 5) ---------------------------------------------------------------

            -- Accepted proposals: a planned move-in (its stay is stored from the move-in day) until an
            -- export or `placement move-in` confirms it, or it is withdrawn with a reason. An export
            -- that does not know the acceptance yet never undoes it.
            CREATE TABLE acceptance (
                id                INTEGER PRIMARY KEY,
                run_id            INTEGER NOT NULL REFERENCES match_run(id),
                citizen_id        TEXT NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
                residence_id      TEXT NOT NULL REFERENCES residence(id),
                place_id          TEXT,
                move_in           TEXT NOT NULL CHECK (move_in IS date(move_in)),
                status            TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'moved_in', 'withdrawn')),
                placement_id      INTEGER REFERENCES placement(id) ON DELETE SET NULL,  -- the planned stay
                waiting_period_id INTEGER REFERENCES waiting_period(id) ON DELETE SET NULL,  -- the waiting it closed
                previous_stay_id  INTEGER REFERENCES placement(id) ON DELETE SET NULL,  -- a move home: the stay it ended
                previous_stay_end TEXT CHECK (previous_stay_end IS date(previous_stay_end)),  -- and that stay's end before
                accepted_on       TEXT NOT NULL CHECK (accepted_on IS date(accepted_on)),
                moved_in_on       TEXT CHECK (moved_in_on IS date(moved_in_on)),
                withdrawn_on      TEXT CHECK (withdrawn_on IS date(withdrawn_on)),
                withdraw_reason   TEXT,
                CHECK ((status = 'moved_in') = (moved_in_on IS NOT NULL)),
                CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL)),
                CHECK (status <> 'withdrawn' OR length(withdraw_reason) > 0)
            );

            CREATE UNIQUE INDEX acceptance_one_planned ON acceptance(citizen_id) WHERE status = 'accepted';

            -- Where an import contradicted a decision, the rule that decided it (README, "When an
            -- export and a decision disagree") and, once the planner has looked, what the planner did.
            CREATE TABLE import_conflict (
                id            INTEGER PRIMARY KEY,
                citizen_id    TEXT NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
                acceptance_id INTEGER NOT NULL REFERENCES acceptance(id),
                kind          TEXT NOT NULL CHECK (kind IN ('placed_elsewhere', 'citizen_left', 'grant_changed', 'overdue')),
                detail        TEXT NOT NULL,           -- in words, for the audit log
                export_residence_id TEXT REFERENCES residence(id),  -- where the export shows the citizen, if placed
                export_day    TEXT CHECK (export_day IS date(export_day)),  -- from when
                source        TEXT NOT NULL,           -- the file that showed it
                found_on      TEXT NOT NULL CHECK (found_on IS date(found_on)),  -- the day the export describes
                resolved_at   TEXT,
                resolution    TEXT CHECK (resolution IN ('accepted', 'withdrawn')),
                CHECK ((resolved_at IS NULL) = (resolution IS NULL))
            );

            CREATE UNIQUE INDEX import_conflict_one_open ON import_conflict(acceptance_id, kind) WHERE resolved_at IS NULL;
            """)
    }
}
