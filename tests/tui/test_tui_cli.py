"""`trainer` opens Home, `trainer practice` opens a session; neither `--help`
nor `validate` nor `list` imports Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

from trainer.cli import main
from trainer.tui.app import TrainerApp
from trainer.tui.session_screen import SessionScreen


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[TrainerApp]:
    """Apps the CLI would run, captured instead of taking over the terminal."""
    apps: list[TrainerApp] = []
    monkeypatch.setattr(TrainerApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["validate"], ["list", "scenarios"], ["chat", "--help"], ["practice", "--help"]],
)
def test_quick_commands_never_import_textual_or_litellm(argv):
    code = (
        "import sys\n"
        "from trainer.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert 'litellm' not in sys.modules, 'litellm imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_no_command_opens_home(launched):
    assert main([]) == 0
    assert len(launched) == 1 and launched[0]._first_session is None


def test_practice_opens_a_session_directly(launched):
    assert main(["practice", "saas-cfo-price", "--exam", "--seed", "11", "--trainee", "Ana"]) == 0
    session = launched[0]._first_session
    assert session is not None
    assert session.scenario.id == "saas-cfo-price" and session.exam and session.seed == 11
    assert session.trainee == "Ana"


def test_practice_resumes_a_saved_session(launched):
    assert main(["practice", "saas-cfo-price", "--seed", "3"]) == 0
    first = launched[0]._first_session
    assert first is not None
    first.store = None  # the CLI closed its store; nothing more is written
    from trainer.store.sqlite import open_store

    store = open_store()
    try:
        store.create_session(first.transcript())
    finally:
        store.close()
    assert main(["practice", "--resume", first.id[:8]]) == 0
    resumed = launched[1]._first_session
    assert resumed is not None and resumed.id == first.id and resumed.seed == 3


def test_practice_with_a_bad_id_is_a_one_line_error(launched, capsys):
    assert main(["practice", "no-such-scenario"]) == 2
    assert "unknown scenario 'no-such-scenario'" in capsys.readouterr().err
    assert launched == []
    with pytest.raises(SystemExit) as exit_info:
        main(["practice"])
    assert exit_info.value.code == 2


async def test_the_session_opens_over_home(library, store, settings, session_for):
    from trainer.tui import make_app

    app = make_app(library, store, settings, session=session_for())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
