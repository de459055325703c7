"""`trainer report --xapi`: one statement per graded attempt, valid against a
published xAPI model, with stable ids; `--send` stores them in an LRS (a
fake one on a loopback port here), and sending twice stores nothing twice."""

from __future__ import annotations

import base64
import json
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from tests.management.conftest import CLI, SCENARIO
from trainer.management.xapi import iso_duration, parse_since, statement_id
from trainer.store.sqlite import open_store

ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def attempts(cli: CLI, consultative: Callable[[str], list[str]], pressure: list[str]) -> None:
    """ana passes her assignment, ben fails his, cy practises freely, and dee
    opens a session and says nothing (no attempt)."""
    assert cli("assign", SCENARIO, "--to", "ana", "--to", "ben").code == 0
    assert (
        cli("chat", SCENARIO, "--trainee", "ana", "--seed", "3", stdin=consultative(SCENARIO)).code
        == 0
    )
    assert cli("chat", SCENARIO, "--trainee", "ben", "--seed", "3", stdin=pressure).code == 0
    assert cli("chat", "saas-helpdesk-shared-inbox", "--trainee", "cy", stdin=pressure).code == 0
    assert cli("chat", SCENARIO, "--trainee", "dee", stdin=["/end"]).code == 0


def _statements(cli: CLI, *extra: str) -> list[dict[str, Any]]:
    run = cli("report", "--xapi", *extra)
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert isinstance(data, list)
    return data


def test_one_valid_statement_per_graded_attempt(cli: CLI, attempts: None) -> None:
    made = _statements(cli)
    for statement in made:
        BaseXapiStatement(**statement)  # raises on anything the spec's model refuses
    by_actor = {s["actor"]["account"]["name"]: s for s in made}
    assert sorted(by_actor) == ["ana", "ben", "cy"]  # dee said nothing: no attempt
    ana, ben, cy = by_actor["ana"], by_actor["ben"], by_actor["cy"]
    assert ana["verb"]["id"] == ADL + "passed" and ana["result"]["success"] is True
    assert ben["verb"]["id"] == ADL + "failed" and ben["result"]["success"] is False
    assert cy["verb"]["id"] == ADL + "completed"
    assert ana["object"]["id"].endswith("/scenarios/saas-cfo-price")
    assert ana["object"]["definition"]["name"]["en-US"] == "The CFO who says it costs too much"
    with open_store() as store:
        rows = {r.trainee: r for r in store.list_sessions()}
    for name, statement in by_actor.items():
        row = rows[name]
        score = statement["result"]["score"]
        assert score == {"scaled": row.score / 100, "raw": row.score, "min": 0, "max": 100}
        assert statement["id"] == statement_id(row.id)
        assert uuid.UUID(statement["id"]).version == 5
        assert statement["timestamp"] == row.finished
        assert statement["result"]["duration"].startswith("PT")
    assert ana["context"]["registration"] != ben["context"]["registration"]


def test_ids_are_stable_and_since_filters(cli: CLI, attempts: None) -> None:
    first, second = _statements(cli), _statements(cli)
    assert [s["id"] for s in first] == [s["id"] for s in second]
    assert _statements(cli, "--since", "2999-01-01") == []
    assert len(_statements(cli, "--since", "2000-01-01")) == 3
    assert _statements(cli, "--trainee", "ana")[0]["actor"]["name"] == "ana"


def test_since_and_send_need_xapi(cli: CLI) -> None:
    run = cli("report", "--since", "2030-01-01")
    assert run.code == 2 and "--xapi" in run.err
    run = cli("report", "--xapi", "--since", "last tuesday")
    assert run.code == 2 and "--since" in run.err and "Traceback" not in run.err


def test_durations_and_dates() -> None:
    assert iso_duration(0) == "PT0S"
    assert iso_duration(59.6) == "PT1M"
    assert iso_duration(3723) == "PT1H2M3S"
    assert parse_since("2030-02-03") == datetime(2030, 2, 3, tzinfo=UTC)


class _LRS(BaseHTTPRequestHandler):
    """A learning record store's statements resource, as far as PUT goes."""

    store: dict[str, dict[str, Any]]
    auth: str

    def do_PUT(self) -> None:  # noqa: N802 (the name http.server calls)
        url = urlsplit(self.path)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.headers.get("Authorization") != self.auth:
            self.send_response(401)
        elif url.path != "/xapi/statements" or self.headers.get("X-Experience-API-Version") is None:
            self.send_response(400)
        else:
            (sid,) = parse_qs(url.query)["statementId"]
            held = self.store.get(sid)
            if held is not None and held != body:
                self.send_response(409)
            else:
                self.store[sid] = body
                self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def lrs() -> Iterator[tuple[str, dict[str, dict[str, Any]]]]:
    held: dict[str, dict[str, Any]] = {}
    token = base64.b64encode(b"lms:s3cret-word").decode()
    handler = type("Handler", (_LRS,), {"store": held, "auth": f"Basic {token}"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/xapi", held
    finally:
        server.shutdown()
        server.server_close()


def test_send_twice_stores_each_attempt_once(
    cli: CLI, attempts: None, lrs: tuple[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, held = lrs
    monkeypatch.setenv("TRAINER_LRS_USER", "lms")
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", "s3cret-word")
    for _ in range(2):
        run = cli("report", "--xapi", "--send", url)
        assert run.code == 0, run.err
        assert "3 statement(s) stored" in run.err
        assert "s3cret-word" not in run.out + run.err
    assert sorted(held) == sorted(s["id"] for s in _statements(cli))


def test_send_with_wrong_credentials_or_no_server(
    cli: CLI, attempts: None, lrs: tuple[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, held = lrs
    monkeypatch.setenv("TRAINER_LRS_USER", "lms")
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", "wrong-word")
    run = cli("report", "--xapi", "--send", url)
    assert run.code == 1 and "refused the credentials" in run.err
    assert "wrong-word" not in run.out + run.err and held == {}
    with socket.socket() as probe:  # a free port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    run = cli("report", "--xapi", "--send", f"http://127.0.0.1:{closed}/xapi")
    assert run.code == 1 and "cannot reach the LRS" in run.err
    assert len(run.err.strip().splitlines()) == 1
