"""The PostgreSQL store keeps the Store contract the SQLite store keeps."""

from __future__ import annotations

import threading

import pytest

from trainer.store.base import ImportOutcome, NoAttemptsLeft
from trainer.store.postgres import PostgresStore
from trainer.store.sql import UnknownSession
from trainer.store.sqlite import open_store as open_sqlite
from trainer.transcript import Transcript, Turn


def transcript(session_id: str, trainee: str = "ana", turns: int = 0) -> Transcript:
    return Transcript(
        id=session_id,
        scenario="saas-cfo-price",
        trainee=trainee,
        started="2026-01-01T00:00:00Z",
        turns=[Turn(role="trainee", text=f"line {i}") for i in range(turns)],
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """The same tests against both engines, as a manager (who sees everything)."""
    if request.param == "sqlite":
        opened = open_sqlite(tmp_path)
    else:
        team_db = request.getfixturevalue("team_db")
        _, url = team_db.login("lee", "manager")
        opened = PostgresStore(url)
    yield opened
    opened.close()


def test_turns_are_saved_truncated_and_finished(store):
    store.create_session(transcript("s1"))
    store.save_turn("s1", 0, {"role": "buyer", "text": "Hello"})
    store.save_turn("s1", 1, {"role": "trainee", "text": "Hi"})
    store.save_turn("s1", 2, {"role": "buyer", "text": "So?"})
    store.save_turn("s1", 1, {"role": "trainee", "text": "Hi again"})  # after an undo
    loaded = store.load_session("s1")
    assert [t.text for t in loaded.turns] == ["Hello", "Hi again"]
    store.finish_session(
        "s1",
        finished="2026-01-01T00:05:00Z",
        outcome="stalled",
        score=40,
        passed=False,
        scorecard={"score": 40},
    )
    (row,) = store.list_sessions(trainee="ana")
    assert (row.score, row.passed, row.trainee_turns, row.outcome) == (40, False, 1, "stalled")
    assert store.scorecard("s1") == {"score": 40}
    store.truncate("s1", 1)  # a rewind opens it again
    (row,) = store.list_sessions()
    assert (row.finished, row.score, row.trainee_turns) == (None, None, 0)


def test_a_prefix_finds_a_session_and_an_unknown_id_is_one_error(store):
    store.create_session(transcript("abcdef123"))
    assert store.load_session("abcd").id == "abcdef123"
    with pytest.raises(UnknownSession):
        store.load_session("zzzz")


def test_import_keeps_a_finished_copy_and_updates_an_unfinished_one(store):
    assert store.import_transcript(transcript("i1", turns=1)) is ImportOutcome.ADDED
    assert store.import_transcript(transcript("i1", turns=1)) is ImportOutcome.KEPT
    assert store.import_transcript(transcript("i1", turns=3)) is ImportOutcome.UPDATED
    assert len(store.load_session("i1").turns) == 3


def test_filters_and_snapshot(store):
    store.create_session(transcript("a1", trainee="ana"))
    store.create_session(transcript("b1", trainee="bo"))
    store.save_turn("b1", 0, {"role": "trainee", "text": "hello"})
    assert [r.id for r in store.list_sessions(trainee="bo")] == ["b1"]
    assert [r.id for r in store.list_sessions(scenario="nope")] == []
    snap = store.snapshot(trainee="bo")
    assert [s.row.id for s in snap.sessions] == ["b1"]
    assert [t.text for t in snap.sessions[0].turns] == ["hello"]
    assert store.snapshot(turns=False).sessions[0].turns == ()


def test_the_last_exam_attempt_goes_to_one_of_two_at_once(store, request, tmp_path):
    exam = store.create_assignment(
        trainee="ana",
        scenario="saas-cfo-price",
        due=None,
        pass_mark=70,
        attempts=1,
        exam=True,
        seed=4,
    )
    assert [a.id for a in store.list_assignments(trainee="ana")] == [exam.id]
    if isinstance(store, PostgresStore):
        others = [PostgresStore(store.url) for _ in range(2)]
    else:
        others = [open_sqlite(tmp_path) for _ in range(2)]
    barrier = threading.Barrier(2)
    refused: list[str] = []

    def take(opened, session_id: str) -> None:
        barrier.wait()
        try:
            opened.create_session(transcript(session_id), assignment_id=exam.id)
        except NoAttemptsLeft:
            refused.append(session_id)

    threads = [threading.Thread(target=take, args=(o, f"e{i}")) for i, o in enumerate(others)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for opened in others:
        opened.close()
    assert len(refused) == 1
    assert len([r for r in store.list_sessions() if r.assignment_id == exam.id]) == 1


def test_both_engines_hold_the_same_tables_after_the_same_migrations(team_db, tmp_path):
    """One migration list: the same names applied, the same columns (PostgreSQL
    spells out the rowid SQLite keeps implicitly)."""
    import psycopg

    with open_sqlite(tmp_path) as lite:
        applied = lite.applied_migrations()
        sqlite_columns = {
            table: {r["name"] for r in lite._db.execute(f"PRAGMA table_info({table})")}
            for table in ("sessions", "turns", "assignments")
        }
    with psycopg.connect(team_db.admin_url) as conn:
        assert [n for (n,) in conn.execute("SELECT name FROM schema_migrations ORDER BY name")] == (
            applied
        )
        pg_columns = {
            table: {
                n
                for (n,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                    (table,),
                )
            }
            for table in sqlite_columns
        }
    assert pg_columns == {**sqlite_columns, "sessions": sqlite_columns["sessions"] | {"rowid"}}
