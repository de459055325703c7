"""Graded attempts as xAPI statements, for a learning record store (LRS).

One statement per graded attempt: the trainee as an account, the ADL verb
`passed` or `failed` for an attempt at an assignment (or an exam), and
`completed` for free practice; the scenario as the activity; the score
scaled 0 to 1 with raw, min and max; success, completion and the duration;
the time the attempt finished. The statement id is derived from the
attempt's id (UUID 5), so sending the same attempts twice stores nothing
twice: an LRS keeps one statement per id.

Ids and the account's home page live under one base IRI, TRAINER_XAPI_BASE
(by default https://objection-trainer.invalid, a name that never resolves:
set your own so the LRS groups your team's activities).
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib import error, parse, request

from trainer.content.models import Scenario
from trainer.errors import BadInput, TrainerError
from trainer.store.base import SessionRecord

__all__ = [
    "DEFAULT_BASE",
    "SendResult",
    "attempt_statement",
    "iso_duration",
    "parse_since",
    "send_statements",
    "statement_id",
    "statements",
    "xapi_base",
]

DEFAULT_BASE = "https://objection-trainer.invalid"
XAPI_VERSION = "1.0.3"
_ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {name: f"{_ADL}{name}" for name in ("passed", "failed", "completed")}
_ACTIVITY = "http://adlnet.gov/expapi/activities/"
# Fixed for ever: changing it would give every attempt a new statement id.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://objection-trainer/xapi/attempts")

ScenarioLookup = Callable[[str], Scenario | None]


def xapi_base() -> str:
    return (os.environ.get("TRAINER_XAPI_BASE") or DEFAULT_BASE).rstrip("/")


def statement_id(attempt: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, attempt))


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration, as xAPI wants it: PT1H2M3S, PT0S."""
    whole = max(0, int(round(seconds)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return f"PT{parts}{secs}S" if secs or not parts else f"PT{parts}"


def parse_since(text: str) -> datetime:
    """--since: a date (YYYY-MM-DD, from its start, UTC) or a full ISO time."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        moment = _moment(text)
        if moment is None:
            raise BadInput(f"--since {text!r}: expected YYYY-MM-DD or an ISO 8601 time") from None
        return moment
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def attempt_statement(
    record: SessionRecord, scenario: Scenario | None, base: str
) -> dict[str, Any] | None:
    """The statement for one session, or None when it is no graded attempt by
    a named trainee (nothing to say, or nobody to say it of)."""
    row = record.row
    finished, started = _moment(row.finished), _moment(row.started)
    if row.score is None or finished is None or not row.trainee or not row.counts_as_attempt:
        # Ended before the trainee's first line: kept, but no attempt (SessionRow).
        return None
    graded = row.assignment_id is not None or row.mode == "exam"
    verb = ("passed" if row.passed else "failed") if graded else "completed"
    scenario_id = row.scenario or "unnamed"
    definition: dict[str, Any] = {
        "name": {"en-US": scenario.title if scenario else scenario_id},
        "type": _ACTIVITY + ("assessment" if graded else "simulation"),
    }
    if scenario is not None:
        definition["description"] = {"en-US": scenario.situation}
    card = record.scorecard or {}
    extensions: dict[str, Any] = {f"{base}/xapi/session": row.id}
    if row.outcome:
        extensions[f"{base}/xapi/outcome"] = row.outcome
    if card.get("rubric"):
        extensions[f"{base}/xapi/rubric"] = str(card["rubric"])
    context: dict[str, Any] = {"platform": "objection-trainer", "extensions": extensions}
    if row.assignment_id is not None:
        # Every attempt at one assignment shares a registration.
        context["registration"] = str(uuid.uuid5(_NAMESPACE, f"assignment:{row.assignment_id}"))
    pass_mark = card.get("pass_mark")
    if isinstance(pass_mark, int):
        extensions[f"{base}/xapi/pass-mark"] = pass_mark
    duration = (finished - started).total_seconds() if started else 0.0
    return {
        "id": statement_id(row.id),
        "actor": {
            "objectType": "Agent",
            "name": row.trainee,
            "account": {"homePage": base, "name": row.trainee},
        },
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": f"{base}/scenarios/{parse.quote(scenario_id, safe='')}",
            "definition": definition,
        },
        "result": {
            "score": {
                "scaled": round(max(0, min(100, row.score)) / 100, 4),
                "raw": row.score,
                "min": 0,
                "max": 100,
            },
            "success": bool(row.passed),
            "completion": True,
            "duration": iso_duration(duration),
        },
        "context": context,
        "timestamp": _stamp(finished),
    }


def statements(
    records: Iterable[SessionRecord],
    scenario: ScenarioLookup,
    *,
    since: datetime | None = None,
    base: str | None = None,
) -> list[dict[str, Any]]:
    """A statement per graded attempt, oldest first; `since` keeps attempts
    finished at or after it."""
    root = base or xapi_base()
    made = []
    for record in records:
        finished = _moment(record.row.finished)
        if since is not None and (finished is None or finished < since):
            continue
        found = scenario(record.row.scenario) if record.row.scenario else None
        statement = attempt_statement(record, found, root)
        if statement is not None:
            made.append(statement)
    return sorted(made, key=lambda s: (s["timestamp"], s["id"]))


@dataclass
class SendResult:
    stored: int = 0  # stored now, or already stored with the same content
    conflicts: int = 0  # the LRS holds a different statement under the same id


def _endpoint(url: str) -> str:
    parts = parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadInput(f"--send {url!r}: expected the LRS endpoint as an http(s) URL")
    path = parts.path.rstrip("/")
    if not path.endswith("/statements"):
        path += "/statements"
    return parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def send_statements(
    items: list[dict[str, Any]],
    url: str,
    *,
    user: str | None,
    password: str | None,
    timeout: float = 30.0,
    progress: Callable[[int, int], None] | None = None,
) -> SendResult:
    """PUT each statement under its own id, which the xAPI spec makes safe to
    repeat: an LRS answers 204 for one it already holds. Credentials go in
    the Authorization header only; they are never printed."""
    endpoint = _endpoint(url)
    headers = {
        "Content-Type": "application/json",
        "X-Experience-API-Version": XAPI_VERSION,
    }
    if user is not None or password is not None:
        token = base64.b64encode(f"{user or ''}:{password or ''}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    result = SendResult()
    for number, statement in enumerate(items, start=1):
        target = f"{endpoint}?{parse.urlencode({'statementId': statement['id']})}"
        body = json.dumps(statement, ensure_ascii=False).encode("utf-8")
        req = request.Request(target, data=body, headers=headers, method="PUT")
        try:
            with request.urlopen(req, timeout=timeout) as response:
                response.read()
            result.stored += 1
        except error.HTTPError as exc:
            if exc.code == 409:
                result.conflicts += 1
            elif exc.code in (401, 403):
                raise TrainerError(
                    f"--send {endpoint}: the LRS refused the credentials (HTTP {exc.code}); "
                    "check TRAINER_LRS_USER and TRAINER_LRS_PASSWORD"
                ) from None
            else:
                raise TrainerError(
                    f"--send {endpoint}: statement {number} of {len(items)} refused "
                    f"(HTTP {exc.code} {exc.reason})"
                ) from None
        except (error.URLError, OSError) as exc:
            reason = exc.reason if isinstance(exc, error.URLError) else exc
            raise TrainerError(f"--send {endpoint}: cannot reach the LRS: {reason}") from None
        if progress is not None:
            progress(number, len(items))
    return result
