"""The Drills entry on Home: the trainee's objections due for practice,
weakest first; Enter runs one as a short session, which counts as a drill."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static
from tui_support import GOOD_LINES, SIZE, play_through, say, settle, steady

from trainer.tui.drills_screen import EMPTY, DrillsScreen
from trainer.tui.home import HomeScreen
from trainer.tui.scorecard_screen import ScorecardScreen
from trainer.tui.session_screen import SessionScreen

PUSHY = [
    "Honestly, every CFO says that. This price is only good until Friday.",
    "Look, your competitors are already using this. You can't afford to fall behind.",
    "So should I send the contract for annual or monthly billing?",
]
# The history is played on the first day; the list is read on the fourth,
# when the objection pushed on (back the next day) is due.
PLAYED = "2026-12-01T09:00:00Z"
LISTED = "2026-12-04T09:00:00Z"


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.session.session.now", lambda: PLAYED)
    monkeypatch.setattr("trainer.clock.now", lambda: LISTED)


async def _history(session_for, library) -> None:
    """Two graded sessions: one pushed on competitor, one handled price well."""
    await play_through(session_for("saas-cfo-renewal-competitor"), PUSHY, library)
    await play_through(session_for("saas-cfo-price"), GOOD_LINES, library)


async def _open_drills(pilot) -> DrillsScreen:
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("d")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DrillsScreen)
    return screen


def _entries(screen: DrillsScreen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one("#drills", OptionList).options]


async def test_nothing_graded_yet_says_so(build):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_drills(pilot)
        assert _entries(screen) == [EMPTY]
        assert "finish it" in str(screen.query_one("#drills-note", Static).render())
        await pilot.press("enter")  # nothing to start
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_list_after_graded_sessions_weakest_first(build, session_for, library, pinned):
    await _history(session_for, library)
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_drills(pilot)
        entries = _entries(screen)
        assert entries[0] == "Due now, weakest first"
        first = entries[1]
        assert first.startswith("  competitor: rival is cheaper")
        assert "you pushed on competitor in your last session" in first
        assert "due 2026-12-02" in first
        assert screen.plan is not None and screen.plan.due
        assert screen.plan.due[0].objection == "rival-is-cheaper"
        # Every due drill is listed, each with its scenario's title.
        assert len([e for e in entries if e.startswith("  ")]) >= len(screen.plan.due)
        assert all(" · " in e for e in entries if e.startswith("  "))


async def test_a_drill_opens_on_its_objection_and_counts_once_graded(
    build, session_for, library, pinned, _isolated_home: Path
):
    await _history(session_for, library)
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_drills(pilot)
        assert screen.plan is not None
        item = screen.plan.due[0]
        await pilot.press("enter")
        await settle(pilot)
        session_screen = app.screen
        assert isinstance(session_screen, SessionScreen)
        session = session_screen.session
        assert session.turns[0].role == "buyer"
        assert session.turns[0].objection == item.objection  # raised at once
        assert [o.id for o in session.scenario.objections] == [item.objection]
        assert session.scenario.turn_limit <= 6
        assert session.assignment_id is None
        before = json.loads((_isolated_home / "drills.json").read_text())
        assert before["drills"] == []
        await say(pilot, "That's fair, it's a big gap. What are they offering for that price?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        state = json.loads((_isolated_home / "drills.json").read_text())
        assert state["drills"] == [session.id]
        card = state["cards"][item.card.key.name]
        assert card["reviews"] == len(item.card.reviews) + 1  # the sessions, then the drill


async def test_retry_from_the_scorecard_runs_the_drill_again(
    build, session_for, library, pinned, _isolated_home: Path
):
    await _history(session_for, library)
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await _open_drills(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.screen.session
        await say(pilot, "What are they offering for that price, exactly?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("r")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, SessionScreen) and again.session.id != first.id
        assert [o.id for o in again.session.scenario.objections] == ["rival-is-cheaper"]
        await say(pilot, "What would switching mean for your team?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        state = json.loads((_isolated_home / "drills.json").read_text())
        assert state["drills"] == [first.id, again.session.id]


async def test_a_session_from_home_is_not_a_drill(build, session_for, library, _isolated_home):
    await _history(session_for, library)
    app = build(session=session_for())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, GOOD_LINES[0])
        await pilot.press("ctrl+s")
        await settle(pilot)
        path = _isolated_home / "drills.json"
        assert not path.exists() or json.loads(path.read_text())["drills"] == []


def test_drills_snapshot(build, session_for, library, pinned, snap_compare):
    """Drills at 80x24: "Due now, weakest first" with the competitor objection
    pushed on (rival is cheaper, The renewal..., due 2026-12-02, "you pushed on
    competitor in your last session") highlighted first, then the other
    objections with their due dates and reasons; the note under the list; Enter
    and Esc in the footer."""
    import asyncio

    asyncio.run(_history(session_for, library))

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(build(), terminal_size=(80, 24), run_before=run_before)
