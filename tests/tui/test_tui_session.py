"""Session: the chat, streaming, slash commands, the side panel, practice and
exam modes, model failures, and saving turn by turn."""

from __future__ import annotations

from textual.widgets import Button, Input, Static
from tui_support import (
    GOOD_LINES,
    PRESSURE_LINE,
    SIZE,
    FailingVoice,
    GatedVoice,
    chat_text,
    say,
    settle,
)

from trainer.actors.offline import OfflineVoice
from trainer.tui.dialogs import Confirm
from trainer.tui.home import HomeScreen
from trainer.tui.scorecard_screen import ScorecardScreen
from trainer.tui.session_screen import SessionScreen
from trainer.tui.widgets import ErrorPanel


def _panel(app) -> str:
    return str(app.screen.query_one("#panel", Static).render())


def _footer_keys(app) -> set[str]:
    return {b.action for (_, b, enabled, _) in app.screen.active_bindings.values() if enabled}


async def test_full_session_from_home_to_scorecard(build, store):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#scenarios")
        options.highlighted = options.get_option_index("scenario:saas-cfo-price")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert "Dana: " in chat_text(app)
        assert "Trust" in _panel(app) and "price  raised" in _panel(app)
        # A command typed key by key, as a person would; the long lines pasted in.
        await pilot.press(*"/hint", "enter")
        await settle(pilot)
        assert "Coach: " in chat_text(app)
        for line in GOOD_LINES:
            await say(pilot, line)
        text = chat_text(app)
        assert "You: We could start with a pilot" in text
        assert "▲ consultative: offer options, honest proof" in text
        assert "The conversation is over: Dana agreed to a next step" in text
        assert "price  buttoned up" in _panel(app)
        session = app.screen.session
        # Saved turn by turn: the store has every line already.
        assert len(store.load_session(session.id).turns) == 7
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        row = store.list_sessions()[-1]
        assert row.finished is not None and row.score == app.screen.card.score
        assert row.outcome == "next_step"


async def test_the_buyer_streams_in_as_it_arrives(build, session_for):
    session = session_for()
    voice = GatedVoice()
    session.actor = voice
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await voice.halfway.wait()
        await pilot.pause()
        partial = chat_text(app)
        assert "Dana: Thanks for making time" in partial
        assert "A lot more." not in partial  # the second half has not arrived yet
        assert app.screen.busy
        voice.release.set()
        await settle(pilot)
        assert "A lot more." in chat_text(app)
        assert not app.screen.busy
        assert len(session.turns) == 1


async def test_practice_mode_gives_live_feedback_and_hints(build, session_for):
    app = build(session=session_for())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, PRESSURE_LINE)
        text = chat_text(app)
        assert "▼ pressure: false urgency, assumptive close" in text
        assert "only good until Friday" in text
        assert "Trust" in _panel(app) and "-12" in _panel(app)  # what the push cost
        await say(pilot, "/hint")
        assert "Coach: Acknowledge the price concern, then explore" in chat_text(app)
        assert {"hint", "undo", "restart"} <= _footer_keys(app)


async def test_exam_mode_has_no_feedback_no_hints_no_undo(build, session_for):
    app = build(session=session_for(mode="exam"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, PRESSURE_LINE)
        text = chat_text(app)
        assert "pressure" not in text and "consultative" not in text
        await say(pilot, "/hint")
        await say(pilot, "/undo")
        await say(pilot, "/restart")
        text = chat_text(app)
        # One rule, from the commands table shared with `trainer chat`.
        for command in ("/hint", "/undo", "/restart"):
            assert f"{command} is off in exam mode: /end finishes the attempt." in text
        assert "Coach:" not in text
        assert len(app.screen.session.turns) == 3
        assert not {"hint", "undo", "restart"} & _footer_keys(app)
        assert "-12" not in _panel(app)


async def test_undo_takes_back_the_last_exchange_and_offers_the_line_again(
    build, session_for, store
):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, GOOD_LINES[0])
        await say(pilot, PRESSURE_LINE)
        assert len(session.turns) == 5
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(session.turns) == 3
        assert len(store.load_session(session.id).turns) == 3
        assert "only good until Friday" not in chat_text(app)
        assert app.screen.query_one("#say", Input).value == PRESSURE_LINE
        assert "price  real reason out" in _panel(app)


async def test_restart_asks_first_then_goes_back_to_the_opening_line(build, session_for, store):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opening = session.turns[0].text
        await say(pilot, GOOD_LINES[0])
        await say(pilot, "/restart")
        # Something to lose: the question comes first, and "no" is the default.
        assert isinstance(app.screen, Confirm)
        assert "your line and Dana's replies" in str(app.screen.query_one(Static).render())
        await pilot.press("enter")  # the focused button: keep it
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and len(session.turns) == 3
        assert len(store.load_session(session.id).turns) == 3
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert [t.text for t in session.turns] == [opening]
        assert "You:" not in chat_text(app)


async def test_restart_with_nothing_said_does_not_ask(build, session_for):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, "/restart")
        assert isinstance(app.screen, SessionScreen)
        assert "Nothing to restart yet." in chat_text(app)


async def test_trainee_markup_and_escape_sequences_show_as_text(build, session_for):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, "[bold red]Fair point[/] \x1b[2J what's behind it?")
        text = chat_text(app)
        assert "You: [bold red]Fair point[/]" in text
        assert "\x1b" not in text
        assert session.turns[1].text.startswith("[bold red]Fair point[/]")


async def test_a_model_failure_is_a_message_with_retry_and_nothing_is_lost(
    build, session_for, store
):
    session = session_for()
    voice = FailingVoice(ok_calls=1)
    session.actor = voice
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, GOOD_LINES[0])
        panel = app.screen.query_one(ErrorPanel)
        assert "The buyer could not answer" in str(panel.query_one(Static).render())
        assert "RateLimitError" in str(panel.query_one(Static).render())
        assert session.awaiting_buyer and len(session.turns) == 2
        assert len(store.load_session(session.id).turns) == 2  # the trainee's line is saved
        assert {"retry", "offline"} <= _footer_keys(app)
        # Typing on is refused with a pointer to the way out, and the line is kept.
        await say(pilot, "Something else")
        assert app.screen.query_one("#say", Input).value == "Something else"
        app.screen.query_one("#say", Input).value = ""
        # Retry with the same (still failing) model: the same clear message.
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert voice.calls == 3 and len(app.screen.query(ErrorPanel)) == 1
        # Switch to the offline buyer by clicking: the reply comes, no turn lost.
        await pilot.click("#offline")
        await settle(pilot)
        assert isinstance(session.actor, OfflineVoice)
        assert not app.screen.query(ErrorPanel)
        assert not session.awaiting_buyer and len(session.turns) == 3
        assert session.turns[1].text == GOOD_LINES[0]
        assert len(store.load_session(session.id).turns) == 3
        assert "Switched to the offline buyer" in chat_text(app)
        assert "voice: offline" in _panel(app)


async def test_a_failed_opening_line_can_be_retried(build, session_for):
    session = session_for()
    voice = FailingVoice(ok_calls=0, retryable=True)
    session.actor = voice
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query(ErrorPanel)
        assert app.screen.query_one("#retry", Button)
        voice.ok_calls = 5  # the provider is back
        await pilot.click("#retry")
        await settle(pilot)
        assert not app.screen.query(ErrorPanel)
        assert session.turns[0].role == "buyer"
        assert "Dana: " in chat_text(app)


async def test_escape_goes_home_and_the_session_is_saved(build, session_for, store):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, GOOD_LINES[0])
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(store.load_session(session.id).turns) == 3
        assert store.list_sessions()[-1].finished is None


async def test_end_with_nothing_said_does_not_grade(build, session_for, store):
    app = build(session=session_for())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await say(pilot, "/end")
        assert isinstance(app.screen, SessionScreen)
        assert "Nothing to grade yet" in chat_text(app)
        await say(pilot, "/nonsense")
        assert "Unknown command /nonsense" in chat_text(app)
        assert store.list_sessions()[-1].finished is None


async def test_an_exam_attempt_the_store_refuses_is_explained_not_a_crash(
    build, store, session_for
):
    """Two attempts built at the same time for the last attempt: the store
    gives it to the first one to start; the other says why it cannot run."""
    store.create_assignment(
        trainee="Sam",
        scenario="saas-cfo-price",
        due=None,
        pass_mark=95,
        attempts=1,
        exam=True,
        seed=3,
    )
    first, second = session_for(mode="exam"), session_for(mode="exam")
    assert first.assignment_id is not None and second.assignment_id is not None

    async def start(session) -> None:
        async for _ in session.start():
            pass

    await start(first)  # takes the attempt
    app = build(session=second)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        text = chat_text(app)
        assert "This attempt cannot start: Sam: no attempts left on the exam" in text
        assert "Something went wrong" not in text
        await say(pilot, "Hello?")
        assert second.turns == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_narrow_terminal_folds_the_buyer_panel_into_a_status_line(build, session_for):
    app = build(session=session_for())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await say(pilot, GOOD_LINES[0])
        panel, status = app.screen.query_one("#panel"), app.screen.query_one("#status", Static)
        assert not panel.display and status.display
        # The conversation gets the width the panel had.
        assert app.screen.query_one("#chat").size.width >= 76
        line = str(status.render())
        assert "Trust" in line and "Patience" in line and "price real reason out" in line
        assert "line 1 of 12" in line
    app = build(session=session_for())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#panel").display
        assert not app.screen.query_one("#status").display
