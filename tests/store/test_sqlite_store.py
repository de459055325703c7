"""The SQLite store: migrations, autosave, rewind, import, concurrency."""

from __future__ import annotations

import sqlite3
import threading

from trainer.store.base import ImportOutcome
from trainer.store.migrations import MIGRATIONS, Migration
from trainer.store.sqlite import SqliteStore, open_store
from trainer.transcript import Transcript, Turn


def transcript(session_id: str = "s1", trainee: str = "ana") -> Transcript:
    return Transcript(
        id=session_id,
        scenario="saas-cfo-price",
        persona="dana-cfo",
        trainee=trainee,
        model="offline",
        seed=7,
        started="2026-11-24T10:00:00Z",
        turns=[],
    )


def test_migrations_apply_once_and_in_order(tmp_path):
    path = tmp_path / "t.db"
    store = SqliteStore(path)
    assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    store.close()
    again = SqliteStore(path)  # reopening applies nothing new and keeps data
    assert again.applied_migrations() == [m.name for m in MIGRATIONS]
    again.close()


def test_older_database_is_upgraded(tmp_path):
    """A database made by the first release (only migration 0001) opens in this one."""
    path = tmp_path / "t.db"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied TEXT)")
    name, script, _ = MIGRATIONS[0]
    old.executescript(script)
    old.execute("INSERT INTO schema_migrations VALUES (?, 'then')", (name,))
    old.execute(
        "INSERT INTO sessions (id, trainee, scenario, started) VALUES ('old1', 'ana', 'saas-cfo-price', 'x')"
    )
    old.commit()
    old.close()
    store = SqliteStore(path)
    assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    assert store.load_session("old1").trainee == "ana"
    store.close()


def test_turns_are_saved_one_by_one_and_listed(tmp_path):
    store = open_store(tmp_path)
    store.create_session(transcript())
    store.save_turn("s1", 0, {"role": "buyer", "text": "Hello"})
    store.save_turn("s1", 1, {"role": "trainee", "text": "Hi, what's on your mind?"})
    # A second connection (another process, say) sees both right away.
    other = open_store(tmp_path)
    loaded = other.load_session("s1")
    assert [t.text for t in loaded.turns] == ["Hello", "Hi, what's on your mind?"]
    (row,) = other.list_sessions()
    assert (row.id, row.trainee, row.trainee_turns, row.finished) == ("s1", "ana", 1, None)
    store.close()
    other.close()


def test_saving_an_earlier_index_drops_later_turns(tmp_path):
    store = open_store(tmp_path)
    store.create_session(transcript())
    for i, text in enumerate(["a", "b", "c", "d"]):
        store.save_turn("s1", i, {"role": "buyer" if i % 2 == 0 else "trainee", "text": text})
    store.save_turn("s1", 1, {"role": "trainee", "text": "B"})
    assert [t.text for t in store.load_session("s1").turns] == ["a", "B"]
    store.truncate("s1", 1)
    assert [t.text for t in store.load_session("s1").turns] == ["a"]
    store.close()


def test_finish_records_score_and_a_rewind_reopens(tmp_path):
    store = open_store(tmp_path)
    store.create_session(transcript())
    store.save_turn("s1", 0, {"role": "buyer", "text": "a"})
    store.finish_session(
        "s1",
        finished="2026-11-24T10:05:00Z",
        outcome="stalled",
        score=55,
        passed=False,
        scorecard={"score": 55},
    )
    (row,) = store.list_sessions()
    assert (row.outcome, row.score, row.passed) == ("stalled", 55, False)
    assert store.scorecard("s1") == {"score": 55}
    store.truncate("s1", 1)
    (row,) = store.list_sessions()
    assert row.finished is None and row.score is None
    store.close()


def test_import_is_idempotent(tmp_path):
    store = open_store(tmp_path)
    t = transcript("from-elsewhere")
    t.turns.append(Turn(role="buyer", text="Hi"))
    assert store.import_transcript(t) is ImportOutcome.ADDED
    assert store.import_transcript(t) is ImportOutcome.KEPT
    anonymous = Transcript(turns=[Turn(role="trainee", text="hello")])
    assert store.import_transcript(anonymous) is ImportOutcome.ADDED
    assert store.import_transcript(anonymous) is ImportOutcome.KEPT
    assert len(store.list_sessions()) == 2
    store.close()


def test_short_id_prefix_loads(tmp_path):
    store = open_store(tmp_path)
    store.create_session(transcript("abcdef123456"))
    assert store.load_session("abcd").id == "abcdef123456"
    store.close()


def test_concurrent_writers_lose_nothing(tmp_path):
    """Two trainees on one machine, each with its own connection, plus a reader."""

    def trainee(name: str) -> None:
        store = open_store(tmp_path)
        store.create_session(transcript(name, trainee=name))
        for i in range(60):
            store.save_turn(
                name, i, {"role": "trainee" if i % 2 else "buyer", "text": f"{name}-{i}"}
            )
        store.close()

    def reader(stop: threading.Event) -> None:
        store = open_store(tmp_path)
        while not stop.is_set():
            store.list_sessions()
        store.close()

    open_store(tmp_path).close()  # create the schema first
    stop = threading.Event()
    threads = [threading.Thread(target=trainee, args=(n,)) for n in ("ana", "ben")]
    watcher = threading.Thread(target=reader, args=(stop,))
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    watcher.join()
    store = open_store(tmp_path)
    for name in ("ana", "ben"):
        assert [t.text for t in store.load_session(name).turns] == [
            f"{name}-{i}" for i in range(60)
        ]
    assert sqlite3.connect(store.path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store.close()


def test_unusable_trainer_home_is_a_clear_error(tmp_path):
    import pytest

    from trainer.errors import BadInput, TrainerError

    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    with pytest.raises(BadInput, match="set TRAINER_HOME"):
        open_store(a_file)
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "trainer.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(TrainerError, match="cannot"):
        open_store(garbage)


def test_each_migration_is_its_own_transaction(tmp_path, monkeypatch):
    """A migration that fails leaves the ones before it applied and recorded;
    the next start applies only what is still missing."""
    import pytest

    from trainer.errors import TrainerError
    from trainer.store import sqlite as sqlite_module

    path = tmp_path / "t.db"
    broken = [
        *MIGRATIONS,
        Migration("0099_broken", "CREATE TABLE later (x INTEGER); SELECT nope FROM nowhere"),
    ]
    monkeypatch.setattr(sqlite_module, "MIGRATIONS", broken)
    with pytest.raises(TrainerError, match="cannot prepare the database"):
        SqliteStore(path)
    check = sqlite3.connect(path)
    applied = [r[0] for r in check.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert applied == [m.name for m in MIGRATIONS]  # everything before the broken one
    tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "sessions" in tables and "later" not in tables  # the failed one left nothing
    check.close()
    fixed = [*MIGRATIONS, Migration("0099_broken", "CREATE TABLE later (x INTEGER)")]
    monkeypatch.setattr(sqlite_module, "MIGRATIONS", fixed)
    with SqliteStore(path) as store:
        assert store.applied_migrations() == [*(m.name for m in MIGRATIONS), "0099_broken"]


def test_two_processes_opening_a_new_database_at_once(tmp_path):
    """Whether a migration is done is asked inside its transaction: two
    stores created at the same instant never both apply one."""
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        barrier.wait()
        try:
            open_store(tmp_path).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(tmp_path) as store:
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]


def test_the_store_is_a_context_manager(tmp_path):
    import pytest

    with pytest.raises(RuntimeError), open_store(tmp_path) as store:
        store.create_session(transcript())
        raise RuntimeError("the command failed")
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        store.list_sessions()  # closed on the way out, error or not
    with open_store(tmp_path) as again:
        assert [r.id for r in again.list_sessions()] == ["s1"]


def test_rows_are_read_by_column_name(tmp_path):
    """The converters read a row by its column names, so a query that lists
    its columns in another order (or adds one) cannot shift every field."""
    from trainer.store.queries import assignment_from_row, session_from_row

    with open_store(tmp_path) as store:
        made = store.create_assignment(
            trainee="ana",
            scenario="saas-cfo-price",
            due=None,
            pass_mark=70,
            attempts=2,
            exam=True,
            seed=9,
        )
        store.create_session(transcript(), assignment_id=made.id)
    db = sqlite3.connect(tmp_path / "trainer.db")
    db.row_factory = sqlite3.Row
    shuffled = db.execute(
        "SELECT created, seed, exam, attempts, pass_mark, due, scenario, trainee, 'x' AS extra, id"
        " FROM assignments"
    ).fetchone()
    assert assignment_from_row(shuffled) == made
    row = db.execute(
        "SELECT 0 AS trainee_turns, assignment_id, passed, score, outcome, finished, started,"
        " mode, model, trainee, scenario, id FROM sessions"
    ).fetchone()
    session = session_from_row(row)
    assert (session.id, session.trainee, session.model, session.assignment_id) == (
        "s1",
        "ana",
        "offline",
        made.id,
    )
    db.close()
