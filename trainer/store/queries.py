"""The store's reads and shared writes, as functions of a connection.

Column lists and the converters that read them live together so a query and
its reader cannot drift apart; rows are read by column name (sqlite3.Row on
SQLite, dict rows on PostgreSQL), never by position. Callers (the stores)
hold the lock and choose the transaction. The SQL is the subset both engines
speak; the PostgreSQL schema supplies `rowid` and `json_extract` for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from trainer.store.base import Assignment, SessionRecord, SessionRow, Snapshot
from trainer.transcript import Transcript, Turn

# (? IS NULL OR column = ?) twice: optional trainee and scenario filters; the
# CAST tells PostgreSQL what type a NULL parameter has.
_FILTER = (
    "(CAST(? AS TEXT) IS NULL OR {p}trainee = ?) AND (CAST(? AS TEXT) IS NULL OR {p}scenario = ?)"
)


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the queries need of a database connection: sqlite3's, or the
    PostgreSQL store's wrapper around psycopg's."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...


ASSIGNMENT_COLUMNS = "id, trainee, scenario, due, pass_mark, attempts, exam, seed, created"

SESSION_COLUMNS = (
    "s.id, s.scenario, s.trainee, s.model, s.mode, s.started, s.finished,"
    " s.outcome, s.score, s.passed,"
    " (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id"
    "  AND json_extract(t.data, '$.role') = 'trainee') AS trainee_turns,"
    " s.assignment_id"
)


def assignment_from_row(r: Any) -> Assignment:
    return Assignment(
        id=r["id"],
        trainee=r["trainee"],
        scenario=r["scenario"],
        due=r["due"],
        pass_mark=r["pass_mark"],
        attempts=r["attempts"],
        exam=bool(r["exam"]),
        seed=r["seed"],
        created=r["created"],
    )


TRANSCRIPT_COLUMNS = (
    "id, scenario, persona, rubric, trainee, model, seed, mode, started, finished, outcome,"
    " content_hashes, assignment_id"
)


def read_transcript(db: Connection, session_id: str) -> Transcript | None:
    row = db.execute(
        f"SELECT {TRANSCRIPT_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None:
        return None
    turns = [
        Turn.model_validate_json(t["data"])
        for t in db.execute(
            "SELECT data FROM turns WHERE session_id = ? ORDER BY idx", (session_id,)
        )
    ]
    return Transcript(
        id=row["id"],
        scenario=row["scenario"],
        persona=row["persona"],
        rubric=row["rubric"],
        trainee=row["trainee"],
        model=row["model"],
        seed=row["seed"],
        mode=row["mode"],
        started=row["started"] or None,
        finished=row["finished"],
        outcome=row["outcome"],
        content_hashes=json.loads(row["content_hashes"]) if row["content_hashes"] else None,
        assignment_id=row["assignment_id"],
        turns=turns,
    )


def session_from_row(r: Any) -> SessionRow:
    return SessionRow(
        id=r["id"],
        scenario=r["scenario"],
        trainee=r["trainee"],
        model=r["model"],
        mode=r["mode"],
        started=r["started"],
        finished=r["finished"],
        outcome=r["outcome"],
        score=r["score"],
        passed=None if r["passed"] is None else bool(r["passed"]),
        trainee_turns=r["trainee_turns"],
        assignment_id=r["assignment_id"],
    )


def _params(trainee: str | None, scenario: str | None) -> tuple[str | None, ...]:
    return (trainee, trainee, scenario, scenario)


def read_session_rows(
    db: Connection, trainee: str | None, scenario: str | None
) -> list[SessionRow]:
    query = (
        f"SELECT {SESSION_COLUMNS} FROM sessions s WHERE {_FILTER.format(p='s.')}"
        " ORDER BY s.started, s.rowid"
    )
    return [session_from_row(r) for r in db.execute(query, _params(trainee, scenario))]


def read_attempts(db: Connection, assignment_id: int) -> list[SessionRow]:
    """The sessions linked to one assignment, oldest first."""
    query = (
        f"SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.assignment_id = ?"
        " ORDER BY s.started, s.rowid"
    )
    return [session_from_row(r) for r in db.execute(query, (assignment_id,))]


def read_assignment(db: Connection, assignment_id: int) -> Assignment:
    row = db.execute(
        f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE id = ?", (assignment_id,)
    ).fetchone()
    return assignment_from_row(row)


def read_assignments(db: Connection, trainee: str | None, scenario: str | None) -> list[Assignment]:
    query = f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE {_FILTER.format(p='')} ORDER BY id"
    return [assignment_from_row(r) for r in db.execute(query, _params(trainee, scenario))]


def read_snapshot(
    db: Connection, trainee: str | None, scenario: str | None, with_turns: bool
) -> Snapshot:
    where = _FILTER.format(p="s.")
    params = _params(trainee, scenario)
    cards: dict[str, str | None] = {
        r["id"]: r["scorecard"]
        for r in db.execute(f"SELECT s.id, s.scorecard FROM sessions s WHERE {where}", params)
    }
    turns: dict[str, list[Turn]] = {}
    if with_turns:
        query = (
            "SELECT t.session_id, t.data FROM turns t JOIN sessions s ON s.id = t.session_id"
            f" WHERE {where} ORDER BY t.session_id, t.idx"
        )
        for r in db.execute(query, params):
            turns.setdefault(r["session_id"], []).append(Turn.model_validate_json(r["data"]))
    sessions = [
        SessionRecord(
            row=row,
            turns=tuple(turns.get(row.id, ())),
            scorecard=json.loads(card) if (card := cards.get(row.id)) else None,
        )
        for row in read_session_rows(db, trainee, scenario)
    ]
    return Snapshot(assignments=read_assignments(db, trainee, scenario), sessions=sessions)


def record_result(
    db: Connection,
    session_id: str,
    finished: str,
    outcome: str,
    score: int | None,
    passed: bool | None,
    scorecard: dict[str, Any] | None,
) -> None:
    db.execute(
        "UPDATE sessions SET finished = ?, outcome = ?, score = ?, passed = ?, scorecard = ?"
        " WHERE id = ?",
        (
            finished,
            outcome,
            score,
            None if passed is None else int(passed),
            json.dumps(scorecard) if scorecard is not None else None,
            session_id,
        ),
    )
