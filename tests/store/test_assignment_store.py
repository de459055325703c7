"""The store's assignment side: the 0002 migration, assignments, sessions
linked to them, consistent snapshots and graded imports."""

from __future__ import annotations

import sqlite3

import pytest

from trainer.store.base import ImportOutcome
from trainer.store.migrations import MIGRATIONS
from trainer.store.sqlite import SqliteStore, open_store
from trainer.transcript import Transcript, Turn


def transcript(session_id: str = "s1", trainee: str = "ana", **changes) -> Transcript:
    values = dict(
        id=session_id,
        scenario="saas-cfo-price",
        persona="dana-cfo",
        trainee=trainee,
        model="offline",
        seed=7,
        started="2026-11-24T10:00:00Z",
        turns=[],
    )
    return Transcript(**(values | changes))  # type: ignore[arg-type]


def assign(store, trainee="ana", scenario="saas-cfo-price", **changes):
    values = dict(due="2026-12-01", pass_mark=70, attempts=3, exam=False, seed=None)
    return store.create_assignment(trainee=trainee, scenario=scenario, **(values | changes))


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path)
    yield store
    store.close()


def test_a_database_from_before_assignments_is_upgraded(tmp_path):
    """A database made by a release without assignments (0001 only), with a
    session in it, opens in this one: the session keeps its turns and is
    linked to nothing; assignments work."""
    assert [m.name for m in MIGRATIONS][:2] == ["0001_sessions", "0002_assignments"]
    path = tmp_path / "t.db"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied TEXT)")
    name, script, _ = MIGRATIONS[0]
    old.executescript(script)
    old.execute("INSERT INTO schema_migrations VALUES (?, 'then')", (name,))
    old.execute(
        "INSERT INTO sessions (id, trainee, scenario, started) VALUES ('s1', 'ana', 'saas-cfo-price', 'x')"
    )
    old.execute("""INSERT INTO turns VALUES ('s1', 0, '{"role": "buyer", "text": "Hello"}')""")
    old.commit()
    old.close()
    new = SqliteStore(path)
    assert new.applied_migrations() == [m.name for m in MIGRATIONS]
    (row,) = new.list_sessions()
    assert (row.id, row.assignment_id, row.trainee_turns) == ("s1", None, 0)
    assert [t.text for t in new.load_session("s1").turns] == ["Hello"]
    made = assign(new)
    new.create_session(transcript("s2"), assignment_id=made.id)
    assert new.list_assignments() == [made]
    assert {r.id: r.assignment_id for r in new.list_sessions()} == {"s1": None, "s2": made.id}
    new.close()


def test_assignments_are_stored_and_filtered(store):
    a = assign(store, exam=True, seed=1234, attempts=1)
    b = assign(store, "ben", due=None, attempts=None)
    c = assign(store, "ana", "saas-cfo-renewal-competitor")
    assert (a.id, a.trainee, a.due, a.pass_mark, a.attempts, a.exam, a.seed) == (
        a.id,
        "ana",
        "2026-12-01",
        70,
        1,
        True,
        1234,
    )
    assert a.created.endswith("Z") and a.created[:4].isdigit()
    assert (b.due, b.attempts, b.exam, b.seed) == (None, None, False, None)
    assert store.list_assignments() == [a, b, c]
    assert store.list_assignments(trainee="ana") == [a, c]
    assert store.list_assignments(trainee="ana", scenario="saas-cfo-price") == [a]
    assert store.list_assignments(scenario="nope") == []


def test_a_session_is_linked_to_its_assignment(store):
    a = assign(store)
    store.create_session(transcript("s1"), assignment_id=a.id)
    store.create_session(transcript("s2"))
    rows = {r.id: r for r in store.list_sessions()}
    assert (rows["s1"].assignment_id, rows["s2"].assignment_id) == (a.id, None)
    assert rows["s1"].to_json()["assignment"] == a.id


def test_a_link_to_no_assignment_is_refused(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.create_session(transcript("s1"), assignment_id=999)
    assert store.list_sessions() == []  # the failed write left nothing behind


def test_a_snapshot_has_turns_and_scorecards(store):
    a = assign(store)
    store.create_session(transcript("s1"), assignment_id=a.id)
    store.save_turn(
        "s1", 0, {"role": "buyer", "text": "Hi", "state": {"current": "price-too-high"}}
    )
    store.save_turn(
        "s1", 1, {"role": "trainee", "text": "What's behind that?", "label": "consultative"}
    )
    store.finish_session(
        "s1",
        finished="2026-11-24T10:05:00Z",
        outcome="stalled",
        score=55,
        passed=False,
        scorecard={"score": 55},
    )
    store.create_session(transcript("s2", trainee="ben"))
    snap = store.snapshot()
    assert snap.assignments == [a]
    (s1, s2) = snap.sessions
    assert [t.text for t in s1.turns] == ["Hi", "What's behind that?"]
    assert s1.turns[0].state is not None and s1.turns[0].state.current == "price-too-high"
    assert (s1.scorecard, s1.row.score, s1.row.assignment_id) == ({"score": 55}, 55, a.id)
    assert (s2.turns, s2.scorecard) == ((), None)
    assert [s.turns for s in store.snapshot(turns=False).sessions] == [(), ()]
    only_ben = store.snapshot(trainee="ben")
    assert only_ben.assignments == [] and [s.row.id for s in only_ben.sessions] == ["s2"]


def test_an_import_keeps_its_grade_and_is_added_once(store):
    a = assign(store)
    finished = transcript(
        "far-away",
        finished="2026-11-24T10:09:00Z",
        outcome="next_step",
        turns=[Turn(role="buyer", text="Hi"), Turn(role="trainee", text="Hello")],
    )
    card = {"score": 81, "passed": True, "outcome": "next_step"}
    added = store.import_transcript(
        finished, assignment_id=a.id, score=81, passed=True, scorecard=card
    )
    assert added is ImportOutcome.ADDED
    again = store.import_transcript(finished, score=0, passed=False, scorecard={"score": 0})
    assert again is ImportOutcome.KEPT
    (row,) = store.list_sessions()
    assert (row.score, row.passed, row.outcome, row.assignment_id, row.trainee_turns) == (
        81,
        True,
        "next_step",
        a.id,
        1,
    )
    assert store.scorecard("far-away") == card
    # An attempt still in progress elsewhere comes in ungraded.
    assert (
        store.import_transcript(transcript("open"), score=10, passed=False, scorecard={"x": 1})
        is ImportOutcome.ADDED
    )
    (open_row,) = [r for r in store.list_sessions() if r.id == "open"]
    assert (open_row.finished, open_row.score, store.scorecard("open")) == (None, None, None)


def test_a_later_copy_of_a_session_stored_unfinished_replaces_it(store):
    """Exported while still going, then again once done: the finished copy
    (same id, more turns) replaces the unfinished one; a finished session is
    never replaced, and an older copy changes nothing."""
    a = assign(store)
    hi = [Turn(role="buyer", text="Hi"), Turn(role="trainee", text="Hello")]
    more = [*hi, Turn(role="buyer", text="Go on"), Turn(role="trainee", text="What's behind it?")]
    early = transcript("trip", turns=hi)
    assert store.import_transcript(early, assignment_id=a.id) is ImportOutcome.ADDED
    assert store.import_transcript(early) is ImportOutcome.KEPT  # the same copy again
    longer = transcript("trip", turns=more)
    assert store.import_transcript(longer, assignment_id=a.id) is ImportOutcome.UPDATED
    assert store.import_transcript(early) is ImportOutcome.KEPT  # an older copy: nothing changes
    done = transcript(
        "trip",
        turns=[*more, Turn(role="buyer", text="Fine, next week.")],
        finished="2026-11-24T10:09:00Z",
        outcome="next_step",
    )
    card = {"score": 82, "outcome": "next_step"}
    updated = store.import_transcript(
        done, assignment_id=a.id, score=82, passed=True, scorecard=card
    )
    assert updated is ImportOutcome.UPDATED
    (row,) = store.list_sessions()
    assert (row.finished, row.outcome, row.score, row.trainee_turns, row.assignment_id) == (
        "2026-11-24T10:09:00Z",
        "next_step",
        82,
        2,
        a.id,
    )
    assert [t.text for t in store.load_session("trip").turns][-1] == "Fine, next week."
    assert store.scorecard("trip") == card
    # Finished now: no copy replaces it, not even a longer one.
    assert (
        store.import_transcript(
            transcript("trip", turns=[*done.turns, Turn(role="trainee", text="x")])
        )
        is ImportOutcome.KEPT
    )
    assert store.scorecard("trip") == card
