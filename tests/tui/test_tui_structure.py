"""The app's shape: screens post messages and the app navigates; screens get a
context, never the app; the store is read outside compose and render."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from tui_support import GOOD_LINES, SIZE, say, settle

import trainer.tui
from trainer.tui.home import HomeScreen
from trainer.tui.progress import ProgressScreen
from trainer.tui.scorecard_screen import ScorecardScreen

TUI = Path(trainer.tui.__file__).parent
SCREENS = ("home", "progress", "scorecard_screen", "session_screen")


def _imports(module: str) -> set[str]:
    tree = ast.parse((TUI / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_no_screen_imports_another_screen_or_the_app():
    for screen in SCREENS:
        others = {f"trainer.tui.{m}" for m in SCREENS if m != screen} | {"trainer.tui.app"}
        assert not _imports(screen) & others, screen
        source = (TUI / f"{screen}.py").read_text(encoding="utf-8")
        assert "TrainerApp" not in source, f"{screen} reaches into the app"


class WatchedStore:
    """The test's store, failing any call made while a screen composes or renders."""

    def __init__(self, store) -> None:
        self._store = store
        self.calls: list[str] = []

    def __getattr__(self, name: str):
        attribute = getattr(self._store, name)
        if not callable(attribute):
            return attribute

        def watched(*args, **kwargs):
            for frame in inspect.stack()[1:]:
                if (
                    frame.function in ("compose", "render", "render_line")
                    and "tui" in frame.filename
                ):
                    raise AssertionError(
                        f"store.{name} read in {frame.function} ({frame.filename})"
                    )
            self.calls.append(name)
            return attribute(*args, **kwargs)

        return watched


async def test_the_store_is_never_read_while_a_screen_composes_or_renders(library, store, settings):
    from trainer.tui.app import make_app

    watched = WatchedStore(store)
    store.create_assignment(
        trainee="Sam",
        scenario="saas-cfo-price",
        due=None,
        pass_mark=70,
        attempts=None,
        exam=False,
        seed=None,
    )
    app = make_app(library, watched, settings, seed=7)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # the assignment
        await settle(pilot)
        await say(pilot, GOOD_LINES[0])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    # The screens did read it, through the context, outside compose and render.
    assert {"snapshot", "list_sessions", "create_session", "finish_session"} <= set(watched.calls)
