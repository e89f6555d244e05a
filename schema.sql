-- placement: the database of a planning area.
--
-- This file describes a NEW database at the current schema version and is compiled into
-- the program. Older databases are upgraded by the frozen steps in
-- Sources/PlacementStore/Migrations.swift; a test proves that upgrading step by step from
-- version 1 gives exactly this schema.
--
-- Conventions
--   * Dates are calendar days as TEXT 'yyyy-mm-dd' (CHECKed with date()).
--   * Periods are half-open [from, to): `to` is the first day no longer included, NULL = open.
--   * Money is INTEGER øre (1 kr. = 100 øre), never REAL.
--   * Sets of target groups and features are INTEGER bit sets; the lookup tables below
--     name the bits, so SQL can expand them: JOIN target_group g ON x.target_groups & g.bit.
--   * Business keys from the planners' spreadsheets (residence_id, citizen_id, place_id)
--     are the primary keys, so an import can be matched to what is already stored.

PRAGMA user_version = 12;

-- Settings of this database: language, creation time, its random id (which names its key
-- file), the check value of its key. One row per key.
--
-- The key that turns CPR numbers into pseudonyms is never in this file (since version 4): it
-- is in a key file of its own (Sources/PlacementStore/KeyFile.swift), so the database and its
-- backups alone cannot turn a pseudonym back into a CPR number.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Vocabulary ------------------------------------------------------------------------------

CREATE TABLE offer_type (
    code        TEXT PRIMARY KEY NOT NULL,
    section     INTEGER NOT NULL,
    free_choice INTEGER NOT NULL CHECK (free_choice IN (0, 1)),
    residential INTEGER NOT NULL CHECK (residential IN (0, 1)),
    name_da     TEXT NOT NULL,
    name_en     TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE target_group (
    code    TEXT PRIMARY KEY NOT NULL,
    bit     INTEGER NOT NULL UNIQUE,
    name_da TEXT NOT NULL,
    name_en TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE feature (
    code    TEXT PRIMARY KEY NOT NULL,
    bit     INTEGER NOT NULL UNIQUE,
    name_da TEXT NOT NULL,
    name_en TEXT NOT NULL
) WITHOUT ROWID;

-- Reference data (shared/data: kommuner.csv, postnumre.csv) ------------------------------

CREATE TABLE municipality (
    code        INTEGER PRIMARY KEY NOT NULL CHECK (code BETWEEN 100 AND 999),
    name        TEXT NOT NULL UNIQUE,
    region_code INTEGER NOT NULL,
    region_name TEXT NOT NULL,
    latitude    REAL NOT NULL CHECK (latitude BETWEEN 54 AND 58),
    longitude   REAL NOT NULL CHECK (longitude BETWEEN 8 AND 16)
);

CREATE TABLE postcode (
    code              INTEGER PRIMARY KEY NOT NULL CHECK (code BETWEEN 1000 AND 9999),
    name              TEXT NOT NULL,
    latitude          REAL NOT NULL CHECK (latitude BETWEEN 54 AND 58),
    longitude         REAL NOT NULL CHECK (longitude BETWEEN 8 AND 16),
    approximate       INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    municipality_code INTEGER NOT NULL REFERENCES municipality(code)
);

-- The municipalities that plan together. Residences operated by any of them are own.
CREATE TABLE planning_area (
    municipality_code INTEGER PRIMARY KEY NOT NULL REFERENCES municipality(code)
);

-- Supply ------------------------------------------------------------------------------------

CREATE TABLE residence (
    id                      TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name                    TEXT NOT NULL CHECK (length(name) > 0),
    operator                TEXT NOT NULL CHECK (operator IN ('own', 'municipal', 'regional', 'private')),
    municipality_code       INTEGER NOT NULL REFERENCES municipality(code),
    postcode                INTEGER REFERENCES postcode(code),
    latitude                REAL NOT NULL CHECK (latitude BETWEEN 54 AND 58),
    longitude               REAL NOT NULL CHECK (longitude BETWEEN 8 AND 16),
    offer_type              TEXT NOT NULL REFERENCES offer_type(code),
    target_groups           INTEGER NOT NULL CHECK (target_groups BETWEEN 1 AND 255),
    support_level_min       INTEGER NOT NULL DEFAULT 1 CHECK (support_level_min BETWEEN 1 AND 5),
    support_level_max       INTEGER NOT NULL DEFAULT 5 CHECK (support_level_max BETWEEN 1 AND 5),
    features                INTEGER NOT NULL DEFAULT 0 CHECK (features BETWEEN 0 AND 15),
    age_min                 INTEGER CHECK (age_min BETWEEN 0 AND 130),
    age_max                 INTEGER CHECK (age_max BETWEEN 0 AND 130),
    places                  INTEGER NOT NULL CHECK (places >= 0),
    daily_rate_ore          INTEGER NOT NULL CHECK (daily_rate_ore >= 0),
    variable_daily_cost_ore INTEGER CHECK (variable_daily_cost_ore >= 0),
    opens_on                TEXT CHECK (opens_on IS date(opens_on)),
    closes_on               TEXT CHECK (closes_on IS date(closes_on)),
    CHECK (support_level_min <= support_level_max),
    CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
    CHECK (opens_on IS NULL OR closes_on IS NULL OR opens_on < closes_on)
) WITHOUT ROWID;

CREATE INDEX residence_by_offer ON residence(offer_type, operator);

-- Places of own residences. External residences have none: their `places` only bounds
-- how many citizens can be bought in.
-- confirmed_on (since version 9): the last day the vacancy was confirmed (places sheet column
-- vacancy_confirmed_on, or `placement confirm-vacancy`); a residence's own report of a vacancy is
-- often stale (Rigsrevisionen 17/2022), so the matcher warns on proposals into a vacancy not
-- confirmed within the policy's vacancy_confirm_days. NULL: never confirmed.
CREATE TABLE place (
    residence_id   TEXT NOT NULL REFERENCES residence(id) ON DELETE CASCADE,
    id             TEXT NOT NULL CHECK (length(id) > 0),
    features       INTEGER CHECK (features BETWEEN 0 AND 15),  -- NULL: the residence's
    status         TEXT NOT NULL DEFAULT 'vacant' CHECK (status IN ('vacant', 'occupied', 'reserved', 'closed')),
    available_from TEXT CHECK (available_from IS date(available_from)), confirmed_on TEXT CHECK (confirmed_on IS date(confirmed_on)),
    PRIMARY KEY (residence_id, id)
) WITHOUT ROWID;

-- The few places reserved or closed (since version 12; 1,300 of 43,000 nationally): placement
-- status counts those no stay covers, and reads them from this partial index rather than
-- every place's row (Status.summary).
CREATE INDEX place_reserved_or_closed ON place(residence_id, id) WHERE status IN ('reserved', 'closed');

-- Demand ------------------------------------------------------------------------------------

CREATE TABLE citizen (
    id                     TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    birth_year             INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),
    home_municipality_code INTEGER NOT NULL REFERENCES municipality(code),
    network_postcode       INTEGER REFERENCES postcode(code),
    target_groups          INTEGER NOT NULL CHECK (target_groups BETWEEN 1 AND 255),
    offer_type             TEXT NOT NULL REFERENCES offer_type(code),
    support_level          INTEGER NOT NULL CHECK (support_level BETWEEN 1 AND 5),
    required_features      INTEGER NOT NULL DEFAULT 0 CHECK (required_features BETWEEN 0 AND 15),
    status                 TEXT NOT NULL CHECK (status IN ('waiting', 'placed', 'left')),
    referred_on            TEXT CHECK (referred_on IS date(referred_on)),
    needed_by              TEXT CHECK (needed_by IS date(needed_by)),
    urgency                TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'high', 'acute')),
    open_to_move           INTEGER NOT NULL DEFAULT 0 CHECK (open_to_move IN (0, 1)),
    agreed_daily_rate_ore  INTEGER CHECK (agreed_daily_rate_ore >= 0),
    max_distance_km        INTEGER CHECK (max_distance_km > 0),
    CHECK (status <> 'waiting' OR referred_on IS NOT NULL)
) WITHOUT ROWID;

-- The few citizens with an agreed daily rate (since version 11; 2,000 of 81,000 nationally):
-- placement status sums external stays at the agreed rate, and reads those from this partial
-- index rather than every citizen's row (Status.staysOn).
CREATE INDEX citizen_by_agreed_rate ON citizen(agreed_daily_rate_ore) WHERE agreed_daily_rate_ore IS NOT NULL;

-- Residences a citizen wished for (free choice) or ruled out, in the order given.
CREATE TABLE citizen_residence_choice (
    citizen_id   TEXT NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
    residence_id TEXT NOT NULL REFERENCES residence(id),
    choice       TEXT NOT NULL CHECK (choice IN ('preferred', 'excluded')),
    rank         INTEGER NOT NULL CHECK (rank >= 1),
    reason       TEXT,
    PRIMARY KEY (citizen_id, residence_id, choice)
) WITHOUT ROWID;

-- History -----------------------------------------------------------------------------------

-- Times on the waiting list: who was waiting on day D is
--   SELECT citizen_id FROM waiting_period WHERE since <= D AND (until IS NULL OR until > D)
CREATE TABLE waiting_period (
    id         INTEGER PRIMARY KEY,
    citizen_id TEXT NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
    since      TEXT NOT NULL CHECK (since IS date(since)),
    until      TEXT CHECK (until IS date(until)),
    outcome    TEXT CHECK (outcome IN ('placed', 'reassessment', 'closed_missing', 'withdrawn')),
    CHECK (until IS NULL OR since <= until),
    CHECK ((until IS NULL) = (outcome IS NULL))
);

CREATE INDEX waiting_period_by_citizen ON waiting_period(citizen_id, since);
CREATE INDEX waiting_period_by_dates ON waiting_period(since, until);
-- By end (since version 10): the periods open on a day are the open ones and those ending after
-- it, two ranges of this index, where by_dates gives every period begun by the day (a national
-- world: 79,000 for the 4,600 waiting). The waiting list reads them so (WaitingPeriods.waitingOnRangesSQL).
CREATE INDEX waiting_period_by_end ON waiting_period(until, since);

-- Stays: who lived where on day D is
--   SELECT * FROM placement WHERE starts_on <= D AND (ends_on IS NULL OR ends_on > D)
-- A NULL citizen_id is an own place occupied by someone outside the planning area.
-- bridge = 1 (since version 9): an overgangsophold, a stay while the citizen waits for the
-- granted offer (a temporary § 107 place or a bought place): unlike any other stay it leaves
-- the citizen's waiting period open, and it ends when the citizen moves into the granted place.
CREATE TABLE placement (
    id             INTEGER PRIMARY KEY,
    citizen_id     TEXT REFERENCES citizen(id) ON DELETE CASCADE,
    residence_id   TEXT NOT NULL REFERENCES residence(id),
    place_id       TEXT,
    starts_on      TEXT NOT NULL CHECK (starts_on IS date(starts_on)),
    ends_on        TEXT CHECK (ends_on IS date(ends_on)),
    daily_rate_ore INTEGER CHECK (daily_rate_ore >= 0), bridge INTEGER NOT NULL DEFAULT 0 CHECK (bridge IN (0, 1)),
    CHECK (ends_on IS NULL OR starts_on < ends_on),
    CHECK (citizen_id IS NOT NULL OR place_id IS NOT NULL),
    FOREIGN KEY (residence_id, place_id) REFERENCES place(residence_id, id)
);

CREATE INDEX placement_by_citizen ON placement(citizen_id, starts_on);
CREATE INDEX placement_by_place ON placement(residence_id, place_id, starts_on);
CREATE INDEX placement_by_dates ON placement(starts_on, ends_on);

-- At most one occupant of a place at any time, and one stay per citizen at any time.
CREATE TRIGGER placement_place_free_on_insert BEFORE INSERT ON placement
WHEN NEW.place_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM placement p
    WHERE p.residence_id = NEW.residence_id AND p.place_id = NEW.place_id
      AND p.starts_on < COALESCE(NEW.ends_on, '9999-12-31')
      AND NEW.starts_on < COALESCE(p.ends_on, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'place already occupied in that period');
END;

CREATE TRIGGER placement_place_free_on_update BEFORE UPDATE OF residence_id, place_id, starts_on, ends_on ON placement
WHEN NEW.place_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM placement p
    WHERE p.id <> NEW.id AND p.residence_id = NEW.residence_id AND p.place_id = NEW.place_id
      AND p.starts_on < COALESCE(NEW.ends_on, '9999-12-31')
      AND NEW.starts_on < COALESCE(p.ends_on, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'place already occupied in that period');
END;

CREATE TRIGGER placement_citizen_single_on_insert BEFORE INSERT ON placement
WHEN NEW.citizen_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM placement p
    WHERE p.citizen_id = NEW.citizen_id
      AND p.starts_on < COALESCE(NEW.ends_on, '9999-12-31')
      AND NEW.starts_on < COALESCE(p.ends_on, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'citizen already placed in that period');
END;

CREATE TRIGGER placement_citizen_single_on_update BEFORE UPDATE OF citizen_id, starts_on, ends_on ON placement
WHEN NEW.citizen_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM placement p
    WHERE p.id <> NEW.id AND p.citizen_id = NEW.citizen_id
      AND p.starts_on < COALESCE(NEW.ends_on, '9999-12-31')
      AND NEW.starts_on < COALESCE(p.ends_on, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'citizen already placed in that period');
END;

-- Audit -------------------------------------------------------------------------------------

-- Every change, append-only: what changed, when, by whom, by which command, from which file.
-- Each entry is chained to the one before (since version 4): hash = SHA-256 over prev_hash and
-- the entry's fields (Sources/PlacementStore/AuditChain.swift), so a changed, deleted or
-- inserted entry shows.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,            -- UTC timestamp, yyyy-mm-ddThh:mm:ssZ
    user      TEXT,                     -- who: --user, PLACEMENT_USER or the login; NULL before version 4
    command   TEXT NOT NULL,            -- e.g. 'import', 'accept'
    entity    TEXT NOT NULL,            -- e.g. 'citizen', 'placement'
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,            -- e.g. 'insert', 'update', 'close'
    detail    TEXT,                     -- what changed, never a CPR number
    source    TEXT,                     -- the file a change came from, if any
    prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash      BLOB NOT NULL CHECK (length(hash) = 32)
);

CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Policy (since version 2) ------------------------------------------------------------------

-- The matching policy: every knob with its value, shown by `placement policy`, changed by
-- `placement policy set KEY VALUE`, and copied into each match run that uses it.
CREATE TABLE policy (
    key   TEXT PRIMARY KEY NOT NULL CHECK (key IN (
              'allowed_wait_days', 'variable_cost_share_percent', 'price_per_km_kr',
              'wish_bonus_kr', 'bring_home_threshold_kr', 'urgency_order',
              'free_choice_margin_percent', 'state_refund', 'refund_thresholds_kr',
              'refund_percents', 'wait_norm_days', 'vacancy_confirm_days')),
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
    ('wait_norm_days', '91,183'),
    ('vacancy_confirm_days', '30');

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

-- What a run proposes for each citizen it considered, with its reasons as codes (JSON, since
-- version 7; worded when shown, in the reader's language).
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

-- Web app: users and sessions (since version 6) --------------------------------------------

-- The people who log in to `placement serve`, with a role: read_only looks, planner also
-- matches, accepts, declines and imports, administrator also manages users and the policy.
-- Passwords are bcrypt hashes; a disabled user cannot log in and has no sessions.
CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
    role          TEXT NOT NULL CHECK (role IN ('read_only', 'planner', 'administrator')),
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$2%'),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL
);

-- A logged-in browser: the SHA-256 of its cookie's random token (the token itself is never
-- stored, so the file alone opens no session), its CSRF token, and when it expires.
CREATE TABLE app_session (
    token_hash BLOB PRIMARY KEY NOT NULL CHECK (length(token_hash) = 32),
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX app_session_by_user ON app_session(user_id);

-- Past imports and first reports (since version 7) -----------------------------------------

-- Each import that read its files: when, by whom, for which day, its files with their SHA-256
-- and row counts, and what it changed in the planner's terms (`ImportChange` as JSON), so
-- `placement imports show N` can say it again in either language. An import made before
-- version 7 has only what its audit log entries said: no day, no changes (NULL).
CREATE TABLE import_record (
    id                 INTEGER PRIMARY KEY,
    at                 TEXT NOT NULL,      -- UTC timestamp, as the audit log writes it
    user               TEXT,
    as_of              TEXT CHECK (as_of IS date(as_of)),
    files              TEXT NOT NULL CHECK (json_valid(files)),   -- [{name, sha256, rows, changed}]
    changes            TEXT CHECK (changes IS NULL OR json_valid(changes)),
    changes_not_listed INTEGER NOT NULL DEFAULT 0 CHECK (changes_not_listed >= 0),
    conflicts          TEXT CHECK (conflicts IS NULL OR json_valid(conflicts))
);

-- The figures of a week's report as it was first produced, so that the report produced again
-- after later imports changed the week says which figures differ (first and current): a
-- published week never changes silently.
CREATE TABLE report_first (
    week        TEXT PRIMARY KEY NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
    produced_at TEXT NOT NULL,
    figures     TEXT NOT NULL CHECK (json_valid(figures))
) WITHOUT ROWID;
