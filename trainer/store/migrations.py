"""Forward-only, named schema migrations.

Each migration runs once, in order, inside a transaction, and its name is
recorded; a newer trainer opening an older database applies only what is
missing. Never edit or reorder a released migration: add a new one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_sessions",
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            scenario TEXT,
            persona TEXT,
            rubric TEXT,
            trainee TEXT,
            model TEXT,
            seed INTEGER,
            mode TEXT NOT NULL DEFAULT 'practice',
            started TEXT NOT NULL,
            finished TEXT,
            outcome TEXT,
            score INTEGER,
            passed INTEGER,
            content_hashes TEXT,
            scorecard TEXT,
            origin TEXT NOT NULL DEFAULT 'local'
        );
        CREATE INDEX sessions_trainee ON sessions(trainee, scenario);
        CREATE TABLE turns (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (session_id, idx)
        );
        """,
    ),
    (
        "0002_assignments",
        """
        CREATE TABLE assignments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            trainee TEXT NOT NULL,
            scenario TEXT NOT NULL,
            due TEXT,
            pass_mark INTEGER NOT NULL,
            attempts INTEGER,
            exam INTEGER NOT NULL DEFAULT 0,
            seed INTEGER,
            created TEXT NOT NULL
        );
        CREATE INDEX assignments_trainee ON assignments(trainee, scenario);
        ALTER TABLE sessions ADD assignment_id INTEGER REFERENCES assignments(id);
        CREATE INDEX sessions_assignment ON sessions(assignment_id);
        """,
    ),
]
