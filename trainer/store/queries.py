"""The SQLite store's reads and shared writes, as functions of a connection.

Column lists and the converters that read them live together so a query and
its reader cannot drift apart. Callers (SqliteStore) hold the lock and choose
the transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from trainer.store.base import Assignment, SessionRecord, SessionRow, Snapshot
from trainer.transcript import Transcript, Turn

# (? IS NULL OR column = ?) twice: optional trainee and scenario filters.
_FILTER = "(? IS NULL OR {p}trainee = ?) AND (? IS NULL OR {p}scenario = ?)"

ASSIGNMENT_COLUMNS = "id, trainee, scenario, due, pass_mark, attempts, exam, seed, created"

SESSION_COLUMNS = (
    "s.id, s.scenario, s.trainee, s.model, s.mode, s.started, s.finished,"
    " s.outcome, s.score, s.passed,"
    " (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id"
    "  AND json_extract(t.data, '$.role') = 'trainee'),"
    " s.assignment_id"
)


def assignment_from_row(r: Sequence[Any]) -> Assignment:
    return Assignment(
        id=r[0],
        trainee=r[1],
        scenario=r[2],
        due=r[3],
        pass_mark=r[4],
        attempts=r[5],
        exam=bool(r[6]),
        seed=r[7],
        created=r[8],
    )


TRANSCRIPT_COLUMNS = (
    "id, scenario, persona, rubric, trainee, model, seed, mode, started, finished, outcome,"
    " content_hashes, assignment_id"
)


def read_transcript(db: sqlite3.Connection, session_id: str) -> Transcript | None:
    row = db.execute(
        f"SELECT {TRANSCRIPT_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None:
        return None
    turns = [
        Turn.model_validate_json(data)
        for (data,) in db.execute(
            "SELECT data FROM turns WHERE session_id = ? ORDER BY idx", (session_id,)
        )
    ]
    return Transcript(
        id=row[0],
        scenario=row[1],
        persona=row[2],
        rubric=row[3],
        trainee=row[4],
        model=row[5],
        seed=row[6],
        mode=row[7],
        started=row[8] or None,
        finished=row[9],
        outcome=row[10],
        content_hashes=json.loads(row[11]) if row[11] else None,
        assignment_id=row[12],
        turns=turns,
    )


def session_from_row(r: Sequence[Any]) -> SessionRow:
    return SessionRow(
        id=r[0],
        scenario=r[1],
        trainee=r[2],
        model=r[3],
        mode=r[4],
        started=r[5],
        finished=r[6],
        outcome=r[7],
        score=r[8],
        passed=None if r[9] is None else bool(r[9]),
        trainee_turns=r[10],
        assignment_id=r[11],
    )


def _params(trainee: str | None, scenario: str | None) -> tuple[str | None, ...]:
    return (trainee, trainee, scenario, scenario)


def read_session_rows(
    db: sqlite3.Connection, trainee: str | None, scenario: str | None
) -> list[SessionRow]:
    query = (
        f"SELECT {SESSION_COLUMNS} FROM sessions s WHERE {_FILTER.format(p='s.')}"
        " ORDER BY s.started, s.rowid"
    )
    return [session_from_row(r) for r in db.execute(query, _params(trainee, scenario))]


def read_assignment(db: sqlite3.Connection, assignment_id: int) -> Assignment:
    row = db.execute(
        f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE id = ?", (assignment_id,)
    ).fetchone()
    return assignment_from_row(row)


def read_assignments(
    db: sqlite3.Connection, trainee: str | None, scenario: str | None
) -> list[Assignment]:
    query = f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE {_FILTER.format(p='')} ORDER BY id"
    return [assignment_from_row(r) for r in db.execute(query, _params(trainee, scenario))]


def read_snapshot(
    db: sqlite3.Connection, trainee: str | None, scenario: str | None, with_turns: bool
) -> Snapshot:
    where = _FILTER.format(p="s.")
    params = _params(trainee, scenario)
    cards: dict[str, str | None] = dict(
        db.execute(f"SELECT s.id, s.scorecard FROM sessions s WHERE {where}", params).fetchall()
    )
    turns: dict[str, list[Turn]] = {}
    if with_turns:
        query = (
            "SELECT t.session_id, t.data FROM turns t JOIN sessions s ON s.id = t.session_id"
            f" WHERE {where} ORDER BY t.session_id, t.idx"
        )
        for session_id, data in db.execute(query, params):
            turns.setdefault(session_id, []).append(Turn.model_validate_json(data))
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
    db: sqlite3.Connection,
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
