"""The session: the chat with the buyer, streamed as it arrives; the input for
the trainee's lines and slash commands; the buyer's mood and the objections.

The screen drives a Session and renders its events. Model calls run in an
async worker that posts each engine event as a message; the handlers only
update widgets.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static

from trainer.actors import OfflineVoice
from trainer.actors.base import ActorError
from trainer.errors import TrainerError
from trainer.session.coach import hint
from trainer.session.commands import COMMANDS, Command, command_help, find_command
from trainer.session.director import BuyerState
from trainer.session.session import (
    BuyerChunk,
    BuyerLine,
    Ended,
    Event,
    Session,
    SessionError,
    TraineeRead,
    VoiceNotice,
)
from trainer.tui.context import TrainerContext
from trainer.tui.dialogs import Confirm
from trainer.tui.messages import Back, ShowScorecard
from trainer.tui.widgets import (
    OUTCOME_WORDS,
    ChatLine,
    ErrorPanel,
    buyer_panel_text,
    buyer_status_text,
    feedback_text,
    plain,
    speaker_line,
)

_BY_ACTION = {c.action: c for c in COMMANDS}
# What the input's placeholder offers: the commands a trainee needs most.
PLACEHOLDER_COMMANDS = ("/hint", "/undo", "/restart", "/end", "/help")


class EngineEvent(Message):
    """One event from the session, posted by the worker that drives it."""

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event


class BuyerFailed(Message):
    def __init__(self, error: str, retryable: bool) -> None:
        super().__init__()
        self.error = error
        self.retryable = retryable


class BuyerNotice(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class AttemptRefused(Message):
    """The session could not start: the store refused the attempt."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class BuyerDone(Message):
    """The worker has stopped, whatever happened."""


class SessionScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+t", "hint", "Hint"),
        Binding("ctrl+z", "undo", "Undo"),
        Binding("ctrl+n", "restart", "Restart"),
        Binding("ctrl+r", "retry", "Retry"),
        Binding("ctrl+o", "offline", "Offline buyer"),
        Binding("ctrl+s", "end", "End & score"),
        Binding("escape", "leave", "Home (saved)"),
    ]

    def __init__(self, context: TrainerContext, session: Session, *, draft: str = "") -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.draft = draft  # put in the input box: the line to say differently
        self.busy = False
        self._streaming: ChatLine | None = None
        self._chunks: list[str] = []
        # The state last drawn, so the panel can show what the last turn changed.
        self._shown: BuyerState | None = None
        # Set whenever the buyer is not answering: the worker has stopped and
        # every message it posted is drawn. Tests wait on it, not on time.
        self.idle = asyncio.Event()
        self.idle.set()
        self.refused: str | None = None  # the session could not start (no attempts left)

    @property
    def buyer(self) -> str:
        return self.session.persona.name.split()[0]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="session-main"):
            with Vertical(id="conversation"):
                yield VerticalScroll(id="chat")
                # The panel in brief, shown instead of it on a narrow terminal.
                yield Static(id="status", markup=False)
                yield Input(
                    placeholder=self._placeholder(),
                    id="say",
                    max_length=2000,
                )
            yield Static(id="panel", markup=False)
        yield Footer()

    def _placeholder(self) -> str:
        commands = command_help(self.session.mode, only=PLACEHOLDER_COMMANDS).replace("  ", " ")
        return f"Answer {plain(self.buyer)}, or type {commands}"

    def on_mount(self) -> None:
        session = self.session
        self.title = plain(session.scenario.title)
        trainee = [plain(session.trainee)] if session.trainee else []
        self.sub_title = " · ".join([session.mode.value, *trainee])
        self.query_one("#chat").border_title = "Conversation"
        self.query_one("#panel").border_title = "Buyer"
        self._chat().anchor()
        self._rebuild()
        if not session.turns and not session.awaiting_buyer:
            # Said before the attempt is stored: which attempt this is, what passes.
            notice = self.context.attempt_notice(session)
            if notice is not None:
                self._notice("This attempt counts: " + notice, kind="assignment")
            self._run(session.start())
        elif session.awaiting_buyer:
            self._notice(f"{self.buyer} had not answered your last line yet: asking again.")
            self._run(session.retry())
        box = self.query_one("#say", Input)
        if self.draft:
            box.value = self.draft
            box.cursor_position = len(self.draft)
        box.focus()

    # --- rendering --------------------------------------------------------

    def _chat(self) -> VerticalScroll:
        return self.query_one("#chat", VerticalScroll)

    def _add(self, line: ChatLine) -> ChatLine:
        self._chat().mount(line)
        return line

    def _notice(self, words: str, *, kind: str = "notice") -> None:
        self._add(ChatLine(Text(plain(words)), kind=kind))

    def _buyer_text(self, words: str) -> Text:
        return speaker_line(self.buyer, words, style="cyan")

    def _trainee_text(self, words: str) -> Text:
        return speaker_line("You", words, style="magenta")

    def _rebuild(self) -> None:
        """Draw the conversation from the session's turns (on open, undo, restart)."""
        self._chat().remove_children()
        self._streaming = None
        for index, turn in enumerate(self.session.turns):
            if turn.role == "buyer":
                self._add(ChatLine(self._buyer_text(turn.text), kind="buyer", turn=index))
            else:
                self._add(ChatLine(self._trainee_text(turn.text), kind="trainee", turn=index))
                if self.session.mode.coached and turn.label:
                    self._add(
                        ChatLine(feedback_text(turn.label, turn.tactics or []), kind="feedback")
                    )
        self._shown = self.session.state
        self._update_panel()
        if self.session.ended:
            self._ended_notice()

    def _update_panel(self, previous: BuyerState | None = None) -> None:
        session = self.session
        said = sum(1 for t in session.turns if t.role == "trainee")
        self.query_one("#status", Static).update(
            buyer_status_text(
                session.scenario,
                session.state,
                previous=previous if session.mode.coached else None,
                said=said,
            )
        )
        self.query_one("#panel", Static).update(
            buyer_panel_text(
                session.persona,
                session.scenario,
                session.state,
                mode=session.mode.value,
                voice=session.actor.name,
                previous=previous if session.mode.coached else None,
                said=said,
            )
        )

    def _ended_notice(self) -> None:
        outcome = self.session.outcome
        words = OUTCOME_WORDS.get(outcome.value if outcome else "", "ended")
        more = ", /undo takes back your last line" if self.session.mode.can_go_back else ""
        self._notice(
            f"The conversation is over: {self.buyer} {words}. "
            f"/end (ctrl+s) shows your scorecard{more}.",
            kind="ended",
        )

    # --- driving the session ------------------------------------------------

    def _run(self, events: AsyncIterator[Event], *, typing: bool = True) -> None:
        """Drive the session in a worker; `typing` shows the buyer answering
        at once (a trainee line shows first, then the buyer types)."""
        self.busy = True
        self.idle.clear()
        self.query(ErrorPanel).remove()
        self._streaming = None
        self._chunks = []
        # Follow the conversation as it grows, even if the trainee scrolled up to reread.
        self._chat().anchor()
        if typing:
            self._add_typing()
        self.run_worker(self._drive(events), group="buyer", exclusive=True, exit_on_error=False)
        self.refresh_bindings()

    async def _drive(self, events: AsyncIterator[Event]) -> None:
        try:
            async for event in events:
                self.post_message(EngineEvent(event))
        except ActorError as exc:
            self.post_message(BuyerFailed(str(exc), exc.retryable))
        except SessionError as exc:
            self.post_message(BuyerNotice(str(exc)))
        except TrainerError as exc:  # the store refused the attempt: no attempts left
            self.post_message(AttemptRefused(str(exc)))
        except Exception as exc:  # a bug or a full disk: say so rather than go quiet
            self.post_message(BuyerNotice(f"Something went wrong: {type(exc).__name__}: {exc}"))
        finally:
            self.post_message(BuyerDone())

    def on_engine_event(self, message: EngineEvent) -> None:
        event = message.event
        if isinstance(event, TraineeRead):
            turn = self.session.turns[event.turn_index]
            self._add(
                ChatLine(self._trainee_text(turn.text), kind="trainee", turn=event.turn_index)
            )
            if self.session.mode.coached:
                # The tactics and words that decided the label, so the one line says why.
                c = event.reading.tactics
                pressure = c.label.value == "pressure"
                deciding = [f for f in c.findings if f.tactic.is_pressure == pressure]
                tactics = list(dict.fromkeys(f.tactic.value for f in deciding))
                quotes = [f.quote for f in deciding]
                self._add(ChatLine(feedback_text(c.label.value, tactics, quotes), kind="feedback"))
            self._update_panel()
            self._add_typing()
        elif isinstance(event, VoiceNotice):
            self._notice(event.text)
        elif isinstance(event, BuyerChunk):
            if event.reset:
                self._chunks = []
            self._chunks.append(event.text)
            line = self._streaming or self._add_typing()
            line.update(self._buyer_text("".join(self._chunks)))
        elif isinstance(event, BuyerLine):
            line = self._streaming or self._add_typing()
            line.update(self._buyer_text(event.turn.text))
            line.set_class(False, "typing")
            line.turn = event.turn_index
            self._streaming = None
            self._chunks = []
            previous, self._shown = self._shown, event.state
            self._update_panel(previous)
        elif isinstance(event, Ended):
            self._ended_notice()

    def _add_typing(self) -> ChatLine:
        if self._streaming is None:
            text = Text(f"{plain(self.buyer)} is answering…", style="dim italic")
            self._streaming = self._add(ChatLine(text, kind="buyer"))
            self._streaming.add_class("typing")
        return self._streaming

    async def on_buyer_failed(self, message: BuyerFailed) -> None:
        if self._streaming is not None:
            await self._streaming.remove()
            self._streaming = None
        self._chunks = []
        can_retry = message.retryable or self.session.actor.name != "offline"
        await self.query(ErrorPanel).remove()
        # Awaited, so the panel and its buttons are in place before BuyerDone.
        await self._chat().mount(ErrorPanel(message.error, can_retry=can_retry))

    def on_attempt_refused(self, message: AttemptRefused) -> None:
        self.refused = message.reason
        self._notice(f"This attempt cannot start: {message.reason}. Esc goes back Home.")
        box = self.query_one("#say", Input)
        box.placeholder = "No attempt left on this exam: Esc goes back Home"

    def on_buyer_notice(self, message: BuyerNotice) -> None:
        self._notice(message.text)

    async def on_buyer_done(self, message: BuyerDone) -> None:
        self.busy = False
        if self._streaming is not None and not self.session.awaiting_buyer:
            await self._streaming.remove()
            self._streaming = None
        self.refresh_bindings()
        self.query_one("#say", Input).focus()
        self.idle.set()

    # --- input --------------------------------------------------------------

    @on(Input.Submitted, "#say")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        box = self.query_one("#say", Input)
        if text.startswith("/"):
            box.clear()
            self._command(text)
            return
        if self.busy:
            self.notify(f"{self.buyer} is still answering.", markup=False)
            return
        if self.refused is not None:
            self.notify(f"{self.refused}. Esc goes back Home.", markup=False, severity="error")
            return
        if self.session.awaiting_buyer:
            self.notify(
                f"{self.buyer} has not answered yet: retry (ctrl+r) or use the offline buyer (ctrl+o).",
                markup=False,
                severity="warning",
            )
            return
        if self.session.ended:
            self._ended_notice()
            return
        box.clear()
        self._run(self.session.say(text), typing=False)

    def _command(self, text: str) -> None:
        command = find_command(text)
        if command is None:
            word = text.split()[0].lower()
            self._notice(f"Unknown command {word}. Commands: {self._commands()}")
            return
        if self._refuse(command):
            return
        getattr(self, f"action_{command.action}")()

    def _commands(self) -> str:
        return command_help(self.session.mode)

    def _refuse(self, command: Command) -> bool:
        """Say so, and True, when this session's mode does not offer `command`
        (the rules live in the commands table, one for the app and `trainer chat`)."""
        if command.allowed(self.session.mode):
            return False
        self._notice(
            f"{command.name} is off in {self.session.mode.value} mode: /end finishes the attempt."
        )
        return True

    # --- actions ------------------------------------------------------------

    def action_help(self) -> None:
        self._notice(
            f"Commands: {self._commands()}. Your lines and the buyer's are saved as you go; "
            "Esc goes back Home and you can resume there.",
        )

    def action_hint(self) -> None:
        if self._refuse(_BY_ACTION["hint"]):
            return
        self._notice("Coach: " + hint(self.session.state, self.session.scenario), kind="coach")

    def _guard(self) -> bool:
        if self.busy:
            self.notify(f"Wait for {self.buyer} to finish.", markup=False)
            return False
        return True

    def action_undo(self) -> None:
        if not self._guard() or self._refuse(_BY_ACTION["undo"]):
            return
        session = self.session
        last = next((t.text for t in reversed(session.turns) if t.role == "trainee"), None)
        try:
            session.undo()
        except SessionError as exc:
            self._notice(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
            return
        self._rebuild()
        self.refresh_bindings()
        box = self.query_one("#say", Input)
        if last is not None:
            box.value = last
            box.cursor_position = len(last)
        self.notify("Took back your last line: edit it and press Enter.", markup=False)

    def action_restart(self) -> None:
        if not self._guard() or self._refuse(_BY_ACTION["restart"]):
            return
        said = sum(1 for t in self.session.turns if t.role == "trainee")
        if said == 0:
            self._notice("Nothing to restart yet.")
            return
        lines = "your line" if said == 1 else f"your {said} lines"
        self.app.push_screen(
            Confirm(
                f"Start over from {self.buyer}'s opening?",
                f"This conversation ({lines} and {self.buyer}'s replies) is discarded; "
                "it is not kept anywhere.",
                yes="Start over",
            ),
            self._restart_confirmed,
        )

    def _restart_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed:
            self.notify("Kept the conversation.", markup=False)
            return
        try:
            self.session.rewind(1)
        except SessionError:
            self._notice("Nothing to restart yet.")
            return
        self._rebuild()
        self.refresh_bindings()
        self.notify("Started over from the buyer's opening line.", markup=False)

    def action_retry(self) -> None:
        if not self._guard():
            return
        if not self.session.awaiting_buyer:
            self._notice("Nothing to retry: the buyer has answered.")
            return
        self._run(self.session.retry())

    def action_offline(self) -> None:
        if not self._guard():
            return
        if self.session.actor.name == "offline":
            self._notice("The buyer is already the offline voice.")
        else:
            self.session.actor = OfflineVoice()
            self._notice("Switched to the offline buyer for the rest of this session.")
            self._update_panel()
        if self.session.awaiting_buyer:
            self._run(self.session.retry())

    def action_end(self) -> None:
        if not self._guard():
            return
        session = self.session
        if not any(t.role == "trainee" for t in session.turns):
            self._notice(
                f"Nothing to grade yet: answer {self.buyer} first. Esc goes back Home (saved)."
            )
            return
        transcript, card = self.context.finish(session)
        self.post_message(ShowScorecard(session, transcript, card))

    def action_leave(self) -> None:
        self.workers.cancel_group(self, "buyer")
        if not self.session.finished and any(t.role == "trainee" for t in self.session.turns):
            self.notify("Saved: resume it from Home.", markup=False)
        self.post_message(Back())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.session
        command = _BY_ACTION.get(action)
        if command is not None and not command.allowed(session.mode):
            return False
        if action in ("retry", "offline"):
            return session.awaiting_buyer and not self.busy
        return True

    @on(Button.Pressed, "#retry")
    def _retry_pressed(self) -> None:
        self.action_retry()

    @on(Button.Pressed, "#offline")
    def _offline_pressed(self) -> None:
        self.action_offline()
