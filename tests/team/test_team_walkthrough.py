"""The README's walkthrough, word for word in spirit: a team lead sets up a
server and three logins; a manager assigns, two trainees practise, each sees
their own, the manager's report sees both."""

from __future__ import annotations

import io
import json

from conftest import free_port

from trainer.cli import main

LINES = "What would need to be true for this to be worth it?\n/end\n"


def as_person(monkeypatch, tmp_path, name: str, url: str) -> None:
    """Switch to one person's machine: their own TRAINER_HOME and database URL."""
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / f"home-{name}"))
    monkeypatch.delenv("TRAINER_DATABASE_URL", raising=False)
    assert main(["config", "database", url]) == 0


def test_from_nothing_to_three_people_practising(folder, tmp_path, monkeypatch, capsys):
    port = str(free_port())
    assert main(["server", "init", "--dir", str(folder), "--port", port]) == 0
    urls = {}
    for name, role in (("lee", "manager"), ("ana", "trainee"), ("ben", "trainee")):
        capsys.readouterr()
        assert main(["server", "add-user", name, "--role", role, "--dir", str(folder)]) == 0
        urls[name] = capsys.readouterr().out.strip()

    as_person(monkeypatch, tmp_path, "lee", urls["lee"])
    assert main(["assign", "saas-cfo-price", "--to", "ana", "--to", "ben", "--attempts", "3"]) == 0
    for trainee in ("ana", "ben"):
        as_person(monkeypatch, tmp_path, trainee, urls[trainee])
        monkeypatch.setattr("sys.stdin", io.StringIO(LINES))
        assert main(["chat", "saas-cfo-price", "--seed", "2"]) == 0
        capsys.readouterr()
        assert main(["sessions", "--json"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [(r["trainee"], r["assignment"] is not None) for r in rows] == [(trainee, True)]

    as_person(monkeypatch, tmp_path, "lee", urls["lee"])
    capsys.readouterr()
    assert main(["report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(a["trainee"] for a in report["assignments"]) == ["ana", "ben"]
    assert [(a["attempts"], a["attempts_left"]) for a in report["assignments"]] == [(1, 2)] * 2
