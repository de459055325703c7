"""Every command works against the team database, and a bad URL is one line."""

from __future__ import annotations

import json

import pytest

from trainer.cli import main
from trainer.store.postgres import connect

LINES = "What would need to be true for this to be worth it?\n/end\n"


def test_assign_practise_report_against_the_team_database(team_db, monkeypatch, capsys):
    lee, lee_url = team_db.login("lee", "manager")
    ana, ana_url = team_db.login("ana")
    monkeypatch.setenv("TRAINER_DATABASE_URL", lee_url)
    assert main(["assign", "saas-cfo-price", "--to", ana, "--attempts", "2"]) == 0
    capsys.readouterr()

    monkeypatch.setenv("TRAINER_DATABASE_URL", ana_url)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(LINES))
    assert main(["chat", "saas-cfo-price", "--seed", "3", "--trainee", "someone-else"]) == 0
    capsys.readouterr()
    assert main(["sessions", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["trainee"] == ana and row["score"] is not None  # the login's name, not the flag's
    assert main(["assign", "saas-cfo-price", "--to", ana]) == 2
    assert "may not do that" in capsys.readouterr().err

    monkeypatch.setenv("TRAINER_DATABASE_URL", lee_url)
    assert main(["report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [t["trainee"] for t in report["trainees"]] == [ana]
    assert main(["export", row["id"], "--format", "json"]) == 0
    exported = capsys.readouterr().out
    assert lee_url.split("@")[0].split(":")[-1] not in exported


@pytest.mark.parametrize(
    ("url", "code", "says"),
    [
        ("mysql://ana:pw@127.0.0.1/trainer", 2, "scheme is 'mysql'"),
        ("postgresql://ana:s3cret-pw@127.0.0.1:1/trainer", 1, "cannot reach the team database"),
        ("postgresql://", 2, "names no host"),
    ],
)
def test_bad_database_urls_are_one_line_without_the_password(url, code, says, monkeypatch, capsys):
    monkeypatch.setenv("TRAINER_DATABASE_URL", url)
    assert main(["sessions"]) == code
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert "s3cret-pw" not in err and ":pw@" not in err


def test_a_wrong_password_and_a_database_not_set_up(team_db, pg_server, monkeypatch, capsys):
    ana, url = team_db.login("ana")
    password = url.split(":")[2].split("@")[0]
    monkeypatch.setenv("TRAINER_DATABASE_URL", url.replace(password, "wrong-guess"))
    assert main(["sessions"]) == 2
    err = capsys.readouterr().err
    assert "password authentication failed" in err and "wrong-guess" not in err

    with connect(pg_server.admin_url("postgres")) as conn:
        conn.execute('CREATE DATABASE "bare"')
    bare = pg_server.admin_url("bare")
    monkeypatch.setenv("TRAINER_DATABASE_URL", bare)
    assert main(["sessions"]) == 2
    err = capsys.readouterr().err
    assert "not set up" in err and "trainer server setup" in err
    assert bare.split(":")[2].split("@")[0] not in err


def test_config_database_masks_the_password(tmp_path, monkeypatch, capsys):
    url = "postgresql://ana:hunter22@db.example:5432/trainer"
    assert main(["config", "database", url]) == 0
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "hunter22" not in out and "postgresql://ana:***@db.example:5432/trainer" in out
    assert main(["config", "database", "sqlite:///x.db"]) == 2


def test_a_saved_database_url_is_readable_by_its_owner_only(home):
    import stat

    assert main(["config", "database", "postgresql://ana:hunter22@db.example:5432/trainer"]) == 0
    assert stat.S_IMODE((home / "config.toml").stat().st_mode) == 0o600


def test_the_app_opens_on_the_team_database_as_the_login(team_db, monkeypatch):
    """`trainer` and `trainer web` (which runs `trainer`) use the team database,
    and the trainee is whoever logged in, whatever the config says."""
    from trainer.tui.app import TrainerApp

    apps: list[TrainerApp] = []
    monkeypatch.setattr(TrainerApp, "run", lambda self, *a, **k: apps.append(self))
    ana, url = team_db.login("ana")
    monkeypatch.setenv("TRAINER_DATABASE_URL", url)
    assert main(["practice", "saas-cfo-price", "--trainee", "someone-else", "--seed", "2"]) == 0
    (app,) = apps
    session = app._first_session
    assert session is not None and session.trainee == ana
    assert type(session.store).__name__ == "JournaledStore"
