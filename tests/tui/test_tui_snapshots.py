"""Snapshots of the main screens with the offline buyer and a fixed seed, so
the buyer's words are the same on every run: at 100x32, and at 80x24 and
120x40 (the smallest terminal the app is comfortable in, and a roomy one).
Each docstring says what the picture must show; update with
`pytest tests/tui --snapshot-update` only after looking at the new SVGs.

Every picture is taken once the screen says it is idle (the buyer has
answered and the reply is drawn) and with the cursor's blinking off, so a
busy machine takes the same picture as an idle one."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import OptionList
from tui_support import GOOD_LINES, PRESSURE_LINE, SIZE, FailingVoice, say, settle, steady, until

from trainer.grading.scoring import grade
from trainer.session.session import Session


def _play(session: Session, lines: list[str], library) -> None:
    """A whole graded attempt through the engine, as the app would record it."""

    async def run() -> None:
        async for _ in session.start():
            pass
        for line in lines:
            async for _ in session.say(line):
                pass

    asyncio.run(run())
    transcript = session.finish()
    card = grade(transcript, library.rubric(session.rubric), session.scenario)
    session.record_result(card.score, card.passed, card.to_dict())


SIZES = pytest.mark.parametrize(
    "size", [SIZE, (80, 24), (120, 40)], ids=["100x32", "80x24", "120x40"]
)


@SIZES
def test_home_snapshot(build, snap_compare, size):
    """Home: the filters on top; the scenario list grouped by industry with the CFO
    price scenario highlighted; its brief beside it (Dana, the situation, a good
    outcome, the rubric's criteria and pass mark); the buyer voice (offline), the
    mode (practice) and Start; the keys in the footer."""

    async def run_before(pilot) -> None:
        option_list = pilot.app.screen.query_one("#scenarios", OptionList)
        option_list.highlighted = option_list.get_option_index("scenario:saas-cfo-price")
        await steady(pilot)

    assert snap_compare(build(), terminal_size=size, run_before=run_before)


@SIZES
def test_session_snapshot(build, session_for, snap_compare, size):
    """Session in practice mode after a pressure line and a good question: each
    trainee line with its one-line feedback (red pressure, green consultative),
    Dana's replies, the side panel with trust and patience (and the last change)
    and the price objection explored; the input and the session keys below. At
    80x24 the panel is one status line above the input and the conversation
    takes the whole width."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await say(pilot, PRESSURE_LINE)
        await say(pilot, GOOD_LINES[0])
        await steady(pilot)

    assert snap_compare(build(session=session_for()), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x32", "80x24"])
def test_model_failure_snapshot(build, session_for, snap_compare, size):
    """A model call failed after the trainee spoke: the trainee's line stays, a
    red panel says what failed and that nothing is lost, with Retry and Use the
    offline buyer; the footer shows ctrl+r and ctrl+o."""
    session = session_for()
    session.actor = FailingVoice(ok_calls=1)

    async def run_before(pilot) -> None:
        await settle(pilot)
        await say(pilot, GOOD_LINES[0])
        await steady(pilot)

    assert snap_compare(build(session=session), terminal_size=size, run_before=run_before)


@SIZES
def test_scorecard_snapshot(build, session_for, snap_compare, size):
    """Scorecard: the score, NOT PASSED and the pass mark on top; the criteria
    with their evidence on the left; on the right every trainee turn labelled,
    the deciding words underlined, and a better alternative for the pressure one.
    The lines are numbered 1 and 2, as the trainee counts them."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await say(pilot, PRESSURE_LINE)
        await say(pilot, GOOD_LINES[0])
        await pilot.press("ctrl+s")
        # The scorecard drawn: its turns listed.
        await until(
            pilot,
            lambda: (
                bool(pilot.app.screen.query("#turns"))
                and bool(pilot.app.screen.query_one("#turns").options)
            ),
        )
        await steady(pilot)

    assert snap_compare(build(session=session_for()), terminal_size=size, run_before=run_before)


@SIZES
def test_progress_snapshot(build, session_for, library, snap_compare, size):
    """Progress after three attempts on the CFO scenario: the scores as bars
    (red below the pass mark, green above) with the pass mark line; price as the
    only category with its consultative share; the summary, the weakest category
    and the suggestion; the table with best and latest. At 80x24 the chart's top
    (the 100 mark) is on screen."""
    for seed, lines in (
        (1, [PRESSURE_LINE, PRESSURE_LINE]),
        (2, [PRESSURE_LINE, *GOOD_LINES]),
        (3, GOOD_LINES),
    ):
        session = session_for(seed=seed)
        session.started = f"2026-01-0{seed}T10:00:00Z"
        _play(session, lines, library)

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("p")
        await until(
            pilot,
            lambda: (
                bool(pilot.app.screen.query("#per-scenario"))
                and bool(pilot.app.screen.query_one("#per-scenario").row_count)
            ),
        )
        await steady(pilot)

    assert snap_compare(build(), terminal_size=size, run_before=run_before)


def test_first_run_name_snapshot(library, store, snap_compare):
    """The first visit at 80x24: over Home, a dialog asks the trainee's name,
    says why (the buyer greets them by it) and that Esc goes on without one."""
    from trainer.config import Settings
    from trainer.tui.app import make_app

    async def run_before(pilot) -> None:
        await pilot.pause()
        await steady(pilot)

    app = make_app(library, store, Settings(trainee=None), seed=7)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
