import GRDB

extension Migrations {
    /// Version 6: users and sessions of the web app (`placement serve`).
    static func v5ToV6(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE app_user (
                id            INTEGER PRIMARY KEY,
                name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
                role          TEXT NOT NULL CHECK (role IN ('read_only', 'planner', 'administrator')),
                password_hash TEXT NOT NULL CHECK (password_hash LIKE '$2%'),
                disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
                created_at    TEXT NOT NULL
            );

            CREATE TABLE app_session (
                token_hash BLOB PRIMARY KEY NOT NULL CHECK (length(token_hash) = 32),
                user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE INDEX app_session_by_user ON app_session(user_id);
            """)
    }
}
