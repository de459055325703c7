"""The store's work in portable SQL, shared by both engines.

SqlStore holds every read and write the Store interface asks for; an engine
(SqliteStore, PostgresStore) gives it a connection and says how a write
transaction begins, how a consistent read is taken, and how an assignment is
held while its attempts are counted. Statements use `?` placeholders and
read rows by column name; the PostgreSQL connection translates the
placeholders.
"""

from __future__ import annotations

import json
import threading
import uuid
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

from trainer.clock import now
from trainer.errors import TrainerError
from trainer.store.base import Assignment, ImportOutcome, NoAttemptsLeft, SessionRow, Snapshot
from trainer.store.queries import (
    Connection,
    read_assignment,
    read_assignments,
    read_attempts,
    read_session_rows,
    read_snapshot,
    read_transcript,
    record_result,
)
from trainer.transcript import Transcript

__all__ = ["SqlStore", "UnknownSession"]


class UnknownSession(TrainerError):
    exit_code = 2


class SqlStore:
    """The engine-neutral part of a store. Subclasses set `_lock` and implement
    `_write`, `_read`, `_consistent_read` and `close`."""

    _lock: threading.RLock

    def _write(self) -> AbstractContextManager[Connection]:
        """One write transaction, committed when the block ends, rolled back on error."""
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _consistent_read(self) -> AbstractContextManager[Connection]:
        """One read transaction: everything in it sees the database at one instant."""
        raise NotImplementedError

    def _hold_assignment(self, db: Connection, assignment_id: int) -> None:
        """Keep other writers from taking an attempt at this assignment until the
        transaction ends. SQLite's write transactions already exclude each other."""

    def trainee_login(self) -> str | None:
        """The trainee the database says is signed in; None where the trainee
        names themselves (one person's SQLite file)."""
        return None

    def close(self) -> None:
        raise NotImplementedError

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
            # The engine holds the assignment from the count to the insert: a
            # second trainer taking the same last attempt waits, then sees it gone.
            if assignment_id is not None:
                self._hold_assignment(db, assignment_id)
            if assignment_id is not None and not self._attempt_left(db, assignment_id):
                assignment = read_assignment(db, assignment_id)
                if assignment.exam:
                    raise NoAttemptsLeft(assignment)
                assignment_id = None  # past a practice limit: free practice, as ever
            self._insert_session(db, transcript, session_id, "local", assignment_id)

    def _attempt_left(self, db: Connection, assignment_id: int) -> bool:
        row = db.execute(
            "SELECT attempts FROM assignments WHERE id = ?", (assignment_id,)
        ).fetchone()
        if row is None or row["attempts"] is None:
            return True  # no limit; an unknown id fails on the insert's foreign key
        used = sum(s.counts_as_attempt for s in read_attempts(db, assignment_id))
        return bool(used < row["attempts"])

    def _insert_session(
        self,
        db: Connection,
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
        with self._read() as db:
            transcript = read_transcript(db, session_id)
            if transcript is None:
                # A unique prefix of at least four characters will do, as in git.
                matches = db.execute(
                    "SELECT id FROM sessions WHERE id LIKE ? LIMIT 2", (session_id + "%",)
                ).fetchall()
                if len(matches) != 1 or len(session_id) < 4:
                    raise UnknownSession(f"no saved session {session_id!r}")
                transcript = read_transcript(db, matches[0]["id"])
        assert transcript is not None
        return transcript

    def scorecard(self, session_id: str) -> dict[str, Any] | None:
        with self._read() as db:
            row = db.execute(
                "SELECT scorecard FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
        return json.loads(row["scorecard"]) if row and row["scorecard"] else None

    def list_sessions(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[SessionRow]:
        with self._read() as db:
            return read_session_rows(db, trainee, scenario)

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
            row = db.execute(
                "INSERT INTO assignments (trainee, scenario, due, pass_mark, attempts, exam, seed,"
                " created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (trainee, scenario, due, pass_mark, attempts, int(exam), seed, now()),
            ).fetchone()
            return read_assignment(db, row["id"])

    def list_assignments(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[Assignment]:
        with self._read() as db:
            return read_assignments(db, trainee, scenario)

    def snapshot(
        self, *, trainee: str | None = None, scenario: str | None = None, turns: bool = True
    ) -> Snapshot:
        with self._consistent_read() as db:
            return read_snapshot(db, trainee, scenario, turns)


def _content_id(transcript: Transcript) -> str:
    """A stable id for a transcript that has none, so re-importing it is a no-op."""
    import hashlib

    return "imp-" + hashlib.sha256(transcript.to_json().encode()).hexdigest()[:28]
