"""SQLite store: one file under TRAINER_HOME, every turn committed as it happens.

WAL mode lets a report read while a session writes; a busy timeout lets two
trainees on one machine write without "database is locked" errors; each
write is its own short IMMEDIATE transaction, so a killed process leaves
every completed turn on disk. Use it as a context manager, so the connection
is closed however the command ends:

    with open_store() as store:
        store.list_sessions()
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from trainer.errors import BadInput, TrainerError
from trainer.paths import trainer_home
from trainer.store.base import Assignment, ImportOutcome, NoAttemptsLeft, SessionRow, Snapshot
from trainer.store.migrations import MIGRATIONS
from trainer.store.queries import (
    read_assignment,
    read_assignments,
    read_attempts,
    read_session_rows,
    read_snapshot,
    read_transcript,
    record_result,
)
from trainer.transcript import Transcript

__all__ = ["NoAttemptsLeft", "SqliteStore", "UnknownSession", "open_store"]

DB_NAME = "trainer.db"


class UnknownSession(TrainerError):
    exit_code = 2


class SqliteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(
                f"{path.parent}: cannot use it for user data ({exc.strerror or exc}); "
                "set TRAINER_HOME to a folder you can write to"
            ) from None
        try:
            self._db = sqlite3.connect(
                path, timeout=15, isolation_level=None, check_same_thread=False
            )
            self._db.row_factory = sqlite3.Row  # rows are read by column name
            self._db.execute("PRAGMA busy_timeout=15000")
            _use_wal(self._db)
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise TrainerError(f"{path}: cannot open the database: {exc}") from None
        self._lock = threading.RLock()
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise TrainerError(f"{path}: cannot prepare the database: {exc}") from None

    # --- plumbing ---------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def _migrate(self) -> None:
        with self._write() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied TEXT)"
            )
        # One transaction per migration: a failure leaves every earlier one
        # applied and recorded, and the next start resumes at the one that
        # failed. Whether a migration is done is asked inside its own
        # transaction, so two processes opening a new database at once never
        # both apply it.
        for name, script in MIGRATIONS:
            with self._write() as db:
                if db.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone():
                    continue
                for statement in script.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO schema_migrations VALUES (?, datetime('now'))", (name,))

    def applied_migrations(self) -> list[str]:
        with self._lock:
            return [
                r["name"]
                for r in self._db.execute("SELECT name FROM schema_migrations ORDER BY name")
            ]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- sessions ---------------------------------------------------------

    def create_session(self, transcript: Transcript, *, assignment_id: int | None = None) -> None:
        session_id = transcript.id or uuid.uuid4().hex
        with self._write() as db:
            # BEGIN IMMEDIATE holds the write lock from the count to the insert:
            # a second trainer taking the same last attempt waits, then sees it gone.
            if assignment_id is not None and not self._attempt_left(db, assignment_id):
                assignment = read_assignment(db, assignment_id)
                if assignment.exam:
                    raise NoAttemptsLeft(assignment)
                assignment_id = None  # past a practice limit: free practice, as ever
            self._insert_session(db, transcript, session_id, "local", assignment_id)

    def _attempt_left(self, db: sqlite3.Connection, assignment_id: int) -> bool:
        row = db.execute(
            "SELECT attempts FROM assignments WHERE id = ?", (assignment_id,)
        ).fetchone()
        if row is None or row["attempts"] is None:
            return True  # no limit; an unknown id fails on the insert's foreign key
        used = sum(s.counts_as_attempt for s in read_attempts(db, assignment_id))
        return bool(used < row["attempts"])

    def _insert_session(
        self,
        db: sqlite3.Connection,
        t: Transcript,
        session_id: str,
        origin: str,
        assignment_id: int | None,
    ) -> None:
        db.execute(
            "INSERT INTO sessions (id, scenario, persona, rubric, trainee, model, seed, mode,"
            " started, finished, outcome, content_hashes, origin, assignment_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                t.scenario,
                t.persona,
                t.rubric,
                t.trainee,
                t.model,
                t.seed,
                t.mode or "practice",
                t.started or "",
                t.finished,
                t.outcome,
                json.dumps(t.content_hashes) if t.content_hashes else None,
                origin,
                assignment_id,
            ),
        )
        for index, turn in enumerate(t.turns):
            db.execute(
                "INSERT INTO turns VALUES (?, ?, ?)",
                (session_id, index, json.dumps(turn.model_dump(exclude_none=True))),
            )

    def save_turn(self, session_id: str, index: int, turn: dict[str, Any]) -> None:
        with self._write() as db:
            db.execute("DELETE FROM turns WHERE session_id = ? AND idx >= ?", (session_id, index))
            db.execute("INSERT INTO turns VALUES (?, ?, ?)", (session_id, index, json.dumps(turn)))
            # A session that goes on after it ended (rewind) is open again.
            db.execute(
                "UPDATE sessions SET finished = NULL, outcome = NULL, score = NULL, passed = NULL,"
                " scorecard = NULL WHERE id = ? AND finished IS NOT NULL",
                (session_id,),
            )

    def truncate(self, session_id: str, keep: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM turns WHERE session_id = ? AND idx >= ?", (session_id, keep))
            db.execute(
                "UPDATE sessions SET finished = NULL, outcome = NULL, score = NULL, passed = NULL,"
                " scorecard = NULL WHERE id = ?",
                (session_id,),
            )

    def finish_session(
        self,
        session_id: str,
        *,
        finished: str,
        outcome: str,
        score: int | None,
        passed: bool | None,
        scorecard: dict[str, Any] | None,
    ) -> None:
        with self._write() as db:
            record_result(db, session_id, finished, outcome, score, passed, scorecard)

    def load_session(self, session_id: str) -> Transcript:
        with self._lock:
            transcript = read_transcript(self._db, session_id)
            if transcript is None:
                # A unique prefix of at least four characters will do, as in git.
                matches = self._db.execute(
                    "SELECT id FROM sessions WHERE id LIKE ? LIMIT 2", (session_id + "%",)
                ).fetchall()
                if len(matches) != 1 or len(session_id) < 4:
                    raise UnknownSession(f"no saved session {session_id!r}")
                transcript = read_transcript(self._db, matches[0]["id"])
        assert transcript is not None
        return transcript

    def scorecard(self, session_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT scorecard FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
        return json.loads(row["scorecard"]) if row and row["scorecard"] else None

    def list_sessions(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[SessionRow]:
        with self._lock:
            return read_session_rows(self._db, trainee, scenario)

    def import_transcript(
        self,
        transcript: Transcript,
        *,
        assignment_id: int | None = None,
        score: int | None = None,
        passed: bool | None = None,
        scorecard: dict[str, Any] | None = None,
    ) -> ImportOutcome:
        session_id = transcript.id or _content_id(transcript)
        with self._write() as db:
            stored = db.execute(
                "SELECT s.finished, s.origin,"
                " (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id) AS turns"
                " FROM sessions s WHERE s.id = ?",
                (session_id,),
            ).fetchone()
            origin, outcome = "import", ImportOutcome.ADDED
            if stored is not None:
                # An attempt exported while still going, then again once done:
                # the later copy is the one to keep. A finished one never changes.
                later = transcript.finished is not None or len(transcript.turns) > stored["turns"]
                if stored["finished"] is not None or not later:
                    return ImportOutcome.KEPT
                db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))  # turns cascade
                origin, outcome = stored["origin"], ImportOutcome.UPDATED
            self._insert_session(db, transcript, session_id, origin, assignment_id)
            if transcript.finished and scorecard is not None:
                ended = transcript.outcome or scorecard.get("outcome") or "unfinished"
                record_result(db, session_id, transcript.finished, ended, score, passed, scorecard)
        return outcome

    # --- assignments ------------------------------------------------------

    def create_assignment(
        self,
        *,
        trainee: str,
        scenario: str,
        due: str | None,
        pass_mark: int,
        attempts: int | None,
        exam: bool,
        seed: int | None,
    ) -> Assignment:
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO assignments (trainee, scenario, due, pass_mark, attempts, exam, seed,"
                " created) VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                (trainee, scenario, due, pass_mark, attempts, int(exam), seed),
            )
            assert cursor.lastrowid is not None
            return read_assignment(db, cursor.lastrowid)

    def list_assignments(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[Assignment]:
        with self._lock:
            return read_assignments(self._db, trainee, scenario)

    def snapshot(
        self, *, trainee: str | None = None, scenario: str | None = None, turns: bool = True
    ) -> Snapshot:
        with self._lock:
            # One read transaction: under WAL it sees the database as of its
            # first read, whatever other connections commit meanwhile.
            self._db.execute("BEGIN")
            try:
                return read_snapshot(self._db, trainee, scenario, turns)
            finally:
                self._db.execute("COMMIT")


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch a database to WAL. The switch takes an exclusive lock without
    waiting on the busy timeout, so when several processes open a new
    database at once, the ones that lose the race try again shortly."""
    deadline = time.monotonic() + 15
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _content_id(transcript: Transcript) -> str:
    """A stable id for a transcript that has none, so re-importing it is a no-op."""
    import hashlib

    return "imp-" + hashlib.sha256(transcript.to_json().encode()).hexdigest()[:28]


def open_store(home: Path | None = None) -> SqliteStore:
    return SqliteStore((home or trainer_home()) / DB_NAME)
