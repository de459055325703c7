"""One grading path: what the chat prints is what `trainer grade` says of the
transcript it wrote, and an attempt resumed later still counts toward its
assignment."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.content.library import load_library
from trainer.management.assignments import trainee_assignments
from trainer.practice.factory import finish_and_grade, new_session, resume_session
from trainer.store.sqlite import open_store

LIBRARY = load_library()


def _chat(monkeypatch, capsys, scenario: str, lines: list[str], out: Path) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
    assert main(["chat", scenario, "--seed", "5", "--trainee", "ana", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    found = re.search(r"^Score (\d+)/100", printed, re.MULTILINE)
    assert found, printed
    return int(found.group(1))


@pytest.mark.parametrize("scenario", sorted(LIBRARY.scenarios))
def test_the_chat_and_trainer_grade_give_the_same_score(monkeypatch, capsys, tmp_path, scenario):
    objection = LIBRARY.scenario(scenario).objections[0]
    lines = [
        "That's fair. What's behind that for you?",
        "Honestly, the price is only good until Friday.",
        objection.model_answer or "What would a good first step look like for you?",
        "Would it make sense to set up a call next week?",
    ]
    out = tmp_path / "t.json"
    printed = _chat(monkeypatch, capsys, scenario, lines, out)
    assert main(["grade", str(out), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["score"] == printed
    # The same again when the grader must read every turn afresh.
    data = json.loads(out.read_text())
    for turn in data["turns"]:
        turn.pop("reading", None)
    out.write_text(json.dumps(data))
    assert main(["grade", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["score"] == printed


async def test_a_resumed_attempt_still_counts_toward_its_assignment(_isolated_home):
    store = open_store()
    assignment = store.create_assignment(
        trainee="ana",
        scenario="saas-cfo-price",
        due=None,
        pass_mark=10,
        attempts=2,
        exam=False,
        seed=None,
    )
    session = new_session(LIBRARY, "saas-cfo-price", store=store, trainee="ana", seed=3)
    assert session.assignment_id == assignment.id
    async for _ in session.start():
        pass
    async for _ in session.say("That's fair. What happened with the last tool you bought?"):
        pass
    # The trainee quits; later, on another run, picks the session up again.
    resumed = resume_session(LIBRARY, store.load_session(session.id), store=store)
    assert resumed.assignment_id == assignment.id
    async for _ in resumed.say("We could start with a pilot at one depot for sixty days."):
        pass
    _, card = finish_and_grade(resumed, LIBRARY)
    [entry] = trainee_assignments(store, "ana", __import__("datetime").date(2026, 1, 1))
    assert entry.attempts == 1  # one attempt, resumed, not two
    assert entry.latest_score == card.score
    store.close()
