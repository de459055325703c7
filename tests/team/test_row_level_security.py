"""Who sees what is the database's rule: plain SQL over a trainee's own URL
reaches only that trainee's rows, whatever the statement says."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from trainer.store.postgres import PostgresStore
from trainer.transcript import Transcript


@pytest.fixture
def team(team_db):
    """A manager, two trainees, an assignment each and a session each."""
    lee, lee_url = team_db.login("lee", "manager")
    ana, ana_url = team_db.login("ana")
    bo, bo_url = team_db.login("bo")
    with PostgresStore(lee_url) as manager:
        for trainee in (ana, bo):
            manager.create_assignment(
                trainee=trainee,
                scenario="saas-cfo-price",
                due=None,
                pass_mark=70,
                attempts=None,
                exam=False,
                seed=None,
            )
    for url, session_id in ((ana_url, "ana-s"), (bo_url, "bo-s")):
        with PostgresStore(url) as own:
            own.create_session(
                Transcript(id=session_id, scenario="saas-cfo-price", started="2026-01-01", turns=[])
            )
            own.save_turn(session_id, 0, {"role": "trainee", "text": f"{session_id} line"})
            own.finish_session(
                session_id,
                finished="2026-01-02",
                outcome="stalled",
                score=50,
                passed=False,
                scorecard={"score": 50},
            )
    return {"lee": lee_url, "ana": ana_url, "bo": bo_url, "names": (ana, bo)}


def sql(url: str, statement: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchall() if cursor.description else [(cursor.rowcount,)]


def test_a_trainee_reads_only_their_own_rows(team):
    ana, _ = team["names"]
    assert sql(team["ana"], "SELECT id, trainee FROM sessions") == [("ana-s", ana)]
    assert sql(team["ana"], "SELECT session_id FROM turns") == [("ana-s",)]
    assert sql(team["ana"], "SELECT trainee FROM assignments") == [(ana,)]
    assert sql(team["ana"], "SELECT scorecard FROM sessions WHERE id = 'bo-s'") == []


def test_the_name_on_a_session_comes_from_the_login(team):
    ana, bo = team["names"]
    sql(
        team["ana"],
        "INSERT INTO sessions (id, trainee, started) VALUES ('fake', %s, 'x')",
        (bo,),
    )
    assert sql(team["lee"], "SELECT trainee FROM sessions WHERE id = 'fake'") == [(ana,)]
    # Renaming one's own session to someone else's name keeps the login's name.
    sql(team["ana"], "UPDATE sessions SET trainee = %s WHERE id = 'ana-s'", (bo,))
    assert sql(team["lee"], "SELECT trainee FROM sessions WHERE id = 'ana-s'") == [(ana,)]


def test_a_trainee_cannot_touch_anyone_elses_rows(team):
    assert sql(team["ana"], "UPDATE sessions SET score = 100 WHERE id = 'bo-s'") == [(0,)]
    assert sql(team["ana"], "DELETE FROM sessions WHERE id = 'bo-s'") == [(0,)]
    assert sql(team["ana"], "DELETE FROM turns WHERE session_id = 'bo-s'") == [(0,)]
    with pytest.raises(errors.InsufficientPrivilege):
        sql(team["ana"], "INSERT INTO turns VALUES ('bo-s', 5, '{}')")
    with pytest.raises(errors.InsufficientPrivilege):
        sql(
            team["ana"],
            "INSERT INTO assignments (trainee, scenario, pass_mark, created)"
            " VALUES ('x', 'y', 1, 'z')",
        )
    with pytest.raises(errors.InsufficientPrivilege):
        sql(team["ana"], "UPDATE assignments SET pass_mark = 0")
    assert sql(team["lee"], "SELECT score FROM sessions WHERE id = 'bo-s'") == [(50,)]
    assert sql(team["lee"], "SELECT count(*) FROM turns WHERE session_id = 'bo-s'") == [(1,)]


def test_a_trainee_cannot_switch_the_rules_off(team):
    for statement in (
        "ALTER TABLE sessions DISABLE ROW LEVEL SECURITY",
        "DROP POLICY sessions_own ON sessions",
        "SET ROLE trainer_manager",
        "CREATE TABLE mine (x int)",
    ):
        with pytest.raises(errors.InsufficientPrivilege):
            sql(team["ana"], statement)


def test_a_manager_sees_and_assigns_everyone(team):
    ana, bo = team["names"]
    assert sorted(sql(team["lee"], "SELECT trainee FROM sessions")) == sorted([(ana,), (bo,)])
    with PostgresStore(team["lee"]) as manager:
        snapshot = manager.snapshot()
        assert {s.row.trainee for s in snapshot.sessions} == {ana, bo}
        assert {a.trainee for a in snapshot.assignments} == {ana, bo}
    with PostgresStore(team["ana"]) as own:
        assert [s.row.trainee for s in own.snapshot().sessions] == [ana]
        assert not own.is_manager() and own.login == ana
