"""Helpers for the terminal app tests: fake buyers, and driving a session."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from trainer.actors.base import ActorError, SpeakRequest
from trainer.actors.offline import OfflineVoice
from trainer.tui.app import TrainerApp

SIZE = (100, 32)
SCENARIO = "saas-cfo-price"
SEED = 7

# Lines that take the CFO price scenario to an agreed next step with the offline buyer.
GOOD_LINES = [
    "That's a fair concern. What's behind the budget worry, what happened last time?",
    "We could start with a pilot at one depot so you see usage data first.",
    "Would it make sense to set up a call with ops next week?",
]
PRESSURE_LINE = (
    "I totally understand, but this price is only good until Friday, so let's sign today."
)


class FailingVoice:
    """Voices the opening line, then fails every call after `ok_calls`."""

    name = "fake/flaky"

    def __init__(self, ok_calls: int = 1, *, retryable: bool = True) -> None:
        self.ok_calls = ok_calls
        self.calls = 0
        self.retryable = retryable
        self._offline = OfflineVoice()

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        self.calls += 1
        if self.calls > self.ok_calls:
            raise ActorError(
                "the model 'fake/flaky' failed (RateLimitError): slow down",
                retryable=self.retryable,
            )
        async for chunk in self._offline.speak(request):
            yield chunk


class GatedVoice:
    """Streams the offline line word by word and stops halfway until released,
    so a test can look at a half-streamed reply."""

    name = "fake/streaming"

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.halfway = asyncio.Event()
        self._offline = OfflineVoice()

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        text = "".join([c async for c in self._offline.speak(request)])
        words = text.split(" ")
        half = len(words) // 2
        for index, word in enumerate(words):
            if index == half:
                self.halfway.set()
                await self.release.wait()
            yield word if index == 0 else " " + word


def chat_text(app: TrainerApp) -> str:
    """Everything in the conversation pane, as plain text."""
    from trainer.tui.widgets import ChatLine

    return "\n".join(str(line.render()) for line in app.screen.query(ChatLine))


async def say(pilot: Any, text: str) -> None:
    """Type a line into the session input and press Enter, then let the buyer answer."""
    from textual.widgets import Input

    box = pilot.app.screen.query_one("#say", Input)
    box.value = text
    await pilot.press("enter")
    # The screen takes the line (and empties the box) when it handles the
    # submission; a line it refuses stays in the box.
    for _ in range(20):
        if not box.value:
            break
        await pilot.pause()
    await settle(pilot)


async def settle(pilot: Any) -> None:
    """Wait until the buyer has answered and the screen has drawn the reply:
    on the screen's own signal, not on a number of pauses."""
    await pilot.pause()
    idle = getattr(pilot.app.screen, "idle", None)
    if isinstance(idle, asyncio.Event):
        await asyncio.wait_for(idle.wait(), timeout=30)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def steady(pilot: Any) -> None:
    """Before a snapshot: no blinking cursor (it would show or not depending on
    when the picture is taken), and every pending message handled."""
    from textual.widgets import Input

    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


async def play_through(session: Any, lines: list[str], library: Any) -> None:
    """A whole graded attempt through the engine, as the app would record it."""
    from trainer.practice.factory import finish_and_grade

    async for _ in session.start():
        pass
    for line in lines:
        async for _ in session.say(line):
            pass
    finish_and_grade(session, library)


async def until(pilot: Any, condition: Any, *, tries: int = 200) -> None:
    """Let the app run until `condition()` holds: a state to reach, not a time
    to wait, so a slow machine only takes longer."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("the app never reached the expected state")
