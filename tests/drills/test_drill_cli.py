"""`trainer drill`: the weakest objection first, from real graded sessions;
`--start` runs a short session on it, which is graded and counts next time."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.content.library import load_library
from trainer.drills import DrillItem, plan_drills, session_for
from trainer.drills.cards import schedule
from trainer.drills.history import DrillKey, Review
from trainer.store.sqlite import open_store

GOOD = [
    "That's a real number, thanks for being straight with me. What's behind the budget concern?",
    "That makes sense. What happened with the last tool, and what worries you about it happening again?",
    "Fair enough. We could start with a pilot at one depot, and you'd see the usage data before deciding on the rest.",
    "Would that cover the worry about it not getting used?",
    "Would it make sense to set up thirty minutes with your ops lead next week to scope the pilot?",
]
PUSHY = [
    "Honestly, every CFO says that. This price is only good until Friday.",
    "Look, your competitors are already using this. You can't afford to fall behind.",
    "So should I send the contract for annual or monthly billing?",
]


def _chat(monkeypatch: pytest.MonkeyPatch, scenario: str, lines: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
    assert main(["chat", scenario, "--trainee", "ana", "--seed", "3"]) == 0


def _later(monkeypatch: pytest.MonkeyPatch, days: int) -> None:
    at = datetime.now(UTC) + timedelta(days=days)
    monkeypatch.setattr("trainer.commands.drill._now", lambda: at)


def test_the_weakest_objection_comes_first(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _chat(monkeypatch, "saas-cfo-price", GOOD)
    _chat(monkeypatch, "saas-cfo-renewal-competitor", PUSHY)
    capsys.readouterr()
    _later(monkeypatch, 3)
    assert main(["drill", "--trainee", "ana", "--json"]) == 0
    items = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert items, "both cards are due three days on"
    first = items[0]
    assert first["scenario"] == "saas-cfo-renewal-competitor"
    assert first["objection"] == "rival-is-cheaper" and first["category"] == "competitor"
    assert first["reason"] == "you pushed on competitor in your last session"
    assert {"objection", "scenario", "category", "due", "reason"} <= first.keys()
    datetime.fromisoformat(first["due"].replace("Z", "+00:00"))
    weakness = [i["weakness"] for i in items]
    assert weakness == sorted(weakness, reverse=True)


def test_nothing_graded_yet_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["drill", "--trainee", "nobody"]) == 0
    assert "practise a scenario first" in capsys.readouterr().out
    assert main(["drill", "--trainee", "nobody", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_start_runs_a_short_drill_that_counts_next_time(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], _isolated_home: Path
) -> None:
    _chat(monkeypatch, "saas-cfo-renewal-competitor", PUSHY)
    _later(monkeypatch, 2)
    lines = [
        "That's fair, it's a big gap. What are they offering for that price, exactly?",
        "What would switching mean for your team, beyond the licence cost?",
        "Would that cover what worries you?",
    ] * 3  # more than a drill allows: it stops at its turn limit
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
    assert main(["drill", "--trainee", "ana", "--start", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BUYER: ")
    assert "Score " in out
    with open_store() as store:
        sessions = store.snapshot(trainee="ana").sessions
    drill = sessions[-1]
    assert drill.row.assignment_id is None
    assert 1 <= drill.row.trainee_turns <= 6
    assert drill.turns[0].objection == "rival-is-cheaper"  # raised at once
    assert [s["objection"] for s in drill.scorecard["stages"]] == ["rival-is-cheaper"]
    state = json.loads((_isolated_home / "drills.json").read_text())
    assert state["drills"] == [drill.row.id]
    card = state["cards"]["ana/saas-cfo-renewal-competitor/rival-is-cheaper"]
    assert card["reviews"] == 2  # the session, then the drill


def test_a_drill_on_a_later_objection_opens_with_it() -> None:
    library = load_library()
    key = DrillKey("ana", "saas-cfo-renewal-competitor", "send-me-a-summary")
    review = Review("s1", datetime(2030, 1, 1, tzinfo=UTC), "stall", "raised", True, True, False)
    session = session_for(DrillItem(schedule(key, [review]), 1.0), library, store=None, seed=4)
    assert [o.id for o in session.scenario.objections] == ["send-me-a-summary"]
    assert session.scenario.turn_limit <= 6

    import asyncio

    async def opening() -> None:
        async for _ in session.start():
            pass

    asyncio.run(opening())
    assert session.turns[0].objection == "send-me-a-summary"


def test_plan_ignores_sessions_on_unknown_scenarios() -> None:
    assert plan_drills([], frozenset(), datetime.now(UTC)).due == []
