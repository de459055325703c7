"""A session goes on when the team database goes away: its turns are kept in
a local journal, one notice says so, and they reach the server exactly once."""

from __future__ import annotations

import asyncio
import json
import shutil

import psycopg
import pytest
from conftest import free_port, server_folder

from trainer.cli import main
from trainer.content.library import load_library
from trainer.practice.factory import new_session
from trainer.server.accounts import add_user
from trainer.server.cluster import DATABASE, Cluster
from trainer.server.prepare import prepare
from trainer.store.engine import open_store
from trainer.store.postgres import connect

SCENARIO = "saas-cfo-price"
LINES = [
    "Thanks for making the time. What prompted you to look at this now?",
    "What would need to be true for the price to feel worth it?",
    "How did the last tool you approved work out for the team?",
    "Would a small pilot with usage numbers help you decide?",
]


@pytest.fixture
def own_server(pg_server):  # its own server: this test stops and starts it
    root = server_folder()
    cluster = Cluster(root)
    cluster.init(port=free_port(), listen="127.0.0.1")
    cluster.start()
    with connect(cluster.admin_url("postgres")) as conn:
        conn.execute(f'CREATE DATABASE "{DATABASE}"')
    prepare(cluster.admin_url())
    yield cluster
    cluster.stop()
    shutil.rmtree(root, ignore_errors=True)


async def say(session, lines) -> None:
    for line in lines:
        async for _ in session.say(line):
            pass


async def opening(session) -> None:
    async for _ in session.start():
        pass


def server_turns(cluster: Cluster, session_id: str) -> list[tuple[int, str]]:
    with psycopg.connect(cluster.admin_url()) as conn:
        rows = conn.execute(
            "SELECT idx, data FROM turns WHERE session_id = %s ORDER BY idx", (session_id,)
        ).fetchall()
    return [(idx, json.loads(data)["text"]) for idx, data in rows]


def test_the_server_stops_mid_session_and_every_turn_arrives_once(
    own_server, home, monkeypatch, capsys
):
    url = add_user(own_server.admin_url(), "ana", "trainee")
    monkeypatch.setenv("TRAINER_DATABASE_URL", url)
    library = load_library()
    store = open_store(practice=True)
    session = new_session(library, SCENARIO, store=store, trainee=store.trainee_login())
    asyncio.run(opening(session))
    asyncio.run(say(session, LINES[:2]))
    assert len(server_turns(own_server, session.id)) == 5  # opening + two exchanges

    own_server.stop()
    asyncio.run(say(session, LINES[2:]))
    session.finish()
    session.record_result(55, False, {"score": 55})
    store.close()
    err = capsys.readouterr().err
    assert err.count("kept on this machine") == 1  # said once, not once per turn
    assert url.split(":")[2].split("@")[0] not in err
    journal = list((home / "journal").rglob("*.jsonl"))
    assert len(journal) == 1
    kept = journal[0].read_text()

    own_server.start()
    assert main(["sessions", "--json"]) == 0  # any command that reaches the server uploads
    out, err = capsys.readouterr()
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert "uploaded" in err and not list((home / "journal").rglob("*.jsonl"))
    expected = [(i, t.text) for i, t in enumerate(session.turns)]
    assert server_turns(own_server, session.id) == expected
    assert (row["trainee"], row["score"], row["trainee_turns"]) == ("ana", 55, 4)

    # A crash after the upload's commit but before the journal was deleted:
    # the same journal again changes nothing.
    journal[0].parent.mkdir(parents=True, exist_ok=True)
    journal[0].write_text(kept)
    assert main(["sync"]) == 0
    assert "uploaded" in capsys.readouterr().out
    assert server_turns(own_server, session.id) == expected
    assert main(["sync"]) == 0
    assert "nothing to upload" in capsys.readouterr().out


def test_a_server_away_at_the_start_and_sync_while_still_away(
    own_server, home, monkeypatch, capsys
):
    url = add_user(own_server.admin_url(), "bo", "trainee")
    monkeypatch.setenv("TRAINER_DATABASE_URL", url)
    own_server.stop()
    store = open_store(practice=True)
    assert "kept on this machine" in capsys.readouterr().err
    session = new_session(load_library(), SCENARIO, store=store, trainee="not-bo")
    asyncio.run(opening(session))
    asyncio.run(say(session, LINES[:1]))
    store.close()
    assert main(["sync"]) == 1
    assert "still unreachable" in capsys.readouterr().err

    own_server.start()
    assert main(["sync"]) == 0
    assert "uploaded 3 turn(s) of 1 session(s)" in capsys.readouterr().out
    with psycopg.connect(own_server.admin_url()) as conn:
        assert conn.execute("SELECT trainee FROM sessions").fetchall() == [("bo",)]
    assert len(server_turns(own_server, session.id)) == 3
