"""Progress: attempts over time, best and latest per scenario, the weakest
category and what to practise next."""

from __future__ import annotations

from textual.widgets import DataTable, Static
from tui_support import GOOD_LINES, PRESSURE_LINE, SIZE, say, settle

from trainer.tui.progress import ProgressScreen
from trainer.tui.session_screen import SessionScreen
from trainer.tui.widgets import ScoreChart


async def _attempt(pilot, lines: list[str]) -> int:
    """One finished session on the CFO scenario; returns its score."""
    await settle(pilot)
    for line in lines:
        await say(pilot, line)
    await pilot.press("ctrl+s")
    await pilot.pause()
    score = pilot.app.screen.card.score
    await pilot.press("r")  # a new attempt at the same scenario
    await settle(pilot)
    return score


async def test_progress_with_nothing_practised_yet(build):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "No graded attempts yet" in str(app.screen.query_one(ScoreChart).render())
        insight = str(app.screen.query_one("#insight", Static).render())
        assert "Practise next:" in insight
        assert "easier buyer" in str(app.screen.query_one("#next-reason", Static).render())


async def test_progress_shows_scores_categories_and_the_next_scenario(build, session_for):
    app = build(session=session_for())
    async with app.run_test(size=SIZE) as pilot:
        first = await _attempt(pilot, [PRESSURE_LINE, PRESSURE_LINE, GOOD_LINES[0]])
        second = await _attempt(pilot, GOOD_LINES)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        chart = str(screen.query_one(ScoreChart).render())
        assert f"{first:>4}{second:>4}" in chart
        table = screen.query_one("#per-scenario", DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row == [
            "The CFO who says it costs too much",
            "2",
            str(max(first, second)),
            str(second),
            "yes",
        ]
        insight = str(screen.query_one("#insight", Static).render())
        assert f"2 graded attempt(s), 1 passed · first {first}, latest {second}" in insight
        # The closing line was said with no objection open: it counts for no category.
        assert "Weakest objection category: price: 4 of 6 turns consultative, 2 pressure" in insight
        categories = "\n".join(str(w.render()) for w in screen.query("#categories Static"))
        assert "price" in categories and "67% of 6" in categories
        # Enter on a row practises that scenario.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.scenario.id == "saas-cfo-price"


async def test_an_empty_table_says_what_will_be_there(build):
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert not app.screen.query(DataTable)
        empty = app.screen.query_one("#per-scenario-empty", Static)
        assert "No graded attempts yet" in str(empty.render())
        assert empty.border_title == "Best and latest per scenario"
        # The chart's top is on screen: nothing scrolled out of view at 80x24.
        assert app.screen.scroll_y == 0
        chart = app.screen.query_one(ScoreChart)
        assert chart.region.y >= 1 and chart.region.bottom <= 24
